// A clock and timers that move only when the test says so: `advance` is time passing with the app
// awake (each timer fires at its own time), `sleep` is the machine asleep (the clock jumps, then
// the timers that came due fire once, late). The post scheduler takes both instead of the real ones.
import type { SchedulerTimers } from '../../src/backend/postScheduler.ts';
import type { Clock } from '../../src/store/clock.ts';

export interface FakeTime {
  readonly clock: Clock;
  readonly timers: SchedulerTimers;
  advance(ms: number): void;
  sleep(ms: number): void;
  /** Timers set and not yet fired or cleared. */
  pending(): number;
}

export function fakeTime(startMs = Date.now()): FakeTime {
  let now = startMs;
  let seq = 0;
  const queue = new Map<number, { at: number; run: () => void }>();
  const fireDue = (until: number, moveClock: boolean) => {
    for (;;) {
      let next: [number, { at: number; run: () => void }] | undefined;
      for (const entry of queue) if (entry[1].at <= until && (!next || entry[1].at < next[1].at)) next = entry;
      if (!next) return;
      queue.delete(next[0]);
      if (moveClock) now = Math.max(now, next[1].at);
      next[1].run();
    }
  };
  return {
    clock: { now: () => new Date(now) },
    timers: {
      set: (run, ms) => {
        seq += 1;
        queue.set(seq, { at: now + ms, run });
        return seq;
      },
      clear: (handle) => {
        queue.delete(handle as number);
      },
    },
    advance: (ms) => {
      const until = now + ms;
      fireDue(until, true);
      now = until;
    },
    sleep: (ms) => {
      now += ms;
      fireDue(now, false);
    },
    pending: () => queue.size,
  };
}
