// What is still queued when a run ends, per account: how many actions, when the next one will be
// tried and why it waits. The time is the later of the entry's own next attempt and the account's
// pause (a throttled or re-authorising account holds all its entries), so "next try" is true.
import type { Database } from 'better-sqlite3';
import type { PlatformName } from '../core/domain.ts';
import { outboxHeads, waitingByAccount } from '../store/outbox.ts';

export interface WaitingActions {
  readonly accountId: string | null;
  readonly platform: PlatformName;
  /** Actions not yet sent (pending, or in flight when the summary was taken). */
  readonly count: number;
  /** When the next of them will be tried (ISO); null when none can be sent (no such account). */
  readonly nextAttemptAt: string | null;
  /** Why the next one waits: its last error, or null when it was simply never due yet. */
  readonly reason: string | null;
}

export function waitingActions(db: Database, options: { now: number; knownAccounts: ReadonlySet<string>; pausedUntil: ReadonlyMap<string, number> }): WaitingActions[] {
  const next = new Map<string, { at: number; reason: string | null }>();
  for (const head of outboxHeads(db)) {
    if (head.accountId === null) continue;
    const own = head.nextAttemptAt === null ? options.now : Date.parse(head.nextAttemptAt);
    const at = Math.max(own, options.pausedUntil.get(head.accountId) ?? 0, options.now);
    const best = next.get(head.accountId);
    if (!best || at < best.at) next.set(head.accountId, { at, reason: head.lastError });
  }
  return waitingByAccount(db).map((group) => {
    const known = group.accountId !== null && options.knownAccounts.has(group.accountId);
    const head = group.accountId === null ? undefined : next.get(group.accountId);
    return {
      accountId: group.accountId,
      platform: group.platform,
      count: group.count,
      nextAttemptAt: known && head ? new Date(head.at).toISOString() : null,
      reason: known ? (head?.reason ?? null) : 'the account is not connected, so these actions cannot be sent',
    };
  });
}
