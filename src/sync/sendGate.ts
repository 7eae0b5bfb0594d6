// The send gate: in a team, exactly one desktop sends each platform action. Before an outbox entry
// for a decision leaves, the engine asks the gate for the send right of its target, naming the
// local decision (its hub event id). The gate is injected (the backend wires it to the team hub),
// so this room knows nothing of the hub. Without a gate, or with no hub linked ('free'), entries go
// as they always did. Here: asking for each due entry and turning the answers into outbox states.
import type { Database } from 'better-sqlite3';
import type { ModerationAction, PlatformName } from '../core/domain.ts';
import type { Clock } from '../store/clock.ts';
import { markConflict, reschedule, type OutboxEntry } from '../store/outbox.ts';
import type { SyncEvent } from './events.ts';

export interface SendRightRequest {
  readonly platform: PlatformName;
  readonly remoteId: string;
  /** The local decision's id, which is its hub event id. */
  readonly decisionId: string;
  readonly action: ModerationAction;
  /** The teammate's decision this one deliberately overrides ("Keep mine"), else null. */
  readonly overrides: string | null;
}

/** Who holds the send right of a target: a teammate's decision that reached the hub first. */
export interface SendRightHolder {
  readonly memberName: string;
  /** The teammate's action, as the hub has it (a newer desk may know actions this one does not). */
  readonly action: string;
  readonly decisionId: string;
  readonly decidedAt: string;
}

export type SendVerdict =
  /** No team hub linked: send as a single desk does. */
  | { readonly kind: 'free' }
  | { readonly kind: 'granted' }
  /** A teammate has the item open; try again when the claim ends. */
  | { readonly kind: 'claimed'; readonly memberName: string; readonly expiresAt: string }
  | { readonly kind: 'decided'; readonly holder: SendRightHolder }
  /** No answer (hub unreachable, or it refused this member): never sent without the right. */
  | { readonly kind: 'wait'; readonly reason: string };

export interface SendGate {
  acquire(request: SendRightRequest): Promise<SendVerdict>;
  /** Lets go of a right whose send failed for good, so a teammate's decision can go. */
  release(decisionId: string): Promise<void>;
}

/** The remote snapshot of an entry the hub gave to a teammate: what the conflict shows. */
export interface HubConflictSnapshot extends SendRightHolder {
  readonly source: 'hub';
}

/** How long an entry waits before asking a hub that did not answer again. */
export const HUB_RETRY_MS = 30_000;

export const WAITING_FOR_HUB = 'waiting for the team hub';

export function isHubConflictSnapshot(value: unknown): value is HubConflictSnapshot {
  if (typeof value !== 'object' || value === null) return false;
  const snapshot = value as Partial<Record<keyof HubConflictSnapshot, unknown>>;
  return snapshot.source === 'hub' && typeof snapshot.decisionId === 'string' && typeof snapshot.memberName === 'string';
}

/** "2 min ago", from the hub's time of the decision and this desk's clock (a skew reads as "just now"). */
export function agoText(thenIso: string, nowMs: number): string {
  const minutes = Math.floor((nowMs - Date.parse(thenIso)) / 60_000);
  if (!Number.isFinite(minutes) || minutes < 1) return 'just now';
  if (minutes < 60) return `${minutes} min ago`;
  const hours = Math.floor(minutes / 60);
  if (hours < 24) return `${hours} h ago`;
  return `${Math.floor(hours / 24)} d ago`;
}

export function decidedReason(holder: SendRightHolder, nowMs: number): string {
  return `decided by ${holder.memberName} ${agoText(holder.decidedAt, nowMs)} (${holder.action})`;
}

export function claimedReason(memberName: string): string {
  return `${memberName} is looking; sends when their claim ends`;
}

/**
 * The teammate's decision a pending entry was requeued over ("Keep mine" keeps the hub snapshot
 * on the entry until it is sent), so the next ask is a deliberate second action.
 */
export function overridesOf(entry: OutboxEntry): string | null {
  return entry.state === 'pending' && isHubConflictSnapshot(entry.remoteSnapshot) ? entry.remoteSnapshot.decisionId : null;
}

/**
 * An entry that was sent once (unconfirmed, or left 'sending' by a crash) already holds the right
 * under the same decision id and is reconciled as without a team; entries with no decision (none
 * today) are not the team's business.
 */
const needsRight = (entry: OutboxEntry): entry is OutboxEntry & { decisionId: string } =>
  entry.decisionId !== null && !entry.unconfirmed && entry.state !== 'sending';

export interface GateContext {
  readonly db: Database;
  readonly clock: Clock;
  readonly gate: SendGate;
  readonly emit: (event: SyncEvent) => void;
}

export interface GateOutcome {
  /** Entries that may be sent now. */
  readonly cleared: OutboxEntry[];
  /** Entries held back: true when they became conflicts, false when they wait. */
  readonly held: { readonly entry: OutboxEntry; readonly conflict: boolean }[];
}

function hold(ctx: GateContext, entry: OutboxEntry, at: number, reason: string, errorClass: string): void {
  // Not an attempt: nothing left for the platform.
  reschedule(ctx.db, entry.seq, { at: new Date(at).toISOString(), error: reason, errorClass, unconfirmed: entry.unconfirmed, refundAttempt: false }, ctx.clock);
  ctx.emit({ type: 'outbox.changed', entryId: entry.id, itemId: entry.itemId, platform: entry.platform, state: 'pending', reason });
}

/**
 * Asks for the send right of each entry, one after another. A hub that gives no answer is not
 * asked again for the rest of this account's entries in this run: they all wait the same way.
 */
export async function passGate(ctx: GateContext, entries: readonly OutboxEntry[]): Promise<GateOutcome> {
  const cleared: OutboxEntry[] = [];
  const held: { entry: OutboxEntry; conflict: boolean }[] = [];
  let silent: string | null = null;
  for (const entry of entries) {
    if (!needsRight(entry)) {
      cleared.push(entry);
      continue;
    }
    const now = ctx.clock.now().getTime();
    const verdict: SendVerdict =
      silent === null
        ? await ctx.gate.acquire({ platform: entry.platform, remoteId: entry.targetRemoteId, decisionId: entry.decisionId, action: entry.action, overrides: overridesOf(entry) })
        : { kind: 'wait', reason: silent };
    switch (verdict.kind) {
      case 'free':
      case 'granted':
        cleared.push(entry);
        break;
      case 'claimed': {
        const expires = Date.parse(verdict.expiresAt);
        hold(ctx, entry, Number.isFinite(expires) && expires > now ? expires : now + HUB_RETRY_MS, claimedReason(verdict.memberName), 'hub_claimed');
        held.push({ entry, conflict: false });
        break;
      }
      case 'decided': {
        const reason = decidedReason(verdict.holder, now);
        const snapshot: HubConflictSnapshot = { source: 'hub', ...verdict.holder };
        markConflict(ctx.db, entry.seq, reason, snapshot, ctx.clock);
        ctx.emit({ type: 'outbox.changed', entryId: entry.id, itemId: entry.itemId, platform: entry.platform, state: 'conflict', reason });
        held.push({ entry, conflict: true });
        break;
      }
      case 'wait':
        silent = verdict.reason;
        hold(ctx, entry, now + HUB_RETRY_MS, verdict.reason, 'hub_waiting');
        held.push({ entry, conflict: false });
        break;
    }
  }
  return { cleared, held };
}
