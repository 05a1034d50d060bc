import type { IncomingMessage, Server } from 'node:http';
import type { Duplex } from 'node:stream';
import { type RawData, WebSocket, WebSocketServer } from 'ws';
import { GatewayOp } from './constants.js';
import { asRecord, isRecord, type JsonObject, optId, optNumber, optString, stringArray } from './json.js';
import { apiGuildCreate, apiMember, apiUser } from './serialize.js';
import { shardForGuild } from './snowflake.js';
import type { DoubleState, GatewayEventRecord } from './state.js';

/**
 * The WebSocket gateway: HELLO, IDENTIFY -> READY + GUILD_CREATE, heartbeats, sequenced dispatches,
 * RESUME with replay, sharding, and queueing of interactions while a shard is offline.
 */

export interface GatewayOptions {
  readonly heartbeatIntervalMs: number;
  /** When set, IDENTIFY/RESUME with another token is closed with 4004. */
  readonly token: string | undefined;
  readonly applicationFlags: number;
  /** Dispatches kept per session for RESUME. */
  readonly replayBufferSize: number;
}

export interface DispatchRoute {
  /** The guild the event belongs to (decides the shard); null for DMs (shard 0). */
  readonly guildId: string | null;
  /** Only sessions that identified with this intent receive it. */
  readonly intent?: number;
  /** Interactions: if no session can take it now, keep it for the shard's next session. */
  readonly queueWhenOffline?: boolean;
  /** Called once, when the frame is written to a socket. */
  readonly onSent?: () => void;
}

interface BufferedDispatch {
  readonly s: number;
  readonly t: string;
  readonly d: JsonObject;
  readonly frame: string;
  delivered: boolean;
  readonly route: DispatchRoute;
}

interface Session {
  readonly id: string;
  readonly shardId: number;
  readonly shardCount: number;
  readonly intents: number;
  seq: number;
  readonly buffer: BufferedDispatch[];
  connection: Connection | null;
  invalid: boolean;
}

interface Connection {
  readonly ws: WebSocket;
  session: Session | null;
  closed: boolean;
  readonly closedPromise: Promise<number>;
}

interface PendingDispatch {
  readonly t: string;
  readonly d: JsonObject;
  readonly route: DispatchRoute;
}

const normalizeToken = (token: string) => token.replace(/^Bot\s+/i, '');

export class Gateway {
  private readonly wss = new WebSocketServer({ noServer: true, perMessageDeflate: false });
  private readonly sessions = new Map<string, Session>();
  private readonly connections = new Set<Connection>();
  /** Interactions sent while no session owned their shard. */
  private pending: PendingDispatch[] = [];
  private sessionCounter = 0;
  private stopped = false;
  private gatewayUrl = '';

  constructor(
    private readonly state: DoubleState,
    private readonly options: GatewayOptions,
  ) {}

  /** Serves the gateway on `path` of an HTTP server (WebSocket upgrade). */
  attach(server: Server, path: string, url: string): void {
    this.gatewayUrl = url;
    this.wss.on('error', (error) => this.state.internalErrors.push(error));
    server.on('upgrade', (request: IncomingMessage, socket: Duplex, head: Buffer) => {
      const pathname = new URL(request.url ?? '/', 'http://localhost').pathname.replace(/\/+$/, '');
      if (this.stopped || pathname !== path) {
        socket.destroy();
        return;
      }
      this.wss.handleUpgrade(request, socket, head, (ws) => this.onConnection(ws));
    });
  }

  get url(): string {
    return this.gatewayUrl;
  }

  /** The shard count the bot identified with (the largest seen), or undefined before any IDENTIFY. */
  get shardCount(): number | undefined {
    let count: number | undefined;
    for (const session of this.sessions.values())
      if (!session.invalid) count = Math.max(count ?? 0, session.shardCount);
    return count;
  }

  private record(
    kind: GatewayEventRecord['kind'],
    session: Session | null,
    code: number | null = null,
  ): void {
    this.state.gatewayEvents.push({
      index: this.state.gatewayEvents.length,
      kind,
      shardId: session?.shardId ?? null,
      sessionId: session?.id ?? null,
      code,
      at: this.state.now(),
    });
    this.state.notifier.notify('gateway');
  }

  private onConnection(ws: WebSocket): void {
    let resolveClosed: (code: number) => void = () => {};
    const closedPromise = new Promise<number>((resolve) => {
      resolveClosed = resolve;
    });
    const connection: Connection = { ws, session: null, closed: false, closedPromise };
    this.connections.add(connection);
    this.record('connect', null);
    ws.on('message', (data: RawData, isBinary: boolean) => this.onMessage(connection, data, isBinary));
    ws.on('error', () => {
      // A client that vanishes mid-frame; the close handler cleans up.
    });
    ws.on('close', (code: number) => {
      connection.closed = true;
      this.connections.delete(connection);
      const session = connection.session;
      if (session && session.connection === connection) {
        session.connection = null;
        // As on Discord, a 1000/1001 close ends the session: the client must identify again.
        if (code === 1000 || code === 1001) this.invalidate(session);
      }
      this.record('close', session, code);
      resolveClosed(code);
    });
    this.send(connection, {
      op: GatewayOp.Hello,
      d: { heartbeat_interval: this.options.heartbeatIntervalMs, _trace: ['["discord-double",{}]'] },
      s: null,
      t: null,
    });
  }

  private send(connection: Connection, payload: JsonObject | string): void {
    if (connection.closed || connection.ws.readyState !== WebSocket.OPEN) return;
    connection.ws.send(typeof payload === 'string' ? payload : JSON.stringify(payload));
  }

  private onMessage(connection: Connection, data: RawData, isBinary: boolean): void {
    if (isBinary) {
      connection.ws.close(4002, 'Decode error: the double only speaks JSON text frames');
      return;
    }
    let payload: unknown;
    try {
      const text = Array.isArray(data)
        ? Buffer.concat(data).toString('utf8')
        : Buffer.isBuffer(data)
          ? data.toString('utf8')
          : Buffer.from(data).toString('utf8');
      payload = JSON.parse(text);
    } catch {
      connection.ws.close(4002, 'Decode error');
      return;
    }
    if (!isRecord(payload)) {
      connection.ws.close(4002, 'Decode error');
      return;
    }
    const d = asRecord(payload.d);
    switch (payload.op) {
      case GatewayOp.Heartbeat:
        this.send(connection, { op: GatewayOp.HeartbeatAck, d: null, s: null, t: null });
        return;
      case GatewayOp.Identify:
        this.identify(connection, d);
        return;
      case GatewayOp.Resume:
        this.resume(connection, d);
        return;
      case GatewayOp.RequestGuildMembers:
        this.requestGuildMembers(connection, d);
        return;
      default:
        // Presence and voice updates are accepted and ignored.
        return;
    }
  }

  private tokenMatches(token: unknown): boolean {
    if (typeof token !== 'string' || token === '') return false;
    return this.options.token === undefined || normalizeToken(token) === normalizeToken(this.options.token);
  }

  private identify(connection: Connection, d: JsonObject): void {
    if (connection.session) {
      connection.ws.close(4005, 'Already authenticated');
      return;
    }
    if (!this.tokenMatches(d.token)) {
      connection.ws.close(4004, 'Authentication failed');
      return;
    }
    const shard = Array.isArray(d.shard) ? d.shard : [0, 1];
    const shardId = optNumber(shard[0]) ?? 0;
    const shardCount = optNumber(shard[1]) ?? 1;
    if (
      !Number.isInteger(shardId) ||
      !Number.isInteger(shardCount) ||
      shardCount < 1 ||
      shardId < 0 ||
      shardId >= shardCount
    ) {
      connection.ws.close(4010, 'Invalid shard');
      return;
    }
    const intents = optNumber(d.intents);
    if (intents === undefined) {
      connection.ws.close(4013, 'Invalid intent(s)');
      return;
    }
    // A fresh IDENTIFY replaces the shard's previous session (and every session of another shard
    // layout: a new client); interactions they never delivered wait for their new owner.
    for (const old of [...this.sessions.values()]) {
      if (old.shardCount === shardCount && old.shardId !== shardId) continue;
      this.invalidate(old, connection);
    }
    this.sessionCounter++;
    const session: Session = {
      id: this.sessionCounter.toString(16).padStart(32, '0'),
      shardId,
      shardCount,
      intents,
      seq: 0,
      buffer: [],
      connection,
      invalid: false,
    };
    this.sessions.set(session.id, session);
    connection.session = session;
    this.record('identify', session);
    const guilds = [...this.state.guilds.values()].filter((g) => shardForGuild(g.id, shardCount) === shardId);
    const bot = this.state.users.get(this.state.botUserId);
    this.sendDispatch(
      session,
      'READY',
      {
        v: 10,
        user: {
          ...(bot ? apiUser(bot) : { id: this.state.botUserId }),
          verified: true,
          mfa_enabled: false,
          email: null,
        },
        guilds: guilds.map((g) => ({ id: g.id, unavailable: true })),
        session_id: session.id,
        session_type: 'normal',
        resume_gateway_url: this.gatewayUrl,
        shard: [shardId, shardCount],
        application: { id: this.state.applicationId, flags: this.options.applicationFlags },
        private_channels: [],
        relationships: [],
        presences: [],
        guild_join_requests: [],
        geo_ordered_rtc_regions: ['local'],
        user_settings: {},
        _trace: ['["discord-double",{}]'],
      },
      { guildId: null },
    );
    this.record('ready', session);
    for (const guild of guilds)
      this.sendDispatch(session, 'GUILD_CREATE', apiGuildCreate(this.state, guild), { guildId: guild.id });
    const waiting = this.pending.filter((p) => this.owns(session, p.route.guildId));
    this.pending = this.pending.filter((p) => !waiting.includes(p));
    for (const p of waiting) this.sendDispatch(session, p.t, p.d, p.route);
  }

  /** Ends a session: it can no longer be resumed; its undelivered interactions go back to the queue. */
  private invalidate(session: Session, keep: Connection | null = null): void {
    if (session.invalid) return;
    session.invalid = true;
    for (const entry of session.buffer) {
      if (!entry.delivered && entry.route.queueWhenOffline)
        this.pending.push({ t: entry.t, d: entry.d, route: entry.route });
    }
    session.buffer.length = 0;
    if (session.connection && session.connection !== keep && !session.connection.closed)
      session.connection.ws.close(4009, 'Session replaced');
    session.connection = null;
    this.sessions.delete(session.id);
  }

  private resume(connection: Connection, d: JsonObject): void {
    if (!this.tokenMatches(d.token)) {
      connection.ws.close(4004, 'Authentication failed');
      return;
    }
    const sessionId = optString(d.session_id);
    const seq = optNumber(d.seq) ?? 0;
    const session = sessionId === undefined ? undefined : this.sessions.get(sessionId);
    const oldest = session?.buffer[0]?.s;
    if (!session || session.invalid || (oldest !== undefined && seq < oldest - 1)) {
      this.record('invalid-session', session ?? null);
      this.send(connection, { op: GatewayOp.InvalidSession, d: false, s: null, t: null });
      return;
    }
    if (session.connection && session.connection !== connection)
      session.connection.ws.close(4009, 'Session resumed elsewhere');
    session.connection = connection;
    connection.session = session;
    this.record('resume', session);
    for (const entry of session.buffer) {
      if (entry.s <= seq) continue;
      this.send(connection, entry.frame);
      if (!entry.delivered) {
        entry.delivered = true;
        entry.route.onSent?.();
      }
    }
    this.sendDispatch(session, 'RESUMED', { _trace: ['["discord-double",{}]'] }, { guildId: null });
    this.record('resumed', session);
  }

  private requestGuildMembers(connection: Connection, d: JsonObject): void {
    const session = connection.session;
    if (!session) return;
    const guildIds = Array.isArray(d.guild_id) ? stringArray(d.guild_id) : [optId(d.guild_id) ?? ''];
    for (const guildId of guildIds) {
      const guild = this.state.guilds.get(guildId);
      if (!guild) continue;
      const userIds = stringArray(d.user_ids);
      const query = optString(d.query)?.toLowerCase();
      const limit = optNumber(d.limit) ?? 0;
      let members = guild.memberIds.flatMap((id) => {
        const member = this.state.member(guildId, id);
        return member ? [member] : [];
      });
      if (userIds.length > 0) members = members.filter((m) => userIds.includes(m.userId));
      else if (query !== undefined && query !== '')
        members = members.filter((m) =>
          this.state.users.get(m.userId)?.username.toLowerCase().startsWith(query),
        );
      if (limit > 0) members = members.slice(0, limit);
      this.sendDispatch(
        session,
        'GUILD_MEMBERS_CHUNK',
        {
          guild_id: guildId,
          members: members.map((m) => apiMember(this.state, m)),
          chunk_index: 0,
          chunk_count: 1,
          not_found: userIds.filter((id) => !members.some((m) => m.userId === id)),
          ...(d.nonce === undefined ? {} : { nonce: d.nonce }),
        },
        { guildId },
      );
    }
  }

  private owns(session: Session, guildId: string | null): boolean {
    return guildId === null
      ? session.shardId === 0
      : shardForGuild(guildId, session.shardCount) === session.shardId;
  }

  private sendDispatch(session: Session, t: string, d: JsonObject, route: DispatchRoute): void {
    session.seq++;
    const s = session.seq;
    const frame = JSON.stringify({ op: GatewayOp.Dispatch, t, s, d });
    const entry: BufferedDispatch = { s, t, d, frame, delivered: false, route };
    session.buffer.push(entry);
    if (session.buffer.length > this.options.replayBufferSize)
      session.buffer.splice(0, session.buffer.length - this.options.replayBufferSize);
    const connection = session.connection;
    if (connection && !connection.closed && connection.ws.readyState === WebSocket.OPEN) {
      connection.ws.send(frame);
      entry.delivered = true;
      route.onSent?.();
    }
  }

  /**
   * Sends a dispatch to every live session owning the route's guild. Returns how many sessions took it
   * (sessions that are disconnected buffer it for RESUME). With `queueWhenOffline`, an event no
   * session can take waits for the shard's next session.
   */
  dispatch(t: string, d: JsonObject, route: DispatchRoute): number {
    let count = 0;
    for (const session of this.sessions.values()) {
      if (session.invalid || !this.owns(session, route.guildId)) continue;
      if (route.intent !== undefined && (session.intents & route.intent) === 0) continue;
      this.sendDispatch(session, t, d, route);
      count++;
    }
    if (count === 0 && route.queueWhenOffline) this.pending.push({ t, d, route });
    return count;
  }

  /** Whether the shard has a session with an open socket. */
  isConnected(shardId = 0): boolean {
    for (const session of this.sessions.values()) {
      if (!session.invalid && session.shardId === shardId && session.connection && !session.connection.closed)
        return true;
    }
    return false;
  }

  /** The shards with an open, identified socket. */
  connectedShards(): number[] {
    const shards = new Set<number>();
    for (const session of this.sessions.values()) {
      if (!session.invalid && session.connection && !session.connection.closed) shards.add(session.shardId);
    }
    return [...shards].sort((a, b) => a - b);
  }

  /** Whether any session identified with the intent (false before the bot logs in). */
  hasIntent(intent: number): boolean {
    for (const session of this.sessions.values())
      if (!session.invalid && (session.intents & intent) !== 0) return true;
    return false;
  }

  /** Closes the socket(s) of a shard (all shards when undefined) with `code`; resolves once closed. */
  async dropConnection(shardId: number | undefined, code: number): Promise<void> {
    if (code === 4200)
      throw new Error(
        'close code 4200 is discord.js-internal ("resuming"); use 4000 to make the client resume',
      );
    const targets = [...this.sessions.values()].filter(
      (s) =>
        !s.invalid &&
        (shardId === undefined || s.shardId === shardId) &&
        s.connection &&
        !s.connection.closed,
    );
    if (targets.length === 0) {
      throw new Error(
        `dropConnection: no connected session${shardId === undefined ? '' : ` for shard ${shardId}`} (connected shards: ${this.connectedShards().join(', ') || 'none'})`,
      );
    }
    const closing: Promise<number>[] = [];
    for (const session of targets) {
      const connection = session.connection;
      if (!connection) continue;
      connection.ws.close(code, 'Closed by the Discord double');
      closing.push(connection.closedPromise);
    }
    await Promise.all(closing);
  }

  /** Sends op 7 RECONNECT: the client closes and resumes. */
  requestReconnect(shardId: number | undefined): void {
    for (const session of this.sessions.values()) {
      if (session.invalid || (shardId !== undefined && session.shardId !== shardId) || !session.connection)
        continue;
      this.send(session.connection, { op: GatewayOp.Reconnect, d: null, s: null, t: null });
    }
  }

  /** Terminates every socket. */
  async close(): Promise<void> {
    this.stopped = true;
    for (const connection of this.connections) connection.ws.terminate();
    this.connections.clear();
    await new Promise<void>((resolve) => this.wss.close(() => resolve()));
  }
}
