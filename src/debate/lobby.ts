import type { Deck } from '../content/deck.js';
import { otherSide } from '../content/deck.js';
import { teamSize } from '../content/schemas.js';
import { deal } from './deal.js';
import { andThen, ok, refused } from './outcome.js';
import { type Refusal, refusal } from './refusals.js';
import { next } from './rng.js';
import { resolveSlots } from './slots.js';
import { startTurn } from './turns.js';
import type { Actor, Debate, DebateEvent, Debater, Transition } from './types.js';

type Event<T extends DebateEvent['type']> = Extract<DebateEvent, { type: T }>;

export const isHost = (state: Debate, actor: Actor) =>
  actor.userId === state.hostId || actor.manager === true;
const sideName = (deck: Deck, id: string) => deck.side(id)?.name ?? id;

export const open = (
  deck: Deck,
  event: Event<'open'>,
  now: number,
): Transition | Extract<Transition, { ok: false }> => {
  const motion = deck.motion(event.motionId);
  if (!motion) return refused(refusal('unknownMotion', event.motionId));
  const format = deck.format(event.formatId);
  if (!format) return refused(refusal('unknownFormat', event.formatId));
  if (!format.sizes.includes(event.size))
    return refused(refusal('sizeNotAllowed', format.name, event.size, format.sizes.join(' or ')));
  const timer = { key: 'lobby', at: now + event.lobbySeconds * 1000 };
  const state: Debate = {
    id: event.id,
    guildId: event.guildId,
    channelId: event.channelId,
    hostId: event.hostId,
    motionId: motion.id,
    formatId: format.id,
    mode: event.mode,
    size: event.size,
    createdAt: now,
    phase: 'lobby',
    rng: event.seed >>> 0,
    debaters: [],
    judges: [],
    ready: [],
    slots: [],
    hands: {},
    draws: {},
    piles: {},
    turn: -1,
    turnStartedAt: undefined,
    turnEndsAt: undefined,
    turns: [],
    timer,
    ballots: {},
    crowd: {},
    result: undefined,
    ...(event.voiceChannelId ? { voiceChannelId: event.voiceChannelId } : {}),
    ...(event.judging === 'community' ? { judging: 'community' as const, votes: {} } : {}),
  };
  return ok(state, { type: 'announce', announcement: { kind: 'lobby-opened' } }, { type: 'timer', timer });
};

const lobbyChanged = (state: Debate) =>
  ok(state, { type: 'announce', announcement: { kind: 'lobby-changed' } });

export const join = (deck: Deck, state: Debate, event: Event<'join'>): Transition => {
  const { userId } = event.actor;
  if (state.phase !== 'lobby') return refused(refusal('notInLobby'));
  if (state.judges.includes(userId)) return refused(refusal('judgeCannotDebate'));
  const sideIds = deck.sides.map((s) => s.id);
  if (event.side !== 'auto' && !sideIds.includes(event.side))
    return refused(refusal('unknownSide', event.side, sideIds.join(', ')));
  const current = state.debaters.find((d) => d.userId === userId);
  const others = state.debaters.filter((d) => d.userId !== userId);
  const room = (side: string) => teamSize(state.size) - others.filter((d) => d.side === side).length;

  let side: string;
  let rng = state.rng;
  if (event.side !== 'auto') {
    if (current?.side === event.side) return refused(refusal('alreadyOnSide', sideName(deck, event.side)));
    if (room(event.side) <= 0) return refused(refusal('sideFull', sideName(deck, event.side)));
    side = event.side;
  } else {
    if (current) return refused(refusal('alreadyOnSide', sideName(deck, current.side)));
    const open = sideIds.filter((id) => room(id) > 0);
    if (open.length === 0) return refused(refusal('bothSidesFull'));
    // Tabulation's balance rule: the side this player has argued less often, then the emptier side, then a coin.
    const argued = (id: string) => event.history?.[id] ?? 0;
    const players = (id: string) => others.filter((d) => d.side === id).length;
    const best = open.filter((id) => argued(id) === Math.min(...open.map(argued)));
    const fewest = best.filter((id) => players(id) === Math.min(...best.map(players)));
    if (fewest.length === 1) side = fewest[0] as string;
    else {
      const flip = next(rng);
      rng = flip.rng;
      side = fewest[Math.floor(flip.value * fewest.length)] as string;
    }
  }
  return lobbyChanged({ ...state, rng, debaters: [...others, { userId, side }] });
};

export const leave = (state: Debate, event: Event<'leave'>): Transition => {
  const { userId } = event.actor;
  const isDebater = state.debaters.some((d) => d.userId === userId);
  const isJudge = state.judges.includes(userId);
  if (!isDebater && !isJudge) return refused(refusal('notInDebate'));
  if (isDebater && state.phase !== 'lobby') return refused(refusal('leaveAfterBegin'));
  if (isJudge && state.phase !== 'lobby' && state.phase !== 'prep' && state.phase !== 'speaking')
    return refused(refusal('notInLobby'));
  return lobbyChanged({
    ...state,
    debaters: state.debaters.filter((d) => d.userId !== userId),
    judges: state.judges.filter((id) => id !== userId),
  });
};

export const judge = (state: Debate, event: Event<'judge'>): Transition => {
  const { userId } = event.actor;
  if (state.phase !== 'lobby' && state.phase !== 'prep' && state.phase !== 'speaking')
    return refused(refusal('notInLobby'));
  if (state.debaters.some((d) => d.userId === userId)) return refused(refusal('debaterCannotJudge'));
  if (state.judges.includes(userId)) return refused(refusal('alreadyJudge'));
  // A spectator who voted for the crowd favourite and now judges is no longer a spectator.
  const { [userId]: _vote, ...crowd } = state.crowd;
  return lobbyChanged({ ...state, judges: [...state.judges, userId], crowd });
};

/** The host swaps the two teams' sides before the debate begins. */
export const swap = (deck: Deck, state: Debate, event: Event<'swap'>): Transition => {
  if (state.phase !== 'lobby') return refused(refusal('notInLobby'));
  if (!isHost(state, event.actor)) return refused(refusal('hostOnly', 'swap the sides'));
  const debaters = state.debaters.map((d): Debater => ({ ...d, side: otherSide(deck, d.side) }));
  return lobbyChanged({ ...state, debaters });
};

export const begin = (deck: Deck, state: Debate, event: Event<'begin'>, now: number): Transition => {
  if (state.phase !== 'lobby') return refused(refusal('notInLobby'));
  if (!isHost(state, event.actor)) return refused(refusal('hostOnly', 'begin the debate'));
  const size = teamSize(state.size);
  const missing = deck.sides
    .map((side) => ({ side, need: size - state.debaters.filter((d) => d.side === side.id).length }))
    .filter(({ need }) => need > 0)
    .map(({ side, need }) => `${side.name} needs ${need} more`);
  if (missing.length > 0) return refused(refusal('sidesNotFull', missing.join(', ')));

  const format = deck.format(state.formatId);
  const motion = deck.motion(state.motionId);
  if (!format || !motion) return refused(refusal('unknownFormat', state.formatId));

  let rng = state.rng;
  const hands: Record<string, string[]> = {};
  const piles: Record<string, string[]> = {};
  for (const side of deck.sides) {
    const team = state.debaters.filter((d) => d.side === side.id);
    const dealt = deal(
      deck.cards.filter((c) => c.side === side.id),
      motion,
      team.length,
      format.handSize,
      rng,
    );
    rng = dealt.rng;
    team.forEach((debater, i) => {
      hands[debater.userId] = dealt.value.hands[i] ?? [];
    });
    piles[side.id] = dealt.value.pile;
  }
  const prepEndsAt = now + format.prepSeconds * 1000;
  const timer = { key: 'prep', at: prepEndsAt };
  const begun: Debate = {
    ...state,
    rng,
    phase: 'prep',
    slots: resolveSlots(deck, format, motion, state.debaters, state.mode),
    hands,
    piles,
    draws: Object.fromEntries(state.debaters.map((d) => [d.userId, 0])),
    timer,
  };
  const announced = ok(
    begun,
    { type: 'announce', announcement: { kind: 'begun', prepEndsAt } },
    { type: 'timer', timer },
  );
  return format.prepSeconds === 0 ? andThen(announced, (s) => startTurn(deck, s, 0, now)) : announced;
};

/**
 * Who may cancel, the one rule: in the lobby, the host or a moderator (Manage Server); after Begin,
 * only a moderator who is not a debater in it, so nobody can cancel away a rated loss. A practice
 * debate (never rated) its member may end at any time (/practice stop), as may a moderator.
 */
export const cancelRefusal = (state: Debate, actor: Actor): Refusal | undefined => {
  if (state.phase === 'lobby' || state.practice)
    return isHost(state, actor) ? undefined : refusal('hostOnly', 'cancel the debate');
  if (state.debaters.some((d) => d.userId === actor.userId)) return refusal('cancelByDebater');
  return actor.manager === true ? undefined : refusal('cancelNeedsModerator');
};

export const cancel = (state: Debate, event: Event<'cancel'>): Transition => {
  const refusedNow = cancelRefusal(state, event.actor);
  if (refusedNow) return refused(refusedNow);
  const byHost = event.actor.userId === state.hostId && (state.phase === 'lobby' || !!state.practice);
  return cancelled({ ...state, cancelReason: byHost ? 'host' : 'moderator' });
};

/** The lobby timed out before anyone began it. */
export const expire = (state: Debate): Transition => cancelled({ ...state, cancelReason: 'expired' });

const cancelled = (state: Debate): Transition =>
  ok(
    { ...state, phase: 'cancelled', timer: undefined },
    { type: 'announce', announcement: { kind: 'cancelled' } },
    { type: 'timer', timer: undefined },
  );
