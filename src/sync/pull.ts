// Incremental pull: walk each queue of an account page by page from its stored cursor. Every page
// is written in one transaction with the cursor that points past it, so a crash resumes the walk
// where it stopped and never records a cursor for items it did not keep. Payloads that failed to
// map are quarantined and the walk goes on. Remote verdicts update the local state of an item
// unless a local decision about it has not settled yet (pending, sending or in conflict), and an
// open remote state never reopens an item a person decided.
import type { Database } from 'better-sqlite3';
import type { ItemState, PlatformName } from '../core/domain.ts';
import type { CallFailure, Platform, PullPage, RemoteItem, RemoteState } from '../platforms/index.ts';
import type { Clock } from '../store/clock.ts';
import { itemIdByRemote, itemTarget, openItemsNotSeen, setItemRemote, setItemState } from '../store/itemRemote.ts';
import { upsertItems, type ItemInput } from '../store/items.ts';
import { unsettledTargets } from '../store/outbox.ts';
import { quarantinePayload } from '../store/quarantine.ts';
import { getSyncCursor, setSyncCursor } from '../store/syncCursors.ts';
import type { RateBudget } from './rateBudget.ts';
import { targetFromRow } from './target.ts';

/** A remotely deleted item is gone for good: locally that reads as removed. */
export const localStateOf = (remote: RemoteState): ItemState => (remote === 'deleted' ? 'removed' : remote);

export interface PullAccountResult {
  /** Distinct items returned (an item in two queues counts once). */
  readonly pulled: number;
  readonly quarantined: number;
  /** Remote ids of every item returned, and whether every queue was walked head to end in this run. */
  readonly seen: ReadonlySet<string>;
  readonly complete: boolean;
  /** The failure that stopped a queue's walk, if any (the other queues still ran). */
  readonly failures: readonly { readonly queue: string; readonly failure: CallFailure }[];
}

export interface PullOptions {
  readonly db: Database;
  readonly clock: Clock;
  readonly accountId: string;
  readonly platform: Platform;
  readonly budget: RateBudget;
  /** Bound on pages per queue per run, so one huge queue cannot starve the push. */
  readonly maxPages: number;
  /** Checked between pages: stop at once when the engine went offline. */
  readonly stopped: () => boolean;
  readonly onPage: (items: number) => void;
}

function toInput(item: RemoteItem, accountId: string, unsettled: ReadonlySet<string>): ItemInput {
  return {
    platform: item.platform,
    remoteId: item.remoteId,
    kind: item.kind,
    accountId,
    community: item.community,
    author: item.author,
    parentRemoteId: item.parentRemoteId,
    title: item.title,
    body: item.body,
    url: item.url,
    createdAt: item.createdAt,
    ...(unsettled.has(item.remoteId) ? {} : { state: localStateOf(item.remoteState) }),
    // An open remote state never undoes a person's decision: Instagram shows an approved (sent,
    // done) comment exactly like an untouched one, and pulling it must not put it back in the queue.
    keepDecided: true,
    raw: item.raw,
    reports: item.reports.map(({ source, reason, count }) => ({ source, reason, count })),
  };
}

/**
 * One page into the store, in one transaction: items (local state only where no local decision
 * is unsettled), their remote state and version, quarantined payloads, and the cursor past it.
 */
export function writePage(db: Database, clock: Clock, where: { accountId: string; platform: PlatformName; queue: string }, page: PullPage): void {
  const { accountId, platform, queue } = where;
  db.transaction(() => {
    const unsettled = unsettledTargets(db, platform);
    upsertItems(db, page.items.map((item) => toInput(item, accountId, unsettled)), clock);
    for (const item of page.items) {
      const id = itemIdByRemote(db, item.platform, item.remoteId);
      if (id) setItemRemote(db, id, { state: item.remoteState, version: item.version }, clock);
    }
    for (const bad of page.quarantined) quarantinePayload(db, { accountId, platform, queue, payload: bad.payload, error: bad.error }, clock);
    setSyncCursor(db, accountId, queue, page.nextCursor, clock);
  })();
}

export async function pullAccount(options: PullOptions): Promise<PullAccountResult> {
  const { db, clock, accountId, platform } = options;
  let pulled = 0;
  let quarantined = 0;
  const failures: { queue: string; failure: CallFailure }[] = [];
  const seen = new Set<string>();
  let complete = true;
  for (const queue of platform.capabilities.queues) {
    let finished = false;
    if (getSyncCursor(db, accountId, queue) !== null) complete = false;
    for (let page = 0; page < options.maxPages; page += 1) {
      if (options.stopped()) return { pulled, quarantined, failures, seen, complete: false };
      const wait = options.budget.take('pull');
      if (wait > 0) {
        failures.push({ queue, failure: { status: 'retry_after', at: new Date(clock.now().getTime() + wait).toISOString(), seconds: Math.ceil(wait / 1000), reason: 'local rate budget spent', ambiguous: false } });
        break;
      }
      const cursor = getSyncCursor(db, accountId, queue);
      const outcome = await platform.pull({ queue, cursor });
      if (outcome.status !== 'ok') {
        failures.push({ queue, failure: outcome });
        break;
      }
      const { items, nextCursor, quarantined: broken } = outcome.page;
      writePage(db, clock, { accountId, platform: platform.name, queue }, outcome.page);
      // One item can sit in several queues (Reddit modqueue and reports, Discourse pending and
      // flagged): count each once, so "pulled" agrees with the items the queue shows.
      const before = seen.size;
      for (const item of items) seen.add(item.remoteId);
      pulled += seen.size - before;
      quarantined += broken.length;
      options.onPage(seen.size - before);
      if (nextCursor === null) {
        finished = true;
        break;
      }
    }
    // A quarantined payload may have been an item we know: its absence proves nothing.
    if (!finished || quarantined > 0) complete = false;
  }
  return { pulled, quarantined, failures, seen, complete };
}

/**
 * After a complete walk: items still open locally that no queue returned were settled on the
 * platform (by another moderator, or deleted). Read each (a bounded number per run, within the
 * budget) and take the platform's state. Returns how many items changed.
 */
export async function settleLeftovers(options: Pick<PullOptions, 'db' | 'clock' | 'accountId' | 'platform' | 'budget'>, seen: ReadonlySet<string>, limit: number): Promise<number> {
  const { db, clock, platform } = options;
  let changed = 0;
  for (const itemId of openItemsNotSeen(db, options.accountId, seen, limit)) {
    const row = itemTarget(db, itemId);
    if (!row || options.budget.take('readState') > 0) break;
    const seenNow = await platform.readState(targetFromRow(row));
    if (seenNow.status !== 'ok' && seenNow.status !== 'not_found') break;
    const remote: RemoteState = seenNow.status === 'ok' ? seenNow.snapshot.state : 'deleted';
    db.transaction(() => {
      setItemRemote(db, itemId, { state: remote, version: seenNow.status === 'ok' ? seenNow.snapshot.version : row.version }, clock);
      // Re-checked inside the transaction: a decision may have been taken while we read.
      if (!unsettledTargets(db, platform.name).has(row.remoteId) && localStateOf(remote) !== row.state) {
        setItemState(db, itemId, localStateOf(remote), clock);
        changed += 1;
      }
    })();
  }
  return changed;
}
