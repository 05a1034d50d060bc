import { ordinal, rate, rating } from 'openskill';

/**
 * Weng-Lin (openskill) ratings, which handle teams and draws. A player's skill is a belief
 * (mu, sigma); the number people see is the conservative estimate mu − 3·sigma, scaled so a
 * newcomer starts at 1000.
 */
export interface SkillRating {
  readonly mu: number;
  readonly sigma: number;
}

export const newRating = (): SkillRating => rating();

/** Points per unit of mu, and the newcomer's displayed rating. */
const SCALE = 40;
const START = 1000;

export const displayRating = (skill: SkillRating): number =>
  Math.round(ordinal(skill, { alpha: SCALE, target: START }));

/**
 * The displayed rating taken apart, in the same points: shown = 1000 + skill − margin, where the
 * skill estimate is 40·mu and the margin of doubt 3·40·sigma (a newcomer: 1000 and 1000). The
 * margin is derived from the rounded figures, so the sum always adds up on screen.
 */
export interface RatingParts {
  readonly shown: number;
  readonly skill: number;
  readonly margin: number;
}
export const ratingParts = (skill: SkillRating): RatingParts => {
  const shown = displayRating(skill);
  const points = Math.round(SCALE * skill.mu);
  return { shown, skill: points, margin: START + points - shown };
};

/**
 * What a newcomer's first rated 1v1 result against another newcomer shows: the gain of a win and
 * the change of a loss (the margin shrinks either way, so the win gains more than the loss costs).
 */
export const firstResultChanges = (): { readonly win: number; readonly loss: number } => {
  const after = rateDebate(
    [
      { side: 'winner', players: [{ userId: 'winner', rating: newRating() }] },
      { side: 'loser', players: [{ userId: 'loser', rating: newRating() }] },
    ],
    'winner',
  );
  const change = (userId: string) => displayRating(after.get(userId) ?? newRating()) - START;
  return { win: change('winner'), loss: change('loser') };
};

/** Debates a player plays before they are ranked; until then they are shown as provisional. */
export const PROVISIONAL_DEBATES = 3;
export const isProvisional = (debates: number) => debates < PROVISIONAL_DEBATES;

export interface RatedTeam {
  readonly side: string;
  readonly players: readonly { readonly userId: string; readonly rating: SkillRating }[];
}

/** New ratings after a rated debate between two teams; `winner` is a side or 'draw'. */
export const rateDebate = (teams: readonly RatedTeam[], winner: string): Map<string, SkillRating> => {
  const rank = teams.map((team) => (winner === 'draw' ? 1 : team.side === winner ? 1 : 2));
  const rated = rate(
    teams.map((team) => team.players.map((p) => p.rating)),
    { rank },
  );
  const out = new Map<string, SkillRating>();
  for (const [t, team] of teams.entries()) {
    for (const [p, player] of team.players.entries()) {
      const next = rated[t]?.[p];
      if (next) out.set(player.userId, { mu: next.mu, sigma: next.sigma });
    }
  }
  return out;
};
