import type { Deck } from '../content/deck.js';
import { openVoting } from './community.js';
import { readFeedback } from './feedback.js';
import { ok, refused } from './outcome.js';
import { type Refusal, refusal } from './refusals.js';
import { decide, judgedCriteria, weightedTotal } from './scoring.js';
import type { Debate, DebateEvent, Transition } from './types.js';

type Event<T extends DebateEvent['type']> = Extract<DebateEvent, { type: T }>;

/** After the last speech: judges get a window to vote, or the automatic rubric decides at once. */
export const endSpeeches = (deck: Deck, state: Debate, now: number): Transition => {
  if (state.judging === 'community') return openVoting(deck, state, now);
  if (state.judges.length === 0) return finish(deck, state, now);
  const seconds = deck.format(state.formatId)?.judgingSeconds ?? 300;
  const timer = { key: 'judging', at: now + seconds * 1000 };
  return ok(
    {
      ...state,
      phase: 'judging',
      turn: state.slots.length,
      turnStartedAt: undefined,
      turnEndsAt: undefined,
      timer,
    },
    { type: 'announce', announcement: { kind: 'judging-opened', endsAt: timer.at } },
    { type: 'timer', timer },
  );
};

export const finish = (
  deck: Deck,
  state: Debate,
  now: number,
  forfeit?: { forfeitedBy: string; winner: string },
): Transition => {
  const decided = decide(deck, state, now, forfeit);
  // Practice against Steelman is never rated: the leaderboard cannot be farmed against the bot.
  const result = state.practice ? { ...decided, rated: false } : decided;
  return ok(
    { ...state, phase: 'done', timer: undefined, turnStartedAt: undefined, turnEndsAt: undefined, result },
    { type: 'timer', timer: undefined },
    { type: 'announce', announcement: { kind: 'finished' } },
    { type: 'result', result },
  );
};

/** Why `userId` cannot submit a ballot now (the ballot form's check and the ballot's), or undefined. */
export const ballotRefusal = (state: Debate, userId: string): Refusal | undefined => {
  if (state.phase !== 'judging') return refusal('notJudging');
  if (!state.judges.includes(userId)) return refusal('notJudge');
  return undefined;
};

/**
 * A judge's ballot, with an optional reason for decision and notes to the debaters. It may be
 * resubmitted until the window closes (a resubmission replaces the whole ballot, feedback too);
 * the last ballot in closes it.
 */
export const ballot = (deck: Deck, state: Debate, event: Event<'ballot'>, now: number): Transition => {
  const { userId } = event.actor;
  const notNow = ballotRefusal(state, userId);
  if (notNow) return refused(notNow);
  const sideIds = deck.sides.map((s) => s.id);
  if (event.winner !== 'draw' && !sideIds.includes(event.winner))
    return refused(refusal('unknownWinner', event.winner));

  const criteria = judgedCriteria(deck);
  for (const debater of state.debaters) {
    const scores = event.scores[debater.userId];
    for (const criterion of criteria) {
      const score = scores?.[criterion.id];
      if (score === undefined)
        return refused(refusal('ballotIncomplete', `${criterion.name} for <@${debater.userId}>`));
      if (!Number.isInteger(score) || score < 1 || score > 5)
        return refused(refusal('ballotOutOfRange', `${criterion.name}: ${score}`));
    }
  }
  if (event.winner !== 'draw') {
    // No low-point wins: the side a judge gives the debate to may not have the lower points on their own ballot.
    const sideTotal = (side: string) => {
      const team = state.debaters.filter((d) => d.side === side);
      return (
        team.reduce((sum, d) => sum + weightedTotal(criteria, event.scores[d.userId] ?? {}), 0) / team.length
      );
    };
    const loser = sideIds.find((id) => id !== event.winner) as string;
    if (sideTotal(event.winner) < sideTotal(loser))
      return refused(refusal('ballotLowPointWin', deck.side(event.winner)?.name ?? event.winner));
  }
  const scores = Object.fromEntries(
    state.debaters.map((d) => [
      d.userId,
      Object.fromEntries(criteria.map((c) => [c.id, event.scores[d.userId]?.[c.id] as number])),
    ]),
  );
  const written = readFeedback(state, event.reason, event.notes);
  if (!written.ok) return refused(written.refusal);
  const ballots = {
    ...state.ballots,
    [userId]: { judgeId: userId, scores, winner: event.winner, submittedAt: now, ...written.feedback },
  };
  const voted = { ...state, ballots };
  return state.judges.every((id) => ballots[id] !== undefined) ? finish(deck, voted, now) : ok(voted);
};

/** A spectator's vote for the crowd favourite: one per person (a new vote replaces the old); shown, never decisive. */
export const crowdVote = (deck: Deck, state: Debate, event: Event<'crowd'>): Transition => {
  const { userId } = event.actor;
  if (state.phase !== 'speaking' && state.phase !== 'judging') return refused(refusal('crowdNotNow'));
  if (state.judges.includes(userId) || state.debaters.some((d) => d.userId === userId))
    return refused(refusal('crowdNotForParticipants'));
  if (!deck.side(event.side))
    return refused(refusal('unknownSide', event.side, deck.sides.map((s) => s.id).join(', ')));
  return ok({ ...state, crowd: { ...state.crowd, [userId]: event.side } });
};
