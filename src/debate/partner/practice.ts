import type { Deck } from '../../content/deck.js';
import { begin, join, open } from '../lobby.js';
import { andThen, ok } from '../outcome.js';
import { done, speak } from '../turns.js';
import type { DebateEvent, Effect, Transition } from '../types.js';
import { composeSpeech } from './compose.js';
import { PARTNER_ID } from './identity.js';

type OpenEvent = Extract<DebateEvent, { type: 'open' }>;

/** Lobby announcements a practice debate skips: it has no lobby card, it begins at once. */
const LOBBY_KINDS = new Set(['lobby-opened', 'lobby-changed']);

/**
 * A practice debate: opened, the member seated on their side (auto: the side they argued less),
 * Steelman on the other, and begun, in one transition. Text mode, one against one.
 */
export const openPractice = (deck: Deck, event: OpenEvent, now: number): Transition => {
  const practice = event.practice;
  if (!practice) return open(deck, event, now);
  const host = { userId: event.hostId };
  const opened = open(deck, { ...event, mode: 'text', size: '1v1' }, now);
  const seated = andThen(
    andThen(
      andThen(opened, (s) => ok({ ...s, practice: { level: practice.level } })),
      (s) =>
        join(deck, s, {
          type: 'join',
          actor: host,
          side: practice.side,
          ...(practice.history ? { history: practice.history } : {}),
        }),
    ),
    (s) => join(deck, s, { type: 'join', actor: { userId: PARTNER_ID }, side: 'auto' }),
  );
  const begun = andThen(seated, (s) => begin(deck, s, { type: 'begin', actor: host }, now));
  if (!begun.ok) return begun;
  // Only the last timer counts (the layer arms from the stored state); the lobby is never shown.
  const lastTimer = begun.effects.findLast((e) => e.type === 'timer');
  const effects = begun.effects.filter(
    (e: Effect) =>
      (e.type !== 'announce' || !LOBBY_KINDS.has(e.announcement.kind)) &&
      (e.type !== 'timer' || e === lastTimer),
  );
  return { ok: true, state: begun.state, effects };
};

/** At most this many partner moves follow one event (a format has far fewer speeches). */
const MAX_FOLLOW_UPS = 32;

/**
 * After every accepted event of a practice debate, Steelman plays its part inside the same pure
 * transition: ready during prep, and on its turn the composed speech. Composing here (rather than
 * the application layer submitting a move) keeps the event log the member's moves and deadlines
 * alone, and a replay of it composes the same speeches at the same times.
 */
export const partnerPlays = (deck: Deck, transition: Transition, now: number): Transition => {
  let out = transition;
  for (let i = 0; out.ok && out.state.practice && i < MAX_FOLLOW_UPS; i++) {
    const state = out.state;
    const level = state.practice?.level ?? 'club';
    if (state.phase === 'prep' && !state.ready.includes(PARTNER_ID)) {
      out = andThen(out, (s) => ok({ ...s, ready: [...s.ready, PARTNER_ID] }));
      continue;
    }
    const slot = state.slots[state.turn];
    if (state.phase !== 'speaking' || slot?.userId !== PARTNER_ID) break;
    const actor = { userId: PARTNER_ID };
    out = andThen(out, (s) => {
      const text = composeSpeech(deck, s, level);
      const spoken = speak(deck, s, { type: 'speak', actor, text, turn: s.turn }, now);
      // A speech the engine would refuse is never the member's problem: Steelman passes instead.
      return spoken.ok ? spoken : done(deck, s, { type: 'done', actor, turn: s.turn }, now);
    });
  }
  return out;
};
