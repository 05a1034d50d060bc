import type { Deck } from '../content/deck.js';
import type { Criterion, Scorer } from '../content/schemas.js';
import { loadLanguageModel } from './analysis/nlp.js';
import { deckIndex } from './analysis/weights.js';
import { argumentOf } from './scoring/argument.js';
import { answeredKeys, coachSpeech } from './scoring/coaching.js';
import { evidenceOf } from './scoring/evidence.js';
import { clamp, mean, plural, round1, type SpeechScore } from './scoring/quote.js';
import { type Clash, clashOf, rebuttalOf } from './scoring/rebuttal.js';
import { type DebateReading, type ReadSpeech, readDebate } from './scoring/speeches.js';
import type { CriterionScore, Debate, DebaterScore, Result, SpeechCoaching } from './types.js';

/**
 * The automatic rubric, read from data/rubric.json: each criterion names one of these scorers.
 * Every score is 1–5 with a reason that quotes the speech. `/rubric` prints the same rules.
 * Argument and Rebuttal are scored per speech and a debater's score is the mean of their speeches
 * (a missed speech counts 1), to one decimal; Evidence counts the distinct cards used across
 * all of a debater's speeches; Discipline counts the speeches that came in.
 */
type Scored = { score: number; reason: string };

/** A debate read once, with each written speech's per-speech scores. */
interface Analysis {
  readonly reading: DebateReading;
  readonly argument: ReadonlyMap<number, SpeechScore>;
  readonly rebuttal: ReadonlyMap<number, SpeechScore>;
  readonly clash: ReadonlyMap<number, readonly Clash[]>;
}
type ScorerFn = (analysis: Analysis, userId: string) => Scored;

const analyse = (deck: Deck, state: Debate): Analysis => {
  const reading = readDebate(deck, state);
  const clash = new Map<number, readonly Clash[]>();
  const answered = new Map<string, Set<string>>();
  for (const speech of reading.speeches) {
    const before = answered.get(speech.record.userId) ?? new Set<string>();
    answered.set(speech.record.userId, before);
    const met = clashOf(reading, speech, before);
    clash.set(speech.turn, met);
    for (const key of answeredKeys(met)) before.add(key);
  }
  const byTurn = <T>(f: (s: ReadSpeech) => T) => new Map(reading.speeches.map((s) => [s.turn, f(s)]));
  return {
    reading,
    argument: byTurn(argumentOf),
    rebuttal: byTurn((s) => rebuttalOf(reading, s, clash.get(s.turn) ?? [])),
    clash,
  };
};

/** The debater's own turns, in order. */
const ownTurns = (state: Debate, userId: string) =>
  state.slots.map((slot, turn) => ({ slot, turn })).filter(({ slot }) => slot.userId === userId);

const missedReason = (state: Debate, turn: number) =>
  state.turns.some((t) => t.turn === turn) ? 'no written speech' : 'not reached';

/** A per-speech criterion: the mean of the debater's speeches, each speech's reason in turn. */
const perSpeech =
  (pick: (a: Analysis) => ReadonlyMap<number, SpeechScore>): ScorerFn =>
  (analysis, userId) => {
    const turns = ownTurns(analysis.reading.state, userId);
    const scores = turns.map(({ turn }) => pick(analysis).get(turn));
    const score = clamp(round1(mean(scores.map((s) => s?.score ?? 1))));
    const reasons = turns.map(({ slot, turn }, i) => {
      const s = scores[i];
      const text = s ? s.reason : missedReason(analysis.reading.state, turn);
      return turns.length === 1 ? text : `${slot.kind} (${s?.score ?? 1}): ${text}`;
    });
    return { score, reason: reasons.join(' · ') };
  };

const structure: ScorerFn = perSpeech((a) => a.argument);
const engagement: ScorerFn = perSpeech((a) => a.rebuttal);

const evidence: ScorerFn = (analysis, userId) =>
  evidenceOf(analysis.reading.speeches.filter((s) => s.record.userId === userId));

const discipline: ScorerFn = (analysis, userId) => {
  const { state } = analysis.reading;
  const turns = ownTurns(state, userId).map(({ turn }) => state.turns.find((t) => t.turn === turn));
  const delivered = turns.filter((t) => t?.outcome === 'delivered' || t?.outcome === 'ended-early').length;
  const share = turns.length === 0 ? 1 : delivered / turns.length;
  return {
    score: clamp(Math.round(1 + 4 * share)),
    reason: `${delivered} of ${plural(turns.length, 'speech')} delivered`,
  };
};

/** Per speech: strongest and weakest part, the point left unanswered and the card that answers it. */
const coach = (analysis: Analysis, userId: string): SpeechCoaching[] => {
  const answered = new Set<string>();
  const hand = analysis.reading.state.hands[userId] ?? [];
  return analysis.reading.speeches
    .filter((s) => s.record.userId === userId)
    .map((speech) => {
      const clash = analysis.clash.get(speech.turn) ?? [];
      const notes = coachSpeech(analysis.reading, speech, clash, answered, hand);
      for (const key of answeredKeys(clash)) answered.add(key);
      return notes;
    });
};

const SCORERS: Record<Scorer, ScorerFn> = { structure, evidence, engagement, discipline };

/** Loads the language model and reads the deck's cards now, so the first debate scored pays nothing for them. */
export const preloadScoring = (deck: Deck): void => {
  loadLanguageModel();
  deckIndex(deck);
};

export const judgedCriteria = (deck: Pick<Deck, 'rubric'>) =>
  deck.rubric.filter((c) => c.judgedBy === 'judges');

/** Weighted sum scaled to 0–100: every criterion at 1 is 0, every criterion at 5 is 100. */
export const weightedTotal = (
  criteria: readonly Criterion[],
  scores: Readonly<Record<string, number>>,
): number => round1(criteria.reduce((sum, c) => sum + (c.weight * ((scores[c.id] ?? 1) - 1)) / 4, 0));

const automatic = (analysis: Analysis, userId: string, criterion: Criterion): CriterionScore => ({
  criterionId: criterion.id,
  ...SCORERS[criterion.scorer](analysis, userId),
  by: 'automatic',
});

const debaterScore = (
  deck: Deck,
  state: Debate,
  analysis: Analysis,
  userId: string,
  side: string,
): DebaterScore => {
  const ballots = Object.values(state.ballots);
  const criteria = deck.rubric.map((criterion): CriterionScore => {
    if (criterion.judgedBy === 'judges' && ballots.length > 0) {
      const given = ballots.map((b) => b.scores[userId]?.[criterion.id] ?? 1);
      return {
        criterionId: criterion.id,
        score: round1(mean(given)),
        reason: ballots.length === 1 ? 'the judge' : `mean of ${ballots.length} judges`,
        by: 'judges',
      };
    }
    return automatic(analysis, userId, criterion);
  });
  const coaching =
    ballots.length > 0 && state.mode === 'text'
      ? judgedCriteria(deck).map((criterion) => automatic(analysis, userId, criterion))
      : [];
  const total = weightedTotal(deck.rubric, Object.fromEntries(criteria.map((c) => [c.criterionId, c.score])));
  const speeches = state.mode === 'text' ? coach(analysis, userId) : [];
  return { userId, side, criteria, total, coaching, ...(speeches.length > 0 ? { speeches } : {}) };
};

/** The result: judges' majority where there are ballots, else the automatic rubric (text mode). */
export const decide = (
  deck: Deck,
  state: Debate,
  now: number,
  forfeit?: { forfeitedBy: string; winner: string },
): Result => {
  const ballots = Object.values(state.ballots);
  const canScore = ballots.length > 0 || state.mode === 'text';
  const analysis = canScore ? analyse(deck, state) : undefined;
  const scores = analysis
    ? state.debaters.map((d) => debaterScore(deck, state, analysis, d.userId, d.side))
    : [];
  const sideTotals = Object.fromEntries(
    deck.sides.map((side) => {
      const team = scores.filter((s) => s.side === side.id);
      return [side.id, round1(team.reduce((sum, s) => sum + s.total, 0) / Math.max(1, team.length))];
    }),
  );
  const crowd = Object.fromEntries(
    deck.sides.map((side) => [side.id, Object.values(state.crowd).filter((v) => v === side.id).length]),
  );
  const votes = Object.fromEntries(ballots.map((b) => [b.judgeId, b.winner]));
  const base = { scores, sideTotals, votes, crowd, finishedAt: now };
  const [a, b] = deck.sides.map((s) => s.id) as [string, string];

  if (forfeit)
    return {
      ...base,
      winner: forfeit.winner,
      decidedBy: 'forfeit',
      rated: true,
      forfeitedBy: forfeit.forfeitedBy,
    };
  if (ballots.length > 0) {
    // A draw on a ballot is a vote too: a side wins only with more ballots than the other side and than the draw.
    const count = (choice: string) => ballots.filter((x) => x.winner === choice).length;
    const leads = (side: string, other: string) => count(side) > count(other) && count(side) > count('draw');
    const winner = leads(a, b) ? a : leads(b, a) ? b : 'draw';
    return { ...base, winner, decidedBy: 'judges', rated: true };
  }
  if (!canScore || !state.turns.some((t) => t.outcome === 'delivered'))
    return { ...base, winner: undefined, decidedBy: 'none', rated: false };
  const [ta, tb] = [sideTotals[a] ?? 0, sideTotals[b] ?? 0];
  return { ...base, winner: ta > tb ? a : tb > ta ? b : 'draw', decidedBy: 'automatic', rated: true };
};
