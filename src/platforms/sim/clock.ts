// A clock the tests move by hand: token expiry, rate windows and quota resets happen when a test
// says so, not when the wall clock drifts. Structurally a `Clock` (platform.ts), so connectors and
// simulators can share one instance.
import type { Clock } from '../platform.ts';

export interface VirtualClock extends Clock {
  /** Epoch milliseconds; cheaper than now().getTime() in hot paths. */
  nowMs(): number;
  advance(ms: number): void;
  set(at: Date): void;
}

export function createVirtualClock(start: Date = new Date('2026-11-25T12:00:00.000Z')): VirtualClock {
  let current = start.getTime();
  return {
    now: () => new Date(current),
    nowMs: () => current,
    advance(ms: number) {
      if (!Number.isFinite(ms) || ms < 0) throw new RangeError(`cannot advance a clock by ${ms} ms`);
      current += ms;
    },
    set(at: Date) {
      current = at.getTime();
    },
  };
}

/**
 * A clock that follows real time plus an offset: `stoa sim` uses it so retry-after waits and token
 * lifetimes pass on their own, while `advance` still jumps ahead (e.g. to the next quota day).
 */
export function createRealtimeClock(): VirtualClock {
  let offset = 0;
  return {
    now: () => new Date(Date.now() + offset),
    nowMs: () => Date.now() + offset,
    advance(ms: number) {
      if (!Number.isFinite(ms) || ms < 0) throw new RangeError(`cannot advance a clock by ${ms} ms`);
      offset += ms;
    },
    set(at: Date) {
      offset = at.getTime() - Date.now();
    },
  };
}

const UNIT_MS: Readonly<Record<string, number>> = { ms: 1, s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000 };

/** Parses "25h", "90s", "1500ms", "2d" or a bare number of milliseconds; null when unreadable. */
export function parseDuration(text: string | number): number | null {
  if (typeof text === 'number') return Number.isFinite(text) && text >= 0 ? text : null;
  const match = /^\s*(\d+(?:\.\d+)?)\s*(ms|s|m|h|d)?\s*$/.exec(text);
  if (!match) return null;
  const unit = UNIT_MS[match[2] ?? 'ms'];
  return unit === undefined ? null : Number(match[1]) * unit;
}
