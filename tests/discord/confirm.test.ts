import { describe, expect, it } from 'vitest';
import { CONFIRM_SECONDS, expiresAt, hasExpired } from '../../src/discord/confirm.js';
import { customId, parseCustomId } from '../../src/discord/custom-id.js';

describe('confirmations', () => {
  it('given a confirmation made now, then it holds for CONFIRM_SECONDS and then expires', () => {
    const now = 1_800_000_000_000;
    const expires = expiresAt(now);
    expect(hasExpired(expires, now)).toBe(false);
    expect(hasExpired(expires, now + CONFIRM_SECONDS * 1000 - 1)).toBe(false);
    expect(hasExpired(expires, now + (CONFIRM_SECONDS + 1) * 1000)).toBe(true);
  });

  it('given the confirmation ids, then they round-trip through the codec', () => {
    const id = customId('confirm', '123456789012345678', 'pass', 2, 1_800_000_120);
    expect(parseCustomId(id)).toEqual({
      kind: 'confirm',
      args: ['123456789012345678', 'pass', 2, 1_800_000_120],
    });
    expect(parseCustomId(customId('season-new', '1234', 1, 5))).toEqual({
      kind: 'season-new',
      args: ['1234', 1, 5],
    });
    expect(parseCustomId(customId('keep'))).toEqual({ kind: 'keep', args: [] });
  });
});
