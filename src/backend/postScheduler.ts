// The post scheduler: while the backend is open it queues each scheduled post's publish at its time,
// through the same path as posts.publish (publish jobs with idempotency keys; the sync sends them).
// At start-up, and after a sleep longer than MISSED_AFTER_MS, a past time is not published silently:
// the post becomes missed and the UI asks a person. At its time a post is checked again; one that no
// longer passes becomes failed with the reason. One timer, re-armed after every pass and every
// change, at most a heartbeat apart, so a post scheduled by another process is picked up too.
// The state check and the queueing are one transaction, so a post is never queued twice.
import { ApiFailure } from '../api/errors.ts';
import { isoNow } from '../store/clock.ts';
import { dueScheduledPosts, failScheduledPost, isScheduledFor, markScheduleMissed, nextScheduledAt } from '../store/postSchedule.ts';
import type { BackendContext } from './context.ts';
import { dueOutcome, HEARTBEAT_MS, MISSED_AFTER_MS, nextDelay, type SchedulerPhase } from './postSchedulerRules.ts';
import { queuePublishFor } from './publishQueue.ts';

/** Timers are injected with the clock, so tests move time instead of sleeping. */
export interface SchedulerTimers {
  set(run: () => void, ms: number): unknown;
  clear(handle: unknown): void;
}

/** Unref'd: a CLI command that opened the workspace is not kept alive by a post due next week. */
export const realTimers: SchedulerTimers = {
  set: (run, ms) => setTimeout(run, ms).unref(),
  clear: (handle) => clearTimeout(handle as NodeJS.Timeout),
};

export interface PostSchedulerOptions {
  readonly timers?: SchedulerTimers | undefined;
  readonly missedAfterMs?: number | undefined;
  readonly heartbeatMs?: number | undefined;
}

export interface SavedPostCheck {
  readonly ok: boolean;
  /** The first violation or error finding, said for a person (null when ok). */
  readonly reason: string | null;
}

export interface PostSchedulerDeps {
  readonly ctx: BackendContext;
  /** The saved post's check now: limits, disclosure and rights, as posts.validate gives it. */
  readonly check: (postId: string) => SavedPostCheck;
  /** Called after publishes were queued, to send them (the backend starts a sync). */
  readonly sendQueued: () => void;
}

export interface SchedulerPass {
  readonly queued: readonly string[];
  readonly missed: readonly string[];
  readonly failed: readonly string[];
}

export class PostScheduler {
  readonly #deps: PostSchedulerDeps;
  readonly #timers: SchedulerTimers;
  readonly #missedAfterMs: number;
  readonly #heartbeatMs: number;
  #timer: unknown = null;
  #closed = false;

  constructor(deps: PostSchedulerDeps, options: PostSchedulerOptions = {}) {
    this.#deps = deps;
    this.#timers = options.timers ?? realTimers;
    this.#missedAfterMs = options.missedAfterMs ?? MISSED_AFTER_MS;
    this.#heartbeatMs = options.heartbeatMs ?? HEARTBEAT_MS;
  }

  /** The start-up pass: every time already past was missed (the app was not running). Then arms the timer. */
  start(): SchedulerPass {
    return this.#pass('startup');
  }

  /** Looks now, as the timer does. */
  runDue(): SchedulerPass {
    return this.#pass('running');
  }

  /** After a schedule changed: sleep until the new earliest time instead of the old one. */
  poke(): void {
    this.#arm();
  }

  close(): void {
    this.#closed = true;
    if (this.#timer !== null) this.#timers.clear(this.#timer);
    this.#timer = null;
  }

  #pass(phase: SchedulerPhase): SchedulerPass {
    const { ctx } = this.#deps;
    const queued: string[] = [];
    const missed: string[] = [];
    const failed: string[] = [];
    let broke = false;
    try {
      const now = ctx.clock.now().getTime();
      for (const due of dueScheduledPosts(ctx.db, isoNow(ctx.clock))) {
        const outcome = dueOutcome(Date.parse(due.scheduledAt), now, phase, this.#missedAfterMs);
        if (outcome === 'missed') {
          if (markScheduleMissed(ctx.db, due.id, due.scheduledAt, ctx.who, ctx.clock)) missed.push(due.id);
        } else if (outcome === 'publish') {
          const result = this.#queue(due.id, due.scheduledAt);
          if (result === 'queued') queued.push(due.id);
          else if (result === 'failed') failed.push(due.id);
        }
      }
      if (queued.length > 0) this.#deps.sendQueued();
    } catch (error) {
      // A pass that broke (a locked database) is tried again at the next heartbeat.
      console.warn(`post scheduler: ${error instanceof Error ? error.message : String(error)}`);
      broke = true;
    }
    // After a broken pass the due post is still due: wait a heartbeat instead of spinning on it.
    this.#arm(broke ? this.#heartbeatMs : 0);
    return { queued, missed, failed };
  }

  /** Re-checks and queues in one transaction that first confirms the post is still scheduled for `at`. */
  #queue(postId: string, at: string): 'queued' | 'failed' | 'skipped' {
    const { ctx, check } = this.#deps;
    return ctx.db.transaction((): 'queued' | 'failed' | 'skipped' => {
      if (!isScheduledFor(ctx.db, postId, at)) return 'skipped';
      const result = check(postId);
      if (!result.ok) {
        failScheduledPost(ctx.db, postId, at, `Not published at its time: ${result.reason ?? 'it no longer passes its checks'}`, ctx.who, ctx.clock);
        return 'failed';
      }
      try {
        queuePublishFor(ctx, postId);
        return 'queued';
      } catch (error) {
        if (!(error instanceof ApiFailure)) throw error;
        failScheduledPost(ctx.db, postId, at, `Not published at its time: ${error.message}`, ctx.who, ctx.clock);
        return 'failed';
      }
    })();
  }

  #arm(minDelayMs = 0): void {
    if (this.#closed) return;
    if (this.#timer !== null) this.#timers.clear(this.#timer);
    const { ctx } = this.#deps;
    let next: string | null = null;
    try {
      next = nextScheduledAt(ctx.db);
    } catch {
      // The database is closing or busy; the heartbeat looks again.
    }
    const delay = Math.max(minDelayMs, nextDelay(next === null ? null : Date.parse(next), ctx.clock.now().getTime(), this.#heartbeatMs));
    this.#timer = this.#timers.set(() => {
      this.#timer = null;
      if (!this.#closed) this.runDue();
    }, delay);
  }
}
