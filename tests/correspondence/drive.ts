import { loadDeck } from '../../src/content/load.js';
import { apply } from '../../src/debate/engine.js';
import type { Debate, DebateEvent, Transition } from '../../src/debate/types.js';

/** The shipped deck (the correspondence and weekend formats are data), loaded once per file. */
export const shippedDeck = await loadDeck('data');
export const HOUR = 3600 * 1000;
export const T0 = Date.UTC(2026, 11, 1, 9, 0, 0);
export const LEE = 'lee';
export const SAM = 'sam';

export const speech = (label: string) =>
  `${label}: next-token prediction has no world model, because planning needs a model of consequences. `.repeat(
    4,
  );

/** Applies one event; throws on a refusal (use `attempt` to look at one). */
export const step = (state: Debate | undefined, event: DebateEvent, at: number): Debate => {
  const t = apply(shippedDeck, state, event, at);
  if (!t.ok) throw new Error(`refused ${event.type}: ${t.refusal.code}`);
  return t.state;
};
export const attempt = (state: Debate, event: DebateEvent, at: number): Transition =>
  apply(shippedDeck, state, event, at);

/** A correspondence debate between lee (lecun) and sam (scaling), begun at T0 and past prep. */
export const begunCorrespondence = (options: { judging?: 'community'; formatId?: string } = {}) => {
  let s = step(
    undefined,
    {
      type: 'open',
      id: 'd1',
      guildId: 'g1',
      channelId: 'c1',
      hostId: LEE,
      motionId: 'M01',
      formatId: options.formatId ?? 'correspondence',
      mode: 'text',
      size: '1v1',
      seed: 3,
      lobbySeconds: 900,
      ...(options.judging ? { judging: options.judging } : {}),
    },
    T0,
  );
  s = step(s, { type: 'join', actor: { userId: LEE }, side: 'lecun' }, T0);
  s = step(s, { type: 'join', actor: { userId: SAM }, side: 'scaling' }, T0);
  s = step(s, { type: 'begin', actor: { userId: LEE } }, T0);
  s = step(s, { type: 'done', actor: { userId: LEE }, turn: -1 }, T0);
  return step(s, { type: 'done', actor: { userId: SAM }, turn: -1 }, T0);
};

/** Every speech given an hour into its turn: the debate at the end of its speeches, and when. */
export const allSpoken = (state: Debate, start = T0): { state: Debate; at: number } => {
  let s = state;
  let at = start;
  while (s.phase === 'speaking') {
    at += HOUR;
    const speaker = s.slots[s.turn]?.userId ?? '';
    s = step(s, { type: 'speak', actor: { userId: speaker }, text: speech(speaker), turn: s.turn }, at);
  }
  return { state: s, at };
};
