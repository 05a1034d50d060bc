import { z } from 'zod';
import { SPEECH_KINDS, sizeSchema } from '../../content/schemas.js';
import type { LoggedEvent } from '../../debate/replay.js';
import type {
  Actor,
  Ballot,
  ControlRecord,
  CriterionScore,
  Debate,
  DebateEvent,
  DebaterScore,
  Paused,
  Result,
  Slot,
  Timer,
  TurnRecord,
} from '../../debate/types.js';
import { PRACTICE_LEVELS } from '../../debate/types.js';

/**
 * zod schemas of the engine's types, for reading them back from the store. Each is checked against
 * the engine's interface (`z.ZodType<X>`), so a change to the engine that the store does not follow
 * is a compile error here rather than a silent loss of a field.
 *
 * JSON drops a property whose value is undefined, so keys the engine types as `T | undefined`
 * (required, possibly undefined) are read as optional and put back by a transform.
 */
const record = <T extends z.ZodType>(value: T) => z.record(z.string(), value);
const strings = z.array(z.string());

export const timerSchema: z.ZodType<Timer> = z.object({ key: z.string(), at: z.number() });

const actorSchema: z.ZodType<Actor> = z.object({ userId: z.string(), manager: z.boolean().optional() });

const slotSchema: z.ZodType<Slot> = z.object({
  side: z.string(),
  userId: z.string(),
  kind: z.enum(SPEECH_KINDS),
  seconds: z.number(),
  bells: z.array(z.number()),
  words: z.object({ min: z.number(), max: z.number() }),
  protectedSeconds: z.number().optional(),
  graceSeconds: z.number().optional(),
});

const turnRecordSchema: z.ZodType<TurnRecord> = z.object({
  turn: z.number(),
  userId: z.string(),
  side: z.string(),
  startedAt: z.number(),
  endedAt: z.number(),
  outcome: z.enum(['delivered', 'ended-early', 'passed', 'missed']),
  text: z.string().optional(),
  cited: strings,
  answered: strings,
});

const ballotSchema: z.ZodType<Ballot> = z.object({
  judgeId: z.string(),
  scores: record(record(z.number())),
  winner: z.string(),
  submittedAt: z.number(),
  reason: z.string().optional(),
  notes: record(z.string()).optional(),
});

const criterionScoreSchema: z.ZodType<CriterionScore> = z.object({
  criterionId: z.string(),
  score: z.number(),
  reason: z.string(),
  by: z.enum(['judges', 'automatic']),
});

const debaterScoreSchema: z.ZodType<DebaterScore> = z.object({
  userId: z.string(),
  side: z.string(),
  criteria: z.array(criterionScoreSchema),
  total: z.number(),
  coaching: z.array(criterionScoreSchema),
  speeches: z
    .array(
      z.object({
        turn: z.number(),
        strongest: z.string().optional(),
        weakest: z.string().optional(),
        unanswered: z.string().optional(),
        counterCardId: z.string().optional(),
      }),
    )
    .optional(),
});

export const resultSchema: z.ZodType<Result> = z
  .object({
    winner: z.string().optional(),
    decidedBy: z.enum(['judges', 'automatic', 'forfeit', 'none', 'community']),
    rated: z.boolean(),
    scores: z.array(debaterScoreSchema),
    sideTotals: record(z.number()),
    votes: record(z.string()),
    crowd: record(z.number()),
    forfeitedBy: z.string().optional(),
    finishedAt: z.number(),
  })
  .transform((r) => ({ ...r, winner: r.winner }));

const pausedSchema: z.ZodType<Paused> = z
  .object({
    at: z.number(),
    by: z.enum(['host', 'prep']),
    side: z.string().optional(),
    timer: timerSchema.optional(),
  })
  .transform((p) => ({ ...p, timer: p.timer }));

const controlRecordSchema: z.ZodType<ControlRecord> = z.object({
  kind: z.enum(['pause', 'resume', 'extend', 'replace', 'seat-taken', 'prep-taken', 'prep-ended']),
  at: z.number(),
  by: z.string().optional(),
  turn: z.number(),
  seconds: z.number().optional(),
  userId: z.string().optional(),
  side: z.string().optional(),
});

export const debateSchema: z.ZodType<Debate> = z
  .object({
    id: z.string(),
    guildId: z.string(),
    channelId: z.string(),
    hostId: z.string(),
    motionId: z.string(),
    formatId: z.string(),
    mode: z.enum(['text', 'live']),
    size: sizeSchema,
    createdAt: z.number(),
    phase: z.enum(['lobby', 'prep', 'speaking', 'judging', 'done', 'cancelled']),
    rng: z.number(),
    debaters: z.array(z.object({ userId: z.string(), side: z.string() })),
    judges: strings,
    ready: strings,
    slots: z.array(slotSchema),
    hands: record(strings),
    draws: record(z.number()),
    piles: record(strings),
    turn: z.number(),
    turnStartedAt: z.number().optional(),
    turnEndsAt: z.number().optional(),
    turns: z.array(turnRecordSchema),
    timer: timerSchema.optional(),
    ballots: record(ballotSchema),
    crowd: record(z.string()),
    result: resultSchema.optional(),
    cancelReason: z.enum(['host', 'expired', 'moderator']).optional(),
    paused: pausedSchema.optional(),
    controls: z.array(controlRecordSchema).optional(),
    openSeats: z.array(z.object({ userId: z.string(), side: z.string(), openedAt: z.number() })).optional(),
    prepLeft: record(z.number()).optional(),
    voiceChannelId: z.string().optional(),
    pois: z
      .array(
        z.object({
          turn: z.number(),
          by: z.string(),
          at: z.number(),
          answer: z.enum(['accepted', 'declined']).optional(),
        }),
      )
      .optional(),
    practice: z.object({ level: z.enum(PRACTICE_LEVELS) }).optional(),
    judging: z.enum(['community']).optional(),
    votes: record(
      z.object({ userId: z.string(), side: z.string(), reason: z.string(), at: z.number() }),
    ).optional(),
    speechForm: z.object({ turn: z.number(), openedAt: z.number() }).optional(),
  })
  .transform((d) => ({
    ...d,
    turnStartedAt: d.turnStartedAt,
    turnEndsAt: d.turnEndsAt,
    timer: d.timer,
    result: d.result,
  }));

const withActor = <T extends string>(type: T) => ({ type: z.literal(type), actor: actorSchema });

export const debateEventSchema: z.ZodType<DebateEvent> = z.discriminatedUnion('type', [
  z.object({
    type: z.literal('open'),
    id: z.string(),
    guildId: z.string(),
    channelId: z.string(),
    hostId: z.string(),
    motionId: z.string(),
    formatId: z.string(),
    mode: z.enum(['text', 'live']),
    size: sizeSchema,
    seed: z.number(),
    lobbySeconds: z.number(),
    voiceChannelId: z.string().optional(),
    practice: z
      .object({
        level: z.enum(PRACTICE_LEVELS),
        side: z.string(),
        history: record(z.number()).optional(),
      })
      .optional(),
    judging: z.enum(['community']).optional(),
  }),
  z.object({ ...withActor('join'), side: z.string(), history: record(z.number()).optional() }),
  z.object(withActor('leave')),
  z.object(withActor('judge')),
  z.object(withActor('swap')),
  z.object(withActor('begin')),
  z.object({ ...withActor('speak'), text: z.string(), turn: z.number().int().optional() }),
  z.object({ ...withActor('speech-form'), turn: z.number().int(), openedAt: z.number() }),
  z.object({ ...withActor('done'), turn: z.number().int().optional() }),
  z.object(withActor('draw')),
  z.object(withActor('forfeit')),
  z.object(withActor('cancel')),
  z.object({
    ...withActor('ballot'),
    scores: record(record(z.number())),
    winner: z.string(),
    reason: z.string().optional(),
    notes: record(z.string()).optional(),
  }),
  z.object({ ...withActor('crowd'), side: z.string() }),
  z.object({ type: z.literal('timer'), key: z.string() }),
  z.object(withActor('pause')),
  z.object(withActor('resume')),
  z.object({ ...withActor('extend'), seconds: z.number() }),
  z.object({ ...withActor('replace'), userId: z.string() }),
  z.object({ ...withActor('take-prep'), turn: z.number().int().optional() }),
  z.object({ ...withActor('end-prep'), turn: z.number().int().optional() }),
  z.object({ ...withActor('poi'), turn: z.number().int().optional() }),
  z.object({ ...withActor('poi-answer'), accept: z.boolean(), turn: z.number().int().optional() }),
  z.object({ ...withActor('vote'), side: z.string(), reason: z.string() }),
]);

export const loggedEventSchema: z.ZodType<LoggedEvent> = z.object({
  event: debateEventSchema,
  at: z.number(),
});
