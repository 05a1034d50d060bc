import { describe, expect, it } from 'vitest';
import { retireRoles, rolesEndedBy, rolesPostedBy } from '../../src/discord/live-buttons.js';
import type { StoredDebate } from '../../src/store/types.js';
import { deck, speaking } from '../debate/helpers.js';

const live = { begun: 'm1', 'turn:0': 'm2', crowd: 'm2', 'turn:1': 'm3', judging: 'm4' };

describe('live buttons', () => {
  it('given a turn that ends, then only its own role (and a leftover Ready) ends', () => {
    expect(rolesEndedBy({ kind: 'turn-ended', turn: 0 }, live).sort()).toEqual(['begun', 'turn:0']);
    expect(rolesEndedBy({ kind: 'turn-started', turn: 1 }, live).sort()).toEqual(['begun', 'turn:0']);
    expect(rolesEndedBy({ kind: 'bell', turn: 1, secondsLeft: 30 }, live)).toEqual([]);
  });

  it('given judging that opens, then everything but the ballot ends; a result or a cancel ends all', () => {
    expect(rolesEndedBy({ kind: 'judging-opened', endsAt: 0 }, live)).not.toContain('judging');
    expect(rolesEndedBy({ kind: 'finished' }, live).sort()).toEqual(Object.keys(live).sort());
    expect(rolesEndedBy({ kind: 'cancelled' }, live).sort()).toEqual(Object.keys(live).sort());
  });

  it('given the first turn, then its message carries the turn and the crowd row', () => {
    expect(rolesPostedBy({ kind: 'turn-started', turn: 0 })).toEqual(['turn:0', 'crowd']);
    expect(rolesPostedBy({ kind: 'turn-started', turn: 2 })).toEqual(['turn:2']);
    expect(rolesPostedBy({ kind: 'begun', prepEndsAt: 0 })).toEqual(['begun']);
  });

  it('given roles to retire, then each message is edited once, keeping the crowd row while it is live', async () => {
    const stored = { state: speaking().state, log: [], meta: { liveMessages: live } } as StoredDebate;
    const edits: [string, number][] = [];
    const changes = await retireRoles(deck, stored, ['begun', 'turn:0'], async (id, components) => {
      edits.push([id, components.length]);
    });
    expect(edits).toEqual([
      ['m1', 0],
      ['m2', 1],
    ]);
    expect(changes).toEqual({ begun: null, 'turn:0': null });
    edits.length = 0;
    await retireRoles(deck, stored, Object.keys(live), async (id, components) => {
      edits.push([id, components.length]);
    });
    expect(edits).toEqual([
      ['m1', 0],
      ['m2', 0],
      ['m3', 0],
      ['m4', 0],
    ]);
  });
});
