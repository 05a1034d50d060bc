import { createServer, type Server, Socket } from 'node:net';

/**
 * A TCP proxy on loopback that holds every chunk the server sends back for `delayMs` before passing
 * it on, in order: a store that answers, but late (a congested network, an overloaded Redis).
 * `delayMs` can be changed while it runs; 0 passes answers straight through.
 */
export interface SlowProxy {
  readonly url: string;
  delayMs: number;
  close(): Promise<void>;
}

export const startSlowProxy = async (targetPort: number, delayMs: number): Promise<SlowProxy> => {
  const sockets = new Set<Socket>();
  const proxy = { delayMs };
  const server: Server = createServer((client) => {
    const upstream = new Socket();
    sockets.add(client).add(upstream);
    let chain = Promise.resolve();
    upstream.connect(targetPort, '127.0.0.1');
    client.on('data', (chunk) => upstream.write(chunk));
    upstream.on('data', (chunk) => {
      const due = Date.now() + proxy.delayMs;
      chain = chain.then(async () => {
        const wait = due - Date.now();
        if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
        if (!client.destroyed) client.write(chunk);
      });
    });
    const end = () => {
      client.destroy();
      upstream.destroy();
      sockets.delete(client);
      sockets.delete(upstream);
    };
    client.on('close', end).on('error', end);
    upstream.on('close', end).on('error', end);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  if (!address || typeof address === 'string') throw new Error('the proxy has no port');
  return {
    url: `redis://127.0.0.1:${address.port}`,
    get delayMs() {
      return proxy.delayMs;
    },
    set delayMs(ms: number) {
      proxy.delayMs = ms;
    },
    async close() {
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
};
