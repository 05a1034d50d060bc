import { describe, expect, it } from 'vitest';
import type { Debate } from '../../src/debate/types.js';
import { FINISHED_PHASES } from '../../src/debate/types.js';
import { applyDebateEvent } from '../../src/play/apply-move.js';
import { createScheduler, type Scheduler } from '../../src/scheduler/scheduler.js';
import type { DebateRepository, Store } from '../../src/store/types.js';
import { BACKENDS, useBackend } from '../store/backends.js';
import { deck, GUILD, openEvent, speaking, step, T0 } from '../store/drive.js';
import { FakeClock } from './fake-clock.js';

/** What the bot does on start: read the live debates' deadlines back and arm them. */
const resumeDeadlines = async (
  scheduler: Scheduler,
  debates: Pick<DebateRepository, 'pendingTimers'>,
  guildIds: string[],
): Promise<number> => {
  const pending = await debates.pendingTimers(guildIds);
  scheduler.start(pending);
  return pending.length;
};

/** A bot process as far as deadlines go: a scheduler whose fires apply timer events to the store. */
const boot = (store: Store, start: number) => {
  const clock = new FakeClock(start);
  const fired: string[] = [];
  const runs: Promise<unknown>[] = [];
  const follow = (state: Debate) => {
    if (state.timer && !FINISHED_PHASES.includes(state.phase))
      scheduler.arm({ debateId: state.id, guildId: state.guildId, timer: state.timer });
    else scheduler.disarm(state.id);
  };
  const scheduler: Scheduler = createScheduler({
    clock,
    fire: (pending) => {
      const run = (async () => {
        const { debateId, guildId, timer } = pending;
        const applied = await applyDebateEvent(
          store,
          deck,
          guildId,
          debateId,
          { type: 'timer', key: timer.key },
          clock.now(),
        );
        fired.push(`${debateId} ${timer.key}`);
        if (applied.ok) follow(applied.stored.state);
      })();
      runs.push(run);
      return run;
    },
  });
  /** Moves time on, letting each fire finish (and arm the next deadline) before going further. */
  const advance = async (ms: number, stepMs = 1000) => {
    for (let left = ms; left > 0; left -= stepMs) {
      await clock.advance(Math.min(stepMs, left));
      while (runs.length > 0) await Promise.allSettled(runs.splice(0));
    }
  };
  return { clock, fired, scheduler, follow, advance };
};

describe.each(BACKENDS)('deadlines across a restart on %s', (backend) => {
  const harness = useBackend(backend);

  it('given deadlines armed by one process, then a new process fires each of them once', async () => {
    const target = await harness.fresh();
    const first = await harness.open({}, target);
    const before = boot(first, T0);
    const { stored } = await speaking(first, 'd1');
    before.follow(stored.state);
    const lobby = await step(first, 'd2', openEvent('d2', { channelId: 'c2' }), T0);
    before.follow(lobby.stored.state);
    expect(before.scheduler.size).toBe(2);
    // The process stops before any deadline: nothing fired.
    await before.scheduler.stop();
    await first.close();
    expect(before.fired).toEqual([]);

    const second = await harness.open({}, target);
    const after = boot(second, T0 + 10);
    expect(await resumeDeadlines(after.scheduler, second.debates, [GUILD])).toBe(2);
    // The first speech is 120 s with a bell 30 s before its end; the lobby closes after 15 min.
    await after.advance(20 * 60_000, 5000);
    expect(after.fired.filter((f) => f.startsWith('d1')).slice(0, 2)).toEqual([
      'd1 turn:0:bell:30',
      'd1 turn:0:end',
    ]);
    expect(after.fired).toContain('d2 lobby');
    expect(new Set(after.fired).size).toBe(after.fired.length);
    expect((await second.debates.get('d2'))?.state.phase).toBe('cancelled');
    const d1 = await second.debates.get('d1');
    expect(d1?.state.turns.map((t) => t.outcome)).toEqual(['missed', 'missed', 'missed', 'missed']);
    await after.scheduler.stop();
  });

  it('given a process that fired a deadline but died before saving, then the next one fires it again and it applies once', async () => {
    const target = await harness.fresh();
    const first = await harness.open({}, target);
    await step(first, 'd1', openEvent('d1'), T0);
    await first.close(); // the fire that was under way never reached the store

    const second = await harness.open({}, target);
    const after = boot(second, T0 + 900_000);
    await resumeDeadlines(after.scheduler, second.debates, [GUILD]);
    await after.advance(1000);
    expect(after.fired).toEqual(['d1 lobby']);
    const done = await second.debates.get('d1');
    expect(done?.state.phase).toBe('cancelled');
    expect(done?.log.filter((e) => e.event.type === 'timer')).toHaveLength(1);

    // A third process started after the save finds nothing left to fire; firing the old key anyway changes nothing.
    const third = boot(second, T0 + 900_500);
    expect(await resumeDeadlines(third.scheduler, second.debates, [GUILD])).toBe(0);
    const again = await applyDebateEvent(
      second,
      deck,
      GUILD,
      'd1',
      { type: 'timer', key: 'lobby' },
      T0 + 900_600,
    );
    expect(again.ok && again.transition.effects).toEqual([]);
    expect((await second.debates.get('d1'))?.log).toEqual(done?.log);
  });

  it('given a deadline that passed while down, then it fires at once on start', async () => {
    const target = await harness.fresh();
    const first = await harness.open({}, target);
    await speaking(first, 'd1');
    await first.close();

    const second = await harness.open({}, target);
    const downFor = 60 * 60_000;
    const after = boot(second, T0 + downFor);
    await resumeDeadlines(after.scheduler, second.debates, [GUILD]);
    await after.advance(1);
    expect(after.fired[0]).toBe('d1 turn:0:bell:30');
    const state = (await second.debates.get('d1'))?.state;
    // The late bell is folded into the end: the missed turn is recorded as of its deadline and the next starts now.
    expect(state?.turns[0]?.outcome).toBe('missed');
    expect(state?.turn).toBe(1);
    expect(state?.turnStartedAt).toBe(T0 + downFor);
    await after.scheduler.stop();
  });
});
