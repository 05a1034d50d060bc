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

export const displayRating = (skill: SkillRating): number =>
  Math.round(ordinal(skill, { alpha: 40, target: 1000 }));

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
