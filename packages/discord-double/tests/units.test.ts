import { describe, expect, it } from 'vitest';
import { FormErrors } from '../src/errors.js';
import { computeMentions } from '../src/messages.js';
import { multipartBoundary, parseMultipart } from '../src/multipart.js';
import { channelPermissions } from '../src/permissions.js';
import { Router } from '../src/router.js';
import { buildGuild } from '../src/setup.js';
import {
  DISCORD_EPOCH,
  SnowflakeGenerator,
  shardForGuild,
  snowflakeForShard,
  snowflakeTime,
} from '../src/snowflake.js';
import { DoubleState } from '../src/state.js';
import { validateMessage, validateModal } from '../src/validate.js';
import { Notifier } from '../src/wait.js';

/** The double's pure parts: snowflakes, multipart, routing, validation, permissions, mentions, waiting. */

describe('snowflakes', () => {
  it('given two generators with the same base, then they produce the same increasing ids', () => {
    const a = new SnowflakeGenerator(Date.UTC(2025, 0, 1));
    const b = new SnowflakeGenerator(Date.UTC(2025, 0, 1));
    const ids = [a.next(), a.next(), a.next()];
    expect([b.next(), b.next(), b.next()]).toEqual(ids);
    expect(BigInt(ids[0] ?? '0') < BigInt(ids[1] ?? '0')).toBe(true);
    expect(snowflakeTime(ids[0] ?? '0')).toBe(Date.UTC(2025, 0, 1));
    expect(ids[0]).toMatch(/^\d{19}$/);
  });

  it('given a shard, then snowflakeForShard and nextForShard land on it', () => {
    for (let count = 1; count <= 5; count++) {
      for (let shard = 0; shard < count; shard++) {
        expect(shardForGuild(snowflakeForShard(shard, count), count)).toBe(shard);
        expect(shardForGuild(snowflakeForShard(shard, count, 3), count)).toBe(shard);
        expect(shardForGuild(new SnowflakeGenerator().nextForShard(shard, count), count)).toBe(shard);
      }
    }
    expect(snowflakeForShard(1, 2, 0)).not.toBe(snowflakeForShard(1, 2, 1));
    expect(snowflakeTime(snowflakeForShard(0, 1))).toBeGreaterThan(DISCORD_EPOCH);
    expect(() => snowflakeForShard(2, 2)).toThrow(RangeError);
  });
});

describe('multipart', () => {
  it('given a body built by the platform FormData, then payload_json and files come back intact', async () => {
    const form = new FormData();
    form.append(
      'files[0]',
      new Blob([new Uint8Array([0, 1, 2, 255])], { type: 'image/png' }),
      'a "quoted"\nname.png',
    );
    form.append('files[1]', new Blob(['# Title\r\n\r\n--not a boundary']), 'notes.md');
    form.append('payload_json', JSON.stringify({ content: 'héllo', attachments: [{ id: 0 }, { id: 1 }] }));
    const request = new Request('http://localhost/', { method: 'POST', body: form });
    const contentType = request.headers.get('content-type') ?? undefined;
    const body = Buffer.from(await request.arrayBuffer());
    const boundary = multipartBoundary(contentType);
    expect(boundary).toBeDefined();
    const parts = parseMultipart(body, boundary ?? '');
    expect(parts.map((p) => [p.name, p.filename, p.contentType])).toEqual([
      ['files[0]', 'a "quoted"\nname.png', 'image/png'],
      ['files[1]', 'notes.md', 'application/octet-stream'],
      ['payload_json', undefined, undefined],
    ]);
    expect([...(parts[0]?.data ?? [])]).toEqual([0, 1, 2, 255]);
    expect(parts[1]?.data.toString()).toBe('# Title\r\n\r\n--not a boundary');
    expect(JSON.parse(parts[2]?.data.toString() ?? '{}')).toEqual({
      content: 'héllo',
      attachments: [{ id: 0 }, { id: 1 }],
    });
  });

  it('given a body that is not multipart, then the boundary is undefined and a truncated body throws', () => {
    expect(multipartBoundary('application/json')).toBeUndefined();
    expect(() =>
      parseMultipart(Buffer.from('--x\r\nContent-Disposition: form-data; name="a"\r\n\r\nvalue'), 'x'),
    ).toThrow(/not terminated/);
  });
});

describe('router', () => {
  const router = new Router<null>([
    {
      method: 'GET',
      pattern: '/channels/:channelId/messages/:messageId',
      auth: true,
      handler: () => ({ status: 200 }),
    },
    {
      method: 'GET',
      pattern: '/channels/:channelId/messages/pins',
      auth: true,
      handler: () => ({ status: 201 }),
    },
  ]);

  it('given a literal and a parameter competing, then the literal wins and parameters are captured', () => {
    const pins = router.match('GET', ['channels', '1', 'messages', 'pins']);
    expect(pins.kind === 'found' ? pins.route.pattern : pins.kind).toBe('/channels/:channelId/messages/pins');
    const message = router.match('GET', ['channels', '1', 'messages', '2']);
    expect(message.kind === 'found' ? message.params : message.kind).toEqual({
      channelId: '1',
      messageId: '2',
    });
    expect(router.match('POST', ['channels', '1', 'messages', '2']).kind).toBe('method-not-allowed');
    expect(router.match('GET', ['nope']).kind).toBe('not-found');
  });
});

describe('validation', () => {
  const shape = (over: Partial<Parameters<typeof validateMessage>[0]>) => ({
    content: '',
    embeds: [],
    components: [],
    attachmentCount: 0,
    flags: 0,
    hasStickersOrPoll: false,
    ...over,
  });

  it('given messages over Discord limits, then the form errors name the fields', () => {
    const errors = validateMessage(
      shape({
        content: 'x'.repeat(2001),
        embeds: [{ title: 't'.repeat(257), fields: [{ name: '', value: 'v' }] }],
        components: [
          {
            type: 1,
            components: [
              { type: 2, style: 1, custom_id: 'a', label: 'A' },
              { type: 3, custom_id: 'a', options: [{ label: 'x', value: 'x' }] },
            ],
          },
        ],
      }),
    );
    expect(errors.describe().sort()).toEqual(
      [
        'content: Must be 2000 or fewer in length.',
        'embeds.0.title: Must be 256 or fewer in length.',
        'embeds.0.fields.0.name: This field is required',
        'components.0.components: A select menu must be alone in its action row.',
        'components.0.components.1.custom_id: Component custom id "a" is used more than once.',
      ].sort(),
    );
  });

  it('given emoji, then lengths count code points, not UTF-16 units', () => {
    expect(validateMessage(shape({ content: '🙂'.repeat(2000) })).empty).toBe(true);
  });

  it('given Components V2, then content is refused and 40 components are allowed', () => {
    const texts = Array.from({ length: 39 }, (_, i) => ({ type: 10, content: `line ${i}` }));
    expect(
      validateMessage(shape({ flags: 1 << 15, components: [{ type: 17, components: texts }] })).empty,
    ).toBe(true);
    expect(
      validateMessage(shape({ flags: 1 << 15, content: 'no', components: texts })).describe()[0],
    ).toMatch(/^content: /);
  });

  it('given modals, then classic rows need a label and Label children must not have one', () => {
    const ok = validateModal({
      custom_id: 'm',
      title: 'T',
      components: [
        { type: 1, components: [{ type: 4, custom_id: 'a', label: 'A', style: 1 }] },
        { type: 18, label: 'B', component: { type: 4, custom_id: 'b', style: 2 } },
      ],
    });
    expect(ok.empty).toBe(true);
    const bad = validateModal({
      custom_id: 'm',
      title: 'x'.repeat(46),
      components: [{ type: 18, label: 'B', component: { type: 4, custom_id: 'b', style: 2, label: 'dup' } }],
    });
    expect(bad.describe()).toEqual([
      'title: Must be 45 or fewer in length.',
      'components.0.component.label: A text input inside a label cannot have its own label.',
    ]);
  });

  it('given collected errors, then throwIfAny raises a 400 with code 50035', () => {
    const errors = new FormErrors();
    errors.add(['content'], 'X', 'bad');
    expect(() => errors.throwIfAny()).toThrow(expect.objectContaining({ status: 400, code: 50035 }));
  });
});

describe('permissions and mentions', () => {
  const world = () => {
    const state = new DoubleState('100000000000000001', '100000000000000001');
    state.users.set('100000000000000001', {
      id: '100000000000000001',
      username: 'Bot',
      globalName: null,
      bot: true,
      dmsOpen: false,
      locale: 'en-US',
    });
    const guild = buildGuild(state, {
      name: 'G',
      roles: [
        { name: 'Judges', permissions: 1n << 13n },
        { name: 'Admins', permissions: 1n << 3n },
      ],
      members: ['alice', { username: 'bob', roles: ['Judges'] }, { username: 'root', roles: ['Admins'] }],
      channels: [
        'open',
        {
          name: 'judges-only',
          overwrites: [
            { role: '@everyone', deny: 1n << 10n },
            { role: 'Judges', allow: 1n << 10n },
          ],
        },
        { name: 'no-alice', overwrites: [{ user: 'alice', deny: 1n << 11n }] },
      ],
    });
    const channel = (name: string) => {
      const found = [...state.channels.values()].find((c) => c.name === name);
      if (!found) throw new Error(name);
      return found;
    };
    const id = (name: string) => state.findUserByName(name)?.id ?? '';
    return { state, guild, channel, id };
  };

  it('given overwrites, then everyone, role and member overwrites apply in Discord order', () => {
    const { state, channel, id } = world();
    const view = (name: string, user: string) =>
      (channelPermissions(state, channel(name), id(user)) & (1n << 10n)) !== 0n;
    const send = (name: string, user: string) =>
      (channelPermissions(state, channel(name), id(user)) & (1n << 11n)) !== 0n;
    expect(view('open', 'alice')).toBe(true);
    expect(view('judges-only', 'alice')).toBe(false);
    expect(view('judges-only', 'bob')).toBe(true);
    expect(view('judges-only', 'root')).toBe(true);
    expect(send('no-alice', 'alice')).toBe(false);
    expect(send('no-alice', 'bob')).toBe(true);
  });

  it('given allowed_mentions, then only permitted users, roles and @everyone are pinged', () => {
    const { state, guild, id } = world();
    const judges = [...state.roles.values()].find((r) => r.name === 'Judges')?.id ?? '';
    const content = `<@${id('alice')}> <@!${id('bob')}> <@&${judges}> @everyone`;
    expect(computeMentions(state, guild.id, content, undefined, null)).toEqual({
      users: [id('alice'), id('bob')],
      roles: [judges],
      everyone: true,
    });
    expect(computeMentions(state, guild.id, content, { parse: [] }, null)).toEqual({
      users: [],
      roles: [],
      everyone: false,
    });
    expect(computeMentions(state, guild.id, content, { users: [id('bob')] }, id('alice'))).toEqual({
      users: [id('bob')],
      roles: [],
      everyone: false,
    });
  });
});

describe('waiting', () => {
  it('given a condition met later, then waitFor resolves on the notification, and times out readably otherwise', async () => {
    const notifier = new Notifier();
    let value: string | undefined;
    const waiting = notifier.waitFor(
      ['t'],
      () => value,
      1000,
      () => 'never',
    );
    value = 'done';
    notifier.notify('t');
    await expect(waiting).resolves.toBe('done');
    await expect(
      notifier.waitFor(
        ['t'],
        () => undefined,
        20,
        () => 'nothing happened',
      ),
    ).rejects.toThrow('nothing happened');
  });
});
