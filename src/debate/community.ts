import type { Deck } from '../content/deck.js';
import { ok, refused } from './outcome.js';
import { type Refusal, refusal } from './refusals.js';
import { decide } from './scoring.js';
import type { Debate, DebateEvent, Result, Transition } from './types.js';

/**
 * Community judging (judging:community), as on DebateArt: after the last speech a voting window
 * opens; members who are not debaters vote for a side or a draw with a written reason for
 * decision; one vote each, changeable until the window closes; the majority decides, and a tie
 * (or no votes) goes to the automatic rubric.
 */
export const VOTING_TIMER = 'voting';
/** The shortest reason for decision a vote may carry. */
export const VOTE_REASON_MIN = 150;
export const VOTE_REASON_MAX = 1500;

type Event<T extends DebateEvent['type']> = Extract<DebateEvent, { type: T }>;

/** The window after the last speech: the format's votingSeconds (or its judging window). */
export const openVoting = (deck: Deck, state: Debate, now: number): Transition => {
  const format = deck.format(state.formatId);
  const seconds = format?.votingSeconds ?? format?.judgingSeconds ?? 300;
  const timer = { key: VOTING_TIMER, at: now + seconds * 1000 };
  return ok(
    {
      ...state,
      phase: 'judging',
      turn: state.slots.length,
      turnStartedAt: undefined,
      turnEndsAt: undefined,
      timer,
      votes: state.votes ?? {},
    },
    { type: 'announce', announcement: { kind: 'voting-opened', endsAt: timer.at } },
    { type: 'timer', timer },
  );
};

/** Why `userId` cannot vote now (the vote form's check and the vote's), or undefined. */
export const voteRefusal = (state: Debate, userId: string): Refusal | undefined => {
  if (state.phase === 'done' || state.phase === 'cancelled') return refusal('finished');
  if (state.judging !== 'community' || state.phase !== 'judging') return refusal('notVoting');
  if (state.debaters.some((d) => d.userId === userId)) return refusal('debaterCannotVote');
  return undefined;
};

export const communityVote = (deck: Deck, state: Debate, event: Event<'vote'>, now: number): Transition => {
  const { userId } = event.actor;
  const notNow = voteRefusal(state, userId);
  if (notNow) return refused(notNow);
  if (event.side !== 'draw' && !deck.side(event.side)) return refused(refusal('unknownWinner', event.side));
  const reason = event.reason.trim();
  if (reason.length < VOTE_REASON_MIN)
    return refused(refusal('voteReasonTooShort', reason.length, VOTE_REASON_MIN));
  const vote = { userId, side: event.side, reason: reason.slice(0, VOTE_REASON_MAX), at: now };
  return ok({ ...state, votes: { ...(state.votes ?? {}), [userId]: vote } });
};

/** The community's verdict: a side (or a draw) with more votes than each other choice; else undefined. */
export const majority = (deck: Deck, state: Debate): string | undefined => {
  const votes = Object.values(state.votes ?? {});
  const choices = [...deck.sides.map((s) => s.id), 'draw'];
  const count = (choice: string) => votes.filter((v) => v.side === choice).length;
  return choices.find((choice) => choices.every((other) => other === choice || count(choice) > count(other)));
};

/** The window closes: the majority decides; a tie or no vote falls to the automatic rubric. */
export const closeVoting = (deck: Deck, state: Debate, now: number): Transition => {
  if (state.phase !== 'judging') return ok(state);
  const automatic = decide(deck, state, now);
  const votes = Object.fromEntries(Object.values(state.votes ?? {}).map((v) => [v.userId, v.side]));
  const winner = majority(deck, state);
  const result: Result =
    winner !== undefined && state.turns.some((t) => t.outcome === 'delivered')
      ? { ...automatic, votes, winner, decidedBy: 'community', rated: true }
      : { ...automatic, votes };
  return ok(
    { ...state, phase: 'done', timer: undefined, turnStartedAt: undefined, turnEndsAt: undefined, result },
    { type: 'timer', timer: undefined },
    { type: 'announce', announcement: { kind: 'finished' } },
    { type: 'result', result },
  );
};
