import { describe, expect, it } from 'vitest';
import { MAX_TIMER_MS } from '../../src/scheduler/clock.js';
import { createScheduler, type SchedulerOptions } from '../../src/scheduler/scheduler.js';
import { type PendingTimer, StoreUnavailableError } from '../../src/store/types.js';
import { FakeClock } from './fake-clock.js';

const T0 = 1_700_000_000_000;
const pending = (debateId: string, at: number, key = 'turn:0:end'): PendingTimer => ({
  debateId,
  guildId: 'g1',
  timer: { key, at },
});

const setup = (options: Partial<SchedulerOptions> = {}) => {
  const clock = new FakeClock(T0);
  const fired: string[] = [];
  const scheduler = createScheduler({
    clock,
    fire: async (p) => {
      fired.push(`${p.debateId}:${p.timer.key}@${clock.now() - T0}`);
    },
    ...options,
  });
  return { clock, fired, scheduler };
};

describe('scheduler', () => {
  it('given deadlines armed in any order, then each fires once, at its time, in time order', async () => {
    const { clock, fired, scheduler } = setup();
    scheduler.arm(pending('b', T0 + 3000));
    scheduler.arm(pending('a', T0 + 1000));
    scheduler.arm(pending('c', T0 + 2000));
    expect(scheduler.size).toBe(3);
    await clock.advance(999);
    expect(fired).toEqual([]);
    await clock.advance(10_000);
    expect(fired).toEqual(['a:turn:0:end@1000', 'c:turn:0:end@2000', 'b:turn:0:end@3000']);
    expect(scheduler.size).toBe(0);
    await scheduler.stop();
  });

  it('given many deadlines, then only one Node timer is pending at a time', async () => {
    const { clock, scheduler } = setup();
    for (let i = 0; i < 500; i++) scheduler.arm(pending(`d${i}`, T0 + 1000 + ((i * 37) % 500) * 10));
    expect(clock.timers).toBe(1);
    await clock.advance(2000);
    expect(clock.timers).toBe(1);
    await scheduler.stop();
    expect(clock.timers).toBe(0);
  });

  it('given a debate re-armed, then only its latest deadline fires', async () => {
    const { clock, fired, scheduler } = setup();
    scheduler.arm(pending('a', T0 + 1000, 'turn:0:bell:30'));
    scheduler.arm(pending('a', T0 + 5000, 'turn:0:end'));
    await clock.advance(10_000);
    expect(fired).toEqual(['a:turn:0:end@5000']);
  });

  it('given a debate disarmed, then its deadline never fires', async () => {
    const { clock, fired, scheduler } = setup();
    scheduler.arm(pending('a', T0 + 1000));
    scheduler.arm(pending('b', T0 + 2000));
    scheduler.disarm('a');
    await clock.advance(10_000);
    expect(fired).toEqual(['b:turn:0:end@2000']);
  });

  it('given a deadline that passed while down, then it fires at once on start', async () => {
    const { clock, fired, scheduler } = setup();
    clock.jump(T0 + 60_000);
    scheduler.start([pending('late', T0 + 1000), pending('later', T0 + 120_000)]);
    await clock.advance(0);
    expect(fired).toEqual(['late:turn:0:end@60000']);
    await clock.advance(60_000);
    expect(fired).toEqual(['late:turn:0:end@60000', 'later:turn:0:end@120000']);
  });

  it('given a deadline beyond the longest Node timer, then it sleeps in steps and fires on time', async () => {
    const { clock, fired, scheduler } = setup();
    const far = T0 + 40 * 24 * 3600 * 1000; // 40 days
    scheduler.arm(pending('far', far));
    expect(Math.max(...clock.delays)).toBeLessThanOrEqual(MAX_TIMER_MS);
    await clock.advance(MAX_TIMER_MS);
    expect(fired).toEqual([]);
    await clock.advance(far - clock.now());
    expect(fired).toEqual([`far:turn:0:end@${far - T0}`]);
    expect(clock.delays.every((d) => d <= MAX_TIMER_MS)).toBe(true);
  });

  it('given a fire that throws (store down), then it is retried with backoff until it succeeds', async () => {
    const clock = new FakeClock(T0);
    const attempts: number[] = [];
    const scheduler = createScheduler({
      clock,
      backoff: [1000, 2000, 5000],
      fire: async () => {
        attempts.push(clock.now() - T0);
        if (attempts.length < 5) throw new StoreUnavailableError(new Error('down'));
      },
    });
    scheduler.arm(pending('a', T0 + 100));
    await clock.advance(60_000);
    // 100, then +1 s, +2 s, +5 s, +5 s (the last wait repeats)
    expect(attempts).toEqual([100, 1100, 3100, 8100, 13100]);
    expect(scheduler.size).toBe(0);
  });

  it('given a fire failing while the debate is re-armed, then the old deadline is not retried', async () => {
    const clock = new FakeClock(T0);
    const fired: string[] = [];
    let scheduler: ReturnType<typeof createScheduler> | undefined;
    scheduler = createScheduler({
      clock,
      fire: async (p) => {
        fired.push(p.timer.key);
        if (p.timer.key === 'prep') {
          scheduler?.arm(pending('a', T0 + 10_000, 'turn:0:end'));
          throw new Error('failed after the next deadline was armed');
        }
      },
    });
    scheduler.arm(pending('a', T0 + 100, 'prep'));
    await clock.advance(60_000);
    expect(fired).toEqual(['prep', 'turn:0:end']);
  });

  it('given a fire that keeps failing with a bug, then it gives up after a few attempts', async () => {
    const clock = new FakeClock(T0);
    let attempts = 0;
    const scheduler = createScheduler({
      clock,
      backoff: [10],
      fire: async () => {
        attempts++;
        throw new Error('bug');
      },
    });
    scheduler.arm(pending('a', T0));
    await clock.advance(10_000);
    expect(attempts).toBe(8);
    expect(scheduler.size).toBe(0);
  });

  it('given a fire that throws synchronously, then the other deadlines still fire', async () => {
    const clock = new FakeClock(T0);
    const fired: string[] = [];
    const scheduler = createScheduler({
      clock,
      retry: () => false,
      fire: (p) => {
        if (p.debateId === 'bad') throw new Error('sync bug');
        fired.push(p.debateId);
        return Promise.resolve();
      },
    });
    scheduler.arm(pending('bad', T0 + 10));
    scheduler.arm(pending('good', T0 + 10));
    await clock.advance(100);
    expect(fired).toEqual(['good']);
  });

  it('given a lateness hook, then it reports how late each deadline fires', async () => {
    const late: number[] = [];
    const { clock, scheduler } = setup({ onFire: (_, ms) => late.push(ms) });
    scheduler.arm(pending('a', T0 - 500));
    scheduler.arm(pending('b', T0 + 1000));
    await clock.advance(2000);
    expect(late).toEqual([500, 0]);
  });

  it('given the scheduler stopped, then nothing fires and in-flight fires are awaited', async () => {
    const clock = new FakeClock(T0);
    let release: () => void = () => undefined;
    let finished = false;
    const scheduler = createScheduler({
      clock,
      fire: () =>
        new Promise<void>((resolve) => {
          release = () => {
            finished = true;
            resolve();
          };
        }),
    });
    scheduler.arm(pending('a', T0 + 10));
    scheduler.arm(pending('b', T0 + 10_000));
    await clock.advance(100);
    const stopped = scheduler.stop();
    release();
    await stopped;
    expect(finished).toBe(true);
    expect(clock.timers).toBe(0);
  });
});
