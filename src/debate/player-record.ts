import { displayRating, newRating, rateDebate, type SkillRating } from './ratings.js';
import type { Debate, Result } from './types.js';

/** W/L/D on one side or overall. */
export interface Tally {
  readonly debates: number;
  readonly wins: number;
  readonly losses: number;
  readonly draws: number;
}

export interface RecentDebate {
  readonly debateId: string;
  readonly motionId: string;
  readonly side: string;
  readonly outcome: 'win' | 'loss' | 'draw';
  readonly total: number;
  readonly ratingChange: number;
  readonly at: number;
}

/** The displayed rating after one rated debate: a point of the rating-history chart. */
export interface RatingPoint {
  readonly debateId: string;
  readonly at: number;
  readonly rating: number;
}

/** A player's standing in one server and season, derived from the results of their rated debates. */
export interface PlayerRecord {
  readonly userId: string;
  readonly rating: SkillRating;
  /** A rating per side, moved only by debates on that side: the best LeCun or scaling advocates. */
  readonly sideRatings: Readonly<Record<string, SkillRating>>;
  readonly overall: Tally;
  readonly bySide: Readonly<Record<string, Tally>>;
  /** Sum and count of each rubric criterion's scores, for averages. */
  readonly criteria: Readonly<Record<string, { readonly sum: number; readonly count: number }>>;
  /** The last five debates, newest first. */
  readonly recent: readonly RecentDebate[];
  /**
   * The displayed rating after each rated debate of the season, oldest first, the last
   * RATING_HISTORY_KEPT of them. Absent in records written before it existed.
   */
  readonly ratingHistory?: readonly RatingPoint[];
}

export const RECENT_KEPT = 5;
export const RATING_HISTORY_KEPT = 100;
const emptyTally: Tally = { debates: 0, wins: 0, losses: 0, draws: 0 };

export const newPlayerRecord = (userId: string): PlayerRecord => ({
  userId,
  rating: newRating(),
  sideRatings: {},
  overall: emptyTally,
  bySide: {},
  criteria: {},
  recent: [],
});

const count = (tally: Tally | undefined, outcome: RecentDebate['outcome']): Tally => {
  const t = tally ?? emptyTally;
  return {
    debates: t.debates + 1,
    wins: t.wins + (outcome === 'win' ? 1 : 0),
    losses: t.losses + (outcome === 'loss' ? 1 : 0),
    draws: t.draws + (outcome === 'draw' ? 1 : 0),
  };
};

export interface RatedChange {
  readonly userId: string;
  readonly before: SkillRating;
  readonly after: SkillRating;
}

/**
 * Folds a rated result into its debaters' records: ratings (overall and per side), tallies,
 * rubric sums and the recent list. `records` holds the current record of each debater, if any.
 */
export const applyResult = (
  debate: Debate,
  result: Result,
  records: ReadonlyMap<string, PlayerRecord>,
  displayChange: (before: SkillRating, after: SkillRating) => number,
): { records: PlayerRecord[]; changes: RatedChange[] } => {
  const winner = result.winner;
  if (!result.rated || winner === undefined) return { records: [], changes: [] };
  const current = (userId: string) => records.get(userId) ?? newPlayerRecord(userId);
  const sides = [...new Set(debate.debaters.map((d) => d.side))];
  const teams = (pick: (r: PlayerRecord, side: string) => SkillRating) =>
    sides.map((side) => ({
      side,
      players: debate.debaters
        .filter((d) => d.side === side)
        .map((d) => ({ userId: d.userId, rating: pick(current(d.userId), side) })),
    }));
  const overall = rateDebate(
    teams((r) => r.rating),
    winner,
  );
  const bySide = rateDebate(
    teams((r, side) => r.sideRatings[side] ?? newRating()),
    winner,
  );

  const changes: RatedChange[] = [];
  const updated = debate.debaters.map((d): PlayerRecord => {
    const record = current(d.userId);
    const outcome: RecentDebate['outcome'] = winner === 'draw' ? 'draw' : winner === d.side ? 'win' : 'loss';
    const after = overall.get(d.userId) ?? record.rating;
    changes.push({ userId: d.userId, before: record.rating, after });
    const score = result.scores.find((s) => s.userId === d.userId);
    const criteria = { ...record.criteria };
    // A forfeit says nothing about how well anyone argued: it moves ratings, not rubric averages.
    const judgedOnMerits = result.decidedBy !== 'forfeit';
    for (const c of judgedOnMerits ? (score?.criteria ?? []) : []) {
      const prev = criteria[c.criterionId] ?? { sum: 0, count: 0 };
      criteria[c.criterionId] = { sum: prev.sum + c.score, count: prev.count + 1 };
    }
    const recent: RecentDebate = {
      debateId: debate.id,
      motionId: debate.motionId,
      side: d.side,
      outcome,
      total: score?.total ?? 0,
      ratingChange: displayChange(record.rating, after),
      at: result.finishedAt,
    };
    return {
      userId: d.userId,
      rating: after,
      sideRatings: { ...record.sideRatings, [d.side]: bySide.get(d.userId) ?? newRating() },
      overall: count(record.overall, outcome),
      bySide: { ...record.bySide, [d.side]: count(record.bySide[d.side], outcome) },
      criteria,
      recent: [recent, ...record.recent].slice(0, RECENT_KEPT),
      ratingHistory: [
        ...(record.ratingHistory ?? []),
        { debateId: debate.id, at: result.finishedAt, rating: displayRating(after) },
      ].slice(-RATING_HISTORY_KEPT),
    };
  });
  return { records: updated, changes };
};
