import type { Deck } from '../content/deck.js';
import type { Criterion, Scorer } from '../content/schemas.js';
import { signposts, terms, wordCount } from './text-analysis.js';
import type { CriterionScore, Debate, DebaterScore, Result, TurnRecord } from './types.js';

/**
 * The automatic rubric, read from data/rubric.json: each criterion names one of these scorers.
 * Every score is 1–5 with a one-line reason the player sees. `/rubric` prints the same rules.
 */
type Scored = { score: number; reason: string };
type ScorerFn = (deck: Deck, state: Debate, userId: string) => Scored;

const round1 = (n: number) => Math.round(n * 10) / 10;
const clamp = (n: number) => Math.min(5, Math.max(1, n));
const mean = (values: number[]) =>
  values.length === 0 ? 1 : values.reduce((a, b) => a + b, 0) / values.length;
const plural = (n: number, word: string) =>
  `${n} ${word}${n === 1 ? '' : /(s|x|ch|sh)$/.test(word) ? 'es' : 's'}`;

/** The debater's own turns, in order, with what happened in each (undefined: not reached). */
const ownTurns = (state: Debate, userId: string) =>
  state.slots
    .map((slot, turn) => ({ slot, turn, record: state.turns.find((t) => t.turn === turn) }))
    .filter(({ slot }) => slot.userId === userId);

const spoke = (record: TurnRecord | undefined): record is TurnRecord & { text: string } =>
  record?.outcome === 'delivered' && typeof record.text === 'string';

const structure: ScorerFn = (_deck, state, userId) => {
  const turns = ownTurns(state, userId);
  let inRange = 0;
  const used = new Set<string>();
  const perSpeech = turns.map(({ slot, record }) => {
    if (!spoke(record)) return 1;
    const words = wordCount(record.text);
    const marks = signposts(record.text);
    for (const mark of marks) used.add(mark);
    const length =
      words >= slot.words.min && words <= slot.words.max ? 3 : words >= slot.words.min / 2 ? 2 : 1;
    if (length === 3) inRange++;
    return clamp(length + (marks.length >= 3 ? 2 : marks.length >= 1 ? 1 : 0));
  });
  return {
    score: clamp(Math.round(mean(perSpeech))),
    reason: `${inRange} of ${plural(turns.length, 'speech')} within the target length; ${plural(used.size, 'signpost')} used`,
  };
};

const evidence: ScorerFn = (_deck, state, userId) => {
  const cited = [...new Set(ownTurns(state, userId).flatMap(({ record }) => record?.cited ?? []))];
  const score = cited.length === 0 ? 1 : cited.length === 1 ? 3 : cited.length === 2 ? 4 : 5;
  return {
    score,
    reason:
      cited.length === 0
        ? 'no card from your hand cited'
        : `cited ${plural(cited.length, 'card')} from your hand (${cited.join(', ')})`,
  };
};

const engagement: ScorerFn = (deck, state, userId) => {
  const motionTerms = terms(deck.motion(state.motionId)?.text ?? '');
  let taken = 0;
  let answered = 0;
  let framed = false;
  const perSpeech = ownTurns(state, userId).map(({ slot, turn, record }) => {
    if (!spoke(record)) return 1;
    const said = terms(record.text);
    const earlier = state.turns.filter((t) => t.turn < turn && t.side !== slot.side && spoke(t));
    if (earlier.length === 0) {
      // Nothing to rebut yet: the opening speech is scored on framing the motion.
      framed = true;
      const share =
        motionTerms.size === 0 ? 1 : [...motionTerms].filter((t) => said.has(t)).length / motionTerms.size;
      return share >= 0.5 ? 5 : share >= 0.3 ? 4 : share > 0 ? 3 : 2;
    }
    const theirs = new Set(
      earlier.flatMap((t) => [...terms(t.text ?? '')]).filter((t) => !motionTerms.has(t)),
    );
    const theirCards = new Set(earlier.flatMap((t) => t.cited));
    const takenUp = [...said].filter((t) => theirs.has(t)).length;
    const cardsAnswered = record.answered.filter((id) => theirCards.has(id)).length;
    taken += takenUp;
    answered += cardsAnswered;
    const base = takenUp >= 10 ? 5 : takenUp >= 6 ? 4 : takenUp >= 3 ? 3 : takenUp >= 1 ? 2 : 1;
    return clamp(base + (cardsAnswered > 0 ? 1 : 0));
  });
  const parts = [
    `took up ${plural(taken, 'term')} of the other side's and answered ${answered} of their cards`,
  ];
  if (framed) parts.push('opening scored on framing the motion');
  return { score: clamp(Math.round(mean(perSpeech))), reason: parts.join('; ') };
};

const discipline: ScorerFn = (_deck, state, userId) => {
  const turns = ownTurns(state, userId);
  const delivered = turns.filter(
    ({ record }) => record?.outcome === 'delivered' || record?.outcome === 'ended-early',
  ).length;
  const share = turns.length === 0 ? 1 : delivered / turns.length;
  return {
    score: clamp(Math.round(1 + 4 * share)),
    reason: `${delivered} of ${plural(turns.length, 'speech')} delivered`,
  };
};

const SCORERS: Record<Scorer, ScorerFn> = { structure, evidence, engagement, discipline };

export const judgedCriteria = (deck: Pick<Deck, 'rubric'>) =>
  deck.rubric.filter((c) => c.judgedBy === 'judges');

/** Weighted sum scaled to 0–100: every criterion at 1 is 0, every criterion at 5 is 100. */
export const weightedTotal = (
  criteria: readonly Criterion[],
  scores: Readonly<Record<string, number>>,
): number => round1(criteria.reduce((sum, c) => sum + (c.weight * ((scores[c.id] ?? 1) - 1)) / 4, 0));

const automatic = (deck: Deck, state: Debate, userId: string, criterion: Criterion): CriterionScore => ({
  criterionId: criterion.id,
  ...SCORERS[criterion.scorer](deck, state, userId),
  by: 'automatic',
});

const debaterScore = (deck: Deck, state: Debate, userId: string, side: string): DebaterScore => {
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
    return automatic(deck, state, userId, criterion);
  });
  const coaching =
    ballots.length > 0 && state.mode === 'text'
      ? judgedCriteria(deck).map((criterion) => automatic(deck, state, userId, criterion))
      : [];
  const total = weightedTotal(deck.rubric, Object.fromEntries(criteria.map((c) => [c.criterionId, c.score])));
  return { userId, side, criteria, total, coaching };
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
  const scores = canScore ? state.debaters.map((d) => debaterScore(deck, state, d.userId, d.side)) : [];
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
