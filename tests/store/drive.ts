import { expect } from 'vitest';
import type { Actor, DebateEvent } from '../../src/debate/types.js';
import { type Applied, applyDebateEvent } from '../../src/play/apply-move.js';
import type { Store } from '../../src/store/types.js';
import { testDeck } from '../fixtures/deck.js';

/** Drives real debates through applyDebateEvent, as the bot does. */
export const deck = testDeck();
export const GUILD = '100000000000000001';
export const T0 = 1_700_000_000_000;
export const actor = (userId: string): Actor => ({ userId });

export const openEvent = (
  id: string,
  options: { channelId?: string; hostId?: string; guildId?: string } = {},
): DebateEvent => ({
  type: 'open',
  id,
  guildId: options.guildId ?? GUILD,
  channelId: options.channelId ?? `chan-${id}`,
  hostId: options.hostId ?? 'host',
  motionId: 'M01',
  formatId: 'quick',
  mode: 'text',
  size: '1v1',
  seed: 42,
  lobbySeconds: 900,
});

/** Applies an event that must be accepted. */
export const step = async (
  store: Store,
  debateId: string,
  event: DebateEvent,
  at: number,
  guildId = GUILD,
): Promise<Extract<Applied, { ok: true }>> => {
  const applied = await applyDebateEvent(store, deck, guildId, debateId, event, at);
  if (!applied.ok) expect.fail(`${event.type} was refused: ${applied.refusal.message}`);
  return applied;
};

/** Opens a 1v1 'quick' debate with `lecun` on the lecun side and `scaling` on the other, and begins it (prep). */
export const begun = async (
  store: Store,
  id: string,
  players: { lecun: string; scaling: string } = { lecun: 'alice', scaling: 'bob' },
  at = T0,
  options: { channelId?: string; guildId?: string } = {},
) => {
  const guildId = options.guildId ?? GUILD;
  await step(store, id, openEvent(id, { ...options, hostId: players.lecun }), at, guildId);
  await step(store, id, { type: 'join', actor: actor(players.lecun), side: 'lecun' }, at + 1, guildId);
  await step(store, id, { type: 'join', actor: actor(players.scaling), side: 'scaling' }, at + 2, guildId);
  return step(store, id, { type: 'begin', actor: actor(players.lecun) }, at + 3, guildId);
};

/** A begun debate with both debaters ready: the first speech is under way. */
export const speaking = async (
  store: Store,
  id: string,
  players: { lecun: string; scaling: string } = { lecun: 'alice', scaling: 'bob' },
  at = T0,
) => {
  await begun(store, id, players, at);
  await step(store, id, { type: 'done', actor: actor(players.lecun) }, at + 4);
  return step(store, id, { type: 'done', actor: actor(players.scaling) }, at + 5);
};

/** A rated debate won by `winner`'s side: begun, then the other side forfeits. */
export const decided = async (
  store: Store,
  id: string,
  players: { lecun: string; scaling: string },
  winner: 'lecun' | 'scaling',
  at = T0,
  guildId = GUILD,
) => {
  await begun(store, id, players, at, { guildId });
  const loser = winner === 'lecun' ? players.scaling : players.lecun;
  return step(store, id, { type: 'forfeit', actor: actor(loser) }, at + 10, guildId);
};
