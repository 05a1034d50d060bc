import { describe, expect, it } from 'vitest';
import { replay } from '../../src/debate/replay.js';
import { as, ballotEvent, deck, HOST, joinEvent, LEE, SAM, SECOND, speakAll, Walk } from './helpers.js';

describe('replay', () => {
  it('given the log of a whole debate with coin flips, a deal, draws, bells and ballots, then replaying it gives the same state', () => {
    const walk = new Walk({ seed: 12345 });
    walk.act(joinEvent(LEE, 'auto'), walk.now + SECOND);
    walk.act(joinEvent(SAM, 'auto'), walk.now + SECOND);
    walk.act({ type: 'judge', actor: as('jude') });
    walk.act({ type: 'begin', actor: as(HOST) }, walk.now + SECOND);
    walk.act({ type: 'draw', actor: as(LEE) });
    walk.fire();
    walk.act({ type: 'crowd', actor: as('fan'), side: 'scaling' });
    walk.fire();
    speakAll(walk, (turn) => `Speech ${turn}, first because [L01] [S02].`);
    walk.act(ballotEvent('jude', { [LEE]: 4, [SAM]: 4 }, 'draw'));
    expect(walk.state.phase).toBe('done');

    expect(replay(deck, walk.log)).toEqual(walk.state);
  });

  it('given every prefix of the log, then replaying it gives the state at that point', () => {
    const walk = new Walk();
    const states = [walk.state];
    walk.act(joinEvent(LEE, 'lecun'));
    states.push(walk.state);
    walk.act(joinEvent(SAM, 'auto'));
    states.push(walk.state);
    walk.act({ type: 'begin', actor: as(HOST) });
    states.push(walk.state);
    states.forEach((state, i) => {
      expect(replay(deck, walk.log.slice(0, i + 1))).toEqual(state);
    });
  });

  it('given a log with an event the engine refuses, then replay fails naming it', () => {
    const walk = new Walk();
    const log = [...walk.log, { event: { type: 'begin', actor: as(HOST) } as const, at: walk.now }];
    expect(() => replay(deck, log)).toThrow(
      /event 1 \(begin\) was refused on replay: Both sides must be full/,
    );
  });

  it('given an empty log, then replay fails', () => {
    expect(() => replay(deck, [])).toThrow('an empty event log holds no debate');
  });
});
