import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { performance } from 'node:perf_hooks';
import type { DoubleContext } from './context.js';
import { DiscordApiError } from './errors.js';
import type { FaultInjector } from './faults.js';
import type { JsonObject } from './json.js';
import type { UploadedFile } from './messages.js';
import { MultipartError, multipartBoundary, parseMultipart } from './multipart.js';
import { ROUTES } from './rest-routes.js';
import { Router } from './router.js';
import type { DoubleState, RequestRecord } from './state.js';

/** The HTTP side: body parsing (JSON and multipart), routing, auth, recording and JSON responses. */

export interface HttpOptions {
  /** When set, `Authorization: Bot <token>` must carry it. */
  readonly token: string | undefined;
  /** Print one line per request (for debugging a demo). */
  readonly logRequests: boolean;
  readonly maxBodyBytes: number;
}

const router = new Router<DoubleContext>(ROUTES);

class BodyTooLargeError extends Error {}

const readBody = (request: IncomingMessage, limit: number): Promise<Buffer> =>
  new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    request.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        reject(new BodyTooLargeError(`request body larger than ${limit} bytes`));
        request.resume();
        return;
      }
      chunks.push(chunk);
    });
    let ended = false;
    request.on('end', () => {
      ended = true;
      resolve(Buffer.concat(chunks));
    });
    request.on('error', reject);
    // A client that goes away mid-body: settle instead of waiting forever.
    request.on('close', () => {
      if (!ended) reject(new Error('the client closed the connection before sending the whole body'));
    });
  });

interface ParsedBody {
  readonly body: unknown;
  readonly files: UploadedFile[];
}

const parseBody = (raw: Buffer, contentType: string | undefined): ParsedBody => {
  if (raw.length === 0) return { body: undefined, files: [] };
  const boundary = multipartBoundary(contentType);
  if (boundary !== undefined) {
    const parts = parseMultipart(raw, boundary);
    const files: UploadedFile[] = [];
    const fields: JsonObject = {};
    let payload: unknown;
    for (const part of parts) {
      if (part.filename !== undefined) {
        const index = /^files\[(\d+)\]$/.exec(part.name)?.[1];
        files.push({
          field: part.name,
          index: index === undefined ? null : Number(index),
          filename: part.filename,
          contentType: part.contentType ?? null,
          data: part.data,
        });
      } else if (part.name === 'payload_json') {
        payload = JSON.parse(part.data.toString('utf8'));
      } else {
        fields[part.name] = part.data.toString('utf8');
      }
    }
    return { body: payload ?? fields, files };
  }
  const text = raw.toString('utf8');
  return { body: JSON.parse(text), files: [] };
};

const discordError = (status: number, code: number, message: string) =>
  new DiscordApiError(status, code, message);

export class DoubleHttpServer {
  readonly server: Server;
  private nextRequestId = 1;

  constructor(
    private readonly ctx: () => DoubleContext,
    private readonly state: DoubleState,
    private readonly options: HttpOptions,
    private readonly faults: FaultInjector,
  ) {
    this.server = createServer((request, response) => {
      void this.handle(request, response);
    });
    this.server.on('error', (error) => {
      this.state.internalErrors.push(error);
    });
    this.server.on('clientError', (_error, socket) => {
      if (socket.writable) socket.end('HTTP/1.1 400 Bad Request\r\n\r\n');
      else socket.destroy();
    });
  }

  async listen(host: string, port: number): Promise<number> {
    await new Promise<void>((resolve, reject) => {
      const onError = (error: Error) => reject(error);
      this.server.once('error', onError);
      this.server.listen(port, host, () => {
        this.server.off('error', onError);
        resolve();
      });
    });
    const address = this.server.address();
    if (address === null || typeof address === 'string')
      throw new Error('the Discord double could not determine its port');
    return address.port;
  }

  async close(): Promise<void> {
    await new Promise<void>((resolve) => {
      this.server.close(() => resolve());
      this.server.closeAllConnections();
    });
  }

  private send(
    response: ServerResponse,
    status: number,
    body: unknown,
    headers: Readonly<Record<string, string>> = {},
  ): void {
    if (response.headersSent || response.destroyed) return;
    if (body === undefined || status === 204) {
      response.writeHead(status === 200 ? 204 : status, headers);
      response.end();
      return;
    }
    const text = JSON.stringify(body);
    response.writeHead(status, {
      ...headers,
      'Content-Type': 'application/json',
      'Content-Length': Buffer.byteLength(text),
    });
    response.end(text);
  }

  private serveAttachment(pathname: string, response: ServerResponse): void {
    const id = pathname.split('/')[3] ?? '';
    for (const message of this.state.messages.values()) {
      const attachment = message.attachments.find((a) => a.id === id);
      if (attachment) {
        response.writeHead(200, {
          'Content-Type': attachment.contentType ?? 'application/octet-stream',
          'Content-Length': attachment.size,
        });
        response.end(attachment.bytes);
        return;
      }
    }
    this.send(response, 404, { message: '404: Not Found', code: 0 });
  }

  private async handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const started = performance.now();
    const method = (request.method ?? 'GET').toUpperCase();
    const url = new URL(request.url ?? '/', 'http://127.0.0.1');
    if (url.pathname.startsWith('/attachments/') && method === 'GET') {
      this.serveAttachment(url.pathname, response);
      return;
    }
    let raw: Buffer;
    try {
      raw = await readBody(request, this.options.maxBodyBytes);
    } catch (error) {
      const tooLarge = error instanceof BodyTooLargeError;
      this.send(response, tooLarge ? 413 : 400, {
        message: tooLarge ? 'Request entity too large' : '400: Bad Request',
        code: tooLarge ? 40005 : 0,
      });
      return;
    }
    const apiPath = url.pathname.replace(/^\/api(?=\/|$)/, '');
    const versioned = apiPath.replace(/^\/v\d+(?=\/|$)/, '');
    let segments: string[] = [];
    let decodeFailed = false;
    try {
      segments = versioned
        .split('/')
        .filter((s) => s !== '')
        .map((s) => decodeURIComponent(s));
    } catch {
      decodeFailed = true;
    }
    let parsed: ParsedBody = { body: undefined, files: [] };
    let parseError: DiscordApiError | undefined;
    try {
      parsed = parseBody(raw, request.headers['content-type']);
    } catch (error) {
      parseError =
        error instanceof MultipartError
          ? discordError(400, 50035, `Invalid multipart body: ${error.message}`)
          : discordError(400, 50109, 'The request body contains invalid JSON.');
    }
    const record: RequestRecord = {
      id: this.nextRequestId++,
      method,
      path: `/${segments.join('/')}`,
      route: null,
      params: {},
      query: Object.fromEntries(url.searchParams.entries()),
      body: parsed.body,
      files: parsed.files.map((f) => ({
        field: f.field,
        filename: f.filename,
        contentType: f.contentType ?? undefined,
        size: f.data.length,
      })),
      at: this.state.now(),
      status: 0,
      error: null,
      fault: null,
      durationMs: 0,
    };
    this.state.requests.push(record);
    let status: number;
    let body: unknown;
    let headers: Readonly<Record<string, string>> = {};
    try {
      if (!url.pathname.startsWith('/api') || decodeFailed) throw discordError(404, 0, '404: Not Found');
      const match = router.match(method, segments);
      if (match.kind === 'not-found') throw discordError(404, 0, '404: Not Found');
      if (match.kind === 'method-not-allowed') {
        record.route = match.pattern;
        throw discordError(405, 0, '405: Method Not Allowed');
      }
      record.route = match.route.pattern;
      record.params = match.params;
      if (parseError) throw parseError;
      if (match.route.auth) this.checkAuth(request.headers.authorization);
      // Decided before the handler runs, so an injected failure changes nothing.
      const fault = this.faults.decide({
        id: record.id,
        method,
        route: match.route.pattern,
        path: record.path,
      });
      if (fault) {
        record.fault = fault.status;
        record.error = fault.body;
        status = fault.status;
        body = fault.body;
        headers = fault.headers;
      } else {
        const result = match.route.handler(this.ctx(), {
          method,
          params: match.params,
          query: url.searchParams,
          body: parsed.body,
          files: parsed.files,
        });
        status = result.status;
        body = result.body;
      }
    } catch (error) {
      let errorBody: JsonObject;
      if (error instanceof DiscordApiError) {
        status = error.status;
        errorBody = error.toBody();
      } else {
        const failure = error instanceof Error ? error : new Error(String(error));
        this.state.internalErrors.push(failure);
        console.error(`[discord-double] internal error on ${method} ${record.path}:`, failure);
        status = 500;
        errorBody = { message: '500: Internal Server Error', code: 0 };
      }
      record.error = errorBody;
      body = errorBody;
    }
    record.status = status;
    record.durationMs = performance.now() - started;
    this.send(response, status, body, headers);
    if (this.options.logRequests) {
      console.log(
        `[discord-double] ${method} ${record.path} -> ${status}${record.fault === null ? '' : ' (injected)'}${record.error ? ` ${JSON.stringify(record.error)}` : ''}`,
      );
    }
    this.state.notifier.notify('requests');
  }

  private checkAuth(header: string | undefined): void {
    const match = header === undefined ? null : /^Bot\s+(.+)$/i.exec(header);
    if (!match) throw discordError(401, 0, '401: Unauthorized');
    if (this.options.token !== undefined && match[1] !== this.options.token.replace(/^Bot\s+/i, ''))
      throw discordError(401, 0, '401: Unauthorized');
  }
}
