import {
  type DiscordDouble,
  type DoubleGuild,
  DoubleTimeoutError,
  startDiscordDouble,
} from '@steelman/discord-double';
import {
  ActionRowBuilder,
  AttachmentBuilder,
  ButtonBuilder,
  ButtonStyle,
  ChannelType,
  Client,
  DiscordAPIError,
  type Interaction,
  LabelBuilder,
  MessageFlags,
  ModalBuilder,
  PermissionFlagsBits,
  StringSelectMenuBuilder,
  TextInputBuilder,
  TextInputStyle,
  UserSelectMenuBuilder,
} from 'discord.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isRecord } from '../src/json.js';

/**
 * Drives a bare discord.js 14.28.1 client (no bot code) against the double, end to end:
 * login, slash commands, every callback type, components, modals, files, threads, resume, shards.
 */

const TOKEN = 'fake-token-for-tests';

const COMMANDS = [
  {
    name: 'debate',
    description: 'Debate practice',
    options: [
      {
        type: 1,
        name: 'start',
        description: 'Start a debate',
        options: [
          { type: 3, name: 'motion', description: 'Motion', required: true, autocomplete: true },
          { type: 4, name: 'rounds', description: 'Rounds', min_value: 1, max_value: 5 },
          { type: 5, name: 'public', description: 'Post publicly' },
          { type: 6, name: 'opponent', description: 'Opponent' },
          { type: 7, name: 'venue', description: 'Where', channel_types: [0] },
          { type: 8, name: 'judges', description: 'Judge role' },
        ],
      },
      { type: 1, name: 'defer', description: 'Defer then edit' },
      { type: 1, name: 'followup', description: 'Reply and follow up' },
      { type: 1, name: 'lobby', description: 'Post a lobby' },
      { type: 1, name: 'argue', description: 'Open a modal' },
      { type: 1, name: 'transcript', description: 'Send a file' },
      { type: 1, name: 'thread', description: 'Open a thread' },
      { type: 1, name: 'respond', description: 'Reply with the response' },
      { type: 1, name: 'long', description: 'Reply too long' },
    ],
  },
  { name: 'ping', description: 'Ping' },
];

const MOTIONS = ['scaling is enough', 'world models are needed', 'scale beats structure'];

interface Seen {
  readonly errors: unknown[];
  readonly values: Record<string, unknown>;
}

/** A tiny bot written straight against discord.js: one behaviour per command or custom id. */
const attachBot = (client: Client, seen: Seen) => {
  const handle = async (interaction: Interaction) => {
    if (interaction.isAutocomplete()) {
      const typed = interaction.options.getFocused().toLowerCase();
      await interaction.respond(MOTIONS.filter((m) => m.includes(typed)).map((m) => ({ name: m, value: m })));
      return;
    }
    if (interaction.isChatInputCommand()) {
      if (interaction.commandName === 'ping') {
        await interaction.reply('pong');
        return;
      }
      switch (interaction.options.getSubcommand()) {
        case 'start': {
          const values = {
            motion: interaction.options.getString('motion', true),
            rounds: interaction.options.getInteger('rounds'),
            public: interaction.options.getBoolean('public'),
            opponent: interaction.options.getUser('opponent')?.username ?? null,
            opponentMember: interaction.options.getMember('opponent') !== null,
            venue: interaction.options.getChannel('venue')?.name ?? null,
            judges: interaction.options.getRole('judges')?.name ?? null,
            memberCanManage: interaction.memberPermissions?.has(PermissionFlagsBits.ManageMessages) ?? null,
            botCanSend: interaction.appPermissions.has(PermissionFlagsBits.SendMessages),
          };
          seen.values.start = values;
          await interaction.reply({
            content: `Starting "${values.motion}"`,
            flags: values.public ? undefined : MessageFlags.Ephemeral,
            allowedMentions: { parse: [] },
          });
          return;
        }
        case 'defer':
          await interaction.deferReply();
          await interaction.editReply('done after defer');
          return;
        case 'followup':
          await interaction.reply('first');
          await interaction.followUp('second');
          await interaction.followUp({ content: 'secret', flags: MessageFlags.Ephemeral });
          return;
        case 'lobby':
          await interaction.reply({
            content: 'Lobby open',
            components: [
              new ActionRowBuilder<ButtonBuilder>().addComponents(
                new ButtonBuilder().setCustomId('lobby:join').setLabel('Join').setStyle(ButtonStyle.Primary),
                new ButtonBuilder()
                  .setCustomId('lobby:off')
                  .setLabel('Off')
                  .setStyle(ButtonStyle.Secondary)
                  .setDisabled(true),
                new ButtonBuilder()
                  .setCustomId('lobby:later')
                  .setLabel('Later')
                  .setStyle(ButtonStyle.Secondary),
                new ButtonBuilder()
                  .setCustomId('lobby:form')
                  .setLabel('Form')
                  .setStyle(ButtonStyle.Secondary),
              ),
              new ActionRowBuilder<StringSelectMenuBuilder>().addComponents(
                new StringSelectMenuBuilder()
                  .setCustomId('lobby:side')
                  .addOptions({ label: 'LeCun', value: 'lecun' }, { label: 'Scaling', value: 'scaling' }),
              ),
              new ActionRowBuilder<UserSelectMenuBuilder>().addComponents(
                new UserSelectMenuBuilder().setCustomId('lobby:judge'),
              ),
            ],
          });
          return;
        case 'argue':
          await interaction.showModal(
            new ModalBuilder()
              .setCustomId('argument')
              .setTitle('Your argument')
              .addComponents(
                new ActionRowBuilder<TextInputBuilder>().addComponents(
                  new TextInputBuilder()
                    .setCustomId('opening')
                    .setLabel('Opening')
                    .setStyle(TextInputStyle.Paragraph),
                ),
              )
              .addLabelComponents(
                new LabelBuilder()
                  .setLabel('Rebuttal')
                  .setTextInputComponent(
                    new TextInputBuilder()
                      .setCustomId('rebuttal')
                      .setStyle(TextInputStyle.Short)
                      .setRequired(false),
                  ),
                new LabelBuilder()
                  .setLabel('Side')
                  .setStringSelectMenuComponent(
                    new StringSelectMenuBuilder()
                      .setCustomId('side')
                      .addOptions({ label: 'LeCun', value: 'lecun' }, { label: 'Scaling', value: 'scaling' }),
                  ),
              ),
          );
          return;
        case 'transcript':
          await interaction.reply({
            content: 'Transcript attached',
            files: [
              new AttachmentBuilder(Buffer.from('# Transcript\n\n1. Opening\n'), { name: 'transcript.md' }),
            ],
          });
          return;
        case 'thread': {
          await interaction.reply('Debate thread below');
          const reply = await interaction.fetchReply();
          const thread = await reply.startThread({ name: 'Round 1' });
          await thread.send({ content: 'Round 1 begins', allowedMentions: { parse: [] } });
          const channel = interaction.channel;
          if (channel?.type === ChannelType.GuildText) {
            const side = await channel.threads.create({ name: 'Judges', type: ChannelType.PrivateThread });
            await side.members.add(interaction.user.id);
            seen.values.threads = [thread.id, side.id];
          }
          return;
        }
        case 'respond': {
          const response = await interaction.reply({ content: 'with response', withResponse: true });
          seen.values.respond = { content: response.resource?.message?.content, id: response.interaction.id };
          return;
        }
        case 'long':
          try {
            await interaction.reply('x'.repeat(2001));
          } catch (error) {
            seen.values.long = error instanceof DiscordAPIError ? error.code : String(error);
            await interaction.reply({ content: 'too long, sorry', flags: MessageFlags.Ephemeral });
          }
          return;
        default:
          return;
      }
    }
    if (interaction.isButton() && interaction.customId === 'lobby:later') {
      await interaction.deferUpdate();
      await interaction.editReply({ content: 'Lobby (updated later)' });
      return;
    }
    if (interaction.isButton() && interaction.customId === 'lobby:form') {
      await interaction.showModal(
        new ModalBuilder()
          .setCustomId('quick')
          .setTitle('Quick note')
          .addLabelComponents(
            new LabelBuilder()
              .setLabel('Note')
              .setTextInputComponent(
                new TextInputBuilder().setCustomId('note').setStyle(TextInputStyle.Short),
              ),
          ),
      );
      return;
    }
    if (interaction.isModalSubmit() && interaction.customId === 'quick' && interaction.isFromMessage()) {
      await interaction.update({ content: `note: ${interaction.fields.getTextInputValue('note')}` });
      return;
    }
    if (interaction.isButton() && interaction.customId === 'lobby:join') {
      await interaction.update({ content: `${interaction.user.username} joined`, components: [] });
      return;
    }
    if (interaction.isStringSelectMenu()) {
      await interaction.reply({
        content: `side: ${interaction.values.join(',')}`,
        flags: MessageFlags.Ephemeral,
      });
      return;
    }
    if (interaction.isUserSelectMenu()) {
      const user = interaction.users.first();
      await interaction.reply({ content: `judge: <@${user?.id}>`, allowedMentions: { parse: [] } });
      return;
    }
    if (interaction.isModalSubmit()) {
      seen.values.modal = {
        opening: interaction.fields.getTextInputValue('opening'),
        rebuttal: interaction.fields.getTextInputValue('rebuttal'),
        side: interaction.fields.getStringSelectValues('side'),
      };
      await interaction.reply({ content: `argued: ${interaction.fields.getTextInputValue('opening')}` });
    }
  };
  client.on('interactionCreate', (interaction) => {
    handle(interaction).catch((error: unknown) => seen.errors.push(error));
  });
};

const newClient = (double: DiscordDouble, extra: { shards?: number[]; shardCount?: number } = {}) =>
  new Client({ intents: ['Guilds'], rest: { api: double.apiUrl }, ...extra });

describe('the Discord double with a bare discord.js client', () => {
  let double: DiscordDouble;
  let client: Client;
  let guild: DoubleGuild;
  let debates: string;
  let lounge: () => string;
  const seen: Seen = { errors: [], values: {} };

  beforeAll(async () => {
    double = await startDiscordDouble();
    guild = double.addGuild({
      name: 'Debate Club',
      roles: [{ name: 'Judges', permissions: PermissionFlagsBits.ManageMessages, mentionable: true }],
      channels: [
        { name: 'debates', topic: 'Practice rounds' },
        'lounge',
        { name: 'staff', overwrites: [{ role: '@everyone', deny: PermissionFlagsBits.ViewChannel }] },
      ],
      members: ['alice', { username: 'bob', roles: ['Judges'] }, 'carol'],
    });
    debates = guild.channel('debates').id;
    lounge = () => guild.channel('lounge').id;
    client = newClient(double);
    attachBot(client, seen);
    await client.login(TOKEN);
    await client.application?.commands.set(COMMANDS);
  });

  afterAll(async () => {
    await client?.destroy();
    await double?.stop();
  });

  it('given a guild, when the client logs in, then the guild, channels, roles and members are cached and permission checks work', () => {
    expect(client.isReady()).toBe(true);
    expect(client.user?.id).toBe(double.botUserId);
    const cached = client.guilds.cache.get(guild.id);
    expect(cached?.available).toBe(true);
    expect(cached?.name).toBe('Debate Club');
    expect(cached?.channels.cache.map((c) => c.name).sort()).toEqual(['debates', 'lounge', 'staff']);
    expect(cached?.roles.everyone.id).toBe(guild.id);
    expect(cached?.roles.cache.map((r) => r.name).sort()).toEqual(['@everyone', 'Judges', 'Steelman']);
    expect(cached?.members.cache.map((m) => m.user.username).sort()).toEqual(
      ['alice', 'bob', 'carol', 'debate-club-owner', 'Steelman'].sort(),
    );
    const me = cached?.members.me;
    expect(me?.permissionsIn(debates).has(PermissionFlagsBits.SendMessages)).toBe(true);
    const bob = cached?.members.cache.find((m) => m.user.username === 'bob');
    expect(bob?.permissions.has(PermissionFlagsBits.ManageMessages)).toBe(true);
    const alice = cached?.members.cache.find((m) => m.user.username === 'alice');
    expect(alice?.permissionsIn(guild.channel('staff').id).has(PermissionFlagsBits.ViewChannel)).toBe(false);
    expect(double.requests[0]?.path).toBe('/gateway/bot');
  });

  it('given the client registered commands, then they are stored, listed and keep their ids on re-registration', async () => {
    const global = double.commands();
    expect(global.map((c) => c.name)).toEqual(['debate', 'ping']);
    const before = global[0]?.id;
    await client.application?.commands.set(COMMANDS);
    expect(double.commands()[0]?.id).toBe(before);
    const fetched = await client.application?.commands.fetch();
    expect(fetched?.map((c) => c.name).sort()).toEqual(['debate', 'ping']);
    await client.application?.commands.set([{ name: 'local', description: 'Guild only' }], guild.id);
    expect(double.commands(guild.id).map((c) => c.name)).toEqual(['local']);
    expect(double.requestsTo('PUT', '/applications/:applicationId/guilds/:guildId/commands')).toHaveLength(1);
  });

  it('given a slash command with a subcommand and options of each type, then the client reads the right values', async () => {
    const alice = double.user('alice');
    const handle = await alice.slash(debates, 'debate', {
      subcommand: 'start',
      options: {
        motion: 'scale beats structure',
        rounds: 3,
        public: true,
        opponent: 'bob',
        venue: 'lounge',
        judges: 'Judges',
      },
    });
    const reply = await handle.reply();
    expect(reply.type).toBe(4);
    expect(reply.data?.content).toBe('Starting "scale beats structure"');
    expect(seen.values.start).toEqual({
      motion: 'scale beats structure',
      rounds: 3,
      public: true,
      opponent: 'bob',
      opponentMember: true,
      venue: 'lounge',
      judges: 'Judges',
      memberCanManage: false,
      botCanSend: true,
    });
    const [message] = handle.messages();
    expect(message?.type).toBe(20);
    expect(message?.ephemeral).toBe(false);
    expect(message?.allowedMentions).toEqual({ parse: [] });
    expect(double.channelMessages(debates).some((m) => m.id === message?.id)).toBe(true);
  });

  it('given options that break the definition, then the driver refuses them with a readable error', async () => {
    const alice = double.user('alice');
    await expect(
      alice.slash(debates, 'debate', { subcommand: 'start', options: { rounds: 2 } }),
    ).rejects.toThrow(/required option "motion" is missing/);
    await expect(
      alice.slash(debates, 'debate', { subcommand: 'start', options: { motion: 'm', rounds: 9 } }),
    ).rejects.toThrow(/outside \[1, 5\]/);
    await expect(alice.slash(debates, 'nope')).rejects.toThrow(/\/nope is not registered/);
    await expect(alice.slash(guild.channel('staff').id, 'ping')).rejects.toThrow(/cannot see #staff/);
  });

  it('given a deferred reply edited later, then the handle shows the deferral and the final content', async () => {
    const handle = await double.user('alice').slash(debates, 'debate', { subcommand: 'defer' });
    expect((await handle.reply()).type).toBe(5);
    expect(handle.deferred).toBe(true);
    const response = await handle.response();
    expect(response.content).toBe('done after defer');
    expect(response.loading).toBe(false);
    expect(response.editedAt).toBeNull();
    const patch = handle.requests().find((r) => r.method === 'PATCH');
    expect(patch?.path).toMatch(/\/messages\/@original$/);
    expect(patch?.route).toBe('/webhooks/:applicationId/:token/messages/:messageId');
  });

  it('given a reply and follow-ups, then follow-ups are stored in order and the ephemeral one is private', async () => {
    const handle = await double.user('carol').slash(debates, 'debate', { subcommand: 'followup' });
    const followUps = await handle.waitForFollowUps(2);
    expect(handle.messages().map((m) => m.content)).toEqual(['first', 'second', 'secret']);
    expect(followUps[1]?.ephemeral).toBe(true);
    expect(followUps[1]?.visibleTo).toBe(double.user('carol').id);
    const publicTexts = double.channelMessages(debates).map((m) => m.content);
    expect(publicTexts).toContain('second');
    expect(publicTexts).not.toContain('secret');
  });

  it('given an onMessage listener, then it sees creates and edits as they happen', async () => {
    const events: string[] = [];
    const stop = double.onMessage(({ kind, message }) => events.push(`${kind}:${message.content}`));
    const handle = await double.user('bob').slash(debates, 'debate', { subcommand: 'defer' });
    await handle.response();
    stop();
    await (await double.user('bob').slash(debates, 'ping')).reply();
    expect(events).toEqual(['create:', 'edit:done after defer']);
  });

  it('given messages that already match, then waitForMessage with `after` waits for a newer one', async () => {
    const lounge = double.addChannel(guild.id, 'turns').id;
    const channel = await client.channels.fetch(lounge);
    if (!channel?.isSendable()) throw new Error('expected a sendable channel');
    const first = await channel.send('turn 1');
    expect((await double.waitForMessage(lounge, (m) => m.content.startsWith('turn'))).id).toBe(first.id);
    const next = double.waitForMessage(lounge, (m) => m.content.startsWith('turn'), {
      after: first.id,
      timeoutMs: 1000,
    });
    const second = await channel.send('turn 2');
    expect((await next).id).toBe(second.id);
    const none = await double
      .waitForMessage(lounge, (m) => m.content.startsWith('turn'), { after: second.id, timeoutMs: 30 })
      .catch((e: unknown) => e);
    expect(String(none)).toMatch(/after .* no message matched within 30 ms/);
  });

  it('given an ephemeral reply, then only the invoking member sees it', async () => {
    const alice = double.user('alice');
    const handle = await alice.slash(debates, 'debate', {
      subcommand: 'start',
      options: { motion: 'private one' },
    });
    const response = await handle.response();
    expect(response.ephemeral).toBe(true);
    expect(response.flags & MessageFlags.Ephemeral).toBe(MessageFlags.Ephemeral);
    expect(double.privateMessagesFor('alice').map((m) => m.content)).toContain('Starting "private one"');
    expect(double.privateMessagesFor('bob').map((m) => m.content)).not.toContain('Starting "private one"');
    expect(double.channelMessages(debates).map((m) => m.content)).not.toContain('Starting "private one"');
  });

  it('given a posted message with a button and selects, then clicks and picks reach the client and its answers are stored', async () => {
    const lobby = await (
      await double.user('alice').slash(debates, 'debate', { subcommand: 'lobby' })
    ).response();
    expect(lobby.customIds).toEqual([
      'lobby:join',
      'lobby:off',
      'lobby:later',
      'lobby:form',
      'lobby:side',
      'lobby:judge',
    ]);

    const later = await double.user('carol').click(lobby, 'lobby:later');
    expect((await later.reply()).type).toBe(6);
    expect(later.deferred).toBe(true);
    expect((await later.response()).content).toBe('Lobby (updated later)');

    const form = await double.user('carol').click(lobby, 'lobby:form');
    const quick = await form.modal();
    expect(quick.field('note')?.label).toBe('Note');
    // A short text input is one line: a line break in it is something no client can send.
    await expect(double.user('carol').submitModal('quick', { note: 'two\nlines' })).rejects.toThrow(
      /short \(one-line\) text input/,
    );
    const noted = await double.user('carol').submitModal('quick', { note: 'hello' });
    expect((await noted.reply()).type).toBe(7);
    expect(double.message(lobby.id)?.content).toBe('note: hello');
    expect(noted.payload.message).toMatchObject({ id: lobby.id });

    const side = await double.user('bob').select(lobby, 'lobby:side', ['scaling']);
    expect((await side.response()).content).toBe('side: scaling');
    expect(side.ephemeral).toBe(true);
    await expect(double.user('bob').select(lobby, 'lobby:side', ['nonsense'])).rejects.toThrow(
      /not an option/,
    );

    const judge = await double.user('bob').select(lobby, 'lobby:judge', ['carol']);
    const judged = await judge.response();
    expect(judged.content).toBe(`judge: <@${double.user('carol').id}>`);
    expect(judged.mentions).toEqual([]);

    await expect(double.user('bob').click(lobby, 'lobby:off')).rejects.toThrow(/disabled/);
    const join = await double.user('bob').click(lobby, 'lobby:join');
    expect((await join.reply()).type).toBe(7);
    const updated = double.message(lobby.id);
    expect(updated?.content).toBe('bob joined');
    expect(updated?.components).toEqual([]);
    expect(updated?.revisions.map((r) => r.content)).toEqual([
      'Lobby open',
      'Lobby (updated later)',
      'note: hello',
    ]);
    expect(join.payload.message).toMatchObject({ id: lobby.id, content: 'note: hello' });
  });

  it('given a modal with a classic text input row and Label components, then a submission round-trips', async () => {
    const open = await double.user('alice').slash(debates, 'debate', { subcommand: 'argue' });
    const modal = await open.modal();
    expect(modal.title).toBe('Your argument');
    expect(modal.fields.map((f) => [f.customId, f.label, f.required])).toEqual([
      ['opening', 'Opening', true],
      ['rebuttal', 'Rebuttal', false],
      ['side', 'Side', true],
    ]);
    await expect(double.user('alice').submitModal(modal, { side: ['lecun'] })).rejects.toThrow(
      /"opening".*required/,
    );
    const submitted = await modal.submit({ opening: 'Scale is all you need', side: ['lecun'] });
    expect((await submitted.response()).content).toBe('argued: Scale is all you need');
    expect(seen.values.modal).toEqual({ opening: 'Scale is all you need', rebuttal: '', side: ['lecun'] });
    const data = submitted.payload.data;
    expect(data).toMatchObject({
      custom_id: 'argument',
      components: [
        { type: 1, components: [{ type: 4, custom_id: 'opening', value: 'Scale is all you need' }] },
        { type: 18, component: { type: 4, custom_id: 'rebuttal', value: '' } },
        { type: 18, component: { type: 3, custom_id: 'side', values: ['lecun'] } },
      ],
    });
    await expect(modal.submit({ opening: 'again', side: ['lecun'] })).rejects.toThrow(/already submitted/);
  });

  it('given an autocomplete interaction, then the choices come back', async () => {
    const choices = await double.user('alice').autocomplete(debates, 'debate', {
      subcommand: 'start',
      focused: 'motion',
      value: 'sca',
    });
    expect(choices.map((c) => c.value)).toEqual(['scaling is enough', 'scale beats structure']);
  });

  it('given a reply with a file, then the multipart upload is stored with its name, type and bytes', async () => {
    const handle = await double.user('alice').slash(debates, 'debate', { subcommand: 'transcript' });
    const message = await handle.response();
    const [file] = double.attachments(message.id);
    expect(file?.filename).toBe('transcript.md');
    expect(file?.contentType).toMatch(/^text\/markdown/);
    expect(file?.text()).toBe('# Transcript\n\n1. Opening\n');
    expect(handle.requests()[0]?.files[0]?.field).toBe('files[0]');
    const downloaded = await fetch(file?.url ?? '');
    expect(await downloaded.text()).toBe('# Transcript\n\n1. Opening\n');
  });

  it('given two posts with the same enforced nonce, then the second returns the first message instead of posting again', async () => {
    const channel = client.channels.cache.get(lounge());
    if (!channel?.isSendable()) throw new Error('lounge is not sendable');
    const before = double.channelMessages(lounge()).length;
    const first = await channel.send({ content: 'Turn 2: bob', nonce: 'turn-2-bob', enforceNonce: true });
    const again = await channel.send({ content: 'Turn 2: bob', nonce: 'turn-2-bob', enforceNonce: true });
    const unenforced = await channel.send({ content: 'Turn 2: bob', nonce: 'turn-2-bob' });
    expect(again.id).toBe(first.id);
    expect(unenforced.id).not.toBe(first.id);
    expect(double.channelMessages(lounge()).length).toBe(before + 2);
    await first.delete();
    await unenforced.delete();
  });

  it('given the bot opens threads, then they exist in the double and in the client cache, with messages', async () => {
    const handle = await double.user('alice').slash(debates, 'debate', { subcommand: 'thread' });
    const starter = await handle.response();
    const thread = await double.waitForMessage(starter.id, (m) => m.content === 'Round 1 begins');
    expect(thread.channelId).toBe(starter.id);
    await expect.poll(() => seen.values.threads).toBeDefined();
    const threads = double.threads(debates);
    expect(threads.map((t) => [t.name, t.type])).toEqual([
      ['Round 1', ChannelType.PublicThread],
      ['Judges', ChannelType.PrivateThread],
    ]);
    expect(threads[1]?.thread?.memberIds).toContain(double.user('alice').id);
    expect(client.channels.cache.get(starter.id)?.isThread()).toBe(true);
    expect(double.message(starter.id)?.threadId).toBe(starter.id);
  });

  it('given with_response, then the client gets the interaction and the created message back', async () => {
    const handle = await double.user('alice').slash(debates, 'debate', { subcommand: 'respond' });
    await handle.response();
    await expect.poll(() => seen.values.respond).toEqual({ content: 'with response', id: handle.id });
    expect(handle.requests()[0]?.query.with_response).toBe('true');
  });

  it('given a reply over 2000 characters, then the double rejects it like Discord and the interaction stays answerable', async () => {
    const handle = await double.user('alice').slash(debates, 'debate', { subcommand: 'long' });
    expect((await handle.response()).content).toBe('too long, sorry');
    expect(seen.values.long).toBe(50035);
    expect(handle.requests()[0]?.status).toBe(400);
  });

  it('given an unknown route, then the client gets a Discord-style 404 and the double records it', async () => {
    const error = await client.rest.get('/definitely/not/a/route').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DiscordAPIError);
    expect(error instanceof DiscordAPIError ? error.status : 0).toBe(404);
    expect(double.unknownRoutes.map((r) => r.path)).toContain('/definitely/not/a/route');
  });

  it('given the bot never answers, then waiting on the handle fails fast with a readable error', async () => {
    const silent = double.addChannel(guild.id, 'silent');
    const handle = await double.user('alice').slash(silent.id, 'debate', { subcommand: 'followup' });
    // Answered normally; now an interaction the bot ignores (a button it has no handler for):
    await handle.response();
    const message = handle.original();
    expect(message).toBeDefined();
    const posted = await client.channels.fetch(silent.id);
    if (!posted?.isSendable()) throw new Error('expected a sendable channel');
    const sent = await posted.send({
      content: 'ignored',
      components: [
        new ActionRowBuilder<ButtonBuilder>().addComponents(
          new ButtonBuilder().setCustomId('ignored').setLabel('Nobody listens').setStyle(ButtonStyle.Primary),
        ),
      ],
    });
    const click = await double.user('alice').click(sent.id, 'ignored');
    const failure = await click.reply(150).catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(DoubleTimeoutError);
    expect(String(failure)).toMatch(/button "ignored" by alice .* the bot did not answer within 150 ms/);
  });

  it('given the bot DMs members, then open DMs are stored privately and closed ones fail with 50007', async () => {
    const dave = double.addMember(guild.id, { username: 'dave', dmsOpen: false });
    const alice = double.user('alice');
    const sent = await client.users.send(alice.id, {
      content: 'Your debate starts soon',
      allowedMentions: { parse: [] },
    });
    expect(sent.channel.isDMBased()).toBe(true);
    const dm = await double.waitForPrivateMessage('alice', (m) => m.content === 'Your debate starts soon');
    expect(dm.guildId).toBeNull();
    expect(double.privateMessagesFor('bob').map((m) => m.id)).not.toContain(dm.id);
    const refused = await client.users.send(dave.id, 'hello').catch((e: unknown) => e);
    expect(refused instanceof DiscordAPIError ? refused.code : refused).toBe(50007);
    await alice.dm('thanks!');
    expect(
      double
        .privateMessagesFor('alice')
        .map((m) => m.content)
        .slice(-2),
    ).toEqual(['Your debate starts soon', 'thanks!']);
  });

  it('given channel messages with files, replies and edits, then attachments follow Discord edit semantics', async () => {
    const channel = await client.channels.fetch(guild.channel('lounge').id);
    if (!channel?.isSendable()) throw new Error('expected a sendable channel');
    const first = await channel.send('opening statement');
    const reply = await channel.send({
      content: 'rebuttal',
      reply: { messageReference: first.id },
      files: [new AttachmentBuilder(Buffer.from('notes'), { name: 'notes.txt' })],
      allowedMentions: { parse: [] },
    });
    expect(reply.reference?.messageId).toBe(first.id);
    expect(double.message(reply.id)?.type).toBe(19);
    expect(double.attachments(reply.id).map((a) => [a.filename, a.text()])).toEqual([['notes.txt', 'notes']]);
    await reply.edit({ content: 'rebuttal (edited)' });
    expect(double.attachments(reply.id)).toHaveLength(1);
    await reply.edit({ files: [new AttachmentBuilder(Buffer.from('v2'), { name: 'notes-v2.txt' })] });
    expect(double.attachments(reply.id).map((a) => a.filename)).toEqual(['notes-v2.txt']);
    expect(double.message(reply.id)?.revisions.map((r) => r.content)).toEqual([
      'rebuttal',
      'rebuttal (edited)',
    ]);
    await first.delete();
    expect(double.channelMessages(guild.channel('lounge').id).map((m) => m.content)).toEqual([
      'rebuttal (edited)',
    ]);
    const fetched = await channel.messages.fetch({ limit: 10 });
    expect(fetched.map((m) => m.content)).toEqual(['rebuttal (edited)']);
  });

  it('given a member search, then the gateway answers with a members chunk', async () => {
    const cached = client.guilds.cache.get(guild.id);
    const found = await cached?.members.fetch({ query: 'ca', limit: 5 });
    expect(found?.map((m) => m.user.username)).toEqual(['carol']);
    const fetched = await cached?.members.fetch({ user: double.user('bob').id, force: true });
    expect(fetched?.roles.cache.map((r) => r.name).sort()).toEqual(['@everyone', 'Judges']);
  });

  it('records allowed_mentions of every message the bot sent', () => {
    const sends = double.requests.filter(
      (r) => r.method !== 'GET' && /messages|callback|webhooks/.test(r.route ?? '') && r.status < 300,
    );
    expect(sends.length).toBeGreaterThan(5);
    const allowedMentionsOf = (body: unknown): unknown => {
      if (!isRecord(body)) return undefined;
      return isRecord(body.data) ? body.data.allowed_mentions : body.allowed_mentions;
    };
    const withParseNone = sends.filter((r) => JSON.stringify(allowedMentionsOf(r.body)) === '{"parse":[]}');
    expect(withParseNone.length).toBeGreaterThanOrEqual(3);
    expect(double.internalErrors).toEqual([]);
    expect(seen.errors).toEqual([]);
  });

  it('measures the interaction round trip (dispatch -> callback) over 200 interactions', async () => {
    const alice = double.user('alice');
    const trips: number[] = [];
    const started = performance.now();
    for (let i = 0; i < 200; i++) {
      const handle = await alice.slash(debates, 'ping');
      await handle.reply();
      trips.push(handle.roundTripMs ?? Number.NaN);
    }
    const total = performance.now() - started;
    trips.sort((a, b) => a - b);
    const median = trips[Math.floor(trips.length / 2)] ?? Number.NaN;
    const p95 = trips[Math.floor(trips.length * 0.95)] ?? Number.NaN;
    console.log(
      `[discord-double] 200 interactions: median round trip ${median.toFixed(2)} ms, p95 ${p95.toFixed(2)} ms, ` +
        `${(total / 200).toFixed(2)} ms per interaction end to end`,
    );
    expect(trips.every((t) => Number.isFinite(t))).toBe(true);
  });
});
