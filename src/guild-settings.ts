import type { Deck } from './content/deck.js';
import type { GuildConfig } from './store/types.js';

/** The settings a moderator can change with /config set, each with its parser. */
export const SETTING_KEYS = [
  'default-format',
  'judge-role',
  'debate-channels',
  'lobby-minutes',
  'leaderboard',
  'images',
  'result-image',
  'web',
  'practice',
  'threads',
  'vote-role',
] as const;
export type SettingKey = (typeof SETTING_KEYS)[number];

export type SettingResult = { ok: true; config: GuildConfig } | { ok: false; message: string };

const ids = (value: string) => value.match(/\d{15,21}/g) ?? [];

/** An on/off setting: true, false, or undefined when the value is neither. */
const onOff = (value: string): boolean | undefined =>
  /^(on|true|yes|1)$/i.test(value) ? true : /^(off|false|no|0)$/i.test(value) ? false : undefined;

/** The switches, by key, and the config field each sets. */
const SWITCHES = {
  leaderboard: 'leaderboard',
  images: 'images',
  'result-image': 'resultImage',
  web: 'web',
  practice: 'practice',
  threads: 'threads',
} as const satisfies Partial<Record<SettingKey, keyof GuildConfig>>;

/** Applies `value` to one setting, or says plainly what a valid value looks like. */
export const applySetting = (
  deck: Deck,
  config: GuildConfig,
  key: SettingKey,
  raw: string,
): SettingResult => {
  const value = raw.trim();
  const off = /^(none|any|off|clear|-)$/i.test(value);
  switch (key) {
    case 'default-format': {
      const format = deck.format(value);
      return format
        ? { ok: true, config: { ...config, defaultFormat: format.id } }
        : {
            ok: false,
            message: `There is no format "${value}". Formats: ${deck.formats.map((f) => f.id).join(', ')}.`,
          };
    }
    case 'judge-role': {
      if (off) {
        const { judgeRoleId: _dropped, ...rest } = config;
        return { ok: true, config: rest };
      }
      const [roleId] = ids(value);
      return roleId
        ? { ok: true, config: { ...config, judgeRoleId: roleId } }
        : { ok: false, message: 'Give a role mention like @Judges, or "none" to let anyone judge.' };
    }
    case 'debate-channels': {
      if (off) return { ok: true, config: { ...config, debateChannels: [] } };
      const channels = [...new Set(ids(value))];
      return channels.length > 0
        ? { ok: true, config: { ...config, debateChannels: channels } }
        : { ok: false, message: 'Give one or more channel mentions like #debates, or "any".' };
    }
    case 'lobby-minutes': {
      const minutes = Number(value);
      return Number.isInteger(minutes) && minutes >= 1 && minutes <= 240
        ? { ok: true, config: { ...config, lobbyMinutes: minutes } }
        : { ok: false, message: 'Give a whole number of minutes from 1 to 240.' };
    }
    case 'leaderboard':
    case 'images':
    case 'result-image':
    case 'web':
    case 'practice':
    case 'threads': {
      const on = onOff(value);
      return on === undefined
        ? { ok: false, message: 'Give "on" or "off".' }
        : { ok: true, config: { ...config, [SWITCHES[key]]: on } };
    }
    case 'vote-role': {
      if (off) {
        const { voteRoleId: _dropped, ...rest } = config;
        return { ok: true, config: rest };
      }
      const [roleId] = ids(value);
      return roleId
        ? { ok: true, config: { ...config, voteRoleId: roleId } }
        : { ok: false, message: 'Give a role mention like @Voters, or "none" to let any member vote.' };
    }
  }
};
