import { readFileSync } from 'node:fs';
import { ApplicationCommandOptionType } from 'discord.js';
import { describe, expect, it } from 'vitest';
import { loadCommands } from '../../commands/index.js';

const commands = loadCommands();
/** "/debate start", "/leaderboard", … as registered. */
const registered = [...commands.values()].flatMap((command) => {
  const subs = (command.data.options ?? []).filter((o) => o.type === ApplicationCommandOptionType.Subcommand);
  return subs.length > 0 ? subs.map((s) => `/${command.data.name} ${s.name}`) : [`/${command.data.name}`];
});

describe('the registered commands', () => {
  it('given PRODUCT.md’s command table, then every command and subcommand exists', () => {
    expect(registered.sort()).toEqual(
      [
        '/debate start',
        '/debate join',
        '/debate leave',
        '/debate judge',
        '/debate begin',
        '/debate speak',
        '/debate done',
        '/debate forfeit',
        '/debate status',
        '/debate cancel',
        '/debate pause',
        '/debate resume',
        '/debate extend',
        '/debate replace',
        '/debate history',
        '/debate transcript',
        '/debate remind',
        '/debate mine',
        '/evidence hand',
        '/evidence draw',
        '/evidence search',
        '/evidence show',
        '/motion list',
        '/motion show',
        '/motion random',
        '/motion stats',
        '/leaderboard',
        '/stats',
        '/rubric',
        '/help',
        '/config view',
        '/config set',
        '/config channels',
        '/season new',
        '/practice start',
        '/practice stop',
      ].sort(),
    );
  });

  it('given the README, then its command list names exactly the registered commands', () => {
    const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
    const section = readme.slice(
      readme.indexOf('## Commands'),
      readme.indexOf('### A debate, start to finish'),
    );
    const listed = new Set(
      [...section.matchAll(/`(\/[a-z]+)(?: ([a-z]+))?/g)].map(([, name, sub]) =>
        sub && registered.includes(`${name} ${sub}`) ? `${name} ${sub}` : `${name}`,
      ),
    );
    for (const name of registered) expect(listed, `README lists ${name}`).toContain(name);
    for (const name of listed) expect(registered, `${name} in the README is registered`).toContain(name);
  });

  it('given the host controls, then extend takes 1–600 seconds, replace a user, and start a voice channel', () => {
    const debate = commands.get('debate');
    const sub = (name: string) =>
      (debate?.data.options ?? []).find((o) => o.name === name) as
        | {
            options?: {
              name: string;
              type: number;
              required?: boolean;
              min_value?: number;
              max_value?: number;
            }[];
          }
        | undefined;
    expect(sub('pause')?.options ?? []).toEqual([]);
    expect(sub('resume')?.options ?? []).toEqual([]);
    expect(sub('extend')?.options).toEqual([
      expect.objectContaining({
        name: 'seconds',
        type: ApplicationCommandOptionType.Integer,
        required: true,
        min_value: 1,
        max_value: 600,
      }),
    ]);
    expect(sub('replace')?.options).toEqual([
      expect.objectContaining({ name: 'user', type: ApplicationCommandOptionType.User, required: true }),
    ]);
    expect(sub('start')?.options?.find((o) => o.name === 'voice')?.type).toBe(
      ApplicationCommandOptionType.Channel,
    );
  });

  it('given PRODUCT.md’s /practice start, then it takes motion, side, format and level (novice, club, champion)', () => {
    const start = commands
      .get('practice')
      ?.data.options?.find((o) => o.name === 'start' && o.type === ApplicationCommandOptionType.Subcommand);
    const options = start && 'options' in start ? (start.options ?? []) : [];
    expect(options.map((o) => o.name)).toEqual(['motion', 'side', 'format', 'level']);
    const level = options.find((o) => o.name === 'level');
    expect(level && 'choices' in level ? level.choices?.map((c) => c.value) : []).toEqual([
      'novice',
      'club',
      'champion',
    ]);
  });

  it('given /debate history and /debate transcript, then their options are user and page, and a required autocompleted id', () => {
    const debate = commands.get('debate');
    const sub = (name: string) =>
      (debate?.data.options ?? []).find((o) => o.name === name) as
        | { options?: { name: string; type: number; required?: boolean; autocomplete?: boolean }[] }
        | undefined;
    expect(sub('history')?.options?.map((o) => [o.name, o.type])).toEqual([
      ['user', ApplicationCommandOptionType.User],
      ['page', ApplicationCommandOptionType.Integer],
    ]);
    expect(sub('transcript')?.options).toEqual([
      expect.objectContaining({
        name: 'id',
        type: ApplicationCommandOptionType.String,
        required: true,
        autocomplete: true,
      }),
    ]);
  });

  it('given /config, then roles and channels are picked with Discord’s pickers, never typed', () => {
    const config = commands.get('config');
    const sub = (name: string) =>
      (config?.data.options ?? []).find((o) => o.name === name) as
        | { options?: { name: string; type: number; required?: boolean }[] }
        | undefined;
    const types = (name: string) => sub(name)?.options?.map((o) => [o.name, o.type, o.required === true]);
    expect(types('set')).toEqual([
      ['key', ApplicationCommandOptionType.String, true],
      ['value', ApplicationCommandOptionType.String, false],
      ['role', ApplicationCommandOptionType.Role, false],
      ['channel', ApplicationCommandOptionType.Channel, false],
    ]);
    expect(types('channels')).toEqual([
      ['add', ApplicationCommandOptionType.Channel, false],
      ['remove', ApplicationCommandOptionType.Channel, false],
    ]);
  });

  it('given PRODUCT.md’s /config row, then /config set offers every switch it lists, threads among them', () => {
    const set = commands.get('config')?.data.options?.find((o) => o.name === 'set') as
      | { options?: { name: string; choices?: { value: string }[] }[] }
      | undefined;
    const keys = set?.options?.find((o) => o.name === 'key')?.choices?.map((c) => c.value);
    expect(keys).toEqual(
      expect.arrayContaining(['leaderboard', 'threads', 'images', 'practice', 'web', 'vote-role']),
    );
  });

  it('given every definition, then names and descriptions fit Discord’s limits', () => {
    for (const command of commands.values()) {
      expect(command.data.name).toMatch(/^[a-z-]{1,32}$/);
      expect(command.data.description.length).toBeLessThanOrEqual(100);
      for (const option of command.data.options ?? []) {
        expect(option.name).toMatch(/^[a-z-]{1,32}$/);
        expect(option.description.length).toBeLessThanOrEqual(100);
      }
    }
  });
});
