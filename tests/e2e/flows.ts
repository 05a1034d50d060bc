import { readFileSync } from 'node:fs';
import path from 'node:path';
import {
  CallbackType,
  ComponentType,
  type DiscordDouble,
  type DoubleMessage,
  type DoubleUser,
  InteractionHandle,
  InteractionType,
  type ModalHandle,
} from '@steelman/discord-double';
import { createInteraction, type DoubleContext } from '@steelman/discord-double/internals';
import { expect } from 'vitest';
import { buttonId, buttonIds, embedText, eventually, type World } from './harness.js';

/**
 * Steps of a debate as players take them, shared by the e2e flow tests: one `Table` per debate,
 * scoped to the messages posted after its lobby card, so several debates can share a channel.
 */
export type Side = 'lecun' | 'scaling';

/** The bot's answer to an interaction, which must be private (ephemeral, seen by the actor only). */
export const privately = async (handle: InteractionHandle | Promise<InteractionHandle>) => {
  const reply = await (await handle).response();
  expect(reply.ephemeral, `expected a private reply, got: ${embedText(reply)}`).toBe(true);
  return reply;
};

/**
 * A private "are you sure" (src/discord/confirm.ts) answered with Confirm (or Keep): resolves with
 * the answer that replaced the question, which is private too.
 */
export const confirmed = async (
  user: DoubleUser,
  handle: InteractionHandle | Promise<InteractionHandle>,
  choice: 'confirm' | 'keep' = 'confirm',
) => {
  const question = await privately(handle);
  const id = buttonIds(question).find((b) =>
    choice === 'keep' ? b === 's1:keep' : /^s1:(confirm|season-new):/.test(b),
  );
  if (!id) throw new Error(`expected a confirmation, got: ${embedText(question)}`);
  const answer = await privately(user.click(question, id));
  expect(buttonIds(answer), 'the answered question keeps no buttons').toEqual([]);
  return answer;
};

/**
 * A click on a button the bot has since removed, as a client still showing the old message sends it
 * (the double's driver refuses clicks on buttons that are gone, so it is built through its factory).
 */
export const staleClick = (world: World, user: DoubleUser, message: DoubleMessage, customId: string) => {
  const ctx = (world.double as unknown as { ctx: DoubleContext }).ctx;
  const channel = ctx.state.channels.get(message.channelId);
  if (!channel) throw new Error(`unknown channel ${message.channelId}`);
  const record = createInteraction(ctx, {
    type: InteractionType.MessageComponent,
    userId: user.id,
    channel,
    data: { custom_id: customId, component_type: ComponentType.Button },
    label: `stale button "${customId}"`,
    commandName: null,
    sourceMessage: ctx.state.messages.get(message.id) ?? null,
  });
  return new InteractionHandle(ctx, record, (modal, values) =>
    (world.double as DiscordDouble).user(modal.userId).submitModal(modal, values),
  );
};

/** Waits until a message the bot posted has no button matching `pattern` left. */
export const buttonGone = (world: World, message: DoubleMessage, pattern: RegExp) =>
  eventually(
    () => {
      const now = world.double.message(message.id);
      return now && !buttonIds(now).some((id) => pattern.test(id)) ? now : undefined;
    },
    5000,
    `no ${pattern} button left on message ${message.id}`,
  );

/** A speech long enough for the automatic rubric, citing `card` when given. */
export const speechText = (label: string, card?: string) =>
  `First, ${label}: next-token prediction has no world model${card ? ` [${card}]` : ''}. ` +
  'Second, because planning needs a model of consequences, a predictor of text cannot plan; therefore it cannot reason. ' +
  'My opponent said scaling fixes this, however scaling has not produced reliable planning. '.repeat(2) +
  `In conclusion, the evidence favours my side (${label}).`;

/**
 * The lobby card a `/debate start` posted: the host hears privately that the lobby is open, and the
 * card goes to the channel (its join buttons name the debate, whose id is the interaction's).
 */
export const lobbyCardOf = async (
  world: World,
  channel: string,
  handle: InteractionHandle | Promise<InteractionHandle>,
): Promise<DoubleMessage> => {
  const start = await handle;
  const answer = await start.response();
  expect(answer.ephemeral, embedText(answer)).toBe(true);
  const card = await eventually(
    () =>
      world.double
        .channelMessages(channel)
        .find((m) => buttonIds(m).some((id) => id.startsWith(`s1:join:${start.id}:`))),
    5000,
    'the lobby card',
  );
  expect(card.ephemeral).toBe(false);
  return card;
};

export interface OpenOptions {
  motion?: string;
  format?: string;
  mode?: 'text' | 'live';
  size?: '1v1' | '2v2';
  judging?: 'auto' | 'community';
}

export class Table {
  private constructor(
    readonly world: World,
    /** The channel the debate opened in: its lobby card stays there. */
    readonly home: string,
    readonly host: DoubleUser,
    /** The lobby card as first posted. */
    readonly card: DoubleMessage,
  ) {}

  /**
   * `/debate start` by `host` in `channelName`: the host hears privately that the lobby is open, and
   * the lobby card is posted in the channel (its join buttons name the debate: the interaction's id).
   */
  static async open(world: World, host: DoubleUser, channelName: string, options: OpenOptions = {}) {
    const channel = world.channel(channelName);
    const handle = await host.slash(channel, 'debate', { subcommand: 'start', options: { ...options } });
    return new Table(world, channel, host, await lobbyCardOf(world, channel, handle));
  }

  get debateId(): string {
    const id = /^s1:join:(\d+):/.exec(buttonId(this.card, /:join:/))?.[1];
    if (!id) throw new Error('no debate id on the lobby card');
    return id;
  }

  /** The lobby card as it is now. */
  lobby(): DoubleMessage {
    const now = this.world.double.message(this.card.id);
    if (!now) throw new Error('the lobby card is gone');
    return now;
  }

  /**
   * Where the debate is held, and commands about it are typed: the thread Begin started from the lobby card (a thread started from a
   * message has the message's id), or the channel when it stayed there.
   */
  get channel(): string {
    return this.world.double.threads(this.home).some((t) => t.id === this.card.id) ? this.card.id : this.home;
  }

  /** The debate's public messages since the lobby card: the channel's, and its thread's once it has one. */
  messages(): DoubleMessage[] {
    const all = this.world.double.channelMessages(this.home);
    const since = all.slice(all.findIndex((m) => m.id === this.card.id) + 1);
    const venue = this.channel;
    if (venue === this.home) return since;
    const byId = (a: DoubleMessage, b: DoubleMessage) => (BigInt(a.id) < BigInt(b.id) ? -1 : 1);
    return [...since, ...this.world.double.channelMessages(venue)].sort(byId);
  }

  /** Waits (bounded) for the first message since the lobby that matches. */
  waitFor(predicate: (m: DoubleMessage) => boolean, what: string, timeoutMs = 5000): Promise<DoubleMessage> {
    return eventually(() => this.messages().find(predicate), timeoutMs, what);
  }

  /** The users seated on each side, read from the lobby card's side fields. */
  seated(): Record<Side, string[]> {
    const fields = (this.lobby().embeds[0]?.fields ?? []) as { name: string; value: string }[];
    const side = (pattern: RegExp) => {
      const field = fields.find((f) => pattern.test(f.name));
      return [...(field?.value.matchAll(/<@(\d+)>/g) ?? [])].map((m) => m[1] as string);
    };
    return { lecun: side(/LeCun/), scaling: side(/Scaling/) };
  }

  /** Presses a lobby join button; the bot answers on the card itself or privately. */
  join(user: DoubleUser, side: Side | 'auto'): Promise<InteractionHandle> {
    return user.click(this.lobby(), buttonId(this.lobby(), new RegExp(`:join:\\d+:${side}$`)));
  }

  /** Joins and checks the card was updated in place to show the user. */
  /** Seats a 2v2 by the buttons: speaker 1 of each side first, then speaker 2 of each. */
  async seatTeams(
    [lecun1, lecun2]: readonly [DoubleUser, DoubleUser],
    [scaling1, scaling2]: readonly [DoubleUser, DoubleUser],
  ) {
    await this.seat(lecun1, 'lecun');
    await this.seat(scaling1, 'scaling');
    await this.seat(lecun2, 'lecun');
    await this.seat(scaling2, 'scaling');
  }

  async seat(user: DoubleUser, side: Side) {
    const handle = await this.join(user, side);
    const answer = await handle.reply();
    expect(answer.type, `${user.username} should be seated (the card updated in place)`).toBe(
      CallbackType.UpdateMessage,
    );
    expect(this.seated()[side]).toContain(user.id);
  }

  /** The host presses Begin; resolves with the "the debate has begun" message. */
  async begin(by: DoubleUser = this.host): Promise<DoubleMessage> {
    await (await by.click(this.lobby(), buttonId(this.lobby(), /:begin:/))).reply();
    return this.waitFor((m) => m.content.includes('the debate has begun'), 'the debate to begin');
  }

  /** Every debater presses Ready on the begun message. */
  async readyAll(begun: DoubleMessage, debaters: readonly DoubleUser[]) {
    for (const d of debaters) await privately(d.click(begun, buttonId(begun, /:ready:/)));
  }

  /** The turn announcements (🎤) so far. */
  turns(): DoubleMessage[] {
    return this.messages().filter((m) => m.content.startsWith('🎤'));
  }

  /** Waits for the announcement of turn `index` (0-based). */
  turn(index: number, timeoutMs = 5000): Promise<DoubleMessage> {
    return eventually(() => this.turns()[index], timeoutMs, `turn ${index + 1}`);
  }

  /** The posted speeches (🗣️) so far. */
  speeches(): DoubleMessage[] {
    return this.messages().filter((m) => m.content.startsWith('🗣️'));
  }

  /** The speaker of turn `index` presses Speak and submits `text`; resolves with the posted speech. */
  async speak(speaker: DoubleUser, index: number, text: string): Promise<DoubleMessage> {
    const announcement = await this.turn(index);
    expect(announcement.content).toContain(`<@${speaker.id}>`);
    expect(announcement.mentions).toEqual([speaker.id]);
    const modal: ModalHandle = await (
      await speaker.click(announcement, buttonId(announcement, /:speak:/))
    ).modal();
    expect(modal.field('speech')).toBeDefined();
    await privately(speaker.submitModal(modal, { speech: text }));
    return this.waitFor(
      (m) => m.content.startsWith('🗣️') && embedText(m).includes(text.slice(0, 60)),
      `speech ${index + 1}`,
    );
  }

  /** The speaker of turn `index` presses Pass (text mode) or Done (live mode). */
  async pass(speaker: DoubleUser, index: number): Promise<void> {
    const announcement = await this.turn(index);
    expect(announcement.mentions).toEqual([speaker.id]);
    const click = speaker.click(announcement, buttonId(announcement, /:done:/));
    // A text-mode Pass asks first; a live-mode Done does not.
    const ended = buttonIds(announcement).some((id) => id.includes(':speak:'))
      ? await confirmed(speaker, click)
      : await privately(click);
    expect(ended.content).toBe('Turn ended.');
  }

  /** The result card (where the debate is held: the channel only gets its summary). */
  result(timeoutMs = 5000): Promise<DoubleMessage> {
    return this.waitFor(
      (m) => m.channelId === this.channel && m.embeds.some((e) => /^(🏆|🤝|📝)/.test(String(e.title ?? ''))),
      'the result card',
      timeoutMs,
    );
  }
}

/** The user ids in a message's `<@id>` mentions, in order. */
export const mentionedIds = (text: string) => [...text.matchAll(/<@(\d+)>/g)].map((m) => m[1] as string);

/** A judge opens the ballot form and submits it; resolves with the (private) reply. */
export const submitBallot = async (
  judge: DoubleUser,
  judging: DoubleMessage,
  scores: Readonly<Record<string, string>>,
  winner: string,
) => {
  const modal = await (await judge.click(judging, buttonId(judging, /:ballot:/))).modal();
  const values: Record<string, string> = { winner };
  for (const [userId, typed] of Object.entries(scores)) values[`score-${userId}`] = typed;
  return { modal, reply: await privately(judge.submitModal(modal, values)) };
};

/** The deck the bot under test loaded (the shipped data plus the test format), for content-independent assertions. */
export const deckData = (world: World) => {
  const read = <T>(name: string) =>
    JSON.parse(readFileSync(path.join(world.dataDir, `${name}.json`), 'utf8')) as T;
  return {
    motions: read<{ motions: { id: string; text: string; affirms: string }[] }>('motions').motions,
    cards: read<{ cards: { id: string; side: string; title: string; claim: string }[] }>('evidence').cards,
  };
};

export const motionText = (world: World, id: string) => {
  const motion = deckData(world).motions.find((m) => m.id === id);
  if (!motion) throw new Error(`no motion ${id} in the test deck`);
  return motion.text;
};
