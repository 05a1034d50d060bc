import { z } from 'zod';
import type { Debate, PracticeLevel, Result } from '../debate/types.js';
import { PRACTICE_LEVELS } from '../debate/types.js';
import type { Codec } from './codec.js';
import { Collection, type StoreContext } from './collection.js';
import type { GuildQueue } from './guild-queue.js';

/** A member's record against Steelman in one server: wins, losses and draws per level, and rubric sums. */
export interface PracticeRecord {
  readonly levels: Readonly<Partial<Record<PracticeLevel, { wins: number; losses: number; draws: number }>>>;
  /** Per criterion: the sum of the member's practice scores and how many there are. */
  readonly rubric: Readonly<Record<string, { sum: number; count: number }>>;
  /** The practice debates already counted (bounded), so recording one again changes nothing. */
  readonly counted: readonly string[];
}

const COUNTED_KEPT = 200;
const tally = z.object({ wins: z.number(), losses: z.number(), draws: z.number() });

export const practiceCodec: Codec<PracticeRecord> = {
  name: 'practice record',
  version: 1,
  schema: z.object({
    levels: z.partialRecord(z.enum(PRACTICE_LEVELS), tally),
    rubric: z.record(z.string(), z.object({ sum: z.number(), count: z.number() })),
    counted: z.array(z.string()),
  }),
  migrations: {},
};

export interface PracticeRepository {
  /** Folds a finished practice debate into its member's record (idempotent per debate). */
  record(guildId: string, state: Debate, result: Result): Promise<void>;
  get(guildId: string, userId: string): Promise<PracticeRecord | undefined>;
}

/** Practice records, per server and member, apart from the rated records and the leaderboard. */
export class KeyvPracticeRepository implements PracticeRepository {
  readonly #records: Collection<PracticeRecord>;

  constructor(
    context: StoreContext,
    private readonly queue: GuildQueue,
  ) {
    this.#records = new Collection(context, 'guilds', 'practice:', practiceCodec);
  }

  get(guildId: string, userId: string): Promise<PracticeRecord | undefined> {
    return this.#records.get(`${guildId}:${userId}`);
  }

  record(guildId: string, state: Debate, result: Result): Promise<void> {
    return this.queue.run(guildId, async () => {
      const level = state.practice?.level;
      const member = state.debaters.find((d) => d.userId === state.hostId);
      if (!level || !member || result.winner === undefined) return;
      const key = `${guildId}:${member.userId}`;
      const before = (await this.#records.get(key)) ?? { levels: {}, rubric: {}, counted: [] };
      if (before.counted.includes(state.id)) return;
      const was = before.levels[level] ?? { wins: 0, losses: 0, draws: 0 };
      const outcome = result.winner === 'draw' ? 'draws' : result.winner === member.side ? 'wins' : 'losses';
      const rubric = { ...before.rubric };
      for (const c of result.scores.find((s) => s.userId === member.userId)?.criteria ?? []) {
        const sum = rubric[c.criterionId] ?? { sum: 0, count: 0 };
        rubric[c.criterionId] = { sum: sum.sum + c.score, count: sum.count + 1 };
      }
      await this.#records.set(key, {
        levels: { ...before.levels, [level]: { ...was, [outcome]: was[outcome] + 1 } },
        rubric,
        counted: [...before.counted, state.id].slice(-COUNTED_KEPT),
      });
    });
  }
}
