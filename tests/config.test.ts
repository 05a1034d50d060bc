import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ConfigError, loadDataDir, parseConfig, readEnvironment } from '../src/config.js';

const TOKEN = 'MTIzNDU2.secret-token-value';
const APP_ID = '123456789012345678';
const minimal = { DISCORD_TOKEN: TOKEN, DISCORD_APP_ID: APP_ID };

/** The ConfigError that parsing `env` throws. */
const configError = (env: NodeJS.ProcessEnv): ConfigError => {
  try {
    parseConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) return error;
    throw error;
  }
  throw new Error('the environment was accepted');
};

describe('parseConfig', () => {
  it('given only the token and the application id, then it applies the defaults', () => {
    expect(parseConfig(minimal)).toEqual({
      DISCORD_TOKEN: TOKEN,
      DISCORD_APP_ID: APP_ID,
      DISCORD_GUILD_ID: undefined,
      STORE_URL: { kind: 'sqlite', path: 'var/steelman.sqlite' },
      DATA_DIR: 'data',
      DISCORD_API_URL: undefined,
      LOG_LEVEL: 'info',
    });
  });

  it('given WEB_PORT and WEB_HOST, then the web server settings are parsed; a bad port is named', () => {
    expect(parseConfig({ ...minimal, WEB_PORT: '8080', WEB_HOST: '127.0.0.1' })).toMatchObject({
      WEB_PORT: 8080,
      WEB_HOST: '127.0.0.1',
    });
    expect(parseConfig({ ...minimal, WEB_PORT: '' }).WEB_PORT).toBeUndefined();
    for (const port of ['0', '70000', 'http', '80.5'])
      expect(configError({ ...minimal, WEB_PORT: port }).problems.map((p) => p.variable)).toEqual([
        'WEB_PORT',
      ]);
  });

  it('given a valid config, then it is frozen', () => {
    expect(Object.isFrozen(parseConfig(minimal))).toBe(true);
  });

  it('given every optional variable set, then each is parsed', () => {
    const config = parseConfig({
      ...minimal,
      DISCORD_GUILD_ID: '987654321098765432',
      STORE_URL: 'redis://127.0.0.1:6379/2',
      DATA_DIR: 'decks/club',
      DISCORD_API_URL: 'http://127.0.0.1:8080/api',
      LOG_LEVEL: 'debug',
    });
    expect(config).toMatchObject({
      DISCORD_GUILD_ID: '987654321098765432',
      STORE_URL: { kind: 'redis', url: 'redis://127.0.0.1:6379/2' },
      DATA_DIR: 'decks/club',
      DISCORD_API_URL: 'http://127.0.0.1:8080/api',
      LOG_LEVEL: 'debug',
    });
  });

  it('given empty strings for the optional variables, as .env.example ships them, then the defaults apply', () => {
    const config = parseConfig({
      ...minimal,
      DISCORD_GUILD_ID: '',
      STORE_URL: '',
      DATA_DIR: '',
      DISCORD_API_URL: '',
      LOG_LEVEL: '',
    });
    expect(config).toMatchObject({
      DISCORD_GUILD_ID: undefined,
      STORE_URL: { kind: 'sqlite', path: 'var/steelman.sqlite' },
      DATA_DIR: 'data',
      DISCORD_API_URL: undefined,
      LOG_LEVEL: 'info',
    });
  });

  it('given empty required variables, then they are reported as missing', () => {
    expect(configError({ DISCORD_TOKEN: '', DISCORD_APP_ID: '' }).problems).toEqual([
      {
        variable: 'DISCORD_TOKEN',
        message: 'missing: the bot token from the Discord developer portal (Bot tab)',
      },
      { variable: 'DISCORD_APP_ID', message: 'missing: the application id (General Information tab)' },
    ]);
  });

  it('given several problems, then one error lists every one by variable name and points to .env.example', () => {
    const error = configError({
      DISCORD_APP_ID: '12',
      DISCORD_GUILD_ID: 'guild',
      STORE_URL: 'http://localhost',
      DISCORD_API_URL: 'ws://127.0.0.1:8080',
      LOG_LEVEL: 'loud',
    });
    expect(error.problems.map((p) => p.variable)).toEqual([
      'DISCORD_TOKEN',
      'DISCORD_APP_ID',
      'DISCORD_GUILD_ID',
      'STORE_URL',
      'DISCORD_API_URL',
      'LOG_LEVEL',
    ]);
    expect(error.message).toMatch(/^Steelman cannot start: 6 settings need attention\.\n/);
    for (const problem of error.problems)
      expect(error.message).toContain(`  - ${problem.variable}: ${problem.message}`);
    expect(error.message).toContain('.env.example');
    expect(error.problems.find((p) => p.variable === 'LOG_LEVEL')?.message).toBe(
      'must be one of fatal, error, warn, info, debug, trace, silent',
    );
  });

  it('given a token with a space, then it says so without repeating the token', () => {
    const error = configError({ ...minimal, DISCORD_TOKEN: 'abc def.secret' });
    expect(error.problems).toEqual([{ variable: 'DISCORD_TOKEN', message: 'must not contain spaces' }]);
    expect(error.message).not.toContain('def.secret');
  });

  it('given a bad setting next to a good token, then the token never appears in the message', () => {
    expect(configError({ ...minimal, LOG_LEVEL: 'loud' }).message).not.toContain(TOKEN);
  });

  it('given a redis URL with a password and a non-numeric database, then the message is clear and hides the password', () => {
    const error = configError({ ...minimal, STORE_URL: 'redis://:hunter2@cache.internal:6379/sessions' });
    expect(error.problems).toEqual([
      {
        variable: 'STORE_URL',
        message: 'the database after the port must be a number, e.g. redis://127.0.0.1:6379/0',
      },
    ]);
    expect(error.message).not.toContain('hunter2');
    expect(error.message).not.toContain('cache.internal');
  });

  it.each([
    ['http://localhost:6379', 'must start with sqlite://'],
    ['sqlite://', 'sqlite:// needs a file path'],
    ['redis://', 'a redis URL needs a host'],
    ['redis://:p@ss@[::1', 'not a valid redis URL'],
  ])('given STORE_URL %s, then it explains what is expected', (url, message) => {
    const [problem] = configError({ ...minimal, STORE_URL: url }).problems;
    expect(problem?.variable).toBe('STORE_URL');
    expect(problem?.message).toContain(message);
  });

  it('given rediss:// with a password, then it is accepted as a redis store', () => {
    const url = 'rediss://default:s3cret@redis.example.com:6380/0';
    expect(parseConfig({ ...minimal, STORE_URL: url }).STORE_URL).toEqual({ kind: 'redis', url });
  });

  it('given a sqlite path, then it is the file after the scheme', () => {
    expect(parseConfig({ ...minimal, STORE_URL: 'sqlite:///srv/steelman.db' }).STORE_URL).toEqual({
      kind: 'sqlite',
      path: '/srv/steelman.db',
    });
  });

  it.each([['ftp://user:secret@files.example.com'], ['ws://127.0.0.1:8080'], ['not a url']])(
    'given DISCORD_API_URL %s, then it must be http(s), and the value is not echoed',
    (url) => {
      const error = configError({ ...minimal, DISCORD_API_URL: url });
      expect(error.problems).toEqual([
        { variable: 'DISCORD_API_URL', message: 'must be an http(s) URL, e.g. http://127.0.0.1:8080/api' },
      ]);
      expect(error.message).not.toContain(url);
    },
  );

  it('given an https API URL, then it is accepted', () => {
    expect(parseConfig({ ...minimal, DISCORD_API_URL: 'https://discord.example/api' }).DISCORD_API_URL).toBe(
      'https://discord.example/api',
    );
  });
});

describe('readEnvironment', () => {
  let dir: string | undefined;
  afterEach(async () => {
    vi.unstubAllEnvs();
    if (dir) await rm(dir, { recursive: true, force: true });
    dir = undefined;
  });

  const envFile = async (text: string) => {
    dir = await mkdtemp(path.join(tmpdir(), 'steelman-env-'));
    const file = path.join(dir, '.env');
    await writeFile(file, text);
    return file;
  };

  it('given a .env file and real variables, then the file fills the gaps and real variables win', async () => {
    vi.stubEnv('LOG_LEVEL', 'debug');
    vi.stubEnv('DATA_DIR', undefined);
    const file = await envFile(
      '# comment\nLOG_LEVEL=trace\nDATA_DIR=decks/club\nDISCORD_APP_ID="123456789012345678"\n',
    );
    const env = readEnvironment(file);
    expect(env.LOG_LEVEL).toBe('debug');
    expect(env.DATA_DIR).toBe('decks/club');
    expect(env.DISCORD_APP_ID).toBe(APP_ID);
  });

  it('given no .env file, then it is the process environment', () => {
    vi.stubEnv('LOG_LEVEL', 'warn');
    const env = readEnvironment(path.join(tmpdir(), 'no-such-dir', '.env'));
    expect(env.LOG_LEVEL).toBe('warn');
  });
});

describe('loadDataDir', () => {
  it('given DATA_DIR unset or empty, then data; given a value, then that value', () => {
    expect(loadDataDir({})).toBe('data');
    expect(loadDataDir({ DATA_DIR: '' })).toBe('data');
    expect(loadDataDir({ DATA_DIR: 'decks/club' })).toBe('decks/club');
  });
});
