/**
 * The engine's cost: CPU time of every transition of a whole standard 1v1 text debate,
 * from open to the automatic result (rubric scoring included).
 */
import { loadDeck } from '../src/content/load.js';
import { apply } from '../src/debate/engine.js';
import type { Debate, DebateEvent } from '../src/debate/types.js';
import { table } from './stats.js';

const speech = (n: number, cite: string) =>
  `First, on point ${n}: a model that only predicts the next token has no world model [${cite}]. ` +
  'Therefore it cannot plan, because planning needs an internal simulation of consequences. '.repeat(12) +
  'In conclusion, the other side has not answered the grounding problem.';

export async function benchEngine(): Promise<string> {
  const deck = await loadDeck('data');
  const run = (seed: number) => {
    let now = 1_700_000_000_000;
    let state: Debate | undefined;
    let transitions = 0;
    const step = (event: DebateEvent) => {
      const t = apply(deck, state, event, now);
      if (!t.ok) throw new Error(`${event.type} refused: ${t.refusal.message}`);
      state = t.state;
      transitions++;
    };
    step({
      type: 'open',
      id: '1',
      guildId: 'g',
      channelId: 'c',
      hostId: 'a',
      motionId: 'M01',
      formatId: 'standard',
      mode: 'text',
      size: '1v1',
      seed,
      lobbySeconds: 900,
    });
    step({ type: 'join', actor: { userId: 'a' }, side: 'lecun' });
    step({ type: 'join', actor: { userId: 'b' }, side: 'scaling' });
    step({ type: 'begin', actor: { userId: 'a' } });
    now += 180_000;
    step({ type: 'timer', key: 'prep' });
    while (state?.phase === 'speaking') {
      const slot = state.slots[state.turn];
      if (!slot) break;
      now += 30_000;
      step({
        type: 'speak',
        actor: { userId: slot.userId },
        text: speech(state.turn, state.hands[slot.userId]?.[0] ?? 'L01'),
      });
    }
    if (state?.phase !== 'done') throw new Error('the debate did not finish');
    return transitions;
  };
  for (let i = 0; i < 200; i++) run(i); // warm up the JIT
  const debates = 2000;
  let transitions = 0;
  const cpu = process.cpuUsage();
  for (let i = 0; i < debates; i++) transitions += run(i);
  const used = process.cpuUsage(cpu);
  const perDebateMs = (used.user + used.system) / 1000 / debates;
  return table(
    ['engine', 'value'],
    [
      ['whole standard 1v1 text debate (open → result), CPU', `${(perDebateMs * 1000).toFixed(0)} µs`],
      ['transitions per debate', String(transitions / debates)],
      ['CPU per transition', `${((perDebateMs * 1000 * debates) / transitions).toFixed(1)} µs`],
    ],
  );
}
