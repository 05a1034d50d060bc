import { ErrorCode } from './constants.js';
import { isRecord, type JsonObject } from './json.js';

/** An error the REST layer turns into a Discord-style JSON error response. */
export class DiscordApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: number,
    message: string,
    readonly errors?: JsonObject,
  ) {
    super(message);
    this.name = 'DiscordApiError';
  }

  toBody(): JsonObject {
    return this.errors === undefined
      ? { message: this.message, code: this.code }
      : { message: this.message, code: this.code, errors: this.errors };
  }
}

export const notFound = (code: number, what: string) => new DiscordApiError(404, code, `Unknown ${what}`);

export const missingPermissions = () =>
  new DiscordApiError(403, ErrorCode.MissingPermissions, 'Missing Permissions');

export const missingAccess = () => new DiscordApiError(403, ErrorCode.MissingAccess, 'Missing Access');

export const badRequest = (message: string, code: number = ErrorCode.General) =>
  new DiscordApiError(400, code, message);

/** Collects field errors in Discord's nested `{ field: { _errors: [...] } }` shape. */
export class FormErrors {
  private readonly root: JsonObject = {};
  private count = 0;

  add(path: ReadonlyArray<string | number>, code: string, message: string): void {
    let node = this.root;
    for (const key of path) {
      const name = String(key);
      const next = node[name];
      if (isRecord(next)) node = next;
      else {
        const created: JsonObject = {};
        node[name] = created;
        node = created;
      }
    }
    const existing = node._errors;
    const list = Array.isArray(existing) ? existing : [];
    list.push({ code, message });
    node._errors = list;
    this.count++;
  }

  get empty(): boolean {
    return this.count === 0;
  }

  /** Throws a 400 Invalid Form Body carrying every collected error, if any. */
  throwIfAny(): void {
    if (this.count > 0)
      throw new DiscordApiError(400, ErrorCode.InvalidFormBody, 'Invalid Form Body', this.root);
  }

  /** A flat, readable list, e.g. `content: Must be 2000 or fewer in length.` */
  describe(): string[] {
    const out: string[] = [];
    const walk = (node: JsonObject, path: string[]) => {
      for (const [key, value] of Object.entries(node)) {
        if (key === '_errors' && Array.isArray(value)) {
          for (const e of value) {
            const message =
              typeof e === 'object' && e !== null && 'message' in e ? String(e.message) : String(e);
            out.push(`${path.join('.') || '(root)'}: ${message}`);
          }
        } else if (isRecord(value)) {
          walk(value, [...path, key]);
        }
      }
    };
    walk(this.root, []);
    return out;
  }
}
