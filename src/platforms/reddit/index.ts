// The Reddit connector (PLATFORMS.md §2): mod listings under /r/{sub}/about/{queue} (sub "mod" =
// every subreddit the account moderates), form-POST mod actions, ban through /api/friend.
// Options: `subreddit` (default "mod").
import { MODERATION_ACTIONS, type ModerationAction } from '../../core/domain.ts';
import { permanentFailure, retryAfter } from '../common/http.ts';
import {
  actionReflected,
  type ActionRequest,
  type ActionTarget,
  type ActOutcome,
  type AuthOutcome,
  type ConnectionProfile,
  type ConnectorConfig,
  type Platform,
  type PlatformCapabilities,
  type PullOutcome,
  type PullRequest,
  type ReadStateOutcome,
} from '../platform.ts';
import { RedditAuth } from './auth.ts';
import { isFailure, RedditClient, type RedditReply } from './client.ts';
import { parseListing, toPullPage, toSnapshot } from './map.ts';
import { hasRemovalExtras, sendRemovalExtras } from './removalExtras.ts';
import { bannedListingSchema, bannedUserSchema, jsonErrorsSchema, meSchema } from './wire.ts';

export const REDDIT_CONNECTION: ConnectionProfile = {
  defaultBaseUrl: 'https://oauth.reddit.com',
  defaultAuthBaseUrl: 'https://www.reddit.com',
  credentialKinds: ['oauth2'],
  options: [{ key: 'subreddit', label: 'Subreddit (without r/; "mod" reads every one you moderate)', required: false, placeholder: 'mod' }],
};

export const REDDIT_CAPABILITIES: PlatformCapabilities = {
  queues: ['modqueue', 'reports', 'spam', 'unmoderated'],
  actions: [...MODERATION_ACTIONS],
  ban: { maxDays: 999, permanent: true, reasonMaxLength: 100, messageMaxLength: 1000 },
  // approve/ignore_reports return early when already set; remove with the same spam flag and ban
  // (an upsert) leave the same state when repeated (§2.5).
  idempotentActions: [...MODERATION_ACTIONS],
  optimisticConcurrency: false,
  // 100 QPM per OAuth client averaged over a 600 s window (2023 policy); headers report the budget.
  rateLimit: { kind: 'request_window', requests: 1000, windowSeconds: 600, reportsBudget: true },
  maxBatch: 1,
  pageSize: { default: 100, max: 100 },
  productTags: false,
  paidPartnershipFlag: false,
  limitProfile: null,
};

const NOTE_MAX = 300;

function validateBan(request: ActionRequest): ActOutcome | null {
  const params = request.params ?? {};
  const ban = REDDIT_CAPABILITIES.ban;
  if (!request.target.author) return permanentFailure('no_author', 'the item has no author to ban (account deleted)');
  const days = params.durationDays;
  if (days !== undefined && days !== null && !(Number.isInteger(days) && days >= 1 && days <= 999)) {
    return permanentFailure('BAD_NUMBER', `a Reddit ban lasts 1 to 999 days (got ${days})`);
  }
  if (ban && params.reason && ban.reasonMaxLength !== null && params.reason.length > ban.reasonMaxLength) return permanentFailure('TOO_LONG', `ban reason is over ${ban.reasonMaxLength} characters`);
  if (ban && params.message && ban.messageMaxLength !== null && params.message.length > ban.messageMaxLength) return permanentFailure('TOO_LONG', `ban message is over ${ban.messageMaxLength} characters`);
  if (params.note && params.note.length > NOTE_MAX) return permanentFailure('TOO_LONG', `ban note is over ${NOTE_MAX} characters`);
  return null;
}

function endpointFor(request: ActionRequest): { path: string; params: Record<string, string> } {
  const id = request.target.remoteId;
  const action: ModerationAction = request.action;
  switch (action) {
    case 'approve':
      return { path: '/api/approve', params: { id, api_type: 'json' } };
    // The server defaults spam to true (§2.3 trap): always say which one we mean.
    case 'remove':
      return { path: '/api/remove', params: { id, spam: 'false', api_type: 'json' } };
    case 'spam':
      return { path: '/api/remove', params: { id, spam: 'true', api_type: 'json' } };
    case 'ignore_reports':
      return { path: '/api/ignore_reports', params: { id, api_type: 'json' } };
    case 'ban': {
      const p = request.params ?? {};
      const params: Record<string, string> = { name: request.target.author?.name ?? '', type: 'banned', api_type: 'json' };
      if (p.durationDays !== undefined && p.durationDays !== null) params['duration'] = String(p.durationDays);
      if (p.reason) params['ban_reason'] = p.reason;
      if (p.message) params['ban_message'] = p.message;
      if (p.note) params['note'] = p.note;
      return { path: `/r/${encodeURIComponent(request.target.community.name)}/api/friend`, params };
    }
  }
}

/** Reads "try again in 7 minutes" out of a SUBREDDIT_RATELIMIT message; 60 s when it says nothing. */
function waitFromMessage(message: string): number {
  const match = /(\d+)\s*(second|minute|hour)/i.exec(message);
  if (!match) return 60;
  const unit = match[2]?.toLowerCase() === 'hour' ? 3600 : match[2]?.toLowerCase() === 'minute' ? 60 : 1;
  return Number(match[1]) * unit;
}

export function createRedditPlatform(config: ConnectorConfig): Platform {
  const auth = new RedditAuth(config);
  const client = new RedditClient(config, auth);
  const subreddit = config.options?.['subreddit'] ?? 'mod';

  function classifyWrite(request: ActionRequest, reply: RedditReply): ActOutcome {
    const sub = request.target.community.name;
    if (reply.status === 200) {
      // Errors hidden in a 200 body (§2.3): {"json": {"errors": [["CODE", "message", "field"]]}}.
      const hidden = jsonErrorsSchema.safeParse(reply.body);
      const first = hidden.success ? hidden.data.json.errors[0] : undefined;
      if (first) {
        const code = typeof first[0] === 'string' ? first[0] : 'UNKNOWN';
        const message = typeof first[1] === 'string' ? first[1] : 'Reddit refused the action';
        if (code === 'SUBREDDIT_RATELIMIT') return retryAfter(config.clock, waitFromMessage(message), `Reddit: ${message}`);
        return permanentFailure(code, `Reddit: ${message}`);
      }
      return { status: 'done', snapshot: null };
    }
    // The thing is gone (deleted or purged): nothing left to act on.
    if (reply.status === 404) return { status: 'already_done', snapshot: null };
    if (reply.status === 403) return permanentFailure('forbidden', `not a moderator of r/${sub} with the needed permission`);
    return permanentFailure(`http_${reply.status}`, `Reddit answered ${reply.status} to ${request.action}`);
  }

  async function readState(target: ActionTarget): Promise<ReadStateOutcome> {
    const info = await client.call('GET', '/api/info', { id: target.remoteId }, false);
    if (isFailure(info)) return info;
    if (info.status === 404) return { status: 'not_found' };
    if (info.status !== 200) return permanentFailure(`http_${info.status}`, `Reddit answered ${info.status} to /api/info`);
    const listing = parseListing(info.body);
    if (!listing.ok) return retryAfter(config.clock, 5, listing.error);
    const thing = listing.things.find((candidate) => candidate.data.name === target.remoteId);
    if (!thing) return { status: 'not_found' };
    let banned: boolean | null = null;
    if (target.author) {
      const path = `/r/${encodeURIComponent(thing.data.subreddit)}/about/banned`;
      const list = await client.call('GET', path, { user: target.author.name, limit: '1' }, false);
      if (isFailure(list)) return list;
      const parsed = list.status === 200 ? bannedListing(list.body) : null;
      banned = parsed === null ? null : parsed.some((entry) => entry.toLowerCase() === target.author?.name.toLowerCase());
    }
    return { status: 'ok', snapshot: toSnapshot(thing.data, banned) };
  }

  async function act(request: ActionRequest): Promise<ActOutcome> {
    if (request.action === 'ban') {
      const invalid = validateBan(request);
      if (invalid) return invalid;
    }
    const { path, params } = endpointFor(request);
    const reply = await client.call('POST', path, params, true);
    if (!isFailure(reply)) {
      const outcome = classifyWrite(request, reply);
      // The reason, note and message follow only a removal that landed (or was already there).
      if ((outcome.status === 'done' || outcome.status === 'already_done') && reply.status === 200 && hasRemovalExtras(request)) return (await sendRemovalExtras(client, request)) ?? outcome;
      return outcome;
    }
    if (reply.status !== 'retry_after' || !reply.ambiguous) return reply;
    // Commit-then-drop: the action may have landed. Look before anyone resends it.
    const seen = await readState(request.target);
    if (seen.status === 'ok' && actionReflected(request.action, seen.snapshot)) return { status: 'done', snapshot: seen.snapshot };
    if (seen.status === 'not_found') return { status: 'already_done', snapshot: null };
    if (seen.status === 'ok') return { ...reply, ambiguous: false, reason: `${reply.reason}; not applied (checked)` };
    return reply;
  }

  async function pull(request: PullRequest): Promise<PullOutcome> {
    if (!REDDIT_CAPABILITIES.queues.includes(request.queue)) return permanentFailure('unsupported_queue', `Reddit has no ${request.queue} queue`);
    const limit = Math.min(Math.max(1, Math.trunc(request.limit ?? REDDIT_CAPABILITIES.pageSize.default)), REDDIT_CAPABILITIES.pageSize.max);
    const params: Record<string, string> = { limit: String(limit) };
    if (request.cursor) params['after'] = request.cursor;
    const reply = await client.call('GET', `/r/${encodeURIComponent(subreddit)}/about/${request.queue}`, params, false);
    if (isFailure(reply)) return reply;
    if (reply.status === 403) return permanentFailure('forbidden', `not a moderator of r/${subreddit}`);
    if (reply.status === 404) return permanentFailure('not_found', `r/${subreddit} does not exist`);
    if (reply.status !== 200) return permanentFailure(`http_${reply.status}`, `Reddit answered ${reply.status} to the ${request.queue} listing`);
    const listing = parseListing(reply.body);
    if (!listing.ok) {
      // The whole envelope is unreadable: keep it for inspection and end this walk.
      return { status: 'ok', page: { items: [], authors: [], reports: [], nextCursor: null, quarantined: [{ payload: reply.body ?? null, error: listing.error }] } };
    }
    return { status: 'ok', page: toPullPage(listing) };
  }

  async function verify(): Promise<AuthOutcome> {
    const me = await client.call('GET', '/api/v1/me', {}, false);
    if (isFailure(me)) return me;
    const parsed = meSchema.safeParse(me.body);
    if (me.status !== 200 || !parsed.success) return permanentFailure(`http_${me.status}`, 'Reddit did not say who we are (/api/v1/me)');
    const token = await auth.token();
    return { status: 'ok', info: { identity: parsed.data.name, expiresAt: 'status' in token ? null : token.expiresAt } };
  }

  return {
    name: 'reddit',
    capabilities: REDDIT_CAPABILITIES,
    auth: { ensure: () => auth.ensure(), verify },
    pull,
    act,
    readState,
    hasFollowUps: hasRemovalExtras,
  };
}

/** Names in a /about/banned listing; null when the body is not one. */
function bannedListing(body: unknown): string[] | null {
  const parsed = bannedListingSchema.safeParse(body);
  if (!parsed.success) return null;
  return parsed.data.data.children.flatMap((child) => {
    const entry = bannedUserSchema.safeParse(child);
    return entry.success ? [entry.data.name] : [];
  });
}
