import {
  CallbackType,
  type DoubleMessage,
  type DoubleUser,
  type InteractionHandle,
} from '@steelman/discord-double';
import { describe, expect, it } from 'vitest';
import { Bot, buttonId, buttonIds, embedText, eventually, startWorld, type World } from './harness.js';

/**
 * kill -9 anywhere: a scripted debate (the `crash` test format: four minute-long speeches, then
 * two short ones that run out) is played while the bot is killed at seeded random points of every phase
 * (lobby clicks, prep, a submitted speech, around the deadline, while the result is computed), then
 * started again on the same store; members resubmit what was never acknowledged, as a person would.
 * The channel must end exactly as an uninterrupted run's: one lobby card, every turn announced once,
 * every speech posted once, the same result card with its rating changes, the same ratings.
 */
const SEED = Number(process.env.CRASH_SEED ?? Math.floor(Math.random() * 2 ** 31));
const RUNS = 2;

/** mulberry32: a small seeded generator, so a failing run can be replayed with CRASH_SEED. */
const generator = (seed: number) => {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
};

const SPEECHES = [
  'Prediction of the next token is not a model of the world. Because a model of text learns what people wrote, not what happens when you act, it cannot plan; so it cannot reason about consequences.',
  'Scaling has already bought abilities nobody designed: models trained only to predict text now solve problems step by step, which means prediction at scale builds the structure that reasoning needs.',
  'My opponent calls those abilities emergent, but they fail as soon as the problem leaves the training distribution. Since grounding is missing, the gains are surface patterns, so scaling alone is a dead end.',
  'They say the gains are surface patterns, yet models trained on text alone track board states and positions inside their activations, so the world model my opponent wants is already forming as scale grows.',
];

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * What a member sees, with what differs between independent runs taken out: ids, clock times, and
 * the coaching's "your [card] would have answered it", which names a card of the hand dealt (each
 * run deals from its own random seed; a restart never changes a hand).
 */
const normalise = (world: World, text: string) => {
  let out = text
    .replace(/<t:\d+:[a-zA-Z]>/g, '<t>')
    .replace(/; your \[[A-Z]\d+\][^\n]*? would have answered it/g, '');
  for (const member of world.guild.members()) out = out.replaceAll(member.id, member.username);
  return out;
};

/** One run of the script; with `kills`, the bot is killed once around every step. */
const play = async (kills: (() => number) | undefined) => {
  const world = await startWorld({ channels: ['debates'] });
  let bot: Bot | undefined;
  let killed = 0;
  try {
    await Bot.deployCommands(world);
    bot = await Bot.start(world);
    const channel = world.channel('debates');
    const alice = world.user('alice');
    const bob = world.user('bob');
    // The channel's messages and its threads' (Begin moves the debate into one), in posting order.
    const messages = () =>
      [
        ...world.double.channelMessages(channel),
        ...world.double.threads(channel).flatMap((t) => world.double.channelMessages(t.id)),
      ].sort((a, b) => (BigInt(a.id) < BigInt(b.id) ? -1 : 1));

    /** Kills the bot `delay` ms from now (the step is under way meanwhile), then starts it again. */
    const crashAfter = async (delay: number) => {
      await sleep(delay);
      await bot?.crash();
      killed++;
      bot = await Bot.start(world);
    };

    /**
     * A button that is gone was for a step already past (buttons go when their turn or phase ends):
     * after a restart, the action had landed before the crash.
     */
    const passed = (error: unknown): undefined => {
      if (error instanceof Error && /no button matching|has no component/.test(error.message))
        return undefined;
      throw error;
    };

    /** Sends an action; in a crash run the bot dies somewhere around it. Resolves with whether it was acknowledged. */
    const step = async (send: () => Promise<InteractionHandle>): Promise<boolean> => {
      // A closure that reads a button throws before sending: as a rejection, so `passed` sees it.
      const sent = Promise.resolve().then(send);
      const crash = kills ? crashAfter(Math.floor(kills() * 150)) : undefined;
      const handle = await sent.catch(passed);
      if (!handle) {
        await crash;
        return true;
      }
      const acknowledged = await handle.response(crash ? 4000 : 10_000).then(
        () => true,
        () => false,
      );
      await crash;
      return acknowledged;
    };

    /** Sends an action until it is acknowledged (refused as already done counts: then it had landed). */
    const untilAcknowledged = async (send: () => Promise<InteractionHandle>) => {
      if (await step(send)) return;
      for (let attempt = 0; attempt < 5; attempt++) {
        const handle = await Promise.resolve().then(send).catch(passed);
        if (!handle) return;
        if (
          await handle.response(10_000).then(
            () => true,
            () => false,
          )
        )
          return;
      }
      throw new Error('an action was never acknowledged');
    };

    // The lobby card, with or without its join buttons (they go once the debate begins).
    const lobbyCards = () => messages().filter((m) => /^Debate M01/.test(String(m.embeds[0]?.title)));
    await untilAcknowledged(() =>
      alice.slash(channel, 'debate', { subcommand: 'start', options: { motion: 'M01', format: 'crash' } }),
    );
    const lobby = await eventually(() => lobbyCards()[0], 10_000, 'the lobby card');
    const card = () => world.double.message(lobby.id) as DoubleMessage;
    await untilAcknowledged(() => alice.click(card(), buttonId(card(), /:join:\d+:lecun$/)));
    await untilAcknowledged(() => bob.click(card(), buttonId(card(), /:join:\d+:scaling$/)));
    await untilAcknowledged(() => alice.click(card(), buttonId(card(), /:begin:/)));
    const begun = await eventually(
      () => messages().find((m) => m.content.includes('the debate has begun')),
      10_000,
      'the debate to begin',
    );
    for (const member of [alice, bob])
      await untilAcknowledged(() => member.click(begun, buttonId(begun, /:ready:/)));

    const turns = () => messages().filter((m) => m.content.startsWith('🎤'));
    const order: DoubleUser[] = [alice, bob, alice, bob];
    for (const [turn, speaker] of order.entries()) {
      const announcement = await eventually(() => turns()[turn], 10_000, `turn ${turn + 1}`);
      const speech = SPEECHES[turn] as string;
      await untilAcknowledged(async () => {
        const click = await speaker.click(announcement, buttonId(announcement, /:speak:/));
        // After a restart the speech may have landed already: Speak then says the turn is over.
        const first = await click.reply(4000).catch(() => undefined);
        if (first?.type !== CallbackType.Modal) return click;
        return speaker.submitModal(await click.modal(), { speech });
      });
    }
    // The last two speeches run out: the bot dies around the last deadline, and again while the result is made.
    const last = await eventually(() => turns()[5], 20_000, 'turn 6');
    if (kills) {
      const deadline = Number(/<t:(\d+):R>/.exec(last.content)?.[1]) * 1000;
      await crashAfter(Math.max(0, deadline - Date.now() - 300 + Math.floor(kills() * 600)));
      await crashAfter(Math.floor(kills() * 200));
    }
    const result = await eventually(
      () => messages().find((m) => m.embeds.some((e) => /win|draw|No decision/.test(String(e.title)))),
      20_000,
      'the result card',
    );
    await sleep(500); // anything still to come (a duplicate) would show by now
    const stats = [];
    for (const member of [alice, bob]) {
      const reply = await (await member.slash(channel, 'stats', {})).response(10_000);
      stats.push(normalise(world, embedText(reply)));
    }
    return {
      killed,
      lobbyCards: lobbyCards().map((m) => ({
        text: normalise(world, embedText(m)),
        buttons: buttonIds(m).length,
      })),
      turns: turns().map((m) => normalise(world, m.content)),
      speeches: messages()
        .filter((m) => m.content.startsWith('🗣️'))
        .map((m) => normalise(world, embedText(m))),
      ended: messages()
        .filter((m) => /^(⏱️|⏭️|✅)/.test(m.content))
        .map((m) => normalise(world, m.content)),
      result: normalise(world, embedText(result)),
      stats,
      errors: bot?.errors() ?? [],
    };
  } catch (error) {
    // What the bot of the moment was doing, for a failure in CI.
    const logs = (bot?.logs ?? []).slice(-25).join('\n');
    throw new Error(
      `${error instanceof Error ? error.message : String(error)} (after ${killed} kills)\n${logs}`,
      {
        cause: error,
      },
    );
  } finally {
    await bot?.stop('SIGKILL');
    await world.close();
  }
};

describe('kill -9 anywhere in a debate', () => {
  it(`given the bot killed at seeded random points of every phase (seed ${SEED}), then each run ends exactly as an uninterrupted one`, async () => {
    const reference = await play(undefined);
    expect(reference.lobbyCards).toHaveLength(1);
    expect(reference.turns).toHaveLength(6);
    expect(reference.speeches).toHaveLength(4);
    expect(reference.ended).toHaveLength(2);
    expect(reference.result).toMatch(/rating \d+ → \d+/);

    const random = generator(SEED);
    let kills = 0;
    for (let run = 0; run < RUNS; run++) {
      const crashed = await play(random);
      kills += crashed.killed;
      const context = `seed ${SEED} (CRASH_SEED=${SEED} to replay), run ${run + 1}`;
      expect(crashed.lobbyCards, context).toEqual(reference.lobbyCards);
      expect(crashed.turns, context).toEqual(reference.turns);
      expect(crashed.speeches, context).toEqual(reference.speeches);
      expect(crashed.ended, context).toEqual(reference.ended);
      expect(crashed.result, context).toBe(reference.result);
      expect(crashed.stats, context).toEqual(reference.stats);
      expect(crashed.errors, context).toEqual([]);
    }
    expect(kills).toBeGreaterThanOrEqual(20);
  }, 300_000);
});
