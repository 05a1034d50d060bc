import {
  CallbackType,
  type DiscordDouble,
  ErrorCode,
  INTERACTION_RESPONSE_WINDOW_MS,
  INTERACTION_TOKEN_LIFETIME_MS,
  startDiscordDouble,
  type TestClock,
  testClock,
} from '@steelman/discord-double';
import { type ChatInputCommandInteraction, Client, DiscordAPIError } from 'discord.js';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';

/**
 * Discord's interaction time limits, against a bare discord.js client, on a clock the test moves on:
 * the first callback within 3 s of the dispatch (else 404 10062), one acknowledgement (else 400 40060),
 * the token's webhook routes for 15 minutes from creation (else 401 50027).
 */

const TOKEN = 'fake-token-for-tests';
const COMMANDS = [
  { name: 'ping', description: 'Ping' },
  { name: 'slow', description: 'Answers when the test says so' },
  { name: 'later', description: 'Defers, then edits when the test says so' },
];

/** A test-controlled step in the bot: the handler waits on it, the test releases it. */
class Gate {
  private waiters: (() => void)[] = [];
  wait(): Promise<void> {
    return new Promise((resolve) => this.waiters.push(resolve));
  }
  /** Resolves once a handler is waiting, so the test moves the clock only after the dispatch. */
  async waiting(): Promise<void> {
    while (this.waiters.length === 0) await new Promise((resolve) => setTimeout(resolve, 5));
  }
  release(): void {
    for (const resolve of this.waiters.splice(0)) resolve();
  }
}

/** What the bot's last handler threw or did, for the test to inspect. */
interface Outcome {
  error?: unknown;
  done?: boolean;
}

const codeOf = (error: unknown) =>
  error instanceof DiscordAPIError ? { status: error.status, code: error.code } : { error: String(error) };

describe('Discord interaction time limits', () => {
  let double: DiscordDouble;
  let client: Client;
  let clock: TestClock;
  let channel: string;
  const gate = new Gate();
  let outcome: Outcome = {};
  let onLater: (interaction: ChatInputCommandInteraction) => Promise<void> = async () => {};

  beforeAll(async () => {
    clock = testClock();
    double = await startDiscordDouble({ clock: clock.now });
    channel = double.addGuild({ name: 'Clockwork', members: ['alice'] }).channel('general').id;
    client = new Client({ intents: ['Guilds'], rest: { api: double.apiUrl } });
    client.on('interactionCreate', (interaction) => {
      if (!interaction.isChatInputCommand()) return;
      const run = async () => {
        if (interaction.commandName === 'ping') await interaction.reply('pong');
        if (interaction.commandName === 'slow') {
          await gate.wait();
          await interaction.reply('at last');
        }
        if (interaction.commandName === 'later') {
          await interaction.deferReply();
          await gate.wait();
          await onLater(interaction);
        }
      };
      // The outcome of the test that sent this interaction (a test can end before its handler does).
      const mine = outcome;
      run().then(
        () => {
          mine.done = true;
        },
        (error: unknown) => {
          mine.error = error;
        },
      );
    });
    await client.login(TOKEN);
    await client.application?.commands.set(COMMANDS);
  });

  afterAll(async () => {
    await client?.destroy();
    await double?.stop();
  });

  beforeEach(() => {
    outcome = {};
  });

  const settled = async () => {
    while (!outcome.done && outcome.error === undefined) await new Promise((r) => setTimeout(r, 5));
  };

  it('given the bot answers within 3 s, then the callback is accepted and its latency is recorded', async () => {
    const handle = await double.user('alice').slash(channel, 'ping');
    expect((await handle.reply()).data?.content).toBe('pong');
    expect(handle.firstCallbackMs).not.toBeNull();
    expect(handle.firstCallbackMs).toBeLessThan(INTERACTION_RESPONSE_WINDOW_MS);
    expect(handle.lateCallbackMs).toBeNull();
    const latency = double.interactionLatencies().find((l) => l.interactionId === handle.id);
    expect(latency).toMatchObject({ label: '/ping', dispatched: true, lateCallbackMs: null });
    expect(latency?.firstCallbackMs).toBe(handle.firstCallbackMs);
  });

  it('given the first callback comes 2.9 s after the dispatch, then it is still accepted', async () => {
    const handle = await double.user('alice').slash(channel, 'slow');
    await gate.waiting();
    clock.advance(2_900);
    gate.release();
    await settled();
    expect(outcome.error).toBeUndefined();
    expect((await handle.reply()).data?.content).toBe('at last');
    expect(handle.firstCallbackMs).toBeGreaterThanOrEqual(2_900);
    expect(handle.firstCallbackMs).toBeLessThanOrEqual(INTERACTION_RESPONSE_WINDOW_MS);
  });

  it('given the first callback comes more than 3 s after the dispatch, then it fails with 404 10062 Unknown interaction and nothing is posted', async () => {
    const before = double.channelMessages(channel).length;
    const handle = await double.user('alice').slash(channel, 'slow');
    await gate.waiting();
    clock.advance(3_001);
    gate.release();
    await settled();
    expect(codeOf(outcome.error)).toEqual({ status: 404, code: ErrorCode.UnknownInteraction });
    expect((outcome.error as Error).message).toBe('Unknown interaction');
    expect(handle.acknowledged).toBe(false);
    expect(handle.firstCallbackMs).toBeNull();
    expect(handle.lateCallbackMs).toBeGreaterThanOrEqual(3_001);
    expect(double.channelMessages(channel)).toHaveLength(before);
    expect(double.slowInteractions().map((l) => l.interactionId)).toContain(handle.id);
    await expect(handle.reply(50)).rejects.toThrow(/refused with 10062 Unknown interaction/);
  });

  it('given an interaction already acknowledged, then a second callback fails with 400 40060', async () => {
    const handle = await double.user('alice').slash(channel, 'ping');
    await handle.reply();
    const response = await fetch(`${double.apiUrl}/v10/interactions/${handle.id}/${handle.token}/callback`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ type: CallbackType.ChannelMessageWithSource, data: { content: 'again' } }),
    });
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ code: ErrorCode.InteractionAlreadyAcknowledged });
    expect(handle.callbacks()).toHaveLength(1);
  });

  it('given a deferred reply, when the bot edits it 14 minutes later, then the edit and a follow-up are accepted', async () => {
    onLater = async (interaction) => {
      await interaction.editReply('fourteen minutes on');
      await interaction.followUp('and a follow-up');
    };
    const handle = await double.user('alice').slash(channel, 'later');
    await gate.waiting();
    clock.advance(14 * 60_000);
    gate.release();
    await settled();
    expect(outcome.error).toBeUndefined();
    expect(handle.messages().map((m) => m.content)).toEqual(['fourteen minutes on', 'and a follow-up']);
  });

  it.each([
    ['edits the original', (i: ChatInputCommandInteraction) => i.editReply('too late').then(() => undefined)],
    ['sends a follow-up', (i: ChatInputCommandInteraction) => i.followUp('too late').then(() => undefined)],
    ['deletes the original', (i: ChatInputCommandInteraction) => i.deleteReply()],
  ])(
    'given a deferred reply, when the bot %s 15 minutes after the interaction was created, then it fails with 401 50027 Invalid Webhook Token and nothing changes',
    async (_what, act) => {
      onLater = act;
      const handle = await double.user('alice').slash(channel, 'later');
      await gate.waiting();
      clock.advance(INTERACTION_TOKEN_LIFETIME_MS);
      gate.release();
      await settled();
      expect(codeOf(outcome.error)).toEqual({ status: 401, code: ErrorCode.InvalidWebhookToken });
      expect((outcome.error as Error).message).toBe('Invalid Webhook Token');
      expect(handle.original()?.loading).toBe(true);
      expect(handle.followUps()).toEqual([]);
    },
  );

  it('given a follow-up message, when the bot edits it after 15 minutes, then PATCH /webhooks/{app}/{token}/messages/{id} fails with 50027 too', async () => {
    let followUpId = '';
    onLater = async (interaction) => {
      await interaction.editReply('done');
      followUpId = (await interaction.followUp('follow-up')).id;
      clock.advance(INTERACTION_TOKEN_LIFETIME_MS);
      await interaction.webhook.editMessage(followUpId, 'edited too late');
    };
    const handle = await double.user('alice').slash(channel, 'later');
    await gate.waiting();
    gate.release();
    await settled();
    expect(codeOf(outcome.error)).toEqual({ status: 401, code: ErrorCode.InvalidWebhookToken });
    expect(double.message(followUpId)?.content).toBe('follow-up');
    expect(handle.followUps().map((m) => m.content)).toEqual(['follow-up']);
  });

  it('given every interaction so far, then interactionLatencies lists each and slowInteractions only the late ones', () => {
    const latencies = double.interactionLatencies();
    expect(latencies.length).toBeGreaterThanOrEqual(9);
    const slow = double.slowInteractions();
    expect(slow).toHaveLength(1);
    expect(slow[0]).toMatchObject({ label: '/slow', firstCallbackMs: null });
    expect(slow[0]?.lateCallbackMs).toBeGreaterThan(INTERACTION_RESPONSE_WINDOW_MS);
    for (const l of latencies.filter(
      (x) => x !== latencies.find((y) => y.interactionId === slow[0]?.interactionId),
    ))
      expect(l.firstCallbackMs).not.toBeNull();
  });
});
