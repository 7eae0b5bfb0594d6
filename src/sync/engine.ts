// The sync engine: send what is due, pull every account's queues by cursor, then replay the rest
// of the outbox — heads only (one entry per target at a time, in seq order), accounts in parallel,
// each account's entries one after another (or in actBatch batches), each account behind its own
// rate budget. Sending first means entries interrupted by a crash are reconciled at the start of
// the next run, and writes are not starved by the pull spending the budget. Waits shorter than the
// caller's patience are slept through; longer ones are left for a later run, and the summary says
// when each account's next try is. Offline (manual, or detected when nothing can connect) stops
// the run without spending attempts. In a team, a send gate (sendGate.ts) decides which desktop
// sends each decision: an entry leaves only with the send right.
import type { Database } from 'better-sqlite3';
import type { Platform } from '../platforms/index.ts';
import type { Clock } from '../store/clock.ts';
import { getOutboxEntry, outboxCounts, outboxHeads, recoverInterrupted, type OutboxEntry } from '../store/outbox.ts';
import { DEFAULT_BACKOFF, type BackoffPolicy } from './backoff.ts';
import type { SyncEvent, SyncEventListener } from './events.ts';
import { pullAccount, settleLeftovers } from './pull.ts';
import { replayBatch, replayOne, type PushContext, type StepResult } from './push.ts';
import { passGate, type SendGate } from './sendGate.ts';
import { planSteps } from './steps.ts';
import { createRateBudget, type RateBudget } from './rateBudget.ts';
import { waitingActions, type WaitingActions } from './waiting.ts';

export interface EngineAccount {
  readonly id: string;
  readonly platform: Platform;
}

export interface SyncEngineOptions {
  readonly db: Database;
  readonly clock: Clock;
  readonly accounts: () => readonly EngineAccount[];
  readonly random?: (() => number) | undefined;
  readonly sleep?: ((ms: number) => Promise<void>) | undefined;
  readonly policy?: BackoffPolicy | undefined;
  /** The persisted manual toggle. */
  readonly manualOffline?: (() => boolean) | undefined;
  /** From trackConnectivity(): true after a connect failure. */
  readonly unreachable?: (() => boolean) | undefined;
  readonly onEvent?: SyncEventListener | undefined;
  readonly maxPagesPerQueue?: number | undefined;
  /** Asked before a decision's entry is sent (the team hub's send right); none: every entry may go. */
  readonly sendGate?: SendGate | undefined;
}

export interface PullSummary {
  readonly pulled: number;
  readonly quarantined: number;
  readonly problems: readonly { readonly accountId: string; readonly queue: string; readonly status: string; readonly reason: string }[];
}

export interface PushSummary {
  readonly acted: number;
  readonly failed: number;
  readonly conflicts: number;
  /** Entries still pending when the run ended (waiting for a later time or for the network). */
  readonly remaining: number;
  /** Those entries per account, with when the next one will be tried. */
  readonly waiting: readonly WaitingActions[];
}

export interface SyncSummary extends PullSummary, PushSummary {
  readonly offline: boolean;
}

/** Items that left every queue are read back at most this many per account per run. */
const LEFTOVER_READS_PER_RUN = 50;

const defaultSleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

export class SyncEngine {
  readonly #options: SyncEngineOptions;
  readonly #budgets = new Map<string, RateBudget>();
  readonly #pausedUntil = new Map<string, number>();
  /** Entries this engine has a request out for: the only 'sending' rows that are not left over from a crash. */
  readonly #inFlight = new Set<number>();
  #detectedOffline = false;

  constructor(options: SyncEngineOptions) {
    this.#options = options;
  }

  /** Offline by the person's toggle or because the last run could not connect. */
  offline(): { manual: boolean; detected: boolean } {
    return { manual: this.#options.manualOffline?.() ?? false, detected: this.#detectedOffline };
  }

  #emit(event: SyncEvent): void {
    this.#options.onEvent?.(event);
  }

  #budget(account: EngineAccount): RateBudget {
    let budget = this.#budgets.get(account.id);
    if (!budget) {
      budget = createRateBudget(account.platform.capabilities.rateLimit, this.#options.clock);
      this.#budgets.set(account.id, budget);
    }
    return budget;
  }

  #setDetected(offline: boolean): void {
    if (this.#detectedOffline === offline) return;
    this.#detectedOffline = offline;
    this.#emit({ type: 'connectivity', online: !offline });
  }

  #unreachable(): boolean {
    return this.#options.unreachable?.() ?? false;
  }

  async pullAll(): Promise<PullSummary> {
    const { db, clock } = this.#options;
    let pulled = 0;
    let quarantined = 0;
    const problems: { accountId: string; queue: string; status: string; reason: string }[] = [];
    if (this.#options.manualOffline?.()) return { pulled, quarantined, problems };
    const accounts = this.#options.accounts();
    let done = 0;
    for (const account of accounts) {
      this.#emit({ type: 'sync.progress', phase: 'pull', done, total: accounts.length, accountId: account.id, items: pulled });
      const result = await pullAccount({
        db,
        clock,
        accountId: account.id,
        platform: account.platform,
        budget: this.#budget(account),
        maxPages: this.#options.maxPagesPerQueue ?? 50,
        stopped: () => this.#detectedOffline,
        onPage: (count) => {
          pulled += count;
          this.#emit({ type: 'sync.progress', phase: 'pull', done, total: accounts.length, accountId: account.id, items: pulled });
        },
      });
      quarantined += result.quarantined;
      if (result.complete && result.failures.length === 0) {
        const settled = await settleLeftovers({ db, clock, accountId: account.id, platform: account.platform, budget: this.#budget(account) }, result.seen, LEFTOVER_READS_PER_RUN);
        if (settled > 0) this.#emit({ type: 'items.changed', count: settled });
      }
      for (const { queue, failure } of result.failures) {
        problems.push({ accountId: account.id, queue, status: failure.status, reason: failure.reason });
        if (failure.status !== 'retry_after') this.#emit({ type: 'account.problem', accountId: account.id, status: failure.status, reason: failure.reason });
      }
      // Every page answered means the network is back; a connect failure means it is not.
      if (result.failures.length > 0 && this.#unreachable()) {
        this.#setDetected(true);
        break;
      }
      this.#setDetected(false);
      done += 1;
    }
    if (pulled > 0) this.#emit({ type: 'items.changed', count: pulled });
    return { pulled, quarantined, problems };
  }

  /** Entries a dead process left in 'sending' go back to pending, unconfirmed and due now. */
  #recoverInterrupted(): void {
    if (this.#inFlight.size > 0) return;
    recoverInterrupted(this.#options.db, this.#options.clock);
  }

  /** What is still queued, per account, with its next try. */
  waiting(): WaitingActions[] {
    const knownAccounts = new Set(this.#options.accounts().map((account) => account.id));
    return waitingActions(this.#options.db, { now: this.#options.clock.now().getTime(), knownAccounts, pausedUntil: this.#pausedUntil });
  }

  #pushSummary(tally: { acted: number; failed: number; conflicts: number }): PushSummary {
    return { ...tally, remaining: countOpen(this.#options.db), waiting: this.waiting() };
  }

  /**
   * Replays the outbox until nothing is due within `maxWaitMs` (default 0: only what is due now).
   * Entries of unknown accounts (removed) stay pending. When it returns, nothing it sent is left
   * 'sending': each entry is settled or pending with its next attempt time.
   */
  async pushOutbox(options: { maxWaitMs?: number } = {}): Promise<PushSummary> {
    const { wentOffline: _, ...summary } = await this.#push(options);
    return summary;
  }

  async #push(options: { maxWaitMs?: number }): Promise<PushSummary & { wentOffline: boolean }> {
    const { db, clock } = this.#options;
    const sleep = this.#options.sleep ?? defaultSleep;
    const deadline = clock.now().getTime() + (options.maxWaitMs ?? 0);
    const tally = { acted: 0, failed: 0, conflicts: 0 };
    this.#recoverInterrupted();
    const startCounts = outboxCounts(db);
    const total = startCounts.pending + startCounts.sending;
    const accounts = new Map(this.#options.accounts().map((account) => [account.id, account]));
    if (total > 0) this.#emit({ type: 'sync.progress', phase: 'push', done: 0, total, accountId: null });
    while (!this.#options.manualOffline?.()) {
      const now = clock.now().getTime();
      const due = new Map<string, OutboxEntry[]>();
      let wake = Number.POSITIVE_INFINITY;
      for (const entry of outboxHeads(db)) {
        // Removed accounts wait; an entry another push of this engine has in flight is theirs.
        if (entry.accountId === null || !accounts.has(entry.accountId) || this.#inFlight.has(entry.seq)) continue;
        const at = Math.max(entry.nextAttemptAt === null ? 0 : Date.parse(entry.nextAttemptAt), this.#pausedUntil.get(entry.accountId) ?? 0);
        if (at <= now) due.set(entry.accountId, [...(due.get(entry.accountId) ?? []), entry]);
        else wake = Math.min(wake, at);
      }
      if (due.size === 0) {
        if (wake > deadline) break;
        await sleep(Math.max(1, wake - now));
        continue;
      }
      const results = await Promise.all(
        [...due].map(([accountId, entries]) => {
          const account = accounts.get(accountId);
          return account ? this.#pushAccount(account, entries) : Promise.resolve([]);
        }),
      );
      for (const result of results.flat()) {
        if (result.kind !== 'settled') continue;
        if (result.state === 'done') tally.acted += 1;
        else if (result.state === 'failed') tally.failed += 1;
        else tally.conflicts += 1;
      }
      this.#emit({ type: 'sync.progress', phase: 'push', done: tally.acted + tally.failed + tally.conflicts, total, accountId: null });
      if (results.flat().some((result) => result.kind === 'offline')) {
        this.#setDetected(true);
        return { ...this.#pushSummary(tally), wentOffline: true };
      }
      this.#setDetected(false);
    }
    return { ...this.#pushSummary(tally), wentOffline: false };
  }

  async #pushAccount(account: EngineAccount, entries: readonly OutboxEntry[]): Promise<StepResult[]> {
    const ctx: PushContext = {
      db: this.#options.db,
      clock: this.#options.clock,
      random: this.#options.random ?? Math.random,
      policy: this.#options.policy ?? DEFAULT_BACKOFF,
      platform: account.platform,
      budget: this.#budget(account),
      emit: (event) => this.#emit(event),
      unreachable: () => this.#unreachable(),
    };
    const results: StepResult[] = [];
    const gate = this.#options.sendGate;
    let sendable = entries;
    if (gate) {
      // Held while the hub is asked, so a parallel push of this engine does not take them too.
      for (const entry of entries) this.#inFlight.add(entry.seq);
      try {
        const passed = await passGate({ db: ctx.db, clock: ctx.clock, gate, emit: ctx.emit }, entries);
        sendable = passed.cleared;
        for (const { conflict } of passed.held) results.push(conflict ? { kind: 'settled', state: 'conflict' } : { kind: 'later' });
      } finally {
        for (const entry of entries) this.#inFlight.delete(entry.seq);
      }
    }
    for (const step of planSteps(account.platform, sendable)) {
      for (const entry of step) this.#inFlight.add(entry.seq);
      let stepResults: StepResult[];
      try {
        stepResults = step.length === 1 && step[0] ? [await replayOne(ctx, step[0])] : await replayBatch(ctx, step);
      } finally {
        for (const entry of step) this.#inFlight.delete(entry.seq);
      }
      results.push(...stepResults);
      if (gate) await this.#releaseFailed(gate, step);
      const pause = stepResults.reduce((until, result) => (result.kind === 'pause' ? Math.max(until, result.untilMs) : until), 0);
      if (pause > 0) this.#pausedUntil.set(account.id, pause);
      if (pause > 0 || stepResults.some((result) => result.kind === 'offline')) break;
    }
    return results;
  }

  /** A send that failed for good gives its right back, so a teammate's decision can go. */
  async #releaseFailed(gate: SendGate, step: readonly OutboxEntry[]): Promise<void> {
    for (const entry of step) {
      if (entry.decisionId === null || getOutboxEntry(this.#options.db, entry.id)?.state !== 'failed') continue;
      try {
        await gate.release(entry.decisionId);
      } catch {
        // Unreleased, the right still names this desk; a teammate sees the conflict and can Keep mine.
      }
    }
  }

  /**
   * Send what is due now (reconciling interrupted writes first), pull, then send the rest, waiting
   * up to `maxWaitMs` for retries; what `stoa sync` and the Sync button run.
   */
  async syncOnce(options: { maxWaitMs?: number } = {}): Promise<SyncSummary> {
    const noPull: PullSummary = { pulled: 0, quarantined: 0, problems: [] };
    this.#recoverInterrupted();
    const first = this.#options.manualOffline?.() ? null : await this.#push({ maxWaitMs: 0 });
    const pull = first?.wentOffline ? noPull : await this.pullAll();
    const push = this.#detectedOffline ? this.#pushSummary({ acted: 0, failed: 0, conflicts: 0 }) : await this.pushOutbox(options);
    const offline = this.#detectedOffline || (this.#options.manualOffline?.() ?? false);
    return {
      ...pull,
      ...push,
      acted: push.acted + (first?.acted ?? 0),
      failed: push.failed + (first?.failed ?? 0),
      conflicts: push.conflicts + (first?.conflicts ?? 0),
      offline,
    };
  }
}

const countOpen = (db: Database): number => {
  const counts = outboxCounts(db);
  return counts.pending + counts.sending;
};
