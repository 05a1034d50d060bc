import { apply } from '../../src/debate/engine.js';
import type { Debate, DebateEvent, Result } from '../../src/debate/types.js';
import { actor, deck, openEvent, T0 } from './drive.js';

/**
 * Finished debates for feeding PlayerRepository.recordResult directly, many at a time: one real
 * debate run through the engine (text mode, a speech from each side, then a forfeit), re-labelled
 * with other ids and debaters.
 */
const template = (() => {
  const events: DebateEvent[] = [
    openEvent('template', { hostId: 'a' }),
    { type: 'join', actor: actor('a'), side: 'lecun' },
    { type: 'join', actor: actor('b'), side: 'scaling' },
    { type: 'begin', actor: actor('a') },
    { type: 'done', actor: actor('a') },
    { type: 'done', actor: actor('b') },
    {
      type: 'speak',
      actor: actor('a'),
      text: 'First, the claim [L01]. Second, the evidence. Therefore we win.',
    },
    { type: 'forfeit', actor: actor('b') },
  ];
  let state: Debate | undefined;
  for (const [i, event] of events.entries()) {
    const next = apply(deck, state, event, T0 + i * 1000);
    if (!next.ok) throw new Error(`template ${event.type}: ${next.refusal.message}`);
    state = next.state;
  }
  if (!state?.result) throw new Error('template did not finish');
  return { state, result: state.result };
})();

export const finished = (
  id: string,
  lecun: string,
  scaling: string,
  winner: 'lecun' | 'scaling' | 'draw',
  at = T0,
): { debate: Debate; result: Result } => {
  const rename = (userId: string) => (userId === 'a' ? lecun : scaling);
  const debate: Debate = {
    ...template.state,
    id,
    debaters: [
      { userId: lecun, side: 'lecun' },
      { userId: scaling, side: 'scaling' },
    ],
  };
  const result: Result = {
    ...template.result,
    winner,
    decidedBy: 'judges',
    forfeitedBy: undefined,
    finishedAt: at,
    scores: template.result.scores.map((s) => ({ ...s, userId: rename(s.userId) })),
  };
  return { debate: { ...debate, result }, result };
};
