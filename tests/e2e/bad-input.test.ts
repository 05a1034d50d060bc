import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import {
  ComponentType,
  type DiscordDouble,
  type DoubleMessage,
  type DoubleUser,
  InteractionHandle,
  InteractionType,
  type JsonObject,
} from '@steelman/discord-double';
import { createInteraction, type DoubleContext } from '@steelman/discord-double/internals';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buttonGone, confirmed, privately, speechText, Table } from './flows.js';
import {
  type Bot,
  buttonId,
  embedText,
  FAKE_TOKEN,
  startWorldWithBot,
  stopWorldWithBot,
  type World,
} from './harness.js';

/**
 * What bad input gets (PRODUCT.md): a clear, private answer, nothing changed, the process alive,
 * and no message of the bot that pings anyone it did not mean to.
 */
const ROOT = path.resolve(import.meta.dirname, '../..');
const EXPIRED = 'This button has expired. Use /debate status to see where things stand.';
/** The engine's refusal for a move on a turn that is no longer under way (one wording for every entry point). */
const TURN_OVER = 'That turn is already over, so nothing was changed.';

let world: World;
let bot: Bot;

beforeAll(async () => {
  ({ world, bot } = await startWorldWithBot());
}, 60_000);

afterAll(() => stopWorldWithBot(world, bot));

// ---------------------------------------------------------------- forged interactions
// A modified client (or an old message from an earlier version) can send what the Discord UI never
// would: a custom id that is not on the message, a form for someone else's turn, an over-long field,
// a command the bot does not know. The driver refuses those on purpose, so they are built here
// through the double's own interaction factory.

const contextOf = (double: DiscordDouble): DoubleContext => (double as unknown as { ctx: DoubleContext }).ctx;

const forge = (
  user: DoubleUser,
  init: { channelId: string; type: number; data: JsonObject; label: string; source?: DoubleMessage },
): InteractionHandle => {
  const ctx = contextOf(world.double);
  const channel = ctx.state.channels.get(init.channelId);
  if (!channel) throw new Error(`unknown channel ${init.channelId}`);
  const source = init.source ? ctx.state.messages.get(init.source.id) : undefined;
  const record = createInteraction(ctx, {
    type: init.type,
    userId: user.id,
    channel,
    data: init.data,
    label: `forged ${init.label}`,
    commandName: init.type === InteractionType.ApplicationCommand ? String(init.data.name) : null,
    sourceMessage: source ?? null,
  });
  return new InteractionHandle(ctx, record, (modal, values) =>
    world.double.user(modal.userId).submitModal(modal, values),
  );
};

/** A click on `customId` as if it were a button on `message` (whether or not it is). */
const forgeClick = (user: DoubleUser, message: DoubleMessage, customId: string) =>
  forge(user, {
    channelId: message.channelId,
    type: InteractionType.MessageComponent,
    data: { custom_id: customId, component_type: ComponentType.Button },
    label: `button "${customId}"`,
    source: message,
  });

/** A modal submit with `customId` and text fields, never shown to this user or past its limits. */
const forgeModal = (user: DoubleUser, channelId: string, customId: string, fields: Record<string, string>) =>
  forge(user, {
    channelId,
    type: InteractionType.ModalSubmit,
    data: {
      custom_id: customId,
      components: Object.entries(fields).map(([id, value], i) => ({
        type: ComponentType.ActionRow,
        id: i * 2 + 1,
        components: [{ type: ComponentType.TextInput, id: i * 2 + 2, custom_id: id, value }],
      })),
    },
    label: `modal "${customId}"`,
  });

/** A slash command the double would not let this member send (unregistered, or not permitted). */
const forgeCommand = (user: DoubleUser, channelId: string, name: string, options: JsonObject[] = []) => {
  const registered = world.double.commands().find((c) => c.name === name);
  return forge(user, {
    channelId,
    type: InteractionType.ApplicationCommand,
    data: { id: String(registered?.id ?? '1234567890123456789'), name, type: 1, options },
    label: `/${name}`,
  });
};

// ---------------------------------------------------------------- helpers

/** The private /debate status text for `user` in `channel`. */
const statusText = async (user: DoubleUser, channel: string) =>
  embedText(await privately(user.slash(channel, 'debate', { subcommand: 'status' })));

/** A private refusal: ephemeral, the reason in its content, nobody pinged. */
const expectRefusal = async (handle: InteractionHandle | Promise<InteractionHandle>, text: string) => {
  const reply = await privately(handle);
  expect(reply.content).toContain(text);
  expect(reply.mentions).toEqual([]);
  expect(reply.mentionRoles).toEqual([]);
  expect(reply.mentionEveryone).toBe(false);
  expect(bot.alive).toBe(true);
  return reply;
};

// ---------------------------------------------------------------- one debate, many bad inputs

describe('bad input in a live debate (quick format: alice for LeCun, bob for scaling, judy judging)', () => {
  let table: Table;
  let turn1: DoubleMessage;
  let alice: DoubleUser;
  let bob: DoubleUser;
  let judy: DoubleUser;
  let debates: string;

  beforeAll(async () => {
    alice = world.user('alice');
    bob = world.user('bob');
    judy = world.user('judy');
    debates = world.channel('debates');
    table = await Table.open(world, alice, 'debates', { motion: 'M01', format: 'quick' });
    await table.seat(alice, 'lecun');
    await table.seat(bob, 'scaling');
    await privately(judy.slash(debates, 'debate', { subcommand: 'judge' }));
    const begun = await table.begin();
    await table.readyAll(begun, [alice, bob]);
    turn1 = await table.turn(0);
  }, 30_000);

  it('given alice is speaking, when bob presses Speak, runs /debate speak or forges her speech form, then each gets a private "not your turn" that pings nobody and nothing is posted', async () => {
    const notYours = `It is <@${alice.id}>'s turn, not yours.`;
    await expectRefusal(bob.click(turn1, buttonId(turn1, /:speak:/)), notYours);
    await expectRefusal(bob.slash(table.channel, 'debate', { subcommand: 'speak' }), notYours);

    const text = speechText('a speech bob had no right to post');
    const forged = await expectRefusal(
      forgeModal(bob, debates, `s1:speech:${table.debateId}:0`, { speech: text }),
      notYours,
    );
    // The refused text comes back to its author as a file, so nothing typed is lost.
    expect(forged.content).toContain('Your text is attached');
    expect(forged.attachments[0]?.filename).toBe('your-speech.txt');
    expect(forged.attachments[0]?.text()).toBe(text);

    expect(table.speeches()).toEqual([]);
    expect(await statusText(bob, table.channel)).toContain(`Turn 1 of 4: <@${alice.id}>`);
  });

  it('given forged buttons, when they are pressed, then each is a private "expired" (or "that turn is over") and nothing changes', async () => {
    await expectRefusal(forgeClick(bob, turn1, 's1:join:123:lecun'), EXPIRED);
    await expectRefusal(forgeClick(bob, turn1, 'hello'), EXPIRED);
    await expectRefusal(forgeClick(alice, turn1, `s1:speak:${table.debateId}:99`), TURN_OVER);
    await expectRefusal(forgeClick(alice, turn1, `s1:done:${table.debateId}:3`), TURN_OVER);
    await expectRefusal(forgeClick(alice, turn1, 's1:ready:123'), EXPIRED);
    expect(table.speeches()).toEqual([]);
    expect(await statusText(alice, table.channel)).toContain(`Turn 1 of 4: <@${alice.id}>`);
  });

  it("given another server, when its member forges this debate's buttons there, then they have expired and reveal nothing", async () => {
    const other = world.double.addGuild({ name: 'Other Club', channels: ['general'], members: ['mallory'] });
    const mallory = other.member('mallory');
    const channel = other.channel('general').id;
    const source = await mallory.say(channel, 'hello');
    const id = table.debateId;
    for (const customId of [
      `s1:transcript:${id}`,
      `s1:hand:${id}`,
      `s1:ready:${id}`,
      `s1:crowd:${id}:lecun`,
    ]) {
      const reply = await expectRefusal(
        forge(mallory, {
          channelId: channel,
          type: InteractionType.MessageComponent,
          data: { custom_id: customId, component_type: ComponentType.Button },
          label: customId,
          source,
        }),
        EXPIRED,
      );
      expect(reply.attachments).toEqual([]);
    }
  });

  it('given a speech over 4,000 characters, when it reaches the bot, then it is refused privately with the text attached; the real form stops at 4,000', async () => {
    const long = `${speechText('too long')} ${'More words that do not fit. '.repeat(170)}`.slice(0, 4500);
    expect(long.length).toBe(4500);
    const reply = await expectRefusal(
      forgeModal(alice, debates, `s1:speech:${table.debateId}:0`, { speech: long }),
      'Your speech is 4,500 characters; the limit is 4,000. Nothing was posted.',
    );
    expect(reply.attachments[0]?.filename).toBe('your-speech.txt');
    expect(reply.attachments[0]?.text()).toBe(long);

    // The form the bot shows caps the field at 4,000, and Discord (the double) enforces it.
    const modal = await (await alice.click(turn1, buttonId(turn1, /:speak:/))).modal();
    expect(modal.field('speech')?.maxLength).toBe(4000);
    await expect(alice.submitModal(modal, { speech: long.slice(0, 4001) })).rejects.toThrow(
      /at most 4000 characters/,
    );
    expect(table.speeches()).toEqual([]);
  });

  it('given a speech with @everyone, @here, a role and a member mention (and a card that does not exist), when it is posted, then it pings nobody', async () => {
    const judges = world.guild.role('Judges').id;
    const text = `@everyone @here <@&${judges}> <@${bob.id}> listen: ${speechText('mentions must not ping anyone', 'Z99')}`;
    const modal = await (await alice.click(turn1, buttonId(turn1, /:speak:/))).modal();
    const submitted = await alice.submitModal(modal, { speech: text });
    await privately(submitted);
    // A card id that does not exist is posted as written, and its author is told privately.
    const note = (await submitted.waitForFollowUps(1))[0];
    expect(note?.ephemeral).toBe(true);
    expect(note?.content).toBe('Not cards at all: Z99.');
    const posted = await table.waitFor((m) => m.content.startsWith('🗣️'), 'the speech');
    expect(embedText(posted)).toContain('@everyone @here');
    expect(embedText(posted)).toContain(`<@&${judges}> <@${bob.id}>`);
    const allowed = posted.allowedMentions as { parse?: unknown[]; users?: unknown[]; roles?: unknown[] };
    expect(allowed.parse).toEqual([]);
    expect(allowed.users ?? []).toEqual([]);
    expect(allowed.roles ?? []).toEqual([]);
    expect(posted.mentions).toEqual([]);
    expect(posted.mentionRoles).toEqual([]);
    expect(posted.mentionEveryone).toBe(false);
  });

  it('given the turn moved on, when Speak on the earlier turn is pressed, then that turn is over; a speech of exactly 4,000 characters is accepted', async () => {
    const turn2 = await table.turn(1);
    // The earlier turn's Speak is gone; a client still showing it is told that turn is over.
    const speakId = buttonId(turn1, /:speak:/);
    await buttonGone(world, turn1, /:speak:/);
    await expectRefusal(forgeClick(bob, turn1, speakId), TURN_OVER);
    await expectRefusal(forgeClick(alice, turn1, speakId), TURN_OVER);
    // A form opened for turn 1 and submitted after it ended: refused, the text given back.
    const late = await expectRefusal(
      forgeModal(alice, debates, `s1:speech:${table.debateId}:0`, { speech: speechText('too late') }),
      `${TURN_OVER} Your text is attached so nothing is lost.`,
    );
    expect(late.attachments[0]?.filename).toBe('your-speech.txt');

    const exact = `${speechText('exactly at the limit')} ${'Still within the limit. '.repeat(170)}`.slice(
      0,
      4000,
    );
    expect(exact.length).toBe(4000);
    const modal = await (await bob.click(turn2, buttonId(turn2, /:speak:/))).modal();
    await privately(bob.submitModal(modal, { speech: exact }));
    const posted = await table.waitFor(
      (m) => m.content.startsWith('🗣️') && m.content.includes(bob.id),
      "bob's speech",
    );
    expect(String(posted.embeds[0]?.description)).toBe(exact.trim());
  });

  it('given both pass their rebuttals, then judging opens pinging only the judge', async () => {
    const turn3 = await table.turn(2);
    await confirmed(alice, alice.click(turn3, buttonId(turn3, /:done:/)));
    const turn4 = await table.turn(3);
    await confirmed(bob, bob.click(turn4, buttonId(turn4, /:done:/)));
    const judging = await table.waitFor((m) => m.content.startsWith('⚖️'), 'judging');
    expect(judging.mentions).toEqual([judy.id]);
  });
});

describe('refusals outside a turn', () => {
  it('given an unknown command, when it arrives, then the member is told privately it is not part of Steelman', async () => {
    const alice = world.user('alice');
    await expectRefusal(
      forgeCommand(alice, world.channel('general'), 'frobnicate'),
      'That command is not part of Steelman',
    );
  });

  it('given a busy channel, an unknown card, a non-host Begin and a non-moderator /config, then each is refused privately', async () => {
    const lounge = world.channel('lounge');
    const carol = world.user('carol');
    const dave = world.user('dave');
    const erin = world.user('erin');
    const mod = world.user('mod');
    const table = await Table.open(world, carol, 'lounge', { motion: 'M01', format: 'quick' });
    await table.seat(carol, 'lecun');
    await table.seat(dave, 'scaling');

    await expectRefusal(
      erin.slash(lounge, 'debate', { subcommand: 'start', options: { format: 'quick' } }),
      'This channel already has a debate',
    );
    await expectRefusal(
      erin.slash(lounge, 'evidence', { subcommand: 'show', options: { id: 'Z99' } }),
      'There is no card "Z99"',
    );
    await expectRefusal(
      dave.slash(lounge, 'debate', { subcommand: 'begin' }),
      'Only the host or a moderator (Manage Server) can begin the debate.',
    );
    await expectRefusal(
      erin.click(table.lobby(), buttonId(table.lobby(), /:begin:/)),
      'Only the host or a moderator (Manage Server) can begin the debate.',
    );

    // /config is Manage Server by default: Discord does not even offer it to a plain member...
    await expect(
      erin.slash(lounge, 'config', { subcommand: 'set', options: { key: 'lobby-minutes', value: '5' } }),
    ).rejects.toThrow(/lacks the permissions \/config requires/);
    // ...and where a server opened it to everyone, the bot still refuses a non-moderator.
    await expectRefusal(
      forgeCommand(erin, lounge, 'config', [
        {
          type: 1,
          name: 'set',
          options: [
            { type: 3, name: 'key', value: 'lobby-minutes' },
            { type: 3, name: 'value', value: '5' },
          ],
        },
      ]),
      'You need the Manage Server permission for this.',
    );
    await expectRefusal(
      mod.slash(lounge, 'config', { subcommand: 'set', options: { key: 'lobby-minutes', value: '0' } }),
      'Give a whole number of minutes from 1 to 240.',
    );
    const settings = embedText(await privately(mod.slash(lounge, 'config', { subcommand: 'view' })));
    expect(settings).toMatch(/lobby-minutes\s+15\b/);

    // Nothing above changed the lobby: the host begins it and the debate runs to its result.
    expect(await statusText(erin, lounge)).toContain('Lobby: 2 debater(s)');
    const begun = await table.begin();
    await table.readyAll(begun, [carol, dave]);
    for (const [index, speaker] of [carol, dave, carol, dave].entries()) {
      const turn = await table.turn(index);
      await confirmed(speaker, speaker.click(turn, buttonId(turn, /:done:/)));
    }
    await table.result();
  });
});

describe('the whole run', () => {
  it('given every message the bot sent, then each set allowed mentions and only turn, begun and judging announcements ping, and only the people they name', () => {
    const bad: string[] = [];
    const pinged: string[] = [];
    const guilds = [world.guild, world.double.guild('Other Club')];
    for (const channel of guilds.flatMap((g) => g.channels())) {
      for (const m of world.double.channelMessages(channel.id, { includeEphemeral: true })) {
        if (m.authorId !== world.double.botUserId) continue;
        const label = `${m.id} ${JSON.stringify(m.content.slice(0, 60))}`;
        const allowed = m.allowedMentions as
          | { parse?: unknown; users?: unknown; roles?: unknown }
          | undefined;
        if (!allowed || typeof allowed !== 'object') bad.push(`${label}: no allowed_mentions`);
        else if (!Array.isArray(allowed.parse) || allowed.parse.length > 0)
          bad.push(`${label}: allowed_mentions.parse ${JSON.stringify(allowed.parse)}`);
        if (Array.isArray(allowed?.roles) && allowed.roles.length > 0) bad.push(`${label}: allows roles`);
        if (m.mentionRoles.length > 0 || m.mentionEveryone) bad.push(`${label}: pings a role or everyone`);
        if (m.mentions.length === 0) continue;
        pinged.push(label);
        const named = [...m.content.matchAll(/<@(\d+)>/g)].map((x) => x[1]);
        const announcement =
          m.content.startsWith('🎤') ||
          m.content.startsWith('⚖️') ||
          m.content.includes('the debate has begun');
        if (!announcement) bad.push(`${label}: pings ${m.mentions.join(', ')} but is not an announcement`);
        // Exactly the people it names: the speaker, the debaters, or the judges.
        const meant = [...new Set(m.content.startsWith('🎤') ? named.slice(0, 1) : named)].sort();
        if ([...m.mentions].sort().join() !== meant.join())
          bad.push(`${label}: pings ${m.mentions.join(', ')}, meant ${meant.join(', ')}`);
      }
    }
    // And on the wire: every request that posts or edits a message says who it may ping.
    for (const r of world.double.requests) {
      const body = (r.body ?? {}) as {
        type?: number;
        data?: { allowed_mentions?: unknown };
        allowed_mentions?: unknown;
      };
      const callback = r.route?.endsWith('/callback') === true;
      if (callback && body.type !== 4 && body.type !== 7) continue;
      if (!callback && !/messages|webhooks/.test(r.route ?? '')) continue;
      // Starting a thread from a message posts no message of its own: it has no allowed mentions.
      if (r.route?.endsWith('/threads')) continue;
      if (r.method === 'GET' || r.method === 'DELETE') continue;
      const allowed = (callback ? body.data?.allowed_mentions : body.allowed_mentions) as
        | { parse?: unknown[] }
        | undefined;
      if (!Array.isArray(allowed?.parse) || allowed.parse.length > 0)
        bad.push(`${r.method} ${r.path}: allowed_mentions ${JSON.stringify(allowed)}`);
    }
    expect(bad).toEqual([]);
    // Two debates: begun + four turns each, and one judging call.
    expect(pinged).toHaveLength(11);
  });

  it('given a run with a token, then the logs never contain it, and nothing was logged as an error', () => {
    expect(bot.logs.length).toBeGreaterThan(0);
    expect(bot.logs.filter((l) => l.includes(FAKE_TOKEN))).toEqual([]);
    expect(bot.errors()).toEqual([]);
    expect(bot.alive).toBe(true);
  });
});

// ---------------------------------------------------------------- npm start with a broken environment

const runMain = async (env: Record<string, string>, prepare?: (cwd: string) => Promise<void>) => {
  // From an empty folder, so a developer's own .env cannot fill in what the test leaves out.
  const cwd = await mkdtemp(path.join(tmpdir(), 'steelman-env-'));
  try {
    await prepare?.(cwd);
    // The compiled bot, as `npm start` runs it (built once by tests/global-setup.ts).
    const child = spawn(process.execPath, [path.join(ROOT, 'dist/src/main.js')], {
      cwd,
      env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (c: Buffer) => {
      output += c.toString();
    });
    child.stderr.on('data', (c: Buffer) => {
      output += c.toString();
    });
    // Wide: four of these start side by side, and a loaded 2-core machine makes each one slow.
    const timer = setTimeout(() => child.kill('SIGKILL'), 45_000);
    const [code] = (await once(child, 'exit')) as [number | null];
    clearTimeout(timer);
    return { code, output };
  } finally {
    await rm(cwd, { recursive: true, force: true });
  }
};

// Four separate processes, independent of each other and of the world above: run side by side.
describe.concurrent('npm start with a broken environment', { timeout: 60_000 }, () => {
  it('given no DISCORD_TOKEN, then it exits 1 with a clear message naming it and .env.example, no stack trace', async ({
    expect,
  }) => {
    const { code, output } = await runMain({ DISCORD_APP_ID: '123456789012345678' });
    expect(code).toBe(1);
    expect(output).toContain('DISCORD_TOKEN');
    expect(output).toContain('.env.example');
    expect(output).not.toMatch(/\n\s+at /);
  });

  it('given a token with other settings broken, then the message lists them and never prints the token', async ({
    expect,
  }) => {
    const { code, output } = await runMain({
      DISCORD_TOKEN: 'secret-token-123',
      DISCORD_APP_ID: 'not-an-id',
      STORE_URL: 'mysql://root:hunter2@db/steelman',
    });
    expect(code).toBe(1);
    expect(output).toContain('DISCORD_APP_ID');
    expect(output).toContain('STORE_URL');
    expect(output).not.toContain('secret-token-123');
    expect(output).not.toContain('hunter2');
    expect(output).not.toMatch(/\n\s+at /);
  });

  it('given a store that cannot be reached, then it exits 1 saying so, without the token or the password', async ({
    expect,
  }) => {
    const { code, output } = await runMain({
      DISCORD_TOKEN: 'secret-token-123',
      DISCORD_APP_ID: '123456789012345678',
      DATA_DIR: path.join(ROOT, 'data'),
      // Port 9 (discard) has nothing listening on loopback.
      STORE_URL: 'redis://steelman:hunter2@127.0.0.1:9',
    });
    expect(code).toBe(1);
    expect(output).toContain('Steelman cannot open its store (STORE_URL, redis)');
    expect(output).not.toContain('secret-token-123');
    expect(output).not.toContain('hunter2');
    expect(output).not.toMatch(/\n\s+at /);
  });

  it('given a broken data file, then it exits 1 naming the file, the entry and the field', async ({
    expect,
  }) => {
    const { code, output } = await runMain(
      { DISCORD_TOKEN: 'secret-token-123', DISCORD_APP_ID: '123456789012345678', DATA_DIR: 'data' },
      async (cwd) => {
        await cp(path.join(ROOT, 'data'), path.join(cwd, 'data'), { recursive: true });
        const file = path.join(cwd, 'data', 'formats.json');
        const data = JSON.parse(await readFile(file, 'utf8')) as {
          formats: { id: string; speeches: { seconds: number }[] }[];
        };
        const quick = data.formats.find((f) => f.id === 'quick');
        if (!quick?.speeches[0]) throw new Error('no quick format to break');
        quick.speeches[0].seconds = -30;
        await writeFile(file, JSON.stringify(data));
      },
    );
    expect(code).toBe(1);
    expect(output).toMatch(/formats\.json › formats\[quick\] › speeches\.0\.seconds/);
    expect(output).not.toContain('secret-token-123');
    expect(output).not.toMatch(/\n\s+at /);
  });
});
