import { readFileSync } from 'node:fs';
import { buildDeck, type Deck } from '../../../src/content/deck.js';
import {
  type Card,
  type Motion,
  rubricFileSchema,
  type Side,
  type Source,
} from '../../../src/content/schemas.js';
import { parseCitations } from '../../../src/debate/citations.js';
import { decide } from '../../../src/debate/scoring.js';
import type { Debate, Result, Slot, TurnRecord } from '../../../src/debate/types.js';

/**
 * The calibration corpus is judged against the deck as it was when the debates were written
 * (a snapshot of data/evidence.json, motions.json and sides.json beside this file), and the
 * shipped rubric. Each debate is the quick format: 80–250-word constructives, 50–180-word rebuttals.
 */
const json = (path: string) => JSON.parse(readFileSync(new URL(path, import.meta.url), 'utf8'));
const evidence = json('./deck/evidence.json') as { sources: Source[]; cards: Card[] };
const motions = (json('./deck/motions.json') as { motions: Motion[] }).motions;
const sides = (json('./deck/sides.json') as { sides: [Side, Side] }).sides;
const rubric = rubricFileSchema.parse(json('../../../data/rubric.json')).criteria;

export const calibrationDeck: Deck = buildDeck({
  sides,
  motions,
  cards: evidence.cards,
  sources: evidence.sources,
  formats: [],
  rubric,
});

export type SideId = 'lecun' | 'scaling';

export interface CalibrationDebate {
  readonly id: string;
  readonly motionId: string;
  /** Each side's hand of cards. */
  readonly hands: Readonly<Record<SideId, readonly string[]>>;
  /** The speeches in order: the quick format's lecun, scaling, lecun, scaling (or the first two); null: missed. */
  readonly speeches: readonly (string | null)[];
  /** The verdict a human judge gives, and why, in a line. */
  readonly winner: SideId;
  readonly reason: string;
  /** For a gaming debate: the technique the loser used. */
  readonly gaming?: string;
}

const USERS: Record<SideId, string> = { lecun: 'lee', scaling: 'sam' };
const WORDS = [
  { min: 80, max: 250 },
  { min: 80, max: 250 },
  { min: 50, max: 180 },
  { min: 50, max: 180 },
];
const T0 = Date.UTC(2026, 0, 5, 12);

/** The debate as the engine would have stored it after the last speech, decided by the automatic rubric. */
export const stateOf = (debate: CalibrationDebate, deck: Deck = calibrationDeck): Debate => {
  const order: SideId[] = ['lecun', 'scaling', 'lecun', 'scaling'];
  const slots: Slot[] = debate.speeches.map((_, i) => {
    const side = order[i] as SideId;
    return {
      side,
      userId: USERS[side],
      kind: i < 2 ? 'constructive' : 'rebuttal',
      seconds: 120,
      bells: [30],
      words: WORDS[i] ?? { min: 50, max: 180 },
    };
  });
  const turns: TurnRecord[] = debate.speeches.map((text, turn) => {
    const side = order[turn] as SideId;
    if (text === null)
      return {
        turn,
        userId: USERS[side],
        side,
        startedAt: T0 + turn * 120_000,
        endedAt: T0 + turn * 120_000 + 120_000,
        outcome: 'missed',
        cited: [],
        answered: [],
      };
    const citations = parseCitations(deck, text, side, debate.hands[side]);
    return {
      turn,
      userId: USERS[side],
      side,
      startedAt: T0 + turn * 120_000,
      endedAt: T0 + turn * 120_000 + 100_000,
      outcome: 'delivered',
      text,
      cited: citations.cited,
      answered: citations.answered,
    };
  });
  return {
    id: debate.id,
    guildId: 'g',
    channelId: 'c',
    hostId: 'h',
    motionId: debate.motionId,
    formatId: 'quick',
    mode: 'text',
    size: '1v1',
    createdAt: T0,
    phase: 'speaking',
    rng: 1,
    debaters: [
      { userId: USERS.lecun, side: 'lecun' },
      { userId: USERS.scaling, side: 'scaling' },
    ],
    judges: [],
    ready: [],
    slots,
    hands: { [USERS.lecun]: debate.hands.lecun, [USERS.scaling]: debate.hands.scaling },
    draws: {},
    piles: {},
    turn: slots.length,
    turnStartedAt: undefined,
    turnEndsAt: undefined,
    turns,
    timer: undefined,
    ballots: {},
    crowd: {},
    result: undefined,
  };
};

export const judge = (debate: CalibrationDebate, deck: Deck = calibrationDeck): Result =>
  decide(deck, stateOf(debate, deck), T0 + 3_600_000);

export const userOf = (side: SideId): string => USERS[side];

/** Used only to keep the corpus honest: every cited id is a real card in the side's hand. */
export const unknownCitations = (debate: CalibrationDebate, deck: Deck = calibrationDeck): string[] =>
  debate.speeches.flatMap((text, i) => {
    if (text === null) return [];
    const side = (i % 2 === 0 ? 'lecun' : 'scaling') as SideId;
    const c = parseCitations(deck, text, side, debate.hands[side]);
    return [...c.unknown, ...c.notInHand];
  });
