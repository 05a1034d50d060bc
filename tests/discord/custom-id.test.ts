import { describe, expect, it } from 'vitest';
import { customId, parseCustomId } from '../../src/discord/custom-id.js';

describe('custom id codec', () => {
  it('given a join button id, then it parses back to its debate and side', () => {
    const id = customId('join', '123456789012345678', 'lecun');
    expect(id).toBe('s1:join:123456789012345678:lecun');
    expect(parseCustomId(id)).toEqual({ kind: 'join', args: ['123456789012345678', 'lecun'] });
  });

  it('given a speak button, then its turn number comes back as a number', () => {
    expect(parseCustomId(customId('speak', '42', 3))).toEqual({ kind: 'speak', args: ['42', 3] });
  });

  it('given a leaderboard page button, then guild, season, side and page round-trip', () => {
    expect(parseCustomId(customId('board', '99', 2, 'all', 5))).toEqual({
      kind: 'board',
      args: ['99', 2, 'all', 5],
    });
  });

  it('given the prep and point-of-information buttons, then they round-trip, and a POI answer is accept or decline only', () => {
    expect(parseCustomId(customId('prep', '42', 2))).toEqual({ kind: 'prep', args: ['42', 2] });
    expect(parseCustomId(customId('prep-end', '42', 2))).toEqual({ kind: 'prep-end', args: ['42', 2] });
    expect(parseCustomId(customId('poi', '42', 1))).toEqual({ kind: 'poi', args: ['42', 1] });
    expect(parseCustomId(customId('poi-answer', '42', 1, 'accept'))).toEqual({
      kind: 'poi-answer',
      args: ['42', 1, 'accept'],
    });
    expect(parseCustomId('s1:poi-answer:42:1:maybe')).toBeUndefined();
  });

  it.each([
    ['an empty id', ''],
    ['another bot’s id', 'ticket:open:1'],
    ['an older version', 's0:join:1:lecun'],
    ['an unknown kind', 's1:explode:1'],
    ['a forged debate id', 's1:join:../../etc:lecun'],
    ['a missing argument', 's1:join:123'],
    ['an extra argument', 's1:begin:123:extra'],
    ['a non-numeric turn', 's1:speak:123:two'],
    ['a side with capitals or spaces', 's1:join:123:Le Cun'],
  ])('given %s, then it does not parse (and so gets "expired")', (_label, id) => {
    expect(parseCustomId(id)).toBeUndefined();
  });

  it('given arguments that would exceed Discord’s 100 characters, then building the id throws', () => {
    expect(() => customId('join', '1'.repeat(21), 'x'.repeat(80))).toThrow(/longer than 100/);
  });
});
