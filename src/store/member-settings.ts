import { z } from 'zod';
import type { Codec } from './codec.js';
import { Collection, type StoreContext } from './collection.js';

/** Where a member's turn reminders go: a mention in the debate's channel (the default), a DM, or nowhere. */
export const REMINDER_TARGETS = ['channel', 'dm', 'off'] as const;
export type ReminderTarget = (typeof REMINDER_TARGETS)[number];

export interface MemberSettings {
  readonly remind: ReminderTarget;
}

export const memberSettingsCodec: Codec<MemberSettings> = {
  name: 'member settings',
  version: 1,
  schema: z.object({ remind: z.enum(REMINDER_TARGETS) }),
  migrations: {},
};

/** A member's own settings in one server (reminders); a member never set them: the defaults. */
export interface MemberSettingsRepository {
  /** @throws StoreUnavailableError */
  get(guildId: string, userId: string): Promise<MemberSettings>;
  /** @throws StoreUnavailableError */
  setRemind(guildId: string, userId: string, remind: ReminderTarget): Promise<void>;
}

export const DEFAULT_MEMBER_SETTINGS: MemberSettings = { remind: 'channel' };

export class KeyvMemberSettingsRepository implements MemberSettingsRepository {
  readonly #settings: Collection<MemberSettings>;

  constructor(context: StoreContext) {
    this.#settings = new Collection(context, 'guilds', 'members:', memberSettingsCodec);
  }

  async get(guildId: string, userId: string): Promise<MemberSettings> {
    return (await this.#settings.get(`${guildId}:${userId}`)) ?? DEFAULT_MEMBER_SETTINGS;
  }

  async setRemind(guildId: string, userId: string, remind: ReminderTarget): Promise<void> {
    const current = await this.get(guildId, userId);
    await this.#settings.set(`${guildId}:${userId}`, { ...current, remind });
  }
}
