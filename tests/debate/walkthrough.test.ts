import { beforeAll, describe, expect, it } from 'vitest';
import type { Deck } from '../../src/content/deck.js';
import { loadDeck } from '../../src/content/load.js';
import { replay } from '../../src/debate/replay.js';
import type { Effect } from '../../src/debate/types.js';
import { announcements, as, HOST, joinEvent, MINUTE, resultOf, SECOND, Walk } from './helpers.js';

/** A whole standard 1v1 on the shipped deck, from the lobby to the result card. */
describe('a standard 1v1 debate, start to finish', () => {
  let deck: Deck;
  beforeAll(async () => {
    deck = await loadDeck('data');
  });

  it('given the shipped deck, then open, sides, prep, six timed speeches, judging and a rated result follow', () => {
    const walk = new Walk({ formatId: 'standard', motionId: 'M01', seed: 2026 }, deck);
    const effects: Effect[] = [];
    const act = (...args: Parameters<Walk['act']>) => effects.push(...walk.act(...args));

    // Lobby: ada picks lecun, ben takes auto and gets the side with room, jo judges.
    act(joinEvent('ada', 'lecun'), walk.now + 20 * SECOND);
    act(joinEvent('ben', 'auto', { scaling: 4, lecun: 0 }), walk.now + 20 * SECOND);
    act({ type: 'judge', actor: as('jo') });
    expect(walk.state.debaters).toEqual([
      { userId: 'ada', side: 'lecun' },
      { userId: 'ben', side: 'scaling' },
    ]);

    // Begin: six cards each, three minutes of prep, both ready early.
    act({ type: 'begin', actor: as(HOST) }, walk.now + MINUTE);
    expect(walk.state.timer).toEqual({ key: 'prep', at: walk.now + 180 * SECOND });
    expect(walk.hand('ada')).toHaveLength(6);
    expect(walk.hand('ben').every((id) => id.startsWith('S'))).toBe(true);
    act({ type: 'draw', actor: as('ada') });
    expect(walk.hand('ada')).toHaveLength(7);
    act({ type: 'done', actor: as('ada') }, walk.now + MINUTE);
    act({ type: 'done', actor: as('ben') }, walk.now + 30 * SECOND);
    expect(walk.state.phase).toBe('speaking');

    // A text-mode debate: each speech gets the format's text-mode (typing) time.
    expect(walk.state.slots.map((s) => [s.userId, s.kind, s.seconds, s.bells])).toEqual([
      ['ada', 'constructive', 420, [60]],
      ['ben', 'constructive', 420, [60]],
      ['ada', 'rebuttal', 300, [60]],
      ['ben', 'rebuttal', 300, [60]],
      ['ada', 'closing', 180, [30]],
      ['ben', 'closing', 180, [30]],
    ]);

    // Speeches: ada cites her cards; ben answers one of them; ben's rebuttal runs out of time.
    const [a1, a2, a3] = walk.hand('ada');
    const [b1] = walk.hand('ben');
    act({ type: 'timer', key: 'turn:0:bell:60' }, walk.state.timer?.at);
    act(
      {
        type: 'speak',
        actor: as('ada'),
        text: `First, autoregressive prediction commits one token at a time [${a1}]. Second, because it never plans ahead, machine reasoning stalls [${a2}]. Therefore it is a dead end.`,
      },
      walk.now + 30 * SECOND,
    );
    act(
      {
        type: 'speak',
        actor: as('ben'),
        text: `However, one token at a time is how people write too; planning emerges with scale [${b1}]. Their [${a1}] shows a limit of today, not a dead end.`,
      },
      walk.now + 4 * MINUTE,
    );
    act(
      { type: 'speak', actor: as('ada'), text: `Scale has not fixed planning [${a3}].` },
      walk.now + MINUTE,
    );
    act({ type: 'timer', key: 'turn:3:bell:60' }, walk.state.timer?.at);
    act({ type: 'timer', key: 'turn:3:end' }, walk.state.timer?.at);
    act({ type: 'crowd', actor: as('fan'), side: 'scaling' });
    act({ type: 'speak', actor: as('ada'), text: 'In conclusion, the architecture is the limit.' });
    act({ type: 'speak', actor: as('ben'), text: 'Finally, the curves keep rising.' }, walk.now + MINUTE);

    // Judging: the window opens; the one judge's ballot closes it.
    expect(walk.state.phase).toBe('judging');
    act(
      {
        type: 'ballot',
        actor: as('jo'),
        winner: 'lecun',
        scores: {
          ada: { argument: 4, evidence: 5, rebuttal: 3 },
          ben: { argument: 3, evidence: 2, rebuttal: 4 },
        },
      },
      walk.now + 2 * MINUTE,
    );

    expect(walk.state.turns.map((t) => t.outcome)).toEqual([
      'delivered',
      'delivered',
      'delivered',
      'missed',
      'delivered',
      'delivered',
    ]);
    expect(walk.state.turns[0]?.cited).toEqual([a1, a2]);
    expect(walk.state.turns[1]?.answered).toEqual([a1]);
    expect(announcements(effects).filter((a) => a.kind === 'bell')).toHaveLength(2);

    const result = walk.state.result;
    expect(walk.state.phase).toBe('done');
    expect(result).toMatchObject({
      winner: 'lecun',
      decidedBy: 'judges',
      rated: true,
      votes: { jo: 'lecun' },
      crowd: { lecun: 0, scaling: 1 },
      finishedAt: walk.now,
    });
    const ada = result?.scores.find((s) => s.userId === 'ada');
    const ben = result?.scores.find((s) => s.userId === 'ben');
    // ada: 30·3/4 + 30·4/4 + 25·2/4 + 15·4/4 = 22.5 + 30 + 12.5 + 15
    expect(ada?.total).toBe(80);
    // ben: 30·2/4 + 30·1/4 + 25·3/4 + discipline 2 of 3 delivered → round(1 + 8/3) = 4 → 15·3/4
    expect(ben?.total).toBe(15 + 7.5 + 18.75 + 11.25);
    expect(result?.sideTotals).toEqual({ lecun: 80, scaling: 52.5 });
    expect(ada?.coaching.map((c) => c.criterionId)).toEqual(['argument', 'evidence', 'rebuttal']);
    // The automatic Evidence note reads each cited card against the words around it.
    const evidence = ada?.coaching.find((c) => c.criterionId === 'evidence');
    for (const id of [a1, a2, a3]) expect(evidence?.reason).toContain(`[${id}]`);
    expect(ada?.speeches?.map((s) => s.turn)).toEqual([0, 2, 4]);
    expect(effects.filter((e) => e.type === 'result')).toEqual([{ type: 'result', result }]);
    expect(resultOf(effects)).toEqual(result);

    expect(replay(deck, walk.log)).toEqual(walk.state);
  });
});
