import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { type Codec, decode, encode, UnreadableValueError } from '../../src/store/codec.js';

interface Config {
  readonly lobbyMinutes: number;
  readonly channels: readonly string[];
}

/** Version 1 held `lobbySeconds` and one `channel`; version 2 renamed; version 3 made it a list. */
const codec: Codec<Config> = {
  name: 'config',
  version: 3,
  schema: z.object({ lobbyMinutes: z.number(), channels: z.array(z.string()) }),
  migrations: {
    1: ({ lobbySeconds, ...rest }) => ({ ...rest, lobbyMinutes: Number(lobbySeconds) / 60 }),
    2: ({ channel, ...rest }) => ({ ...rest, channels: channel === undefined ? [] : [String(channel)] }),
  },
};

describe('versioned values', () => {
  it('given a value, then it is written with the current version and reads back unchanged', () => {
    const value = { lobbyMinutes: 15, channels: ['1'] };
    expect(encode(codec, value)).toEqual({ v: 3, lobbyMinutes: 15, channels: ['1'] });
    expect(decode(codec, 'k', encode(codec, value))).toEqual(value);
  });

  it('given a value of an older version, then every migration since runs in order on read', () => {
    expect(decode(codec, 'k', { v: 1, lobbySeconds: 600, channel: '42' })).toEqual({
      lobbyMinutes: 10,
      channels: ['42'],
    });
    expect(decode(codec, 'k', { v: 2, lobbyMinutes: 5 })).toEqual({ lobbyMinutes: 5, channels: [] });
  });

  it('given a value from a newer release, then it is refused rather than misread', () => {
    expect(() => decode(codec, 'k', { v: 4, lobbyMinutes: 1, channels: [] })).toThrow(/newer release/);
  });

  it('given a value without a version, not an object, or of the wrong shape, then it is unreadable', () => {
    expect(() => decode(codec, 'k', { lobbyMinutes: 1, channels: [] })).toThrow(UnreadableValueError);
    expect(() => decode(codec, 'k', 'text')).toThrow(UnreadableValueError);
    expect(() => decode(codec, 'k', { v: 3, lobbyMinutes: 'soon', channels: [] })).toThrow(/lobbyMinutes/);
  });

  it('given a version with no migration, then it is unreadable', () => {
    const gap: Codec<Config> = { ...codec, migrations: { 2: codec.migrations[2] ?? ((p) => p) } };
    expect(() => decode(gap, 'k', { v: 1, lobbySeconds: 60 })).toThrow(/no migration from version 1/);
  });
});
