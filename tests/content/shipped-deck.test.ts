import { beforeAll, describe, expect, it } from 'vitest';
import type { Deck } from '../../src/content/deck.js';
import { loadDeck } from '../../src/content/load.js';
import type { Format } from '../../src/content/schemas.js';
import { SHIPPED } from './data-copy.js';

let deck: Deck;
beforeAll(async () => {
  deck = await loadDeck(SHIPPED);
});

const format = (id: string): Format => {
  const found = deck.format(id);
  if (!found) throw new Error(`no format ${id}`);
  return found;
};
const speakingSeconds = (f: Format) => f.speeches.reduce((sum, s) => sum + s.seconds, 0);

describe('the shipped deck', () => {
  it('given data/, then it loads with two sides, at least 12 motions and 30 cards a side', () => {
    expect(deck.sides.map((s) => s.id)).toEqual(['lecun', 'scaling']);
    expect(deck.motions.length).toBeGreaterThanOrEqual(12);
    for (const side of deck.sides)
      expect(deck.cards.filter((c) => c.side === side.id).length, side.id).toBeGreaterThanOrEqual(30);
  });

  it('given its cards, then the sides are within 5 cards of each other, at least 35 each, with as many quotations', () => {
    const count = (side: string) => deck.cards.filter((c) => c.side === side).length;
    const quotes = (side: string) => deck.cards.filter((c) => c.side === side && c.quote).length;
    expect(count('lecun')).toBeGreaterThanOrEqual(35);
    expect(count('scaling')).toBeGreaterThanOrEqual(35);
    expect(Math.abs(count('lecun') - count('scaling'))).toBeLessThanOrEqual(5);
    expect(quotes('scaling')).toBe(quotes('lecun'));
  });

  it('given its tags, then every tag in the vocabulary is used by some card or motion', () => {
    const used = new Set([...deck.cards, ...deck.motions].flatMap((x) => x.tags));
    expect(deck.tags.filter((t) => !used.has(t.id)).map((t) => t.id)).toEqual([]);
  });

  it('given its motions, then both sides affirm some, and each is framed for both sides', () => {
    const affirming = new Set(deck.motions.map((m) => m.affirms));
    expect(affirming).toEqual(new Set(['lecun', 'scaling']));
    for (const motion of deck.motions)
      expect(Object.keys(motion.framing).sort(), motion.id).toEqual(['lecun', 'scaling']);
  });

  it('given its cards, then each cites a source of the deck', () => {
    for (const card of deck.cards) expect(deck.source(card.source), card.id).toBeDefined();
  });

  it('given the quick format, then a whole debate (prep, speeches, judging) takes about ten minutes', () => {
    const quick = format('quick');
    const minutes = (quick.prepSeconds + speakingSeconds(quick) + quick.judgingSeconds) / 60;
    expect(minutes).toBeGreaterThanOrEqual(8);
    expect(minutes).toBeLessThanOrEqual(12);
    expect(quick.sizes).toContain('1v1');
  });

  it('given the standard format, then a live debate takes about thirty minutes, as its description says', () => {
    const standard = format('standard');
    const minutes = (standard.prepSeconds + speakingSeconds(standard) + standard.judgingSeconds) / 60;
    expect(minutes).toBeGreaterThanOrEqual(25);
    expect(minutes).toBeLessThanOrEqual(35);
    expect(standard.description).toContain('about thirty minutes live');
  });

  it('given every format, then text mode allows at least the live time for each speech', () => {
    for (const f of deck.formats)
      for (const [i, s] of f.speeches.entries())
        expect(s.textSeconds, `${f.id} speech ${i}`).toBeGreaterThanOrEqual(s.seconds);
  });

  it('given the standard format, then it is a 1v1 longer than the quick one', () => {
    const standard = format('standard');
    expect(standard.sizes).toContain('1v1');
    expect(speakingSeconds(standard)).toBeGreaterThan(speakingSeconds(format('quick')));
  });

  it('given the Lincoln-Douglas format, then each side cross-examines the other', () => {
    const ld = format('lincoln-douglas');
    const crossExaminers = ld.speeches.filter((s) => s.kind === 'cross-examination').map((s) => s.side);
    expect(new Set(crossExaminers)).toEqual(new Set(['lecun', 'scaling']));
  });

  it('given Lincoln-Douglas, then each side has a 4-minute prep pool; given the parliamentary format, 7-minute 2v2 speeches with the first and last minute protected', () => {
    expect(format('lincoln-douglas').prepPool).toBe(240);
    const parl = format('parliamentary');
    expect(parl.sizes).toEqual(['2v2']);
    expect(parl.protectedSeconds).toBe(60);
    for (const speech of parl.speeches) expect(speech.seconds).toBe(420);
  });

  it('given a 2v2 team format, then both speakers of each side speak', () => {
    const teams = deck.formats.filter((f) => f.sizes.includes('2v2'));
    expect(teams.length).toBeGreaterThan(0);
    for (const team of teams)
      for (const side of ['lecun', 'scaling'])
        expect(new Set(team.speeches.filter((s) => s.side === side).map((s) => s.speaker)), team.id).toEqual(
          new Set([1, 2]),
        );
  });

  it('given every format, then both sides get the same speaking time', () => {
    for (const f of deck.formats) {
      const bySide = (side: string) =>
        f.speeches.filter((s) => s.side === side).reduce((sum, s) => sum + s.seconds, 0);
      expect(bySide('lecun'), f.id).toBe(bySide('scaling'));
    }
  });

  it('given the rubric, then its weights add up to 100 and each criterion has levels 1 to 5', () => {
    expect(deck.rubric.reduce((sum, c) => sum + c.weight, 0)).toBe(100);
    for (const criterion of deck.rubric)
      expect(criterion.levels.map((l) => l.score).sort(), criterion.id).toEqual([1, 2, 3, 4, 5]);
  });

  it('given lookups, then ids are found whatever their case', () => {
    expect(deck.card('l07')?.id).toBe('L07');
    expect(deck.motion(' m01 ')?.id).toBe('M01');
    expect(deck.format('QUICK')?.id).toBe('quick');
  });
});
