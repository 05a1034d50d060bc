/**
 * The automatic rubric's cost: loading the language model (in a fresh process, as at start), and
 * scoring a whole standard 1v1 text debate (six speeches of about 340 words, citing cards). Every
 * run's speeches are new text. The engine reads each speech as it comes in; the figures give that
 * cost, the last speech → result step, and scoring a debate none of whose speeches was read yet.
 */
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import type { Deck } from '../src/content/deck.js';
import { loadDeck } from '../src/content/load.js';
import { loadLanguageModel } from '../src/debate/analysis/nlp.js';
import { apply } from '../src/debate/engine.js';
import { decide } from '../src/debate/scoring.js';
import type { Debate, DebateEvent } from '../src/debate/types.js';
import { percentile, table } from './stats.js';

const run = promisify(execFile);

/** Milliseconds to import wink-nlp and its English model and build the pipeline, in a new Node process. */
const modelLoad = async (): Promise<number> => {
  const script =
    "const t = performance.now(); const { default: w } = await import('wink-nlp'); const { default: m } = await import('wink-eng-lite-web-model');" +
    " w(m, ['sbd', 'pos', 'negation']); console.log(performance.now() - t);";
  const { stdout } = await run(process.execPath, ['--input-type=module', '-e', script]);
  return Number(stdout.trim());
};

/** A speech built from the speaker's cards: a claim per card, its reason, what follows, and an answer to the last speech. */
const speech = (
  deck: Deck,
  hand: readonly string[],
  turn: number,
  runId: number,
  previous: string | undefined,
) => {
  const parts: string[] = [];
  if (previous) {
    const theirs = previous.split('. ')[1] ?? previous;
    parts.push(
      `They say ${theirs
        .toLowerCase()
        .replace(/\[[A-Z]\d\d\]/g, '')
        .trim()}. But that does not follow, and the evidence points the other way.`,
    );
  } else
    parts.push(
      'The question tonight is whether the architecture itself can plan, and we will show it cannot.',
    );
  for (const id of hand.slice(0, 4)) {
    const card = deck.card(id);
    if (!card) continue;
    parts.push(
      `${card.claim} [${card.id}]`,
      `That matters because ${card.title.toLowerCase()}, which means the other side has to answer it.`,
    );
  }
  parts.push(`In round ${runId} speech ${turn}, that is why the motion should be decided our way.`);
  return parts.join(' ');
};

/**
 * Plays a standard debate whose texts are unique to `runId` up to its last speech, then times that
 * last transition: the speech plus the automatic result, which reads all six speeches (nothing is
 * read before the result) and scores both debaters with their coaching.
 */
const lastSpeechToResult = (deck: Deck, runId: number): { ms: number; speeches: number[]; state: Debate } => {
  let now = 1_700_000_000_000;
  let state: Debate | undefined;
  const step = (event: DebateEvent) => {
    const t = apply(deck, state, event, now);
    if (!t.ok) throw new Error(`${event.type} refused: ${t.refusal.message}`);
    state = t.state;
  };
  step({
    type: 'open',
    id: String(runId),
    guildId: 'g',
    channelId: 'c',
    hostId: 'a',
    motionId: 'M01',
    formatId: 'standard',
    mode: 'text',
    size: '1v1',
    seed: runId,
    lobbySeconds: 900,
  });
  step({ type: 'join', actor: { userId: 'a' }, side: 'lecun' });
  step({ type: 'join', actor: { userId: 'b' }, side: 'scaling' });
  step({ type: 'begin', actor: { userId: 'a' } });
  now += 180_000;
  step({ type: 'timer', key: 'prep' });
  let previous: string | undefined;
  let ms = 0;
  const speeches: number[] = [];
  while (state?.phase === 'speaking') {
    const current: Debate = state;
    const slot = current.slots[current.turn];
    if (!slot) break;
    now += 30_000;
    const text = speech(deck, current.hands[slot.userId] ?? [], current.turn, runId, previous);
    previous = text;
    const last = current.turn === current.slots.length - 1;
    const started = process.hrtime.bigint();
    step({ type: 'speak', actor: { userId: slot.userId }, text });
    const took = Number(process.hrtime.bigint() - started) / 1e6;
    if (last) ms = took;
    else speeches.push(took);
  }
  if (state?.phase !== 'done') throw new Error('the debate did not finish');
  return { ms, speeches, state };
};

export async function benchRubric(): Promise<string> {
  const loads: number[] = [];
  for (let i = 0; i < 5; i++) loads.push(await modelLoad());
  const deck = await loadDeck('data');
  loadLanguageModel();
  for (let i = 0; i < 20; i++) lastSpeechToResult(deck, 10_000 + i); // warm up the JIT
  const last: number[] = [];
  const arrivals: number[] = [];
  const unread: number[] = [];
  let words = 0;
  for (let i = 0; i < 100; i++) {
    const { ms, speeches, state } = lastSpeechToResult(deck, i);
    last.push(ms);
    arrivals.push(...speeches);
    words = state.turns.reduce((n, t) => n + (t.text?.split(/\s+/).length ?? 0), 0);
    // The same debate with every speech text new to the process: nothing read yet.
    const fresh = {
      ...state,
      turns: state.turns.map((t) => ({ ...t, text: `${t.text ?? ''} (unread ${i})` })),
    };
    const started = process.hrtime.bigint();
    decide(deck, fresh, 0);
    unread.push(Number(process.hrtime.bigint() - started) / 1e6);
  }
  return table(
    ['automatic rubric', 'value'],
    [
      [
        'language model load in a fresh process (import + build), median of 5 (goal < 1 s)',
        `${percentile(loads, 50).toFixed(0)} ms`,
      ],
      [
        `standard 1v1 debate (${words} words in 6 speeches): last speech → scored result with coaching, p50 / p95 (goal < 20 ms)`,
        `${percentile(last, 50).toFixed(1)} / ${percentile(last, 95).toFixed(1)} ms`,
      ],
      [
        'one speech coming in (it is read then), p50 / p95',
        `${percentile(arrivals, 50).toFixed(1)} / ${percentile(arrivals, 95).toFixed(1)} ms`,
      ],
      [
        'the whole debate scored with none of its speeches read yet (after a restart), p50 / p95',
        `${percentile(unread, 50).toFixed(1)} / ${percentile(unread, 95).toFixed(1)} ms`,
      ],
    ],
  );
}
