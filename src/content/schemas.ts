import { z } from 'zod';

/**
 * The shapes of the files in data/. These schemas are the single source of truth:
 * the loader validates with them, and `npm run data:schema` turns them into the JSON Schemas
 * that editors use to autocomplete the files.
 */

const id = z.string().regex(/^[a-z][a-z0-9-]{0,31}$/, 'use lowercase letters, digits and dashes (max 32)');
const tag = z.string().regex(/^[a-z0-9][a-z0-9-]{0,31}$/, 'use lowercase kebab-case (max 32)');
const text = (max: number) =>
  z.string().trim().min(1, 'must not be empty').max(max, `at most ${max} characters`);
const file = <T extends z.ZodRawShape>(shape: T) =>
  z.strictObject({ $schema: z.string().optional(), ...shape });

export const SIZES = ['1v1', '2v2'] as const;
export const sizeSchema = z.enum(SIZES);
export type Size = z.infer<typeof sizeSchema>;
/** Debaters per side for a size. */
export const teamSize = (size: Size): number => (size === '1v1' ? 1 : 2);

export const sideSchema = z.strictObject({
  id,
  name: text(40),
  thesis: text(160),
  colour: z.string().regex(/^#[0-9a-fA-F]{6}$/, 'a hex colour like #1E88E5'),
  emoji: text(16),
  cardPrefix: z.string().regex(/^[A-Z]$/, 'one capital letter, the first letter of its card ids'),
});
export const sidesFileSchema = file({
  sides: z.array(sideSchema).length(2, 'a debate has exactly two sides'),
});

export const tagSchema = z.strictObject({
  id: tag,
  /** One line on what a card or motion carrying the tag is about. */
  meaning: text(160).describe('One line on what a card or motion carrying this tag is about.'),
});
export const tagsFileSchema = file({ tags: z.array(tagSchema).min(1, 'at least one tag') });

export const DIFFICULTIES = ['intro', 'standard', 'advanced'] as const;
export const motionSchema = z.strictObject({
  id: z.string().regex(/^M\d{2,3}$/, 'like M01'),
  text: text(200),
  affirms: id,
  framing: z.record(id, text(400)),
  tags: z.array(tag).min(1).max(6),
  difficulty: z.enum(DIFFICULTIES),
});
export const motionsFileSchema = file({ motions: z.array(motionSchema).min(1, 'at least one motion') });

export const sourceSchema = z.strictObject({
  id,
  seed: text(120),
  title: text(200),
  publisher: text(120).optional(),
  date: text(40).optional(),
});
export const cardSchema = z.strictObject({
  id: z.string().regex(/^[A-Z]\d{2,4}$/, 'a capital letter and two to four digits, like L07'),
  side: id,
  title: text(80),
  claim: text(500),
  quote: z.strictObject({ text: text(200), by: text(80) }).optional(),
  caveat: text(300).optional(),
  source: id,
  tags: z.array(tag).min(1).max(6),
});
export const evidenceFileSchema = file({
  sources: z.array(sourceSchema).min(1, 'at least one source'),
  cards: z.array(cardSchema).min(1, 'at least one card'),
});

/** The longest a speech (or a judging window) may run: seven days, for correspondence debates. */
export const MAX_SPEECH_SECONDS = 7 * 24 * 3600;
/** The longest written speech a format may allow (a correspondence speech). */
export const MAX_LONG_SPEECH_CHARS = 10_000;
/** A late speech form's grace: 20 s unless the format says otherwise, at most 10 minutes. */
export const DEFAULT_GRACE_SECONDS = 20;
export const MAX_GRACE_SECONDS = 600;

export const SPEECH_KINDS = ['constructive', 'cross-examination', 'rebuttal', 'summary', 'closing'] as const;
export const speechSchema = z.strictObject({
  side: id,
  /** Which of the side's debaters speaks (1 or 2); in a 1v1 every speech is the side's only debater. */
  speaker: z.union([z.literal(1), z.literal(2)]).default(1),
  kind: z.enum(SPEECH_KINDS),
  /** The speech's length when it is spoken (live mode). */
  seconds: z
    .number()
    .int()
    .min(5)
    .max(MAX_SPEECH_SECONDS)
    .describe('Length of the speech when spoken, in live mode (a correspondence format may take days).'),
  /**
   * The speech's length in text mode, where it is typed: long enough to type the minimum of
   * `words` at about 35 words a minute (the data check refuses a range that cannot be typed).
   */
  textSeconds: z
    .number()
    .int()
    .min(5)
    .max(MAX_SPEECH_SECONDS)
    .describe(
      'Length of the speech in text mode, where it is typed: words.min must be typeable in it at about 35 words a minute.',
    ),
  /** Seconds before the end of the speech at which the bot rings a bell. */
  bells: z.array(z.number().int().positive()).max(4).default([]),
  /** Target length of a written speech in text mode, in words. */
  words: z.strictObject({ min: z.number().int().min(0), max: z.number().int().positive() }),
});
export const formatSchema = z.strictObject({
  id,
  name: text(60),
  description: text(300),
  sizes: z.array(sizeSchema).min(1),
  prepSeconds: z.number().int().min(0).max(3600),
  handSize: z.number().int().min(0).max(20),
  draws: z.number().int().min(0).max(10),
  judgingSeconds: z.number().int().min(10).max(MAX_SPEECH_SECONDS),
  speeches: z.array(speechSchema).min(2, 'at least one speech per side'),
  /** Seconds of prep each side may draw on between speeches (Lincoln-Douglas: 240), besides `prepSeconds`. */
  prepPool: z
    .number()
    .int()
    .min(0)
    .max(1800)
    .optional()
    .describe('Seconds of prep each side may draw on between speeches, with the Take prep button.'),
  /**
   * Live mode: the first and last seconds of every speech are protected (British Parliamentary: 60);
   * in between, the other side may offer points of information. Absent: no points of information.
   */
  protectedSeconds: z
    .number()
    .int()
    .min(1)
    .max(600)
    .optional()
    .describe(
      'Live mode: protected seconds at the start and end of each speech; points of information in between.',
    ),
  /**
   * Correspondence formats: at each bell the speaker is reminded (a mention that notifies them,
   * or a DM when they chose /debate remind dm). Without it a bell is a signal that pings nobody.
   */
  reminders: z
    .boolean()
    .optional()
    .describe('Remind the speaker at each bell (a mention or a DM), for formats whose speeches last hours.'),
  /** With judging:community, how long the community may vote after the last speech. */
  votingSeconds: z
    .number()
    .int()
    .min(10)
    .max(MAX_SPEECH_SECONDS)
    .optional()
    .describe(
      'With judging:community: how long members may vote after the last speech (default: judgingSeconds).',
    ),
  /** The longest written speech, in characters (default 4,000; up to 10,000 for correspondence). */
  speechChars: z
    .number()
    .int()
    .min(500)
    .max(MAX_LONG_SPEECH_CHARS)
    .optional()
    .describe('The longest written speech in characters (default 4000, at most 10000).'),
  /**
   * Text mode: a speech whose form was opened before the deadline is still accepted this many
   * seconds after it (typing takes a while, and a form cannot be saved half-written). 0: none.
   */
  graceSeconds: z
    .number()
    .int()
    .min(0)
    .max(MAX_GRACE_SECONDS)
    .default(DEFAULT_GRACE_SECONDS)
    .describe(
      'Text mode: seconds after the deadline in which a speech whose form was opened before it is still accepted (default 20, at most 600; 0 for none).',
    ),
});
export const formatsFileSchema = file({ formats: z.array(formatSchema).min(1, 'at least one format') });

/** The automatic scorers the engine knows; the rubric names one per criterion. */
export const SCORERS = ['structure', 'evidence', 'engagement', 'discipline'] as const;
export type Scorer = (typeof SCORERS)[number];
export const criterionSchema = z.strictObject({
  id,
  name: text(40),
  weight: z.number().int().min(1).max(100),
  judgedBy: z.enum(['judges', 'automatic']),
  scorer: z.enum(SCORERS),
  description: text(300),
  automatic: text(400),
  levels: z
    .array(z.strictObject({ score: z.number().int().min(1).max(5), means: text(200) }))
    .length(5, 'one level for each point of the 1–5 scale'),
});
export const rubricFileSchema = file({ criteria: z.array(criterionSchema).min(1, 'at least one criterion') });

export type Tag = z.infer<typeof tagSchema>;
export type Side = z.infer<typeof sideSchema>;
export type Motion = z.infer<typeof motionSchema>;
export type Source = z.infer<typeof sourceSchema>;
export type Card = z.infer<typeof cardSchema>;
export type SpeechKind = (typeof SPEECH_KINDS)[number];
export type Speech = z.infer<typeof speechSchema>;
export type Format = z.infer<typeof formatSchema>;
export type Criterion = z.infer<typeof criterionSchema>;

/** The data files, by name, with the schema of each. */
export const DATA_FILES = {
  sides: sidesFileSchema,
  motions: motionsFileSchema,
  evidence: evidenceFileSchema,
  formats: formatsFileSchema,
  rubric: rubricFileSchema,
  tags: tagsFileSchema,
} as const;
export type DataFileName = keyof typeof DATA_FILES;
