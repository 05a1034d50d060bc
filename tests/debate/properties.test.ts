import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { apply } from '../../src/debate/engine.js';
import { type LoggedEvent, replay } from '../../src/debate/replay.js';
import type { Debate, DebateEvent } from '../../src/debate/types.js';
import { deck } from './helpers.js';
import {
  checkDeadlines,
  checkEffects,
  checkFinished,
  checkPhase,
  checkResult,
  checkSeats,
  checkSpeaker,
  deepFreeze,
  must,
  mustEqual,
} from './invariants.js';
import { type Intent, intentArb, openArb, T_START, toStep } from './model.js';

const RUNS = 1000;

/** Opens a debate, then applies an event per intent, checking every invariant after each. */
const run = (open: Extract<DebateEvent, { type: 'open' }>, intents: readonly Intent[]): Debate[] => {
  const opened = apply(deck, undefined, open, T_START);
  if (!opened.ok) throw new Error(`open refused: ${opened.refusal.message}`);
  let state = deepFreeze(opened.state);
  let now = T_START;
  const log: LoggedEvent[] = [{ event: open, at: now }];
  const states = [state];

  for (const intent of intents) {
    const { event, at } = toStep(intent, state, now);
    must(at >= now, 'the clock never goes back');
    const before = structuredClone(state);
    const step = apply(deck, state, deepFreeze(event), at);
    now = at;

    // The engine never mutates its input (it is frozen) and a refusal changes nothing.
    mustEqual(state, before, 'applying an event leaves its input state as it was');
    checkFinished(state, event, step);
    checkSpeaker(state, event, step);
    if (!step.ok) continue;

    log.push({ event, at });
    checkSeats(deck, step.state);
    checkPhase(deck, step.state, now);
    checkDeadlines(state, step.state, now);
    checkEffects(state, step.state, step.effects);
    checkResult(step.state);
    mustEqual(replay(deck, log), step.state, 'replaying the log gives the same state');
    if (event.type === 'timer') {
      const again = apply(deck, deepFreeze(step.state), event, now);
      must(again.ok && again.state === step.state && again.effects.length === 0, 'a timer fires once', event);
    }
    state = deepFreeze(step.state);
    states.push(state);
  }
  return states;
};

/** What a run reached: its phases and how it ended, to check the model explores the engine. */
const milestones = (states: readonly Debate[]): string[] => [
  ...new Set(states.map((s) => s.phase)),
  ...states.flatMap((s) => (s.result ? [`decided by ${s.result.decidedBy}`] : [])),
  ...states.flatMap((s) => (s.cancelReason ? [`cancelled: ${s.cancelReason}`] : [])),
];

describe('the engine under random event sequences', () => {
  it(`given ${RUNS} random sequences from several users, then every invariant holds after every step`, () => {
    const reached = new Map<string, number>();
    fc.assert(
      fc.property(
        openArb,
        fc.array(intentArb, { minLength: 1, maxLength: 120, size: 'max' }),
        (open, intents) => {
          for (const milestone of new Set(milestones(run(open, intents))))
            reached.set(milestone, (reached.get(milestone) ?? 0) + 1);
        },
      ),
      { numRuns: RUNS },
    );
    // The model is only useful if it reaches every phase often, and every way a debate ends.
    for (const phase of ['lobby', 'prep', 'speaking', 'judging', 'done', 'cancelled'])
      expect(reached.get(phase) ?? 0, phase).toBeGreaterThan(RUNS / 10);
    for (const end of ['judges', 'automatic', 'forfeit', 'none'])
      expect(reached.get(`decided by ${end}`) ?? 0, end).toBeGreaterThan(0);
    for (const reason of ['host', 'moderator', 'expired'])
      expect(reached.get(`cancelled: ${reason}`) ?? 0, reason).toBeGreaterThan(0);
    // Every finished debate (and every replay of one) reads its speeches with the language model.
  }, 90_000);
});
