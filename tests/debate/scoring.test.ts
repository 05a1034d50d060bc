import { describe, expect, it } from 'vitest';
import { weightedTotal } from '../../src/debate/scoring.js';
import type { CriterionScore, DebaterScore } from '../../src/debate/types.js';
import { formats } from '../fixtures/deck.js';
import {
  as,
  ballotEvent,
  deck,
  deckWith,
  formatLike,
  LEE,
  SAM,
  SECOND,
  speakAll,
  speaking,
  type Walk,
} from './helpers.js';

/** One speech a side, no prep: lee opens on M01, sam answers. Target length 20–200 words. */
const [lecunSpeech, scalingSpeech] = formats[0]?.speeches ?? [];
const duelDeck = deckWith(
  formatLike({
    id: 'duel',
    prepSeconds: 0,
    speeches: [lecunSpeech, scalingSpeech].flatMap((s) => (s ? [s] : [])),
  }),
);
const duel = () => speaking({ formatId: 'duel', deck: duelDeck });

const filler = (n: number) => Array.from({ length: n }, () => 'lorem').join(' ');
const criterion = (score: DebaterScore | undefined, id: string): CriterionScore | undefined =>
  score?.criteria.find((c) => c.criterionId === id);
const scoreOf = (walk: Walk, userId: string) => walk.state.result?.scores.find((s) => s.userId === userId);

/** Lee gives `lee` (undefined: misses it), then sam gives `sam`; returns the finished walk. */
const play = (lee: string | undefined, sam: string | undefined) => {
  const walk = duel();
  for (const text of [lee, sam]) {
    if (text === undefined) walk.endTurn();
    else walk.speak(text, walk.now + 10 * SECOND);
  }
  return walk;
};

describe('automatic rubric: structure (argument)', () => {
  it.each([
    [
      '25 words with three signposts',
      `First because therefore ${filler(22)}`,
      5,
      '1 of 1 speech within the target length; 3 signposts used',
    ],
    [
      '25 words with one signpost',
      `Because ${filler(24)}`,
      4,
      '1 of 1 speech within the target length; 1 signpost used',
    ],
    ['25 words, no signpost', filler(25), 3, '1 of 1 speech within the target length; 0 signposts used'],
    [
      '12 words: at least half the minimum',
      filler(12),
      2,
      '0 of 1 speech within the target length; 0 signposts used',
    ],
    ['5 words', filler(5), 1, '0 of 1 speech within the target length; 0 signposts used'],
    [
      '5 words with three signposts',
      `Firstly, hence, thus ${filler(2)}`,
      3,
      '0 of 1 speech within the target length; 3 signposts used',
    ],
    ['a missed speech', undefined, 1, '0 of 1 speech within the target length; 0 signposts used'],
  ])('given %s, then it scores %i', (_, text, score, reason) => {
    expect(criterion(scoreOf(play(text, 'A reply.'), LEE), 'argument')).toEqual({
      criterionId: 'argument',
      score,
      reason,
      by: 'automatic',
    });
  });

  it('given 201 words, above the range, then the length earns 2', () => {
    expect(criterion(scoreOf(play(filler(201), 'A reply.'), LEE), 'argument')?.score).toBe(2);
  });
});

describe('automatic rubric: evidence', () => {
  const citing = (count: number) => {
    const walk = duel();
    const hand = walk.hand(LEE).slice(0, count);
    walk.speak(`${hand.map((id) => `[${id}]`).join(' ')} ${filler(20)}`, walk.now + SECOND);
    walk.speak('A reply.', walk.now + SECOND);
    return { walk, hand };
  };

  it.each([
    [0, 1],
    [1, 3],
    [2, 4],
    [3, 5],
  ])('given %i distinct cards from the hand, then it scores %i', (count, score) => {
    const { walk, hand } = citing(count);
    const evidence = criterion(scoreOf(walk, LEE), 'evidence');
    expect(evidence?.score).toBe(score);
    expect(evidence?.reason).toBe(
      count === 0
        ? 'no card from your hand cited'
        : `cited ${count} card${count === 1 ? '' : 's'} from your hand (${hand.join(', ')})`,
    );
  });

  it('given the same card cited in two speeches and cards not in the hand, then only distinct hand cards count', () => {
    const walk = speaking();
    const [card] = walk.hand(LEE);
    const outside = walk.state.piles.lecun?.[0];
    walk.speak(`[${card}] [${outside}]`, walk.now + SECOND);
    walk.speak('Reply.', walk.now + SECOND);
    walk.speak(`[${card}] again.`, walk.now + SECOND);
    walk.speak('Reply.', walk.now + SECOND);
    expect(criterion(scoreOf(walk, LEE), 'evidence')?.score).toBe(3);
  });
});

describe('automatic rubric: engagement (rebuttal)', () => {
  // M01: "autoregressive prediction is a dead end for reasoning": four motion terms.
  it.each([
    ['two of the four motion terms', 'Autoregressive prediction fails.', 5],
    ['one of the four motion terms', 'Prediction fails.', 3],
    ['none of them', 'Nothing here fits.', 2],
  ])('given an opening that uses %s, then it is scored on framing: %i', (_, text, score) => {
    const result = criterion(scoreOf(play(text, 'A reply.'), LEE), 'rebuttal');
    expect(result?.score).toBe(score);
    expect(result?.reason).toBe(
      "took up 0 terms of the other side's and answered 0 of their cards; opening scored on framing the motion",
    );
  });

  const opening = 'Consider alpha bravo charlie delta echo foxtrot golf hotel india juliet kilo.';
  const theirTerms = opening.toLowerCase().replace('.', '').split(' ');

  it.each([
    [0, 1],
    [1, 2],
    [3, 3],
    [6, 4],
    [10, 5],
  ])('given a reply taking up %i of the opponent’s terms, then it scores %i', (taken, score) => {
    const reply = theirTerms.slice(0, taken).join(' ') || 'Nothing shared.';
    const result = criterion(scoreOf(play(opening, reply), SAM), 'rebuttal');
    expect(result?.score).toBe(score);
    expect(result?.reason).toBe(
      `took up ${taken} term${taken === 1 ? '' : 's'} of the other side's and answered 0 of their cards`,
    );
  });

  it('given a reply answering a card the opponent cited, then it earns one more point', () => {
    const walk = duel();
    const [card] = walk.hand(LEE);
    walk.speak(`${opening} [${card}]`, walk.now + SECOND);
    walk.speak(`Their [${card}] and [L10] say little about alpha.`, walk.now + SECOND);
    const result = criterion(scoreOf(walk, SAM), 'rebuttal');
    expect(result?.score).toBe(3);
    expect(result?.reason).toBe("took up 1 term of the other side's and answered 1 of their cards");
  });

  it('given a card of theirs they never cited, then naming it earns nothing', () => {
    const walk = duel();
    const uncited = walk.state.piles.lecun?.[0];
    walk.speak(opening, walk.now + SECOND);
    walk.speak(`Their [${uncited}] says little about alpha.`, walk.now + SECOND);
    expect(criterion(scoreOf(walk, SAM), 'rebuttal')?.score).toBe(2);
  });
});

describe('automatic rubric: discipline', () => {
  const quick = (lee: ('speak' | 'miss' | 'pass')[], mode: 'text' | 'live' = 'text') => {
    const walk = speaking({ mode });
    for (let turn = 0; turn < 4; turn++) {
      const move = walk.slot.userId === LEE ? lee.shift() : 'speak';
      if (move === 'speak' && mode === 'text') walk.speak('Words.', walk.now + SECOND);
      else if (move === 'speak' || move === 'pass') walk.act({ type: 'done', actor: as(walk.slot.userId) });
      else walk.endTurn();
    }
    return criterion(scoreOf(walk, LEE), 'discipline');
  };

  it('given every speech delivered, then 5', () => {
    expect(quick(['speak', 'speak'])).toMatchObject({ score: 5, reason: '2 of 2 speeches delivered' });
  });

  it('given one of two delivered, then 1 + 4 × ½ = 3', () => {
    expect(quick(['speak', 'miss'])).toMatchObject({ score: 3, reason: '1 of 2 speeches delivered' });
  });

  it('given a text turn passed with done, then it counts as not delivered', () => {
    expect(quick(['pass', 'pass'])?.score).toBe(1);
  });
});

describe('totals', () => {
  const rubric = deck.rubric;

  it('given every criterion at 1, then 0; at 5, then 100', () => {
    const all = (n: number) => Object.fromEntries(rubric.map((c) => [c.id, n]));
    expect(weightedTotal(rubric, all(1))).toBe(0);
    expect(weightedTotal(rubric, all(5))).toBe(100);
  });

  it('given mixed scores, then the weighted sum scaled to 0–100, to one decimal', () => {
    // 30·4/4 + 30·2/4 + 25·1/4 + 15·4/4 = 66.25
    expect(weightedTotal(rubric, { argument: 5, evidence: 3, rebuttal: 2, discipline: 5 })).toBe(66.3);
  });

  it('given a missing criterion, then it counts as 1', () => {
    expect(weightedTotal(rubric, { argument: 5, evidence: 5, rebuttal: 5 })).toBe(85);
  });

  it("given a 2v2, then a side's total is its debaters' mean", () => {
    const walk = speaking({ formatId: 'team' });
    const texts = [`First because ${filler(30)}`, filler(3), filler(25), 'Short.'];
    speakAll(walk, (turn) => texts[turn] ?? '');
    const result = walk.state.result;
    for (const side of ['lecun', 'scaling']) {
      const team = result?.scores.filter((s) => s.side === side).map((s) => s.total) ?? [];
      expect(team).toHaveLength(2);
      expect(result?.sideTotals[side]).toBe(Math.round(((team[0] ?? 0) + (team[1] ?? 0)) * 5) / 10);
    }
  });
});

describe('the automatic decision', () => {
  it('given the higher total, then that side wins, rated', () => {
    const walk = play(`First because therefore ${filler(22)}`, filler(5));
    const result = walk.state.result;
    expect(result).toMatchObject({ winner: 'lecun', decidedBy: 'automatic', rated: true });
    expect(result?.sideTotals.lecun).toBeGreaterThan(result?.sideTotals.scaling ?? 100);
  });

  it('given equal totals, then a draw', () => {
    const walk = play(filler(25), filler(25));
    expect(walk.state.result?.sideTotals.lecun).toBe(walk.state.result?.sideTotals.scaling);
    expect(walk.state.result).toMatchObject({ winner: 'draw', decidedBy: 'automatic', rated: true });
  });

  it('given a text debate where nobody delivered a speech, then it is unrated and decided by nothing', () => {
    const walk = play(undefined, undefined);
    expect(walk.state.result).toMatchObject({ winner: undefined, decidedBy: 'none', rated: false });
  });

  it('given a live debate with no ballot, then it is unrated with no scores', () => {
    const walk = speaking({ mode: 'live' });
    while (walk.state.phase === 'speaking') walk.endTurn();
    expect(walk.state.result).toMatchObject({
      winner: undefined,
      decidedBy: 'none',
      rated: false,
      scores: [],
    });
  });

  it('given a live debate with a ballot, then the judges decide and there are no coaching notes', () => {
    const walk = speaking({ mode: 'live', judges: ['jude'] });
    while (walk.state.phase === 'speaking') walk.endTurn();
    walk.act(ballotEvent('jude', { [LEE]: 4, [SAM]: 3 }, 'lecun'));
    expect(walk.state.result).toMatchObject({ winner: 'lecun', decidedBy: 'judges', rated: true });
    expect(scoreOf(walk, LEE)?.coaching).toEqual([]);
    expect(criterion(scoreOf(walk, LEE), 'discipline')?.score).toBe(5);
  });
});
