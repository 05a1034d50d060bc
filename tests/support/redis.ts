import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { once } from 'node:events';
import { createServer, Socket } from 'node:net';

/**
 * A throwaway redis-server for tests: started on a free loopback port with nothing persisted,
 * stopped by its own pid (never by name). Every wait here is bounded.
 */
export interface RedisServer {
  readonly port: number;
  readonly url: string;
  /** Kills this server at once (SIGKILL: a crash, not a shutdown) and waits for it to exit. */
  kill(): Promise<void>;
  /** Starts it again on the same port, empty. */
  restart(): Promise<void>;
  /** Freezes it (SIGSTOP): connections stay open but nothing answers, like a hung server. */
  pause(): void;
  /** Unfreezes it (SIGCONT). */
  resume(): void;
  /** Stops it for good. */
  stop(): Promise<void>;
}

export const redisInstalled = (): boolean =>
  spawnSync('redis-server', ['--version'], { stdio: 'ignore' }).status === 0;

/** When redis-server is missing: skip loudly, or fail when REQUIRE_REDIS=1 (CI). */
export const redisSkipReason = (): string | undefined => {
  if (redisInstalled()) return undefined;
  if (process.env.REQUIRE_REDIS === '1')
    throw new Error(
      'REQUIRE_REDIS=1 but redis-server is not installed: install it (apt-get install redis-server).',
    );
  const message =
    'redis-server is not installed: the Redis half of the store tests is SKIPPED. ' +
    'Install it (apt-get install redis-server); with REQUIRE_REDIS=1 this is an error.';
  console.warn(`\n${'!'.repeat(100)}\n!! ${message}\n${'!'.repeat(100)}\n`);
  return message;
};

const freePort = async (): Promise<number> => {
  const server = createServer();
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const address = server.address();
  server.close();
  await once(server, 'close');
  if (!address || typeof address === 'string') throw new Error('no port');
  return address.port;
};

const answersPing = (port: number): Promise<boolean> =>
  new Promise((resolve) => {
    const socket = new Socket();
    const done = (ok: boolean) => {
      socket.destroy();
      resolve(ok);
    };
    socket.setTimeout(500, () => done(false));
    socket.once('error', () => done(false));
    socket.once('data', (data) => done(data.toString().startsWith('+PONG')));
    socket.connect(port, '127.0.0.1', () => socket.write('PING\r\n'));
  });

const waitFor = async (what: string, check: () => Promise<boolean>, timeoutMs: number): Promise<void> => {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await check()) return;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
};

const signal = (child: ChildProcess, name: NodeJS.Signals) => {
  if (child.pid !== undefined && child.exitCode === null && child.signalCode === null)
    process.kill(child.pid, name);
};

const launch = async (port: number): Promise<ChildProcess> => {
  const child = spawn(
    'redis-server',
    ['--save', '', '--appendonly', 'no', '--port', String(port), '--bind', '127.0.0.1'],
    { stdio: 'ignore' },
  );
  let exited = false;
  // Safety net: a test worker that ends without running afterAll must not leave a server behind.
  const orphanGuard = () => signal(child, 'SIGKILL');
  process.once('exit', orphanGuard);
  child.once('exit', () => {
    exited = true;
    process.off('exit', orphanGuard);
  });
  try {
    await waitFor(
      `redis-server on port ${port}`,
      async () => {
        if (exited) throw new Error(`redis-server exited while starting on port ${port}`);
        return answersPing(port);
      },
      10_000,
    );
  } catch (error) {
    signal(child, 'SIGKILL');
    throw error;
  }
  return child;
};

const terminate = async (child: ChildProcess, how: NodeJS.Signals): Promise<void> => {
  if (child.exitCode !== null || child.signalCode !== null || child.pid === undefined) return;
  const exited = once(child, 'exit');
  process.kill(child.pid, how);
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise((resolve) => {
    timer = setTimeout(resolve, 5000, 'timeout');
  });
  const outcome = await Promise.race([exited, timeout]);
  clearTimeout(timer);
  if (outcome === 'timeout') {
    process.kill(child.pid, 'SIGKILL');
    await exited;
  }
};

export const startRedis = async (): Promise<RedisServer> => {
  const port = await freePort();
  let child = await launch(port);
  return {
    port,
    url: `redis://127.0.0.1:${port}`,
    kill: () => terminate(child, 'SIGKILL'),
    async restart() {
      signal(child, 'SIGCONT');
      await terminate(child, 'SIGKILL');
      child = await launch(port);
    },
    pause: () => signal(child, 'SIGSTOP'),
    resume: () => signal(child, 'SIGCONT'),
    async stop() {
      signal(child, 'SIGCONT');
      await terminate(child, 'SIGTERM');
    },
  };
};
