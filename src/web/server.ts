import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import type { Hono } from 'hono';

export interface WebServer {
  readonly port: number;
  close(): Promise<void>;
}

/**
 * Serves the web app over HTTP on `port` (0 picks a free one) and `hostname` (default every
 * interface; put a reverse proxy in front for TLS).
 * @throws Error when the port cannot be bound (in use, or not allowed).
 */
export const startWebServer = (app: Hono, port: number, hostname?: string): Promise<WebServer> =>
  new Promise((resolve, reject) => {
    const server = serve({ fetch: app.fetch, port, ...(hostname ? { hostname } : {}) }, (info: AddressInfo) =>
      resolve({
        port: info.port,
        close: () =>
          new Promise<void>((done) => {
            server.close(() => done());
            // Keep-alive connections would hold close() open; the site has nothing in flight worth waiting for.
            if ('closeAllConnections' in server) server.closeAllConnections();
          }),
      }),
    );
    server.once('error', reject);
  });
