// The Discourse connector (PLATFORMS.md §3): the review queue (/review.json, perform with
// ?version=N optimistic concurrency) and suspension as "ban" (PUT /admin/users/{id}/suspend.json).
// Discourse has no distinct spam verdict for a flagged post, so "spam" is not a capability.
import { permanentFailure } from '../common/http.ts';
import {
  actionReflected,
  type ActionRequest,
  type ActionTarget,
  type ActOutcome,
  type AuthOutcome,
  type CallFailure,
  type ConnectionProfile,
  type ConnectorConfig,
  type Platform,
  type PlatformCapabilities,
  type PullOutcome,
  type PullRequest,
  type ReadStateOutcome,
  type RemoteItem,
  type QuarantinedPayload,
} from '../platform.ts';
import type { ModerationAction } from '../../core/domain.ts';
import { DiscourseClient, isFailure, type DiscourseReply } from './client.ts';
import { decodeVersion, kindOf, parseList, sideLoads, toPullPage, toSnapshot, type ReviewableKind } from './map.ts';
import { compareKey, decodeCursor, encodeCursor, keyOf, PER_PAGE, probeOffset, reachesBack, type WalkCursor } from './paging.ts';
import { adminUserSchema, performResultSchema, reviewableSchema, showSchema, type Reviewable } from './wire.ts';


// Every Discourse forum is its own host: the address is the forum's, with an admin API key.
export const DISCOURSE_CONNECTION: ConnectionProfile = {
  defaultBaseUrl: null,
  defaultAuthBaseUrl: null,
  credentialKinds: ['api_key'],
  options: [],
};

export const DISCOURSE_CAPABILITIES: PlatformCapabilities = {
  queues: ['modqueue', 'reports'],
  actions: ['approve', 'remove', 'ignore_reports', 'ban'],
  ban: { maxDays: 36_500, permanent: true, reasonMaxLength: 300, messageMaxLength: null },
  // perform is guarded by version, not idempotent: resend only after readState. Suspending an
  // already suspended user changes nothing.
  idempotentActions: ['ban'],
  optimisticConcurrency: true,
  // Admin API keys: 60 requests per minute (§3.4); Discourse reports no remaining budget.
  rateLimit: { kind: 'request_window', requests: 60, windowSeconds: 60, reportsBudget: false },
  maxBatch: 1,
  pageSize: { default: PER_PAGE, max: PER_PAGE },
  productTags: false,
  paidPartnershipFlag: false,
  limitProfile: null,
};

/** Action ids per reviewable type (reviewable_flagged_post.rb, reviewable_queued_post.rb). */
const ACTION_IDS: Readonly<Record<ReviewableKind, Partial<Record<ModerationAction, string>>>> = {
  flagged: { approve: 'disagree', remove: 'agree_and_hide', ignore_reports: 'ignore_and_do_nothing' },
  queued: { approve: 'approve_post', remove: 'reject_post' },
  other: { approve: 'approve_user', remove: 'reject_user_delete' },
};

/**
 * A removal's reason rides on the perform as `reject_reason` (ReviewablesController#perform passes
 * it to the reviewable, which tells the author); the message to the author wins over the short reason.
 */
function rejectReason(request: ActionRequest): Record<string, string> {
  if (request.action !== 'remove') return {};
  const text = request.params?.message || request.params?.reason;
  return text ? { reject_reason: text } : {};
}

/** "Forever" in Discourse's own UI is a date a millennium out. */
const FOREVER_MS = 1000 * 365 * 86_400_000;
/** How many pages back we look for the sentinel before restarting from the head. */
const MAX_STEP_BACK = 5;

export function createDiscoursePlatform(config: ConnectorConfig): Platform {
  const client = new DiscourseClient(config);
  const base = config.baseUrl;

  async function userSuspended(userId: string): Promise<boolean | null | CallFailure> {
    const reply = await client.call('GET', `/admin/users/${encodeURIComponent(userId)}.json`, {}, false);
    if (isFailure(reply)) return reply;
    const user = reply.status === 200 ? adminUserSchema.safeParse(reply.body) : null;
    if (!user?.success) return null;
    const till = user.data.suspended_till ? Date.parse(user.data.suspended_till) : Number.NaN;
    return Number.isFinite(till) && till > config.clock.now().getTime();
  }

  async function show(remoteId: string): Promise<{ reviewable: Reviewable; body: { users?: unknown[]; topics?: unknown[]; categories?: unknown[]; reviewable_scores?: unknown[] } } | 'not_found' | CallFailure> {
    const reply = await client.call('GET', `/review/${encodeURIComponent(remoteId)}.json`, {}, false);
    if (isFailure(reply)) return reply;
    if (reply.status === 404) return 'not_found';
    const parsed = reply.status === 200 ? showSchema.safeParse(reply.body) : null;
    const reviewable = parsed?.success ? reviewableSchema.safeParse(parsed.data.reviewable) : null;
    if (!parsed?.success || !reviewable?.success) return permanentFailure(`http_${reply.status}`, `Discourse sent an unreadable reviewable ${remoteId}`);
    return { reviewable: reviewable.data, body: parsed.data };
  }

  async function readState(target: ActionTarget): Promise<ReadStateOutcome> {
    const found = await show(target.remoteId);
    if (found === 'not_found') return { status: 'not_found' };
    if ('status' in found) return found;
    let banned: boolean | null = null;
    if (target.author) {
      const suspended = await userSuspended(target.author.remoteId);
      if (typeof suspended === 'object' && suspended !== null) return suspended;
      banned = suspended;
    }
    return { status: 'ok', snapshot: toSnapshot(found.reviewable, sideLoads(found.body), banned) };
  }

  /** After a 409/403/timeout: already where we wanted it → already_done (or done), else a conflict for a person. */
  async function reconcile(request: ActionRequest, why: string, whenReflected: 'done' | 'already_done'): Promise<ActOutcome> {
    const seen = await readState(request.target);
    if (seen.status === 'not_found') return { status: 'already_done', snapshot: null };
    if (seen.status !== 'ok') return seen;
    if (actionReflected(request.action, seen.snapshot)) return { status: whenReflected, snapshot: seen.snapshot };
    return { status: 'conflict', remote: seen.snapshot, reason: why };
  }

  async function ban(request: ActionRequest): Promise<ActOutcome> {
    const author = request.target.author;
    if (!author) return permanentFailure('no_author', 'the item has no author to suspend');
    const params = request.params ?? {};
    const days = params.durationDays;
    if (days !== undefined && days !== null && !(Number.isInteger(days) && days >= 1)) return permanentFailure('bad_duration', `a suspension lasts at least one whole day (got ${days})`);
    const reason = params.reason?.trim() || 'Suspended by a moderator';
    if (reason.length > 300) return permanentFailure('too_long', 'suspension reason is over 300 characters');
    const until = new Date(config.clock.now().getTime() + (days ? days * 86_400_000 : FOREVER_MS)).toISOString();
    const body: Record<string, string> = { suspend_until: until, reason };
    if (params.message) body['message'] = params.message;
    const reply = await client.call('PUT', `/admin/users/${encodeURIComponent(author.remoteId)}/suspend.json`, { json: body }, true);
    if (isFailure(reply)) {
      if (reply.status !== 'retry_after' || !reply.ambiguous) return reply;
      const suspended = await userSuspended(author.remoteId);
      if (suspended === true) return { status: 'done', snapshot: null };
      return suspended === false ? { ...reply, ambiguous: false } : reply;
    }
    if (reply.status === 200) return { status: 'done', snapshot: null };
    if (reply.status === 409) return { status: 'already_done', snapshot: null };
    if (reply.status === 404) return permanentFailure('user_not_found', `Discourse has no user ${author.name}`);
    if (reply.status === 403) return permanentFailure('forbidden', 'the API user may not suspend users (needs staff)');
    return permanentFailure(`http_${reply.status}`, `Discourse refused the suspension: ${reply.error ?? reply.status}`);
  }

  function classifyPerform(request: ActionRequest, reply: DiscourseReply, kind: ReviewableKind): Promise<ActOutcome> | ActOutcome {
    if (reply.status === 200) {
      const result = performResultSchema.safeParse(reply.body);
      if (result.success && result.data.reviewable_perform_result.success) {
        const version = result.data.reviewable_perform_result.version;
        return { status: 'done', snapshot: version === undefined ? null : { remoteId: request.target.remoteId, state: expected(request.action), version: `${version}:${kind}`, reportCount: 0, authorBanned: null } };
      }
      return permanentFailure('perform_failed', `Discourse did not perform ${request.action}`);
    }
    // 409: the version moved (someone acted); 403: the action is no longer valid (already handled).
    if (reply.status === 409) return reconcile(request, 'the item changed on Discourse since it was reviewed', 'already_done');
    if (reply.status === 403) return reconcile(request, 'Discourse no longer offers this action for the item', 'already_done');
    if (reply.status === 404) return { status: 'already_done', snapshot: null };
    if (reply.status === 422) return permanentFailure(reply.errorType ?? 'unprocessable', `Discourse refused: ${reply.error ?? 'unprocessable request'}`);
    return permanentFailure(`http_${reply.status}`, `Discourse answered ${reply.status} to ${request.action}`);
  }

  async function act(request: ActionRequest): Promise<ActOutcome> {
    if (request.action === 'ban') return ban(request);
    let known = decodeVersion(request.target.version);
    if (known === null) {
      // No version to send: read it (and the type) first.
      const found = await show(request.target.remoteId);
      if (found === 'not_found') return { status: 'already_done', snapshot: null };
      if ('status' in found) return found;
      known = { version: found.reviewable.version, kind: kindOf(found.reviewable.type) };
    }
    const actionId = ACTION_IDS[known.kind][request.action];
    if (!actionId) return permanentFailure('unsupported_action', `Discourse has no ${request.action} for this kind of review item`);
    const reply = await client.call('PUT', `/review/${encodeURIComponent(request.target.remoteId)}/perform/${actionId}.json`, { query: { version: String(known.version), ...rejectReason(request) } }, true);
    if (!isFailure(reply)) return classifyPerform(request, reply, known.kind);
    if (reply.status !== 'retry_after' || !reply.ambiguous) return reply;
    // Commit-then-drop: the perform may have landed (and bumped the version). Look first.
    const seen = await readState(request.target);
    if (seen.status === 'ok' && actionReflected(request.action, seen.snapshot)) return { status: 'done', snapshot: seen.snapshot };
    if (seen.status === 'ok' && seen.snapshot.state !== 'open') return { status: 'conflict', remote: seen.snapshot, reason: 'someone else settled the item' };
    if (seen.status === 'ok') return { ...reply, ambiguous: false, reason: `${reply.reason}; not applied (checked)` };
    return reply;
  }

  async function pull(request: PullRequest): Promise<PullOutcome> {
    if (!DISCOURSE_CAPABILITIES.queues.includes(request.queue)) return permanentFailure('unsupported_queue', `Discourse has no ${request.queue} queue`);
    const cursor = decodeCursor(request.cursor);
    const query: Record<string, string> = { status: 'pending', sort_order: 'created_at_asc' };
    if (request.queue === 'reports') query['type'] = 'ReviewableFlaggedPost';
    let offset = probeOffset(cursor);
    for (let step = 0; ; step += 1) {
      const reply = await client.call('GET', '/review.json', { query: { ...query, offset: String(offset) } }, false);
      if (isFailure(reply)) return reply;
      if (reply.status === 403) return permanentFailure('forbidden', 'the API user may not see the review queue (needs staff)');
      if (reply.status !== 200) return permanentFailure(`http_${reply.status}`, `Discourse answered ${reply.status} to /review.json`);
      const parsed = parseList(reply.body, base);
      if (typeof parsed === 'string') {
        return { status: 'ok', page: { items: [], authors: [], reports: [], nextCursor: null, quarantined: [{ payload: reply.body ?? null, error: parsed }] } };
      }
      const keys = parsed.reviewables.map((entry) => entry.reviewable);
      if (!reachesBack(keys, cursor) && offset > 0) {
        // Items ahead of us left the queue: read an earlier page; after a few, restart from the head.
        offset = step + 1 >= MAX_STEP_BACK ? 0 : Math.max(0, offset - PER_PAGE);
        continue;
      }
      return { status: 'ok', page: pageFrom(parsed.items, parsed.quarantined, parsed.reviewables, offset, cursor, parsed.loadMore !== null) };
    }
  }

  async function verify(): Promise<AuthOutcome> {
    const reply = await client.call('GET', '/review/count.json', {}, false);
    if (isFailure(reply)) return reply;
    if (reply.status !== 200) return permanentFailure(reply.status === 403 ? 'forbidden' : `http_${reply.status}`, 'the Discourse API user cannot read the review queue (needs staff)');
    const identity = config.credentials.kind === 'api_key' ? config.credentials.username : '';
    return { status: 'ok', info: { identity, expiresAt: null } };
  }

  return {
    name: 'discourse',
    capabilities: DISCOURSE_CAPABILITIES,
    auth: {
      ensure: async () => (config.credentials.kind === 'api_key' ? { status: 'ok', info: { identity: config.credentials.username, expiresAt: null } } : { status: 'reauth', reason: 'Discourse needs an API key and an API username' }),
      verify,
    },
    pull,
    act,
    readState,
  };
}

function expected(action: ModerationAction): 'approved' | 'removed' | 'ignored' | 'open' {
  return action === 'approve' ? 'approved' : action === 'remove' ? 'removed' : action === 'ignore_reports' ? 'ignored' : 'open';
}

/** Drops what we already returned (the sentinel and anything before it) and builds the next cursor. */
function pageFrom(
  items: readonly RemoteItem[],
  quarantined: readonly QuarantinedPayload[],
  reviewables: readonly { reviewable: Reviewable }[],
  offset: number,
  cursor: WalkCursor | null,
  more: boolean,
) {
  const fresh = new Set(reviewables.filter(({ reviewable }) => cursor === null || compareKey(keyOf(reviewable), cursor) > 0).map(({ reviewable }) => String(reviewable.id)));
  const last = reviewables.at(-1)?.reviewable;
  const next: WalkCursor | null = last ? { offset: offset + reviewables.length + quarantined.filter((entry) => !isMapped(entry)).length, ...keyOf(last) } : cursor;
  return toPullPage(items.filter((item) => fresh.has(item.remoteId)), quarantined, more && next ? encodeCursor(next) : null);
}

/** Quarantined entries that did parse as reviewables are already counted in `reviewables`. */
function isMapped(entry: QuarantinedPayload): boolean {
  return reviewableSchema.safeParse(entry.payload).success;
}
