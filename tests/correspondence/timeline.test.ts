import { describe, expect, it } from 'vitest';
import type { Announcement, DebateEvent } from '../../src/debate/types.js';
import { createLogger } from '../../src/logger.js';
import { createPlay, type Play } from '../../src/play/play.js';
import type { Announcing } from '../../src/play/ports.js';
import type { OutboxEntry, Store, StoredDebate } from '../../src/store/types.js';
import { FakeClock } from '../scheduler/fake-clock.js';
import { useBackend } from '../store/backends.js';
import { HOUR, LEE, SAM, shippedDeck, speech, T0 } from './drive.js';

/**
 * A whole correspondence debate on the scheduler's fake clock, through the application layer and a
 * real SQLite store: the reminders at 12 h and 1 h before each deadline, a restart in the middle of
 * a 24-hour speech, and the community vote that decides it.
 */
const GUILD = '100000000000000001';
const silent = createLogger('silent');

/** A Discord that records each announcement with the (fake) time it was posted. */
class Recorder implements Announcing {
  readonly posted: { kind: Announcement['kind']; at: number; turn?: number; secondsLeft?: number }[] = [];
  constructor(private readonly clock: () => number) {}
  async deliver(_stored: StoredDebate, entry: OutboxEntry) {
    const a = entry.announcement;
    this.posted.push({
      kind: a.kind,
      at: this.clock(),
      ...('turn' in a ? { turn: a.turn } : {}),
      ...(a.kind === 'bell' ? { secondsLeft: a.secondsLeft } : {}),
    });
    return a.kind === 'lobby-opened' ? { lobbyMessageId: 'lobby-1' } : undefined;
  }
  bells() {
    return this.posted.filter((p) => p.kind === 'bell');
  }
}

const until = async (condition: () => boolean | Promise<boolean>, what: string) => {
  for (let i = 0; i < 1000; i++) {
    if (await condition()) return;
    await new Promise((r) => setTimeout(r, 2));
  }
  expect.fail(`timed out waiting for ${what}`);
};

const boot = (store: Store, clock: FakeClock, recorder: Recorder) =>
  createPlay({
    store,
    deck: shippedDeck,
    clock,
    logger: silent,
    announce: recorder,
    timerClock: clock,
    deliveryBackoff: [1, 1, 1],
  });

/** Moves the fake time on an hour at a time, letting each deadline's move land and re-arm before the next. */
const advance = async (play: Play, clock: FakeClock, ms: number) => {
  const end = clock.now() + ms;
  while (clock.now() < end) {
    await clock.advance(Math.min(HOUR, end - clock.now()));
    await until(async () => {
      const pending = play.scheduler.pending('d1');
      if (pending) return pending.timer.at > clock.now();
      return (await play.debate(GUILD, 'd1'))?.state.phase === 'done';
    }, 'the deadline to be applied and the next one armed');
  }
};

const by = (userId: string) => ({ userId });
const reason = (side: string) =>
  `${side} carried it: the constructive set out a clear mechanism, the rebuttal took the opponent's strongest card head on, and the closing weighed both worlds instead of restating them.`;

describe('a correspondence debate on fake time', () => {
  const harness = useBackend('sqlite');

  it('given 24-hour speeches, a restart mid-speech and community votes, then reminders come 12 h and 1 h before each deadline, once each, and the community decides', async () => {
    const target = await harness.fresh();
    let store = await harness.open({}, target);
    let clock = new FakeClock(T0);
    let recorder = new Recorder(() => clock.now());
    let play = boot(store, clock, recorder);
    const move = (event: DebateEvent) => play.move(GUILD, 'd1', event);

    await move({
      type: 'open',
      id: 'd1',
      guildId: GUILD,
      channelId: '200000000000000001',
      hostId: LEE,
      motionId: 'M01',
      formatId: 'correspondence',
      mode: 'text',
      size: '1v1',
      seed: 5,
      lobbySeconds: 900,
      judging: 'community',
    });
    await move({ type: 'join', actor: by(LEE), side: 'lecun' });
    await move({ type: 'join', actor: by(SAM), side: 'scaling' });
    await move({ type: 'begin', actor: by(LEE) });
    await move({ type: 'done', actor: by(LEE), turn: -1 });
    await move({ type: 'done', actor: by(SAM), turn: -1 });
    await until(() => play.scheduler.pending('d1') !== undefined, 'the first bell armed');
    expect(play.scheduler.pending('d1')?.timer).toEqual({ key: 'turn:0:bell:43200', at: T0 + 12 * HOUR });

    // Turn 0 (lee, 24 h). 12 h in: the first reminder.
    await advance(play, clock, 12 * HOUR);
    await until(() => recorder.bells().length === 1, 'the 12 h reminder');
    expect(recorder.bells()).toEqual([{ kind: 'bell', at: T0 + 12 * HOUR, turn: 0, secondsLeft: 43200 }]);

    // The bot stops 18 h into the speech and comes back: the speech goes on with the same deadline.
    await advance(play, clock, 6 * HOUR);
    await play.stop();
    await store.close();
    store = await harness.open({}, target);
    clock = new FakeClock(T0 + 18 * HOUR + 60_000);
    recorder = new Recorder(() => clock.now());
    play = boot(store, clock, recorder);
    await play.resume([GUILD]);
    expect(play.scheduler.pending('d1')?.timer).toEqual({ key: 'turn:0:bell:3600', at: T0 + 23 * HOUR });
    const resumed = await play.debate(GUILD, 'd1');
    expect(resumed?.state.turnEndsAt).toBe(T0 + 24 * HOUR);

    await advance(play, clock, 5 * HOUR - 60_000);
    await until(() => recorder.bells().length === 1, 'the 1 h reminder');
    expect(recorder.bells()).toEqual([{ kind: 'bell', at: T0 + 23 * HOUR, turn: 0, secondsLeft: 3600 }]);

    // lee speaks with 30 minutes to spare; sam's 24 hours start then.
    await clock.advance(HOUR / 2);
    const spokeAt = clock.now();
    await move({ type: 'speak', actor: by(LEE), text: speech('lee'), turn: 0 });
    await until(
      () => play.scheduler.pending('d1')?.timer.key === 'turn:1:bell:43200',
      'sam’s first bell armed',
    );
    await advance(play, clock, 23 * HOUR);
    await until(() => recorder.bells().length === 3, 'sam’s two reminders');
    expect(recorder.bells().slice(1)).toEqual([
      { kind: 'bell', at: spokeAt + 12 * HOUR, turn: 1, secondsLeft: 43200 },
      { kind: 'bell', at: spokeAt + 23 * HOUR, turn: 1, secondsLeft: 3600 },
    ]);

    // The other four speeches come in at once: no reminder rings for them.
    for (let turn = 1; turn < 6; turn++) {
      const speaker = turn % 2 === 0 ? LEE : SAM;
      await move({ type: 'speak', actor: by(speaker), text: speech(speaker), turn });
    }
    await until(() => recorder.posted.some((p) => p.kind === 'voting-opened'), 'the voting window');
    await until(() => play.scheduler.pending('d1')?.timer.key === 'voting', 'the voting deadline armed');
    expect(recorder.bells()).toHaveLength(3);
    const closesAt = clock.now() + 48 * HOUR;
    expect(play.scheduler.pending('d1')?.timer).toEqual({ key: 'voting', at: closesAt });

    await move({ type: 'vote', actor: by('carol'), side: 'scaling', reason: reason('Scaling') });
    await move({ type: 'vote', actor: by('dave'), side: 'scaling', reason: reason('Scaling') });
    await move({ type: 'vote', actor: by('erin'), side: 'lecun', reason: reason('LeCun') });
    await advance(play, clock, 48 * HOUR);
    await until(() => recorder.posted.some((p) => p.kind === 'finished'), 'the result');
    const done = await store.debates.get('d1');
    expect(done?.state.result?.decidedBy).toBe('community');
    expect(done?.state.result?.winner).toBe('scaling');
    expect(recorder.posted.find((p) => p.kind === 'finished')?.at).toBe(closesAt);
    await play.stop();
  });
});
