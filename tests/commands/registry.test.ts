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
        '/season new',
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
