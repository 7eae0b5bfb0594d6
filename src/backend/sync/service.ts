// The sync service the hosts use: decide (decision + outbox entry), sync now (pull, then push),
// the manual offline toggle (a persisted setting), outbox status and conflict resolution, and the
// events of the engine forwarded to the backend's event hub. One per open backend, so rate
// budgets and the detected-offline flag live as long as the workspace is open.
import { err, ok, type Result } from '../../core/result.ts';
import { isRemoteState, type FetchFn, type Platform } from '../../platforms/index.ts';
import { listAccounts } from '../../store/accounts.ts';
import { RequestIdReusedError, UnknownItemError } from '../../store/decisions.ts';
import { itemTarget, setItemState } from '../../store/itemRemote.ts';
import { getOutboxEntry, listOutbox, markFailed, requeue, requeueOverriding, type OutboxEntry } from '../../store/outbox.ts';
import { undoDecision } from '../../store/undo.ts';
import { getSetting, setSetting } from '../../store/settings.ts';
import { trackConnectivity, type Connectivity } from '../../sync/connectivity.ts';
import { decideAndQueue, type Decided, type DecideInput } from '../../sync/decide.ts';
import { SyncEngine, type EngineAccount, type SyncSummary } from '../../sync/engine.ts';
import { runPublisher, type PublishSummary } from '../../sync/publish.ts';
import { mediaDirIn } from '../mediaHandlers.ts';
import type { SyncEvent, SyncEventListener } from '../../sync/events.ts';
import { localStateOf } from '../../sync/pull.ts';
import { isHubConflictSnapshot, type HubConflictSnapshot, type SendGate } from '../../sync/sendGate.ts';
import { parseTarget } from '../../sync/target.ts';
import type { WaitingActions } from '../../sync/waiting.ts';
import { MODERATION_ACTIONS, stateAfter, type OutboxState } from '../../core/domain.ts';
import type { BackendContext } from '../context.ts';
import { platformFor } from './accounts.ts';
import { workspaceStats, type WorkspaceStats } from './stats.ts';

export const OFFLINE_SETTING = 'sync.offline';

/** A ban the platform would refuse, said now rather than after the next sync. */
function banProblem(platform: Platform, input: DecideInput): string | null {
  const ban = platform.capabilities.ban;
  if (!ban) return null;
  const days = input.params?.durationDays;
  const reason = input.params?.reason ?? input.reason ?? '';
  if (ban.reasonMaxLength !== null && reason.length > ban.reasonMaxLength) return `A ${platform.name} ban reason has at most ${ban.reasonMaxLength} characters.`;
  if (days === undefined || days === null) return ban.permanent ? null : `${platform.name} has no permanent bans; give a duration.`;
  if (ban.maxDays === null) return `${platform.name} has no temporary bans; leave out the duration.`;
  if (days > ban.maxDays) return `A ${platform.name} ban lasts at most ${ban.maxDays} days.`;
  return null;
}

export interface SyncServiceOptions {
  /** Default: the built-in fetch. Tests inject one (e.g. to cut the network). */
  readonly fetch?: FetchFn | undefined;
  readonly random?: (() => number) | undefined;
  readonly sleep?: ((ms: number) => Promise<void>) | undefined;
  readonly maxAttempts?: number | undefined;
  /** Who may send each decision when a team hub is linked (backend/hub/sendGate.ts); none: this desk alone. */
  readonly sendGate?: SendGate | undefined;
}

export interface SyncStatus {
  readonly offline: { readonly manual: boolean; readonly detected: boolean };
  readonly running: boolean;
  readonly stats: WorkspaceStats;
}

export type ConflictChoice = 'retry' | 'accept_remote';

export class SyncService {
  readonly #ctx: BackendContext;
  readonly #connectivity: Connectivity;
  readonly #engine: SyncEngine;
  readonly #listeners = new Set<SyncEventListener>();
  readonly #platforms = new Map<string, Platform>();
  readonly #gate: SendGate | undefined;
  #running: Promise<SyncSummary> | null = null;
  #timer: NodeJS.Timeout | null = null;

  constructor(ctx: BackendContext, options: SyncServiceOptions = {}) {
    this.#ctx = ctx;
    this.#connectivity = trackConnectivity(options.fetch ?? ((input, init) => globalThis.fetch(input, init)));
    this.#gate = options.sendGate;
    this.#engine = new SyncEngine({
      db: ctx.db,
      clock: ctx.clock,
      accounts: () => this.#accounts(),
      random: options.random,
      sleep: options.sleep,
      ...(options.maxAttempts ? { policy: { baseMs: 1_000, capMs: 5 * 60_000, maxAttempts: options.maxAttempts } } : {}),
      manualOffline: () => this.isManuallyOffline(),
      unreachable: () => this.#connectivity.unreachable(),
      onEvent: (event) => this.#emit(event),
      sendGate: options.sendGate,
    });
  }

  /** Listen to every sync event (progress, outbox changes, connectivity, account problems). */
  subscribe(listener: SyncEventListener): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  #emit(event: SyncEvent): void {
    // The shared hub knows items.changed and connectivity; the rest reach it once the API has them.
    if (event.type === 'items.changed' || event.type === 'connectivity') this.#ctx.events.emit(event);
    for (const listener of this.#listeners) {
      try {
        listener(event);
      } catch {
        // A broken listener must not stop a sync.
      }
    }
  }

  /** Connectors are cached per account so their tokens and budgets survive between runs. */
  #accounts(): EngineAccount[] {
    const accounts: EngineAccount[] = [];
    const seen = new Set<string>();
    for (const account of listAccounts(this.#ctx.db)) {
      seen.add(account.id);
      let platform = this.#platforms.get(account.id);
      if (!platform) {
        const made = platformFor(this.#ctx, account, this.#connectivity.fetch);
        if (!made.ok) {
          this.#emit({ type: 'account.problem', accountId: account.id, status: 'permanent_failure', reason: made.error.message });
          continue;
        }
        platform = made.value;
        this.#platforms.set(account.id, platform);
      }
      accounts.push({ id: account.id, platform });
    }
    for (const id of this.#platforms.keys()) if (!seen.has(id)) this.#platforms.delete(id);
    return accounts;
  }

  /** Forget cached connectors (after an account's credentials were replaced). */
  refreshAccounts(): void {
    this.#platforms.clear();
  }

  /**
   * Records the decision and queues it for the platform, in one transaction. A request id seen
   * before returns the first decision (nothing new is written); with another input it is refused.
   * `announce: false` leaves the items.changed event to the caller (one for a whole bulk run).
   */
  decide(input: DecideInput, options: { announce?: boolean } = {}): Result<Decided, { code: 'not_found' | 'invalid_input' | 'conflict'; message: string }> {
    const row = itemTarget(this.#ctx.db, input.itemId);
    if (!row) return err({ code: 'not_found', message: `There is no item with id ${input.itemId}.` });
    const platform = row.accountId === null ? undefined : this.#accounts().find((account) => account.id === row.accountId)?.platform;
    if (platform && !platform.capabilities.actions.includes(input.action)) {
      return err({ code: 'invalid_input', message: `${platform.name} has no "${input.action}" action.` });
    }
    const invalidBan = platform && input.action === 'ban' ? banProblem(platform, input) : null;
    if (invalidBan) return err({ code: 'invalid_input', message: invalidBan });
    try {
      const decided = decideAndQueue(this.#ctx.db, input, this.#ctx.who, this.#ctx.clock);
      if (decided.replayed) return ok(decided);
      // A bulk run decides many items quietly and tells the UIs once at its end.
      if (options.announce !== false) this.#ctx.events.emit({ type: 'items.changed', count: 1 });
      if (decided.outbox) this.#emit({ type: 'outbox.changed', entryId: decided.outbox.id, itemId: input.itemId, platform: decided.outbox.platform, state: 'pending', reason: null });
      return ok(decided);
    } catch (error) {
      if (error instanceof UnknownItemError) return err({ code: 'not_found', message: error.message });
      if (error instanceof RequestIdReusedError) return err({ code: 'conflict', message: error.message });
      throw error;
    }
  }

  /**
   * Pull every account, then replay the outbox, sleeping through waits shorter than `maxWaitMs`.
   * A second call while one runs joins the first.
   */
  syncNow(options: { maxWaitMs?: number } = {}): Promise<SyncSummary> {
    if (this.#running) return this.#running;
    this.#connectivity.reset();
    const run = this.publishDue().then(() => this.#engine.syncOnce(options)).finally(() => {
      this.#running = null;
    });
    this.#running = run;
    return run;
  }

  /** Sends the publish jobs that are due (posts queued with posts.publish); `syncNow` does it first. */
  publishDue(): Promise<PublishSummary> {
    const ctx = this.#ctx;
    return runPublisher({ db: ctx.db, clock: ctx.clock, who: ctx.who, mediaDir: mediaDirIn(ctx.dataDir), cipher: ctx.cipher, accounts: this.#accounts() });
  }

  /** Only the pull (refresh the queues without sending). */
  pullAll() {
    this.#connectivity.reset();
    return this.#engine.pullAll();
  }

  /** Only the outbox (the "send now" after coming back online). */
  pushOutbox(options: { maxWaitMs?: number } = {}) {
    this.#connectivity.reset();
    return this.#engine.pushOutbox(options);
  }

  /** What is still queued, per account, with when the next one will be tried. */
  waiting(): WaitingActions[] {
    return this.#engine.waiting();
  }

  isManuallyOffline(): boolean {
    return getSetting<boolean>(this.#ctx.db, OFFLINE_SETTING) === true;
  }

  /** The manual toggle; persisted, so it holds across restarts. */
  setOffline(offline: boolean): SyncStatus['offline'] {
    setSetting(this.#ctx.db, OFFLINE_SETTING, offline);
    this.#ctx.events.emit({ type: 'connectivity', online: !offline && !this.#engine.offline().detected });
    return this.#engine.offline();
  }

  status(): SyncStatus {
    return { offline: this.#engine.offline(), running: this.#running !== null, stats: workspaceStats(this.#ctx.db) };
  }

  listOutbox(filter: { state?: OutboxState | undefined; limit?: number | undefined } = {}): OutboxEntry[] {
    return listOutbox(this.#ctx.db, { state: filter.state, limit: filter.limit ?? 100 });
  }

  /**
   * A person settles a conflict: `retry` sends the action again against the remote version now
   * known; `accept_remote` keeps the platform's state locally and closes the entry as failed.
   * On a conflict at the team hub (a teammate's decision holds the send right), `retry` ("Keep
   * mine") asks again as a deliberate override of that decision, and `accept_remote` ("Take
   * theirs") withdraws this desk's decision: nothing is sent.
   */
  resolveConflict(entryId: string, choice: ConflictChoice): Result<OutboxEntry, { code: 'not_found' | 'conflict'; message: string }> {
    const { db, clock } = this.#ctx;
    const entry = getOutboxEntry(db, entryId);
    if (!entry) return err({ code: 'not_found', message: `There is no outbox entry ${entryId}.` });
    if (entry.state !== 'conflict' && !(choice === 'retry' && entry.state === 'failed')) {
      return err({ code: 'conflict', message: `The entry is ${entry.state}, not waiting for a person.` });
    }
    const snapshot = entry.remoteSnapshot as { state?: string; version?: string | null } | null;
    if (entry.state === 'conflict' && isHubConflictSnapshot(entry.remoteSnapshot)) {
      if (choice === 'retry') requeueOverriding(db, entryId, clock);
      else this.#withdraw(entry, entry.remoteSnapshot);
    } else if (choice === 'retry') {
      const target = parseTarget(entry.target);
      requeue(db, entryId, target ? { ...target, version: snapshot?.version ?? target.version } : entry.target, clock);
    } else {
      db.transaction(() => {
        const state = snapshot?.state;
        if (entry.itemId && isRemoteState(state)) setItemState(db, entry.itemId, localStateOf(state), clock);
        markFailed(db, entry.seq, 'a person kept the platform’s state instead', 'superseded', clock);
      })();
      // This desk gives up on sending it, so the right it may hold goes to whoever asks next.
      if (entry.decisionId && this.#gate) void this.#gate.release(entry.decisionId).catch(() => undefined);
    }
    const updated = getOutboxEntry(db, entryId);
    if (!updated) return err({ code: 'not_found', message: `There is no outbox entry ${entryId}.` });
    this.#emit({ type: 'outbox.changed', entryId, itemId: updated.itemId, platform: updated.platform, state: updated.state, reason: updated.lastError });
    return ok(updated);
  }

  /**
   * "Take theirs" on a hub conflict: the decision was never sent, so it is undone the way a person
   * undoes one (audit entry, entry closed as 'undone', item state worked out again). Where undo
   * cannot (a later decision on the item), the entry closes as superseded and the item takes the
   * teammate's action.
   */
  #withdraw(entry: OutboxEntry, holder: HubConflictSnapshot): void {
    const { db, clock, who } = this.#ctx;
    db.transaction(() => {
      requeueOverriding(db, entry.id, clock);
      const undone = entry.decisionId === null ? null : undoDecision(db, entry.decisionId, who, clock);
      if (undone?.ok) return;
      markFailed(db, entry.seq, `withdrawn: ${holder.memberName}’s decision (${holder.action}) stands`, 'superseded', clock);
      const item = entry.itemId === null ? null : itemTarget(db, entry.itemId);
      const action = MODERATION_ACTIONS.find((known) => known === holder.action);
      if (item && action) setItemState(db, item.itemId, stateAfter(action, item.state), clock);
    })();
    this.#ctx.events.emit({ type: 'items.changed', count: 1 });
  }

  /** Background sync every `intervalMs` (the desktop app); detected-offline runs just try again later. */
  startBackground(intervalMs = 60_000): void {
    this.stopBackground();
    this.#timer = setInterval(() => {
      if (!this.isManuallyOffline()) void this.syncNow().catch(() => undefined);
    }, intervalMs);
    this.#timer.unref();
  }

  stopBackground(): void {
    if (this.#timer) clearInterval(this.#timer);
    this.#timer = null;
  }
}
