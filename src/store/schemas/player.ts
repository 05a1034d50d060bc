import { z } from 'zod';
import type { MotionTally } from '../../debate/motion-stats.js';
import type { PlayerRecord, RecentDebate, Tally } from '../../debate/player-record.js';
import type { SkillRating } from '../../debate/ratings.js';

/** zod schemas of the engine's player and motion types, checked against its interfaces. */
const record = <T extends z.ZodType>(value: T) => z.record(z.string(), value);

export const skillRatingSchema: z.ZodType<SkillRating> = z.object({ mu: z.number(), sigma: z.number() });

const tallySchema: z.ZodType<Tally> = z.object({
  debates: z.number(),
  wins: z.number(),
  losses: z.number(),
  draws: z.number(),
});

const recentSchema: z.ZodType<RecentDebate> = z.object({
  debateId: z.string(),
  motionId: z.string(),
  side: z.string(),
  outcome: z.enum(['win', 'loss', 'draw']),
  total: z.number(),
  ratingChange: z.number(),
  at: z.number(),
});

export const playerRecordSchema: z.ZodType<PlayerRecord> = z.object({
  userId: z.string(),
  rating: skillRatingSchema,
  sideRatings: record(skillRatingSchema),
  overall: tallySchema,
  bySide: record(tallySchema),
  criteria: record(z.object({ sum: z.number(), count: z.number() })),
  recent: z.array(recentSchema),
  ratingHistory: z.array(z.object({ debateId: z.string(), at: z.number(), rating: z.number() })).optional(),
});

export const motionTallySchema: z.ZodType<MotionTally> = z.object({
  wins: record(z.number()),
  draws: z.number(),
});
