import type { UploadedFile } from './messages.js';

/** Path-pattern routing: `/channels/:channelId/messages` style patterns, literal segments first. */

export interface RouteRequest {
  readonly method: string;
  readonly params: Readonly<Record<string, string>>;
  readonly query: URLSearchParams;
  readonly body: unknown;
  readonly files: readonly UploadedFile[];
}

export interface RouteResponse {
  readonly status: number;
  readonly body?: unknown;
}

export interface RouteDefinition<C> {
  readonly method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  readonly pattern: string;
  /** Whether the route needs `Authorization: Bot <token>` (interaction and webhook routes do not). */
  readonly auth: boolean;
  readonly handler: (ctx: C, request: RouteRequest) => RouteResponse;
}

interface CompiledRoute<C> extends RouteDefinition<C> {
  readonly segments: readonly string[];
}

export type RouteMatch<C> =
  | { readonly kind: 'found'; readonly route: RouteDefinition<C>; readonly params: Record<string, string> }
  | { readonly kind: 'method-not-allowed'; readonly pattern: string }
  | { readonly kind: 'not-found' };

export class Router<C> {
  private readonly routes: CompiledRoute<C>[];

  constructor(definitions: readonly RouteDefinition<C>[]) {
    this.routes = definitions.map((d) => ({ ...d, segments: d.pattern.split('/').filter((s) => s !== '') }));
  }

  /** `segments` are the decoded path segments. A literal segment beats a parameter at the same place. */
  match(method: string, segments: readonly string[]): RouteMatch<C> {
    let best: { route: CompiledRoute<C>; params: Record<string, string>; score: number } | undefined;
    let pathMatched: string | undefined;
    for (const route of this.routes) {
      if (route.segments.length !== segments.length) continue;
      const params: Record<string, string> = {};
      let score = 0;
      let ok = true;
      for (let i = 0; i < segments.length; i++) {
        const pattern = route.segments[i] ?? '';
        const actual = segments[i] ?? '';
        if (pattern.startsWith(':')) params[pattern.slice(1)] = actual;
        else if (pattern === actual) score += 2 ** (segments.length - i);
        else {
          ok = false;
          break;
        }
      }
      if (!ok) continue;
      if (route.method !== method) {
        pathMatched ??= route.pattern;
        continue;
      }
      if (!best || score > best.score) best = { route, params, score };
    }
    if (best) return { kind: 'found', route: best.route, params: best.params };
    if (pathMatched !== undefined) return { kind: 'method-not-allowed', pattern: pathMatched };
    return { kind: 'not-found' };
  }
}
