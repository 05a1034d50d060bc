import { apiCommand, commandsIn } from './commands.js';
import { INTERACTION_RESPONSE_WINDOW_MS, Intent, THREAD_TYPES } from './constants.js';
import type { DoubleContext } from './context.js';
import { DoubleUser, privateMessagesFor } from './driver.js';
import { emitChannelEvent } from './events.js';
import { FaultInjector, type FaultRule } from './faults.js';
import { Gateway } from './gateway.js';
import { InteractionHandle, type InteractionLatency, latencyOf } from './handles.js';
import type { JsonObject } from './json.js';
import { ROUTES } from './rest-routes.js';
import { apiGuildCreate, apiMember, apiRole } from './serialize.js';
import { DoubleHttpServer } from './server.js';
import {
  buildGuild,
  type ChannelSpec,
  type GuildSpec,
  type MemberSpec,
  putChannel,
  putMember,
  putRole,
  type RoleSpec,
} from './setup.js';
import type {
  ChannelRecord,
  GatewayEventRecord,
  GuildRecord,
  MessageEventKind,
  RequestRecord,
} from './state.js';
import { DoubleState } from './state.js';
import { type DoubleAttachment, type DoubleMessage, toDoubleAttachment, toDoubleMessage } from './views.js';
import { DoubleTimeoutError } from './wait.js';

export interface DiscordDoubleOptions {
  /** The application id (and bot user id). Defaults to a deterministic snowflake. */
  readonly applicationId?: string;
  readonly botUsername?: string;
  /** When set, the bot must log in with exactly this token (REST 401 and gateway 4004 otherwise). */
  readonly token?: string;
  /** HELLO's heartbeat_interval. Default 41250, like Discord. */
  readonly heartbeatIntervalMs?: number;
  /** `shards` in GET /gateway/bot, what a client with `shards: 'auto'` spawns. Default 1. */
  readonly recommendedShards?: number;
  /** Default bound for every wait (handle.reply(), waitForMessage()...). Default 5000 ms. */
  readonly timeoutMs?: number;
  /** Members may only run registered commands, with options matching the definition. Default true. */
  readonly strictCommands?: boolean;
  /** Enforce Discord's length/count limits on messages, modals and choices. Default true. */
  readonly validate?: boolean;
  /** Print one line per REST request. Default false. */
  readonly logRequests?: boolean;
  readonly host?: string;
  /** Default 0: an ephemeral port. */
  readonly port?: number;
  /**
   * The timestamp generated snowflakes start from; the n-th id encodes base + n ms, so ids are the
   * same on every run. Default 2025-01-01T00:00:00Z. Pass 'now' when the bot derives ages from ids
   * (interaction.createdTimestamp, message.createdTimestamp, bulkDelete's filterOld).
   */
  readonly snowflakeBaseTime?: number | 'now';
  /** `application.flags` in READY. */
  readonly applicationFlags?: number;
  /** Dispatches kept per session for RESUME. Default 10000. */
  readonly replayBufferSize?: number;
  /** Largest accepted request body. Default 25 MiB. */
  readonly maxBodyBytes?: number;
  /**
   * The double's clock, ms since the epoch. Default `Date.now()`. Discord's time limits read it (3 s for
   * the first callback, 15 minutes for the interaction token, a few minutes for `enforce_nonce`), as do
   * recorded times and message timestamps; pass `testClock().now` to move time on without waiting.
   */
  readonly clock?: () => number;
  /** Faults in force from the start; change them at run time with `double.faults`. */
  readonly faults?: FaultRule | readonly FaultRule[];
}

export interface WaitForMessageOptions {
  readonly timeoutMs?: number;
  /** Only consider messages created after this one (an id or a message snapshot). */
  readonly after?: string | { readonly id: string };
}

export interface DoubleMessageEvent {
  readonly kind: MessageEventKind;
  readonly message: DoubleMessage;
}

/** A channel as tests see it. */
export interface DoubleChannel {
  readonly id: string;
  readonly type: number;
  readonly guildId: string | null;
  readonly name: string | null;
  readonly parentId: string | null;
  readonly topic: string | null;
  readonly deleted: boolean;
  /** For threads. */
  readonly thread: {
    readonly ownerId: string;
    readonly archived: boolean;
    readonly locked: boolean;
    readonly invitable: boolean;
    readonly memberIds: readonly string[];
  } | null;
  /** For DMs: the user on the other side. */
  readonly recipientIds: readonly string[];
}

const toDoubleChannel = (c: ChannelRecord): DoubleChannel => ({
  id: c.id,
  type: c.type,
  guildId: c.guildId,
  name: c.name,
  parentId: c.parentId,
  topic: c.topic,
  deleted: c.deleted,
  thread: c.thread
    ? {
        ownerId: c.thread.ownerId,
        archived: c.thread.archived,
        locked: c.thread.locked,
        invitable: c.thread.invitable,
        memberIds: [...c.thread.memberIds],
      }
    : null,
  recipientIds: [...c.recipientIds],
});

/** A guild created by `addGuild`, with lookups by name. */
export class DoubleGuild {
  constructor(
    private readonly double: DiscordDouble,
    private readonly state: DoubleState,
    readonly id: string,
  ) {}

  private get record(): GuildRecord {
    const guild = this.state.guilds.get(this.id);
    if (!guild) throw new Error(`guild ${this.id} no longer exists`);
    return guild;
  }

  get name(): string {
    return this.record.name;
  }

  get ownerId(): string {
    return this.record.ownerId;
  }

  /** The id of @everyone (equal to the guild id). */
  get everyoneRoleId(): string {
    return this.id;
  }

  /** The bot's managed role. */
  get botRoleId(): string {
    return this.record.botRoleId;
  }

  /** A channel of this guild by name (or id). Throws, listing the names, when there is none. */
  channel(nameOrId: string): DoubleChannel {
    const name = nameOrId.replace(/^#/, '');
    const channel = this.record.channelIds
      .map((id) => this.state.channels.get(id))
      .find((c) => c && !c.deleted && (c.id === nameOrId || c.name === name));
    if (!channel) {
      const names = this.channels().map((c) => c.name);
      throw new Error(`guild ${this.name} has no channel "${nameOrId}" (channels: ${names.join(', ')})`);
    }
    return toDoubleChannel(channel);
  }

  channels(): DoubleChannel[] {
    return this.record.channelIds.flatMap((id) => {
      const channel = this.state.channels.get(id);
      return channel && !channel.deleted ? [toDoubleChannel(channel)] : [];
    });
  }

  /** A role by name (or id). */
  role(nameOrId: string): { readonly id: string; readonly name: string; readonly permissions: bigint } {
    const role = this.record.roleIds
      .map((id) => this.state.roles.get(id))
      .find((r) => r && (r.id === nameOrId || r.name === nameOrId));
    if (!role) throw new Error(`guild ${this.name} has no role "${nameOrId}"`);
    return { id: role.id, name: role.name, permissions: role.permissions };
  }

  /** A member (not the bot) by username or id. */
  member(usernameOrId: string): DoubleUser {
    const user = this.double.user(usernameOrId);
    if (!this.state.member(this.id, user.id))
      throw new Error(`${user.username} is not a member of ${this.name}`);
    return user;
  }

  /** Every member except the bot. */
  members(): DoubleUser[] {
    return this.record.memberIds
      .filter((id) => id !== this.state.botUserId)
      .map((id) => this.double.user(id));
  }

  /** Role ids a member has now (the bot may have changed them). */
  memberRoles(usernameOrId: string): string[] {
    const user = this.double.user(usernameOrId);
    return [...(this.state.member(this.id, user.id)?.roleIds ?? [])];
  }
}

const describeMessage = (m: DoubleMessage, index: number) =>
  `  ${index + 1}. ${m.id}${m.loading ? ' (loading)' : ''}: ${JSON.stringify(m.text.slice(0, 120))}`;

export class DiscordDouble {
  /** Pass to discord.js as `new Client({ rest: { api: double.apiUrl } })`. */
  readonly apiUrl: string;
  readonly gatewayUrl: string;
  readonly baseUrl: string;
  readonly port: number;
  readonly applicationId: string;
  /** The bot user's id (equal to the application id, as for modern bots). */
  readonly botUserId: string;
  /**
   * Fault injection: `faults.set({ route: 'POST /channels/:channel/messages', rate: 0.3, statuses: [500, 429], seed: 42 })`,
   * `faults.clear()`, `faults.counts()`, `faults.injected`.
   */
  readonly faults: FaultInjector;
  private stopped = false;

  private constructor(
    private readonly state: DoubleState,
    private readonly ctx: DoubleContext,
    private readonly gateway: Gateway,
    private readonly http: DoubleHttpServer,
    faults: FaultInjector,
    port: number,
    host: string,
  ) {
    this.faults = faults;
    this.port = port;
    this.baseUrl = `http://${host}:${port}`;
    this.apiUrl = `${this.baseUrl}/api`;
    this.gatewayUrl = `ws://${host}:${port}/gateway`;
    this.applicationId = state.applicationId;
    this.botUserId = state.botUserId;
  }

  /** Starts the HTTP + WebSocket server on an ephemeral loopback port. */
  static async start(options: DiscordDoubleOptions = {}): Promise<DiscordDouble> {
    const host = options.host ?? '127.0.0.1';
    const baseTime =
      options.snowflakeBaseTime === 'now' ? (options.clock ?? Date.now)() : options.snowflakeBaseTime;
    // The default application id is the generator's first id; that id is then skipped, whether or not it
    // was used, so every other id is the same with or without a configured application id.
    const applicationId = options.applicationId ?? new DoubleState('0', '0', baseTime).ids.next();
    const clock = options.clock ?? (() => Date.now());
    const state = new DoubleState(applicationId, applicationId, baseTime, clock);
    const faults = new FaultInjector(ROUTES, clock);
    if (options.faults !== undefined) faults.set(options.faults);
    state.ids.next();
    state.users.set(applicationId, {
      id: applicationId,
      username: options.botUsername ?? 'Steelman',
      globalName: null,
      bot: true,
      dmsOpen: false,
      locale: 'en-US',
    });
    const gateway = new Gateway(state, {
      heartbeatIntervalMs: options.heartbeatIntervalMs ?? 41_250,
      token: options.token,
      applicationFlags: options.applicationFlags ?? 0,
      replayBufferSize: options.replayBufferSize ?? 10_000,
    });
    let ctx: DoubleContext | undefined;
    const http = new DoubleHttpServer(
      () => {
        if (!ctx) throw new Error('the Discord double is not started yet');
        return ctx;
      },
      state,
      {
        token: options.token,
        logRequests: options.logRequests ?? false,
        maxBodyBytes: options.maxBodyBytes ?? 25 * 1024 * 1024,
      },
      faults,
    );
    const port = await http.listen(host, options.port ?? 0);
    const baseUrl = `http://${host}:${port}`;
    gateway.attach(http.server, '/gateway', `ws://${host}:${port}/gateway`);
    ctx = {
      state,
      gateway,
      baseUrl,
      validate: options.validate ?? true,
      timeoutMs: options.timeoutMs ?? 5000,
      strictCommands: options.strictCommands ?? true,
      recommendedShards: options.recommendedShards ?? 1,
      applicationFlags: options.applicationFlags ?? 0,
    };
    return new DiscordDouble(state, ctx, gateway, http, faults, port, host);
  }

  // ------------------------------------------------------------ world setup

  /**
   * Creates a guild with roles, channels and members. If the bot is connected, the owning shard gets
   * GUILD_CREATE (the bot "joins"); otherwise it arrives with READY.
   */
  addGuild(spec: GuildSpec): DoubleGuild {
    const guild = buildGuild(this.state, spec);
    this.gateway.dispatch('GUILD_CREATE', apiGuildCreate(this.state, guild), { guildId: guild.id });
    this.state.notifier.notify('guilds');
    return new DoubleGuild(this, this.state, guild.id);
  }

  private guildRecord(idOrName: string): GuildRecord {
    const guild =
      this.state.guilds.get(idOrName) ?? [...this.state.guilds.values()].find((g) => g.name === idOrName);
    if (!guild) {
      const names = [...this.state.guilds.values()].map((g) => g.name);
      throw new Error(`unknown guild "${idOrName}" (guilds: ${names.join(', ') || 'none'})`);
    }
    return guild;
  }

  guild(idOrName: string): DoubleGuild {
    return new DoubleGuild(this, this.state, this.guildRecord(idOrName).id);
  }

  /** Adds a member (creating the user if new); sends GUILD_MEMBER_ADD to a bot with the GuildMembers intent. */
  addMember(guildIdOrName: string, spec: MemberSpec | string): DoubleUser {
    const guild = this.guildRecord(guildIdOrName);
    const member = putMember(this.state, guild, typeof spec === 'string' ? { username: spec } : spec);
    this.gateway.dispatch(
      'GUILD_MEMBER_ADD',
      { guild_id: guild.id, ...apiMember(this.state, member) },
      { guildId: guild.id, intent: Intent.GuildMembers },
    );
    this.state.notifier.notify('members');
    return new DoubleUser(this.ctx, member.userId);
  }

  /** Adds a channel; sends CHANNEL_CREATE. */
  addChannel(guildIdOrName: string, spec: ChannelSpec | string): DoubleChannel {
    const guild = this.guildRecord(guildIdOrName);
    const channel = putChannel(this.state, guild, spec);
    emitChannelEvent(this.ctx, channel, 'CREATE');
    this.state.notifier.notify('channels');
    return toDoubleChannel(channel);
  }

  /** Adds a role (below the bot's); sends GUILD_ROLE_CREATE. */
  addRole(guildIdOrName: string, spec: RoleSpec): { readonly id: string; readonly name: string } {
    const guild = this.guildRecord(guildIdOrName);
    const botRole = this.state.roles.get(guild.botRoleId);
    const position = botRole ? botRole.position : guild.roleIds.length;
    if (botRole) botRole.position++;
    const role = putRole(this.state, guild, spec, position);
    this.gateway.dispatch(
      'GUILD_ROLE_CREATE',
      { guild_id: guild.id, role: apiRole(role) },
      { guildId: guild.id, intent: Intent.Guilds },
    );
    return { id: role.id, name: role.name };
  }

  /** A simulated member by username (case-insensitive) or id. */
  user(usernameOrId: string | { readonly id: string }): DoubleUser {
    const key = typeof usernameOrId === 'string' ? usernameOrId : usernameOrId.id;
    const user = this.state.users.get(key) ?? this.state.findUserByName(key);
    if (!user || user.id === this.botUserId) {
      const names = [...this.state.users.values()].filter((u) => !u.bot).map((u) => u.username);
      throw new Error(`unknown user "${key}" (users: ${names.join(', ') || 'none'})`);
    }
    return new DoubleUser(this.ctx, user.id);
  }

  /** A fresh snowflake owned by shard `shardId` of `shardCount`, from the double's generator. */
  snowflakeForShard(shardId: number, shardCount: number): string {
    return this.state.ids.nextForShard(shardId, shardCount);
  }

  // ------------------------------------------------------------ what the bot did

  /** A channel (or thread, or DM) as it is now. */
  channel(id: string): DoubleChannel {
    const channel = this.state.channels.get(id);
    if (!channel) throw new Error(`unknown channel ${id}`);
    return toDoubleChannel(channel);
  }

  /** Threads (optionally only those under `parentId`), in creation order. */
  threads(parentId?: string): DoubleChannel[] {
    return [...this.state.channels.values()]
      .filter(
        (c) => THREAD_TYPES.has(c.type) && !c.deleted && (parentId === undefined || c.parentId === parentId),
      )
      .map(toDoubleChannel);
  }

  /** DM channels the bot opened. */
  dmChannels(): DoubleChannel[] {
    return [...this.state.channels.values()].filter((c) => c.guildId === null).map(toDoubleChannel);
  }

  /**
   * The channel's messages in order, with edits applied: public ones only (no ephemeral, no deleted)
   * unless asked. A deferred public reply shows as a `loading` message until the bot fills it in.
   */
  channelMessages(
    channelId: string,
    options: { includeEphemeral?: boolean; includeDeleted?: boolean } = {},
  ): DoubleMessage[] {
    return this.state
      .allChannelMessages(channelId)
      .filter((m) => (options.includeDeleted || !m.deleted) && (options.includeEphemeral || !m.ephemeral))
      .map(toDoubleMessage);
  }

  /** Any stored message by id (including ephemeral and deleted ones). */
  message(id: string): DoubleMessage | undefined {
    const message = this.state.messages.get(id);
    return message ? toDoubleMessage(message) : undefined;
  }

  /** What only this user saw: ephemeral messages for them and DMs with them, in order. */
  privateMessagesFor(user: string | { readonly id: string }): DoubleMessage[] {
    return privateMessagesFor(this.ctx, this.user(user).id);
  }

  /**
   * Resolves with the first public message in the channel (current state, in channel order) that
   * matches, checking now and on every change; rejects after the timeout listing what the channel
   * holds. Messages that already exist count: to wait for a message posted after a known one, pass
   * `{ after: message }` (only messages created after it are considered).
   * The third argument is the timeout in ms, or `{ timeoutMs?, after? }`.
   */
  waitForMessage(
    channelId: string,
    predicate: (message: DoubleMessage) => boolean = () => true,
    options: number | WaitForMessageOptions = {},
  ): Promise<DoubleMessage> {
    const { timeoutMs = this.ctx.timeoutMs, after } =
      typeof options === 'number' ? { timeoutMs: options } : options;
    const afterSequence = this.sequenceOf(after);
    const candidates = () =>
      this.state
        .allChannelMessages(channelId)
        .filter((m) => !m.deleted && !m.ephemeral && m.sequence > afterSequence)
        .map(toDoubleMessage);
    return this.state.notifier.waitFor(
      [`channel:${channelId}`],
      () => candidates().find(predicate),
      timeoutMs,
      () => {
        const channel = this.state.channels.get(channelId);
        const name = channel ? `#${channel.name ?? channel.id}` : `unknown channel ${channelId}`;
        const messages = candidates();
        return (
          `waitForMessage(${name}${after === undefined ? '' : `, after ${typeof after === 'string' ? after : after.id}`}): ` +
          `no message matched within ${timeoutMs} ms. ` +
          `The channel holds ${messages.length} public message(s)${after === undefined ? '' : ' after that one'}` +
          `${messages.length > 0 ? ':\n' : '.'}` +
          messages.slice(-10).map(describeMessage).join('\n')
        );
      },
    );
  }

  /** The creation sequence of a message (0 when none is given), for `after` filters. */
  private sequenceOf(after: string | { readonly id: string } | undefined): number {
    if (after === undefined) return 0;
    const id = typeof after === 'string' ? after : after.id;
    const message = this.state.messages.get(id);
    if (!message) throw new Error(`waitForMessage: unknown message ${id} in "after"`);
    return message.sequence;
  }

  /** Like waitForMessage, over `privateMessagesFor(user)`. */
  waitForPrivateMessage(
    user: string | { readonly id: string },
    predicate: (message: DoubleMessage) => boolean = () => true,
    timeoutMs = this.ctx.timeoutMs,
  ): Promise<DoubleMessage> {
    const userId = this.user(user).id;
    return this.state.notifier.waitFor(
      [`user:${userId}`],
      () => privateMessagesFor(this.ctx, userId).find(predicate),
      timeoutMs,
      () => {
        const messages = privateMessagesFor(this.ctx, userId);
        return (
          `waitForPrivateMessage(${this.user(userId).username}): no message matched within ${timeoutMs} ms; ` +
          `they have ${messages.length} private message(s)${messages.length > 0 ? ':\n' : '.'}` +
          messages.slice(-10).map(describeMessage).join('\n')
        );
      },
    );
  }

  /**
   * Calls `listener` whenever a message is created, edited, deleted or otherwise updated (pins,
   * reactions, threads), with a snapshot; ephemeral and DM messages included (check `ephemeral`,
   * `visibleTo`). For printing a live transcript, e.g. in a demo. Returns an unsubscribe function.
   */
  onMessage(listener: (event: DoubleMessageEvent) => void): () => void {
    return this.state.onMessage((kind, message) => listener({ kind, message: toDoubleMessage(message) }));
  }

  /** The attachments of a message, with their bytes. */
  attachments(messageId: string): DoubleAttachment[] {
    const message = this.state.messages.get(messageId);
    if (!message) throw new Error(`unknown message ${messageId}`);
    return message.attachments.map((a) => toDoubleAttachment(message.id, a));
  }

  /** Every REST request the bot made, in arrival order. */
  get requests(): readonly RequestRecord[] {
    return this.state.requests;
  }

  /** Forgets the request log (e.g. between phases of a long benchmark). */
  clearRequests(): void {
    this.state.requests.length = 0;
  }

  /** Requests to one route, e.g. `requestsTo('POST', '/channels/:channelId/messages')`. */
  requestsTo(method: string, routePattern: string): RequestRecord[] {
    return this.state.requests.filter((r) => r.method === method.toUpperCase() && r.route === routePattern);
  }

  /** Requests that matched no route (answered 404/405). */
  get unknownRoutes(): RequestRecord[] {
    return this.state.requests.filter((r) => r.route === null || r.status === 405);
  }

  /** Requests answered with a 4xx or 5xx. */
  get failedRequests(): RequestRecord[] {
    return this.state.requests.filter((r) => r.status >= 400);
  }

  /** Exceptions inside the double itself (answered 500); should stay empty. */
  get internalErrors(): readonly Error[] {
    return this.state.internalErrors;
  }

  /** Registered commands as Discord returns them: global ones, or a guild's. */
  commands(guildId: string | null = null): JsonObject[] {
    return commandsIn(this.state, guildId).map((c) => apiCommand(this.state, c));
  }

  /** Resolves once the scope has registered commands (e.g. after the bot's startup deploy). */
  waitForCommands(guildId: string | null = null, timeoutMs = this.ctx.timeoutMs): Promise<JsonObject[]> {
    return this.state.notifier.waitFor(
      ['commands'],
      () => {
        const commands = this.commands(guildId);
        return commands.length > 0 ? commands : undefined;
      },
      timeoutMs,
      () => `waitForCommands(${guildId ?? 'global'}): no commands were registered within ${timeoutMs} ms`,
    );
  }

  /** Every interaction members sent, oldest first. */
  interactions(): InteractionHandle[] {
    return [...this.state.interactions.values()].map(
      (record) =>
        new InteractionHandle(this.ctx, record, (modal, values) =>
          this.user(modal.userId).submitModal(modal, values),
        ),
    );
  }

  /**
   * For every interaction, when its first answer came (ms after INTERACTION_CREATE reached the bot, on the
   * double's clock), oldest first. For "every interaction got a first answer within 3 s", see
   * `slowInteractions()`.
   */
  interactionLatencies(): InteractionLatency[] {
    const now = this.state.now();
    return [...this.state.interactions.values()].map((record) => latencyOf(record, now));
  }

  /**
   * Interactions that did not get an accepted first callback within `limitMs` of their dispatch (default
   * Discord's 3 s): answered late, refused as late (10062), or still unanswered past the limit. Empty in
   * a healthy run: `expect(double.slowInteractions()).toEqual([])`.
   */
  slowInteractions(limitMs = INTERACTION_RESPONSE_WINDOW_MS): InteractionLatency[] {
    return this.interactionLatencies().filter((l) =>
      l.firstCallbackMs === null ? l.dispatched && l.waitingMs > limitMs : l.firstCallbackMs > limitMs,
    );
  }

  // ------------------------------------------------------------ the gateway

  /** Gateway lifecycle events (connect, identify, ready, resume, resumed, close), in order. */
  get gatewayEvents(): readonly GatewayEventRecord[] {
    return this.state.gatewayEvents;
  }

  isConnected(shardId = 0): boolean {
    return this.gateway.isConnected(shardId);
  }

  connectedShards(): number[] {
    return this.gateway.connectedShards();
  }

  /**
   * Closes the bot's socket for a shard (every shard when omitted). With 4000 the client resumes
   * after about 0.5 s and gets the missed dispatches; with 1000 it identifies afresh after about 5 s.
   * Interactions sent meanwhile wait in the session and are delivered on reconnect.
   */
  dropConnection(shardId?: number, code = 4000): Promise<void> {
    return this.gateway.dropConnection(shardId, code);
  }

  /** Sends op 7 RECONNECT; the client closes and resumes. */
  requestReconnect(shardId?: number): void {
    this.gateway.requestReconnect(shardId);
  }

  /** After a close: resolves with how the shard came back ('resumed' or 'identified'). */
  waitForReconnect(shardId = 0, timeoutMs = this.ctx.timeoutMs): Promise<'resumed' | 'identified'> {
    const events = this.state.gatewayEvents;
    let lastClose = -1;
    for (const e of events) if (e.kind === 'close' && e.shardId === shardId) lastClose = e.index;
    return this.state.notifier.waitFor(
      ['gateway'],
      () => {
        const next = this.state.gatewayEvents.find(
          (e) => e.index > lastClose && e.shardId === shardId && (e.kind === 'resumed' || e.kind === 'ready'),
        );
        if (!next) return undefined;
        return next.kind === 'resumed' ? 'resumed' : 'identified';
      },
      timeoutMs,
      () =>
        `waitForReconnect(shard ${shardId}): the bot did not come back within ${timeoutMs} ms ` +
        `(after a 1000 close discord.js waits ~5 s before identifying again). Recent gateway events: ` +
        this.state.gatewayEvents
          .slice(-6)
          .map(
            (e) =>
              `${e.kind}${e.shardId === null ? '' : `#${e.shardId}`}${e.code === null ? '' : `(${e.code})`}`,
          )
          .join(', '),
    );
  }

  /** Resolves once shard `shardId` has a connected, ready session (READY and its GUILD_CREATEs sent). */
  waitForReady(shardId = 0, timeoutMs = this.ctx.timeoutMs): Promise<void> {
    return this.state.notifier
      .waitFor(
        ['gateway'],
        () => (this.gateway.isConnected(shardId) ? true : undefined),
        timeoutMs,
        () =>
          `waitForReady(shard ${shardId}): no ready session within ${timeoutMs} ms (has the bot called login()?)`,
      )
      .then(() => undefined);
  }

  // ------------------------------------------------------------ lifecycle

  /** Closes every socket and the server, and rejects pending waits. Safe to call twice. */
  async stop(): Promise<void> {
    if (this.stopped) return;
    this.stopped = true;
    this.state.notifier.cancelAll(new DoubleTimeoutError('the Discord double was stopped while waiting'));
    await this.gateway.close();
    await this.http.close();
  }
}

/** Starts a Discord double; see DiscordDoubleOptions. */
export const startDiscordDouble = (options?: DiscordDoubleOptions): Promise<DiscordDouble> =>
  DiscordDouble.start(options);
