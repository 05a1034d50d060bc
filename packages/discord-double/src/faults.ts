import type { JsonObject } from './json.js';

/**
 * Fault injection: chosen REST routes answer 5xx or 429 at a chosen rate, drawn from a seeded PRNG so
 * a run is repeatable. A fault is decided before the route's handler runs, so an injected failure
 * never changes the double's state (the message was not created, the edit not applied).
 */

export type FaultStatus = 429 | 500 | 502 | 503 | 504;

export const FAULT_STATUSES: readonly FaultStatus[] = [429, 500, 502, 503, 504];

export interface FaultRule {
  /**
   * `METHOD /path/pattern` as the double routes it, e.g. `POST /channels/:channel/messages`;
   * parameter names are free (`:channel` matches the double's `:channelId`). `*` matches every route.
   */
  readonly route: string;
  /** Probability (0..1) that a matching request is answered with a fault. */
  readonly rate: number;
  /** Statuses to answer with, one drawn per fault. Default [500]. */
  readonly statuses?: readonly FaultStatus[];
  /** PRNG seed (an integer); the same seed and request order give the same faults. Default 1. */
  readonly seed?: number;
  /** For 429: `retry_after`, `Retry-After` and `X-RateLimit-Reset-After`, in ms. Default 250. */
  readonly retryAfterMs?: number;
  /** Stop after injecting this many faults (e.g. 1: fail the first matching request only). */
  readonly limit?: number;
}

/** One injected fault, in order. */
export interface InjectedFault {
  /** The request's id in `double.requests`. */
  readonly requestId: number;
  readonly method: string;
  /** The double's route pattern, e.g. `/channels/:channelId/messages`. */
  readonly route: string;
  readonly path: string;
  readonly status: FaultStatus;
  /** The rule's `route` as it was set. */
  readonly rule: string;
}

export interface FaultCounts {
  readonly total: number;
  /** By `METHOD /double/route/pattern`. */
  readonly byRoute: Readonly<Record<string, number>>;
  readonly byStatus: Readonly<Partial<Record<FaultStatus, number>>>;
}

/** What the HTTP server sends for an injected fault. */
export interface FaultResponse {
  readonly status: FaultStatus;
  readonly body: JsonObject;
  readonly headers: Readonly<Record<string, string>>;
}

/** mulberry32: a tiny, fast, seedable PRNG; returns floats in [0, 1). */
export const seededRandom = (seed: number): (() => number) => {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
};

/** `POST /channels/:channel/messages` -> `POST /channels/:/messages` (parameter names dropped). */
const routeKey = (method: string, pattern: string): string =>
  `${method.toUpperCase()} /${pattern
    .replace(/^\/?(api\/)?(v\d+\/)?/, '')
    .split('/')
    .filter((s) => s !== '')
    .map((s) => (s.startsWith(':') ? ':' : s))
    .join('/')}`;

const parseRule = (route: string): string => {
  if (route.trim() === '*') return '*';
  const match = /^\s*(GET|POST|PUT|PATCH|DELETE)\s+(\S+)\s*$/i.exec(route);
  if (!match?.[1] || !match[2])
    throw new Error(
      `fault route "${route}": expected "METHOD /path", e.g. "POST /channels/:channel/messages"`,
    );
  return routeKey(match[1], match[2]);
};

const ERROR_TEXT: Record<Exclude<FaultStatus, 429>, string> = {
  500: '500: Internal Server Error',
  502: '502: Bad Gateway',
  503: '503: Service Unavailable',
  504: '504: Gateway Timeout',
};

interface ActiveRule {
  readonly rule: FaultRule;
  readonly key: string;
  readonly random: () => number;
  injected: number;
}

export class FaultInjector {
  private active: ActiveRule[] = [];
  private readonly log: InjectedFault[] = [];

  /** @param knownRoutes `METHOD pattern` of every route the double serves, to refuse a rule that matches none. */
  constructor(
    private readonly knownRoutes: readonly { readonly method: string; readonly pattern: string }[],
    private readonly now: () => number,
  ) {}

  /**
   * Adds rules; a rule for a route that already has one replaces it (and restarts its PRNG from its seed).
   * @throws Error for a malformed rule or a route the double does not serve.
   */
  set(rules: FaultRule | readonly FaultRule[]): void {
    const list: readonly FaultRule[] = Array.isArray(rules) ? rules : [rules as FaultRule];
    for (const rule of list) {
      const key = this.validate(rule);
      this.active = this.active.filter((a) => a.key !== key);
      this.active.push({ rule, key, random: seededRandom(rule.seed ?? 1), injected: 0 });
    }
  }

  /** Removes the rule for `route`, or every rule. Counts are kept (see `resetCounts`). */
  clear(route?: string): void {
    if (route === undefined) this.active = [];
    else {
      const key = parseRule(route);
      this.active = this.active.filter((a) => a.key !== key);
    }
  }

  /** The rules in force. */
  get rules(): readonly FaultRule[] {
    return this.active.map((a) => a.rule);
  }

  /** Every fault injected so far, in order. */
  get injected(): readonly InjectedFault[] {
    return this.log;
  }

  counts(): FaultCounts {
    const byRoute: Record<string, number> = {};
    const byStatus: Partial<Record<FaultStatus, number>> = {};
    for (const f of this.log) {
      const key = `${f.method} ${f.route}`;
      byRoute[key] = (byRoute[key] ?? 0) + 1;
      byStatus[f.status] = (byStatus[f.status] ?? 0) + 1;
    }
    return { total: this.log.length, byRoute, byStatus };
  }

  resetCounts(): void {
    this.log.length = 0;
  }

  /**
   * Called by the HTTP server for a routed request, before its handler: the fault to answer with, if any.
   * Each rule that matches draws from its own PRNG, so one route's faults do not depend on other routes'
   * traffic. The first matching rule decides.
   */
  decide(request: {
    readonly id: number;
    readonly method: string;
    readonly route: string;
    readonly path: string;
  }): FaultResponse | undefined {
    const key = routeKey(request.method, request.route);
    const rule = this.active.find((a) => a.key === '*' || a.key === key);
    if (!rule) return undefined;
    const { limit, rate, statuses = [500] } = rule.rule;
    if (limit !== undefined && rule.injected >= limit) return undefined;
    if (rule.random() >= rate) return undefined;
    const status = statuses[Math.floor(rule.random() * statuses.length)] ?? 500;
    rule.injected++;
    this.log.push({
      requestId: request.id,
      method: request.method,
      route: request.route,
      path: request.path,
      status,
      rule: rule.rule.route,
    });
    return this.response(status, rule.rule.retryAfterMs ?? 250, key);
  }

  private response(status: FaultStatus, retryAfterMs: number, key: string): FaultResponse {
    if (status !== 429) return { status, body: { message: ERROR_TEXT[status], code: 0 }, headers: {} };
    const seconds = retryAfterMs / 1000;
    // Discord rounds Retry-After up to whole seconds; the double sends the exact value so tests stay fast
    // (discord.js reads it with Number(), so fractions work).
    return {
      status,
      body: { message: 'You are being rate limited.', retry_after: seconds, global: false },
      headers: {
        'Retry-After': String(seconds),
        'X-RateLimit-Limit': '5',
        'X-RateLimit-Remaining': '0',
        'X-RateLimit-Reset': String((this.now() + retryAfterMs) / 1000),
        'X-RateLimit-Reset-After': String(seconds),
        'X-RateLimit-Bucket': `fault-${Buffer.from(key).toString('hex').slice(0, 16)}`,
        'X-RateLimit-Scope': 'user',
      },
    };
  }

  private validate(rule: FaultRule): string {
    const key = parseRule(rule.route);
    if (!(rule.rate >= 0 && rule.rate <= 1))
      throw new Error(`fault route "${rule.route}": rate must be between 0 and 1, got ${rule.rate}`);
    const statuses = rule.statuses ?? [500];
    if (statuses.length === 0 || statuses.some((s) => !FAULT_STATUSES.includes(s)))
      throw new Error(
        `fault route "${rule.route}": statuses must be some of ${FAULT_STATUSES.join(', ')}, got [${statuses.join(', ')}]`,
      );
    if (rule.seed !== undefined && !Number.isInteger(rule.seed))
      throw new Error(`fault route "${rule.route}": seed must be an integer, got ${rule.seed}`);
    if (key !== '*' && !this.knownRoutes.some((r) => routeKey(r.method, r.pattern) === key)) {
      const [method] = key.split(' ');
      const similar = this.knownRoutes
        .filter((r) => r.method === method)
        .map((r) => `${r.method} ${r.pattern}`)
        .slice(0, 40);
      throw new Error(
        `fault route "${rule.route}" matches no route the double serves. ${method} routes: ${similar.join(', ')}`,
      );
    }
    return key;
  }
}
