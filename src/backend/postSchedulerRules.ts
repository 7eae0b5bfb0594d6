// The schedule's rules, pure so they are tested without a database or a timer: which posts may be
// scheduled and for when, what a due post becomes (queued, or missed because the app was not
// running at its time), and how long the scheduler sleeps before it looks again.
import type { PostState } from '../core/postValidationStates.ts';

/** A time this late when the scheduler first sees it (the machine slept through it) is missed, not published. */
export const MISSED_AFTER_MS = 5 * 60_000;
/** The scheduler looks at least this often, so posts scheduled by another process (the CLI) and sleeps are noticed. */
export const HEARTBEAT_MS = 30_000;
/** The furthest ahead a post can be scheduled (Instagram has no such limit; this catches a mistyped year). */
export const MAX_AHEAD_MS = 366 * 24 * 3_600_000;

const SCHEDULABLE: readonly PostState[] = ['valid', 'scheduled', 'failed', 'missed'];

export interface ScheduleRefusal {
  /** state: the post cannot take a time now (a conflict); time: the time given is not usable (bad input). */
  readonly kind: 'state' | 'time';
  readonly message: string;
}

/** Why `at` cannot be the post's time, or null when it can. `checkOk`: the post passes its checks now. */
export function scheduleRefusal(state: PostState, checkOk: boolean, atMs: number, nowMs: number): ScheduleRefusal | null {
  const refuse = (kind: ScheduleRefusal['kind'], message: string): ScheduleRefusal => ({ kind, message });
  if (!SCHEDULABLE.includes(state)) {
    return refuse('state', state === 'draft' ? 'Only a valid post can be scheduled; fix what its check reports first.' : `A ${state} post cannot be scheduled.`);
  }
  if (!checkOk) return refuse('state', 'The post does not pass its checks any more; fix what its check reports, then schedule it.');
  if (!Number.isFinite(atMs)) return refuse('time', 'The time is not a date and time (use ISO 8601, e.g. 2026-12-24T18:00:00Z).');
  if (atMs <= nowMs) return refuse('time', `That time has already passed (it is now ${new Date(nowMs).toISOString()}); pick a time in the future.`);
  if (atMs - nowMs > MAX_AHEAD_MS) return refuse('time', 'That time is more than a year ahead; pick an earlier one.');
  return null;
}

/** How the scheduler is looking: once at start-up (the app was not running before), or while it runs. */
export type SchedulerPhase = 'startup' | 'running';

export type DueOutcome = 'wait' | 'publish' | 'missed';

/**
 * A post scheduled for `atMs`, looked at `nowMs`. At start-up every past time was missed: the app
 * was not running to publish it. While running, a time is published when the scheduler sees it
 * within MISSED_AFTER_MS; later than that the machine slept through it, so it is missed too.
 */
export function dueOutcome(atMs: number, nowMs: number, phase: SchedulerPhase, missedAfterMs = MISSED_AFTER_MS): DueOutcome {
  if (atMs > nowMs) return 'wait';
  if (phase === 'startup') return 'missed';
  return nowMs - atMs > missedAfterMs ? 'missed' : 'publish';
}

/** How long to sleep: until the next time, at most a heartbeat; 0 when one is already due. */
export function nextDelay(nextAtMs: number | null, nowMs: number, heartbeatMs = HEARTBEAT_MS): number {
  if (nextAtMs === null) return heartbeatMs;
  return Math.max(0, Math.min(heartbeatMs, nextAtMs - nowMs));
}
