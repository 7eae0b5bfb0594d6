// Replaying one outbox entry (or one batch) against its platform, and turning every outcome into
// a state: done | failed (with reason) | conflict (with the remote snapshot) | later (with a time).
// 'sending' is committed before a request leaves and lasts only while it is in flight. An entry
// that is unconfirmed (the process died mid-request, or the connection dropped after the request
// went out) and any write the platform does not make idempotent are reconciled by reading the
// remote state first, never blindly resent.
import type { Database } from 'better-sqlite3';
import { actionReflected, type ActionRequest, type ActionSteps, type ActOutcome, type CallFailure, type Platform, type RemoteSnapshot } from '../platforms/index.ts';
import type { Clock } from '../store/clock.ts';
import { setItemRemote } from '../store/itemRemote.ts';
import { markConflict, markDone, markFailed, markSending, markStep, reschedule, type OutboxEntry, type StepState } from '../store/outbox.ts';
import { nextAttemptAt, type BackoffPolicy } from './backoff.ts';
import type { SyncEvent } from './events.ts';
import type { RateBudget } from './rateBudget.ts';
import { parseParams, parseTarget } from './target.ts';

export interface PushContext {
  readonly db: Database;
  readonly clock: Clock;
  readonly random: () => number;
  readonly policy: BackoffPolicy;
  readonly platform: Platform;
  readonly budget: RateBudget;
  readonly emit: (event: SyncEvent) => void;
  /** True when the last failure was a connect failure (offline), not an answer or a dropped request. */
  readonly unreachable: () => boolean;
}

export type StepResult =
  | { readonly kind: 'settled'; readonly state: 'done' | 'failed' | 'conflict' }
  | { readonly kind: 'later' }
  /** Stop sending for this account until then (rate limit, spent budget, re-auth needed). */
  | { readonly kind: 'pause'; readonly untilMs: number }
  | { readonly kind: 'offline' };

/**
 * How long an account that needs re-authorising waits before the next try. Not for good: a token
 * that failed twice in a row can be a blip, and a person who reconnects the account should not
 * have to wait long. The entries stay queued (no attempt is spent), the account shows the problem.
 */
const REAUTH_RETRY_MS = 60_000;

function changed(ctx: PushContext, entry: OutboxEntry, state: 'sending' | 'pending' | 'done' | 'failed' | 'conflict', reason: string | null): void {
  ctx.emit({ type: 'outbox.changed', entryId: entry.id, itemId: entry.itemId, platform: entry.platform, state, reason });
}

function settleDone(ctx: PushContext, entry: OutboxEntry, snapshot: RemoteSnapshot | null): StepResult {
  ctx.db.transaction(() => {
    markDone(ctx.db, entry.seq, ctx.clock, snapshot);
    if (snapshot && entry.itemId) setItemRemote(ctx.db, entry.itemId, { state: snapshot.state, version: snapshot.version }, ctx.clock);
  })();
  changed(ctx, entry, 'done', null);
  return { kind: 'settled', state: 'done' };
}

function settleFailed(ctx: PushContext, entry: OutboxEntry, reason: string, code: string): StepResult {
  markFailed(ctx.db, entry.seq, reason, code, ctx.clock);
  changed(ctx, entry, 'failed', reason);
  return { kind: 'settled', state: 'failed' };
}

/** Whether the entry was unconfirmed when picked up (an earlier request may have been applied). */
const wasUnconfirmed = (entry: OutboxEntry): boolean => entry.unconfirmed || entry.state === 'sending';

/**
 * A failure before or after sending. `sentNow`: this attempt marked the entry 'sending' and sent
 * it (after a reconciling read when one was needed, so only this request's fate is open).
 * Otherwise nothing left and the entry stays as unconfirmed as it was.
 */
function handleFailure(ctx: PushContext, entry: OutboxEntry, failure: CallFailure, sentNow: boolean): StepResult {
  const now = ctx.clock.now().getTime();
  const attempts = entry.attempts + (sentNow ? 1 : 0);
  if (failure.status === 'permanent_failure') return settleFailed(ctx, entry, failure.reason, failure.code);
  if (failure.status === 'reauth') {
    const until = now + Math.round(REAUTH_RETRY_MS / 2 + (ctx.random() * REAUTH_RETRY_MS) / 2);
    // Refused before it reached the moderation endpoint: not an attempt, and not applied.
    const unconfirmed = sentNow ? false : wasUnconfirmed(entry);
    reschedule(ctx.db, entry.seq, { at: new Date(until).toISOString(), error: failure.reason, errorClass: 'reauth', unconfirmed, refundAttempt: sentNow }, ctx.clock);
    changed(ctx, entry, 'pending', failure.reason);
    ctx.emit({ type: 'account.problem', accountId: entry.accountId ?? '', status: 'reauth', reason: failure.reason });
    return { kind: 'pause', untilMs: until };
  }
  // Could not connect: the request never left, so this is not an attempt and not ambiguous.
  if (ctx.unreachable()) {
    const unconfirmed = wasUnconfirmed(entry) || (sentNow && failure.ambiguous);
    reschedule(ctx.db, entry.seq, { at: new Date(now).toISOString(), error: failure.reason, errorClass: 'offline', unconfirmed, refundAttempt: sentNow }, ctx.clock);
    changed(ctx, entry, 'pending', failure.reason);
    return { kind: 'offline' };
  }
  const unconfirmed = sentNow ? failure.ambiguous : wasUnconfirmed(entry);
  if (sentNow && attempts >= ctx.policy.maxAttempts) {
    return settleFailed(ctx, entry, `gave up after ${attempts} attempts: ${failure.reason}`, 'retry_exhausted');
  }
  const at = nextAttemptAt(now, Math.max(1, attempts), failure.at, ctx.random, ctx.policy);
  reschedule(ctx.db, entry.seq, { at: new Date(at).toISOString(), error: failure.reason, errorClass: failure.ambiguous ? 'ambiguous' : 'retry_after', unconfirmed, refundAttempt: false }, ctx.clock);
  changed(ctx, entry, 'pending', failure.reason);
  // An answer that says "wait" (429, quota, 5xx) holds the whole account, so parallel work does
  // not amplify the throttling; a dropped connection only delays this entry.
  const platformAt = Date.parse(failure.at);
  return !failure.ambiguous && platformAt > now ? { kind: 'pause', untilMs: platformAt } : { kind: 'later' };
}

function applyOutcome(ctx: PushContext, entry: OutboxEntry, outcome: ActOutcome): StepResult {
  switch (outcome.status) {
    case 'done':
    case 'already_done':
      return settleDone(ctx, entry, outcome.snapshot);
    case 'conflict':
      markConflict(ctx.db, entry.seq, outcome.reason, outcome.remote, ctx.clock);
      changed(ctx, entry, 'conflict', outcome.reason);
      return { kind: 'settled', state: 'conflict' };
    default:
      return handleFailure(ctx, entry, outcome, true);
  }
}

/** Whether the entry must be reconciled by a read before anything is sent. */
export function needsRead(platform: Platform, entry: OutboxEntry): boolean {
  return wasUnconfirmed(entry) || !platform.capabilities.idempotentActions.includes(entry.action);
}

function requestOf(ctx: PushContext, entry: OutboxEntry): ActionRequest | StepResult {
  const target = parseTarget(entry.target);
  if (!target) return settleFailed(ctx, entry, 'the stored action target is unreadable', 'bad_target');
  if (!ctx.platform.capabilities.actions.includes(entry.action)) {
    return settleFailed(ctx, entry, `${ctx.platform.name} has no "${entry.action}" action`, 'unsupported_action');
  }
  return { action: entry.action, target, params: parseParams(entry.params), idempotencyKey: entry.idempotencyKey, steps: stepsOf(ctx, entry) };
}

/** The entry's step progress, written through to the outbox as the connector reports it. */
function stepsOf(ctx: PushContext, entry: OutboxEntry): ActionSteps {
  const known = new Map<string, StepState>(Object.entries(entry.steps));
  const record = (step: string, state: StepState | null) => {
    if (state === null) known.delete(step);
    else known.set(step, state);
    markStep(ctx.db, entry.seq, step, state, ctx.clock);
  };
  return {
    state: (step) => known.get(step) ?? null,
    sending: (step) => record(step, 'sent'),
    landed: (step) => record(step, 'done'),
    notSent: (step) => record(step, null),
  };
}

const budgetPause = (ctx: PushContext, waitMs: number): StepResult => ({ kind: 'pause', untilMs: ctx.clock.now().getTime() + waitMs });

export async function replayOne(ctx: PushContext, entry: OutboxEntry): Promise<StepResult> {
  let request = requestOf(ctx, entry);
  if ('kind' in request) return request;
  if (needsRead(ctx.platform, entry)) {
    const wait = ctx.budget.take('readState');
    if (wait > 0) return budgetPause(ctx, wait);
    const seen = await ctx.platform.readState(request.target);
    // Applied; an action with calls after it (a removal's reason and message) still finishes them,
    // and its step progress keeps what already landed from being sent twice.
    if (seen.status === 'ok' && actionReflected(entry.action, seen.snapshot) && !ctx.platform.hasFollowUps?.(request)) return settleDone(ctx, entry, seen.snapshot);
    // Gone for good: a removal has nothing left to do.
    if (seen.status === 'not_found' && (entry.action === 'remove' || entry.action === 'spam')) return settleDone(ctx, entry, null);
    if (seen.status !== 'ok' && seen.status !== 'not_found') return handleFailure(ctx, entry, seen, false);
    // Still awaiting a verdict, only its version moved (a new flag, an edit): nobody settled it,
    // so the decision stands against the version just read. A settled item keeps the old version
    // and comes back from the platform as a conflict for a person.
    if (seen.status === 'ok' && seen.snapshot.state === 'open' && seen.snapshot.version !== request.target.version) {
      request = { ...request, target: { ...request.target, version: seen.snapshot.version } };
    }
  }
  const wait = ctx.budget.take(entry.action);
  if (wait > 0) return budgetPause(ctx, wait);
  markSending(ctx.db, entry.seq, ctx.clock);
  changed(ctx, entry, 'sending', null);
  return applyOutcome(ctx, entry, await ctx.platform.act(request));
}

/** Entries that need no read, same action, at most maxBatch: one actBatch call. */
export async function replayBatch(ctx: PushContext, entries: readonly OutboxEntry[]): Promise<StepResult[]> {
  const actBatch = ctx.platform.actBatch?.bind(ctx.platform);
  const first = entries[0];
  if (!actBatch || entries.length < 2 || !first) return Promise.all(entries.slice(0, 1).map((entry) => replayOne(ctx, entry)));
  const requests: { entry: OutboxEntry; request: ActionRequest }[] = [];
  const results: StepResult[] = [];
  for (const entry of entries) {
    const request = requestOf(ctx, entry);
    if ('kind' in request) results.push(request);
    else requests.push({ entry, request });
  }
  if (requests.length === 0) return results;
  const wait = ctx.budget.take(first.action);
  if (wait > 0) return [...results, budgetPause(ctx, wait)];
  ctx.db.transaction(() => {
    for (const { entry } of requests) markSending(ctx.db, entry.seq, ctx.clock);
  })();
  const outcomes = await actBatch(requests.map(({ request }) => request));
  requests.forEach(({ entry }, index) => {
    const outcome = outcomes[index];
    results.push(
      outcome
        ? applyOutcome(ctx, entry, outcome)
        : handleFailure(ctx, entry, { status: 'retry_after', at: ctx.clock.now().toISOString(), seconds: 0, reason: 'the batch answer had no outcome for this entry', ambiguous: true }, true),
    );
  });
  return results;
}
