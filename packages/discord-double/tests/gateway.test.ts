import {
  type DiscordDouble,
  type DiscordDoubleOptions,
  shardForGuild,
  snowflakeForShard,
  startDiscordDouble,
} from '@steelman/discord-double';
import { Client } from 'discord.js';
import { describe, expect, it } from 'vitest';

/** The gateway against a bare discord.js 14.28.1 client: resume, re-identify, queueing, shards, heartbeats. */

const TOKEN = 'fake-token-for-tests';
const PING = [{ name: 'ping', description: 'Ping' }];

const newClient = (double: DiscordDouble, extra: { shards?: number[]; shardCount?: number } = {}) => {
  const client = new Client({ intents: ['Guilds'], rest: { api: double.apiUrl }, ...extra });
  client.on('interactionCreate', (interaction) => {
    if (interaction.isChatInputCommand()) void interaction.reply('pong');
  });
  return client;
};

/** Runs `body` with a started double and a fresh client, and always cleans both up (client first). */
const withBot = async (
  body: (double: DiscordDouble, client: Client) => Promise<void>,
  options: DiscordDoubleOptions = {},
  clientOptions: { shards?: number[]; shardCount?: number } = {},
): Promise<void> => {
  const double = await startDiscordDouble(options);
  const client = newClient(double, clientOptions);
  try {
    await body(double, client);
  } finally {
    await client.destroy();
    await double.stop();
  }
};

describe('the Discord double gateway', () => {
  it('given the socket closes with 4000, then the client resumes and an interaction sent while disconnected is answered', () =>
    withBot(async (double, client) => {
      const guild = double.addGuild({ name: 'Resume', members: ['alice'] });
      await client.login(TOKEN);
      await client.application?.commands.set(PING);
      await double.dropConnection(0, 4000);
      expect(double.isConnected(0)).toBe(false);
      const handle = await double.user('alice').slash(guild.channel('general').id, 'ping');
      expect(handle.acknowledged).toBe(false);
      expect(await double.waitForReconnect(0, 5000)).toBe('resumed');
      expect((await handle.reply(5000)).data?.content).toBe('pong');
      expect(double.gatewayEvents.filter((e) => e.kind === 'identify')).toHaveLength(1);
      expect(double.gatewayEvents.map((e) => e.kind)).toContain('resumed');
    }));

  it(
    'given the socket closes with 1000, then the client identifies afresh and gets the interaction it missed',
    () =>
      withBot(async (double, client) => {
        const guild = double.addGuild({ name: 'Reidentify', members: ['alice'] });
        await client.login(TOKEN);
        await client.application?.commands.set(PING);
        await double.dropConnection(0, 1000);
        const handle = await double.user('alice').slash(guild.channel('general').id, 'ping');
        expect(await double.waitForReconnect(0, 8000)).toBe('identified');
        expect((await handle.reply(2000)).data?.content).toBe('pong');
        expect(double.gatewayEvents.filter((e) => e.kind === 'identify')).toHaveLength(2);
      }),
    15_000,
  );

  it('given an interaction before the bot logs in, then it is delivered after READY', () =>
    withBot(async (double, client) => {
      const guild = double.addGuild({ name: 'Early', members: ['alice'] });
      // Register the command without the client (as a deploy script would), then act before login.
      const response = await fetch(`${double.apiUrl}/v10/applications/${double.applicationId}/commands`, {
        method: 'PUT',
        headers: { Authorization: `Bot ${TOKEN}`, 'Content-Type': 'application/json' },
        body: JSON.stringify(PING),
      });
      expect(response.status).toBe(200);
      const handle = await double.user('alice').slash(guild.channel('general').id, 'ping');
      const early = await handle.reply(50).catch((e: unknown) => e);
      expect(String(early)).toMatch(/still queued: no connected gateway session/);
      await client.login(TOKEN);
      expect((await handle.reply()).data?.content).toBe('pong');
    }));

  it('given the client is destroyed and a new one logs in, then interactions sent in between reach the new one', () =>
    withBot(async (double, first) => {
      const guild = double.addGuild({ name: 'Restart', members: ['alice'] });
      await first.login(TOKEN);
      await first.application?.commands.set(PING);
      await first.destroy();
      await expect.poll(() => double.isConnected(0)).toBe(false);
      const handle = await double.user('alice').slash(guild.channel('general').id, 'ping');
      const second = newClient(double);
      try {
        await second.login(TOKEN);
        expect((await handle.reply()).data?.content).toBe('pong');
        expect(double.gatewayEvents.filter((e) => e.kind === 'identify')).toHaveLength(2);
      } finally {
        await second.destroy();
      }
    }));

  it('given two shards, then each guild is routed to the socket of the shard that owns it', () =>
    withBot(
      async (double, client) => {
        const zero = double.addGuild({ id: snowflakeForShard(0, 2), name: 'Zero', members: ['alice'] });
        const one = double.addGuild({ name: 'One', shard: [1, 2], members: ['alice'] });
        expect(shardForGuild(zero.id, 2)).toBe(0);
        expect(shardForGuild(one.id, 2)).toBe(1);
        const readyGuilds = new Map<number, string[]>();
        const interactionShards: number[] = [];
        client.on('raw', (packet: { t?: string; d?: { guilds?: { id: string }[] } }, shardId: number) => {
          if (packet.t === 'READY')
            readyGuilds.set(
              shardId,
              (packet.d?.guilds ?? []).map((g) => g.id),
            );
        });
        client.on('interactionCreate', (interaction) => {
          interactionShards.push(interaction.guild?.shardId ?? -1);
        });
        await client.login(TOKEN);
        await client.application?.commands.set(PING);
        expect(double.connectedShards()).toEqual([0, 1]);
        expect(readyGuilds.get(0)).toEqual([zero.id]);
        expect(readyGuilds.get(1)).toEqual([one.id]);
        expect(client.guilds.cache.get(zero.id)?.shardId).toBe(0);
        expect(client.guilds.cache.get(one.id)?.shardId).toBe(1);
        await (await double.user('alice').slash(one.channel('general').id, 'ping')).reply();
        await (await double.user('alice').slash(zero.channel('general').id, 'ping')).reply();
        expect(interactionShards).toEqual([1, 0]);
        // A guild added later goes to its shard as GUILD_CREATE (the bot "joins" it).
        const joined = new Promise<string>((resolve) =>
          client.once('guildCreate', (g) => resolve(`${g.name}@${g.shardId}`)),
        );
        double.addGuild({ name: 'Later', shard: [1, 2] });
        expect(await joined).toBe('Later@1');
        // Dropping one shard leaves the other connected.
        await double.dropConnection(1, 4000);
        expect(double.connectedShards()).toEqual([0]);
        expect(await double.waitForReconnect(1)).toBe('resumed');
      },
      {},
      { shards: [0, 1], shardCount: 2 },
    ));

  it('given a short heartbeat interval, then heartbeats are acknowledged and the connection stays up', () =>
    withBot(
      async (double, client) => {
        double.addGuild({ name: 'Beats' });
        await client.login(TOKEN);
        await new Promise((resolve) => setTimeout(resolve, 350));
        expect(client.ws.ping).toBeGreaterThanOrEqual(0);
        expect(double.isConnected(0)).toBe(true);
        expect(double.gatewayEvents.filter((e) => e.kind === 'close')).toEqual([]);
      },
      { heartbeatIntervalMs: 50 },
    ));

  it('given a member posts a message, then a bot with GuildMessages but not MessageContent gets it blanked', async () => {
    const double = await startDiscordDouble();
    const client = new Client({ intents: ['Guilds', 'GuildMessages'], rest: { api: double.apiUrl } });
    try {
      const guild = double.addGuild({ name: 'Chat', members: ['alice'] });
      const seen: string[] = [];
      client.on('messageCreate', (message) => seen.push(`${message.author.username}:${message.content}`));
      await client.login(TOKEN);
      const alice = double.user('alice');
      await alice.say(guild.channel('general').id, 'hello bot');
      await alice.say(guild.channel('general').id, `<@${double.botUserId}> ping`);
      await expect.poll(() => seen).toEqual(['alice:', `alice:<@${double.botUserId}> ping`]);
      expect(double.channelMessages(guild.channel('general').id).map((m) => m.content)).toEqual([
        'hello bot',
        `<@${double.botUserId}> ping`,
      ]);
    } finally {
      await client.destroy();
      await double.stop();
    }
  });

  it('given a configured token, then a client with another token is refused', () =>
    withBot(
      async (_double, client) => {
        const error = await client.login('wrong-token').catch((e: unknown) => e);
        expect(String(error)).toMatch(/token/i);
      },
      { token: TOKEN },
    ));
});
