// The desk's hub sync: push this desk's events, then pull and apply the team's, every few seconds
// while linked (and on sync.run / hub.sync). One run at a time; a call during a run waits for it
// and runs once more, so what was just written goes out. A hub that cannot be reached leaves local
// work untouched (state 'unreachable'); a refused token or refused events show as 'refused' with
// the hub's sentence. Every change of state is announced as hub.changed.
import { connectionProblem, redactUrl } from '../../hub/connect.ts';
import { HubError } from '../../hub/errors.ts';
import { hubCursor, parkedHubEventCount, retryParkedHubEvents } from '../../store/hubApply.ts';
import { getHubLink, recordHubOutcome, recordHubPush } from '../../store/hubLink.ts';
import { hubOutboxCounts } from '../../store/hubOutbox.ts';
import { isoNow } from '../../store/clock.ts';
import type { BackendContext } from '../context.ts';
import { currentHub, type HubConnection } from './hubConnection.ts';
import { hubMembers, type HubMemberView } from './hubMembers.ts';
import { pullHubEvents } from './hubPull.ts';
import { HubTokenRefused, pushPendingHubEvents } from './hubPush.ts';

export interface HubSyncOptions {
  /** How often a linked desk syncs in the background; 0 turns the timer off (tests drive it). Default 5 s. */
  readonly intervalMs?: number;
  readonly pushBatch?: number;
  readonly pullPage?: number;
}

export type HubSyncStateName = 'idle' | 'syncing' | 'unreachable' | 'refused';

export interface HubSyncState {
  readonly state: HubSyncStateName;
  readonly pendingPush: number;
  readonly parked: number;
  readonly cursor: number;
  readonly lastPushAt: string | null;
  readonly lastPullAt: string | null;
  readonly lastError: string | null;
}

export interface HubSyncRun {
  readonly pushed: number;
  readonly pulled: number;
  readonly applied: number;
}

const NOTHING: HubSyncRun = { pushed: 0, pulled: 0, applied: 0 };

export class HubSync {
  private running: Promise<HubSyncRun> | null = null;
  private queued: Promise<HubSyncRun> | null = null;
  private unreachable: string | null = null;
  private timer: ReturnType<typeof setInterval> | null = null;
  private closed = false;
  private team: readonly HubMemberView[] = [];

  constructor(
    private readonly ctx: BackendContext,
    private readonly options: HubSyncOptions = {},
  ) {}

  /** Starts the background timer (it does nothing while the desk is not linked). */
  start(): void {
    const interval = this.options.intervalMs ?? 5_000;
    if (interval <= 0 || this.timer) return;
    this.timer = setInterval(() => {
      if (getHubLink(this.ctx.db)) void this.syncNow().catch(() => undefined);
    }, interval);
    this.timer.unref();
  }

  /** Stops the timer and waits for a run in progress. */
  async close(): Promise<void> {
    this.closed = true;
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    await Promise.allSettled([this.running, this.queued]);
  }

  /** Push then pull now. While a run is going, waits for it and runs once more after it. */
  syncNow(): Promise<HubSyncRun> {
    if (this.closed) return Promise.resolve(NOTHING);
    if (!this.running) {
      this.running = this.run().finally(() => {
        this.running = null;
      });
      return this.running;
    }
    this.queued ??= this.running.then(
      () => this.next(),
      () => this.next(),
    );
    return this.queued;
  }

  private next(): Promise<HubSyncRun> {
    this.queued = null;
    return this.syncNow();
  }

  /** Parked events get another try when a platform pull brought items or authors. */
  retryParked(): void {
    const link = getHubLink(this.ctx.db);
    if (!link || parkedHubEventCount(this.ctx.db) === 0) return;
    const summary = retryParkedHubEvents(this.ctx.db, link.device, this.ctx.clock);
    if (summary.applied > 0) this.announce('events', summary.applied);
  }

  /** Forgets the last run's outcome and the member list (after leave or a new join). */
  reset(members: readonly HubMemberView[]): void {
    this.unreachable = null;
    this.team = members;
  }

  /** The workspace's members as the last run (or the join) read them. */
  members(): HubMemberView[] {
    return [...this.team];
  }

  /** Waits until no run is going. */
  async idle(): Promise<void> {
    await Promise.allSettled([this.running, this.queued]);
  }

  state(): HubSyncState | null {
    const db = this.ctx.db;
    const link = getHubLink(db);
    if (!link) return null;
    const outbox = hubOutboxCounts(db);
    const refused = link.refusedToken || outbox.refused > 0;
    const state: HubSyncStateName = this.running ? 'syncing' : this.unreachable !== null ? 'unreachable' : refused ? 'refused' : 'idle';
    return {
      state,
      pendingPush: outbox.pending,
      parked: parkedHubEventCount(db),
      cursor: hubCursor(db),
      lastPushAt: link.lastPushAt,
      lastPullAt: link.lastPullAt,
      lastError: this.unreachable ?? link.lastError ?? outbox.refusal,
    };
  }

  private async run(): Promise<HubSyncRun> {
    const db = this.ctx.db;
    const link = getHubLink(db);
    if (!link) return NOTHING;
    // After syncNow() has marked the run as going, so the announcement reads 'syncing'.
    await Promise.resolve();
    this.announce('status');
    let hub: HubConnection | null = null;
    try {
      hub = await currentHub(this.ctx);
      if (!hub) return NOTHING;
      this.retryParked();
      const push = await pushPendingHubEvents(db, hub, this.options.pushBatch ?? 500);
      if (push.pushed > 0) recordHubPush(db, isoNow(this.ctx.clock));
      const pull = await pullHubEvents(db, this.ctx.clock, hub, this.options.pullPage ?? 500);
      const members = await hubMembers(hub.pool, hub.token);
      if (members.ok) this.team = members.value;
      this.unreachable = null;
      recordHubOutcome(db, { error: push.refusal ?? hubOutboxCounts(db).refusal, refusedToken: false });
      if (pull.applied > 0) this.announce('events', pull.applied);
      return { pushed: push.pushed, pulled: pull.pulled, applied: pull.applied };
    } catch (error) {
      if (this.closed && !getHubLink(db)) return NOTHING;
      if (error instanceof HubTokenRefused || (error instanceof HubError && error.code === 'auth_failed')) {
        this.unreachable = null;
        recordHubOutcome(db, { error: error.message, refusedToken: true });
      } else {
        this.unreachable = error instanceof HubError ? error.message : connectionProblem(redactUrl(link.url), error).message;
      }
      return NOTHING;
    } finally {
      this.announce('status');
    }
  }

  private announce(what: 'status' | 'events', changedItems = 0): void {
    this.ctx.events.emit({ type: 'hub.changed', what });
    if (what === 'events' && changedItems > 0) this.ctx.events.emit({ type: 'items.changed', count: changedItems });
  }
}
