// A clock that only moves when the test says so.
import type { Clock } from '../../src/store/clock.ts';

export interface FixedClock extends Clock {
  advance(ms: number): void;
}

export function fixedClock(startIso = '2026-11-25T12:00:00.000Z'): FixedClock {
  let now = new Date(startIso).getTime();
  return {
    now: () => new Date(now),
    advance: (ms) => {
      now += ms;
    },
  };
}
