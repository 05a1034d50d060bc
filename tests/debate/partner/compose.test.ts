import { beforeAll, describe, expect, it } from 'vitest';
import type { Deck } from '../../../src/content/deck.js';
import { loadDeck } from '../../../src/content/load.js';
import { read } from '../../../src/debate/analysis/reading.js';
import { citedIds } from '../../../src/debate/citations.js';
import { bestCounterCard } from '../../../src/debate/counter-card.js';
import { apply } from '../../../src/debate/engine.js';
import { PARTNER_ID } from '../../../src/debate/partner/identity.js';
import type { LoggedEvent } from '../../../src/debate/replay.js';
import { replay } from '../../../src/debate/replay.js';
import {
  type Debate,
  type DebateEvent,
  PRACTICE_LEVELS,
  type PracticeLevel,
  type TurnRecord,
} from '../../../src/debate/types.js';

const ME = 'member';
let deck: Deck;
beforeAll(async () => {
  deck = await loadDeck('data');
});

const practiceOpen = (
  level: PracticeLevel,
  options: { seed?: number; side?: string; formatId?: string; motionId?: string } = {},
): DebateEvent => ({
  type: 'open',
  id: 'p-1',
  guildId: 'g',
  channelId: 'c',
  hostId: ME,
  motionId: options.motionId ?? 'M01',
  formatId: options.formatId ?? 'standard',
  mode: 'text',
  size: '1v1',
  seed: options.seed ?? 42,
  lobbySeconds: 900,
  practice: { level, side: options.side ?? 'scaling' },
});

const ABOUT_COST =
  'Scaling laws still hold: each larger model trained on more data and compute keeps improving on reasoning benchmarks, because compute buys capability. ' +
  'The cost of training is falling every year, which means energy and money will not stop the next generation of models. ' +
  'Chain of thought lets a model plan step by step before it answers, so next-token prediction is not a dead end for reasoning.';

/** Plays a practice debate: the member readies, then gives `speech` at each of their turns. Returns the log and the state. */
const play = (
  level: PracticeLevel,
  speech = ABOUT_COST,
  options: Parameters<typeof practiceOpen>[1] = {},
) => {
  const log: LoggedEvent[] = [];
  let state: Debate | undefined;
  let now = 1_000_000;
  const step = (event: DebateEvent) => {
    const t = apply(deck, state, event, now);
    if (!t.ok) throw new Error(`${event.type}: ${t.refusal.message}`);
    log.push({ event, at: now });
    state = t.state;
    now += 30_000;
    return t;
  };
  const opened = step(practiceOpen(level, options));
  step({ type: 'done', actor: { userId: ME }, turn: -1 });
  for (let guard = 0; guard < 20 && state?.phase === 'speaking'; guard++)
    step({ type: 'speak', actor: { userId: ME }, text: speech, turn: state.turn });
  return { log, state: state as Debate, opened };
};

const partnerTurns = (state: Debate): (TurnRecord & { text: string })[] =>
  state.turns.filter((t): t is TurnRecord & { text: string } => t.userId === PARTNER_ID && !!t.text);

describe('a practice debate against Steelman', () => {
  it('given /practice start on scaling, then the member is on scaling, Steelman on the other side, and prep runs without a lobby', () => {
    const { opened } = play('club');
    expect(opened.ok).toBe(true);
    if (!opened.ok) return;
    expect(opened.state.debaters).toEqual([
      { userId: ME, side: 'scaling' },
      { userId: PARTNER_ID, side: 'lecun' },
    ]);
    expect(opened.state.phase).toBe('prep');
    expect(opened.state.practice).toEqual({ level: 'club' });
    const kinds = opened.effects.flatMap((e) => (e.type === 'announce' ? [e.announcement.kind] : []));
    expect(kinds).toEqual(['begun']);
  });

  it('given a whole debate at every level, then it ends with a result that is not rated', () => {
    for (const level of PRACTICE_LEVELS) {
      const { state } = play(level);
      expect(state.phase, level).toBe('done');
      expect(state.result?.rated, level).toBe(false);
      expect(state.result?.scores.map((s) => s.userId).sort()).toEqual([ME, PARTNER_ID].sort());
      expect(partnerTurns(state).length, level).toBe(3);
    }
  });

  it('given a member speech about the cost of scaling, then the rebuttal quotes it and answers it with the on-topic counter-card of its hand', () => {
    for (const level of ['club', 'champion'] as const) {
      const { state } = play(level);
      const hand = state.hands[PARTNER_ID] ?? [];
      const rebuttal = partnerTurns(state).find((t) => t.turn > 0);
      expect(rebuttal?.text).toContain("'Scaling laws still hold");
      const expected = bestCounterCard(deck, hand, ABOUT_COST.split('. ')[0] ?? '', 'scaling');
      expect(expected).toBeDefined();
      // The first answer names the card that best counters the member's strongest claim.
      const answer = rebuttal?.text.split('\n\n')[1] ?? '';
      expect(citedIds(answer)[0]).toBeDefined();
      const cited = deck.card(citedIds(answer)[0] as string);
      expect(cited?.side).toBe('lecun');
      expect(
        bestCounterCard(deck, [cited?.id as string], answer, 'scaling')?.similarity ?? 0,
      ).toBeGreaterThan(0);
    }
  });

  it('given champion, then it answers more of the member’s points than novice and weighs', () => {
    const quoted = (level: PracticeLevel) =>
      (
        partnerTurns(play(level).state)
          .find((t) => t.turn > 0)
          ?.text.match(/'[^']+'/g) ?? []
      ).length;
    expect(quoted('champion')).toBeGreaterThan(quoted('novice'));
    const champion = partnerTurns(play('champion').state).find((t) => t.turn > 0)?.text ?? '';
    expect(champion).toMatch(/outweigh|weigh|decisive|matters more|at best/i);
  });

  it('given any level, format, side and seed, then it never cites a card outside its own hand', () => {
    for (const level of PRACTICE_LEVELS)
      for (const formatId of ['quick', 'standard', 'lincoln-douglas'])
        for (const side of ['scaling', 'lecun'])
          for (const seed of [1, 2, 3]) {
            const { state } = play(level, ABOUT_COST, { formatId, side, seed });
            const hand = new Set(state.hands[PARTNER_ID]);
            for (const turn of partnerTurns(state))
              for (const id of citedIds(turn.text))
                expect(hand.has(id), `${id} in ${level}/${formatId}`).toBe(true);
          }
  });

  it('given any level and format, then every speech of Steelman holds the format’s word range', () => {
    for (const level of PRACTICE_LEVELS)
      for (const formatId of ['quick', 'standard', 'lincoln-douglas'])
        for (const speech of [ABOUT_COST, 'I disagree.', `${ABOUT_COST} `.repeat(4)])
          for (const seed of [5, 6]) {
            const { state } = play(level, speech, { formatId, seed });
            for (const turn of partnerTurns(state)) {
              const { min, max } = state.slots[turn.turn]?.words ?? { min: 0, max: 0 };
              const words = read(turn.text).words;
              expect(words, `${level}/${formatId} turn ${turn.turn}`).toBeGreaterThanOrEqual(min);
              expect(words, `${level}/${formatId} turn ${turn.turn}`).toBeLessThanOrEqual(max);
            }
          }
  });

  it('given the same seed, then the same speeches; a replay of the log gives them again; another seed reads differently', () => {
    const a = play('champion');
    const b = play('champion');
    expect(partnerTurns(b.state).map((t) => t.text)).toEqual(partnerTurns(a.state).map((t) => t.text));
    expect(replay(deck, a.log)).toEqual(a.state);
    const other = play('champion', ABOUT_COST, { seed: 43 });
    expect(partnerTurns(other.state).map((t) => t.text)).not.toEqual(
      partnerTurns(a.state).map((t) => t.text),
    );
  });

  it('given the member stops it, then it is cancelled and nothing is decided', () => {
    const opened = apply(deck, undefined, practiceOpen('novice'), 0);
    if (!opened.ok) throw new Error('not opened');
    const stopped = apply(deck, opened.state, { type: 'cancel', actor: { userId: ME } }, 1000);
    expect(stopped.ok && stopped.state.phase).toBe('cancelled');
  });
});
