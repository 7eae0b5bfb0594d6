// Stateful contract simulator for the YouTube Data API v3 comment-moderation surface (PLATFORMS.md
// §5, §10). Mounted by the shared sim host at /youtube with the real path layout below it:
// /youtube/token (oauth2.googleapis.com) and /youtube/youtube/v3/... (www.googleapis.com). Every
// request is checked against the discovery document slice in discovery.ts, charged against a daily
// quota that resets at Pacific midnight on the virtual clock, and answered in Google's shapes.
import { simMediaUrl } from '../sim/simMedia.ts';
import type { PlatformSimulator, SimContext, SimReply, SimRequest } from '../sim/types.ts';
import { checkParams, type MethodName } from './discovery.ts';
import { DEFAULT_DAILY_QUOTA, QuotaLedger, type QuotaMethod } from './quota.ts';
import { GoogleAuthSim, type GoogleAuthOptions } from './simAuth.ts';
import { listCommentThreads, listComments } from './simListing.ts';
import { googleError, quotaExceeded, authError } from './simRender.ts';
import { YoutubeSimState } from './simState.ts';
import { checkReadParams, type ReadMethodName } from './discoveryReads.ts';
import { channelContentDetails, listPlaylistItems, listVideos, loadVideoDescriptions, seedCreatorChannels, type SimCreatorChannel } from './simVideos.ts';
import { setModerationStatus } from './simWrites.ts';
import type { YtModerationStatus } from './wire.ts';

export interface YoutubeSimOptions {
  readonly channelId?: string;
  readonly channelTitle?: string;
  readonly dailyQuota?: number;
  /** How many dataset rows to seed (default: all of them). */
  readonly seedLimit?: number;
  readonly auth?: Partial<GoogleAuthOptions>;
  /** Where the creators' video descriptions come from (default: ../shared/datasets when present). */
  readonly datasetsDir?: string;
}

export interface YoutubeSimulator extends PlatformSimulator {
  readonly model: YoutubeSimState;
  readonly auth: GoogleAuthSim;
  readonly quota: QuotaLedger;
  /** Account settings a connector needs to talk to this simulator (options.channelId). */
  readonly channelId: string;
  /** Creators' channels the read side (compliance audits) lists videos of, by channel id. */
  readonly creatorChannels: ReadonlyMap<string, SimCreatorChannel>;
}

const API = '/youtube/v3/';
/** Vocabulary `externalAction` understands: YouTube's statuses plus the neutral verbs. */
const EXTERNAL_STATUS: Readonly<Record<string, YtModerationStatus>> = {
  published: 'published',
  approve: 'published',
  heldForReview: 'heldForReview',
  likelySpam: 'likelySpam',
  rejected: 'rejected',
  remove: 'rejected',
};
const ROUTES: Readonly<Record<string, { method: MethodName; http: string }>> = {
  commentThreads: { method: 'commentThreads.list', http: 'GET' },
  comments: { method: 'comments.list', http: 'GET' },
  'comments/setModerationStatus': { method: 'comments.setModerationStatus', http: 'POST' },
  channels: { method: 'channels.list', http: 'GET' },
};

export function createYoutubeSimulator(context: SimContext, options: YoutubeSimOptions = {}): YoutubeSimulator {
  const { clock, rng } = context;
  const channelId = options.channelId ?? 'UCsimStoaModerationDemo1';
  const model = new YoutubeSimState(channelId, options.channelTitle ?? 'Stoa Demo Channel', (id) => simMediaUrl(context, 'youtube', `ytc/${id}`, 'photo', { width: 88, height: 88 }));
  model.seed(context.corpus.youtube, rng.fork('seed'), options.seedLimit ?? Number.POSITIVE_INFINITY);
  const auth = new GoogleAuthSim(
    {
      clientId: 'sim-client.apps.googleusercontent.com',
      clientSecret: 'sim-client-secret',
      refreshToken: '1//sim-refresh-token',
      accessTtlSeconds: 3599,
      refreshTokenTtlDays: null,
      scope: 'https://www.googleapis.com/auth/youtube.force-ssl',
      ...options.auth,
    },
    clock,
    rng.fork('tokens'),
  );
  const newRng = rng.fork('insert');
  const quota = new QuotaLedger(options.dailyQuota ?? DEFAULT_DAILY_QUOTA);
  const creatorChannels = seedCreatorChannels(loadVideoDescriptions(options.datasetsDir), rng.fork('creators'), clock.nowMs());
  const READ_ROUTES: Readonly<Record<string, ReadMethodName>> = { playlistItems: 'playlistItems.list', videos: 'videos.list' };

  /** The read side: same faults, auth and quota as the moderation routes, its own discovery slice. */
  function routeRead(request: SimRequest, method: ReadMethodName): SimReply {
    if (request.method !== 'GET') return googleError(405, 'httpMethodNotAllowed', `HTTP method ${request.method} is not supported by this URL`, { domain: 'global' });
    const early = faultReply(request);
    if (early) return early;
    if (!auth.authorized(request.headers, request.query)) return authError();
    const now = clock.now();
    if (!quota.canAfford(method, now)) return quotaExceeded();
    quota.charge(method, now);
    const violation = checkReadParams(method, request.query);
    if (violation) return googleError(400, violation.reason, violation.message, { domain: 'global', location: violation.location });
    return method === 'playlistItems.list' ? listPlaylistItems(creatorChannels, request.query) : listVideos(creatorChannels, request.query, request.fault?.kind === 'malformed_payload', (id, name, width, height) => simMediaUrl(context, 'youtube', `vi/${id}`, name, { width, height }));
  }

  function faultReply(request: SimRequest): SimReply | null {
    const fault = request.fault;
    if (!fault) return null;
    switch (fault.kind) {
      case 'drop':
        return { drop: true };
      case 'token_expired':
        return authError();
      case 'rate_limit':
        // The per-minute limit; options.reason = 'quotaExceeded' renders daily exhaustion instead.
        return fault.options['reason'] === 'quotaExceeded'
          ? quotaExceeded()
          : googleError(403, 'rateLimitExceeded', 'The request cannot be completed because you have exceeded your quota.', { domain: 'youtube.quota' });
      case 'server_error':
        return fault.options['format'] === 'html'
          ? { status: 502, headers: { 'content-type': 'text/html; charset=UTF-8' }, body: '<!DOCTYPE html><html><title>Error 502 (Server Error)!!1</title><p><b>502.</b> That’s an error.</html>' }
          : googleError(503, 'backendError', 'Backend Error', { domain: 'global' });
      case 'commit_then_drop':
      case 'malformed_payload':
        return null; // rendered by the route itself
    }
  }

  /**
   * Every write request lands in the write log, including the ones refused before they reached the
   * comments (fault, expired token, quota, bad parameters): `applied: false` for each id named.
   */
  function handleApi(request: SimRequest, route: string): SimReply {
    const before = model.writes.length;
    const reply = routeApi(request, route);
    if (ROUTES[route]?.method === 'comments.setModerationStatus' && model.writes.length === before) {
      const status = request.query.get('moderationStatus') ?? '';
      const action = `setModerationStatus:${status}${request.query.get('banAuthor') === 'true' ? '+banAuthor' : ''}`;
      const at = clock.now().toISOString();
      for (const id of (request.query.get('id') ?? '').split(',').filter(Boolean)) model.writes.push({ target: id, action, applied: false, at });
    }
    return reply;
  }

  function routeApi(request: SimRequest, route: string): SimReply {
    const read = READ_ROUTES[route];
    if (read) return routeRead(request, read);
    const spec = ROUTES[route];
    if (!spec) return googleError(404, 'notFound', 'Not Found', { domain: 'global' });
    if (request.method !== spec.http) return googleError(405, 'httpMethodNotAllowed', `HTTP method ${request.method} is not supported by this URL`, { domain: 'global' });
    const early = faultReply(request);
    if (early) return early;
    if (!auth.authorized(request.headers, request.query)) return authError();
    const now = clock.now();
    const cost = spec.method as QuotaMethod;
    if (!quota.canAfford(cost, now)) return quotaExceeded();
    quota.charge(cost, now); // charged even when the request is then rejected
    const violation = checkParams(spec.method, request.query);
    if (violation) {
      return googleError(400, violation.reason, violation.message, { domain: 'global', location: violation.location });
    }
    const malformed = request.fault?.kind === 'malformed_payload';
    switch (spec.method) {
      case 'commentThreads.list':
        return listCommentThreads(model, request.query, malformed);
      case 'comments.list':
        return listComments(model, request.query, malformed);
      case 'channels.list': {
        const creator = creatorChannels.get(request.query.get('id') ?? '');
        if (creator) return { status: 200, body: { kind: 'youtube#channelListResponse', pageInfo: { totalResults: 1, resultsPerPage: 5 }, items: [channelContentDetails(creator)] } };
        // An id YouTube does not know is an empty list, not an error.
        const askedId = request.query.get('id');
        if (askedId !== null && askedId !== channelId) return { status: 200, body: { kind: 'youtube#channelListResponse', pageInfo: { totalResults: 0, resultsPerPage: 5 }, items: [] } };
        if (request.query.get('mine') !== 'true' && request.query.get('id') !== channelId) return googleError(400, 'missingRequiredParameter', 'No filter selected. Expected one of: mine, id, forUsername, managedByMe, categoryId, mySubscribers', { domain: 'youtube.parameter' });
        return { status: 200, body: { kind: 'youtube#channelListResponse', pageInfo: { totalResults: 1, resultsPerPage: 5 }, items: [{ kind: 'youtube#channel', id: channelId, snippet: { title: model.channelTitle } }] } };
      }
      case 'comments.setModerationStatus': {
        const reply = setModerationStatus(model, request.query, clock.now().toISOString());
        return request.fault?.kind === 'commit_then_drop' ? { drop: true } : reply;
      }
    }
  }

  return {
    name: 'youtube',
    model,
    auth,
    quota,
    channelId,
    creatorChannels,
    isWrite: (method, path) => method === 'POST' && path === `${API}comments/setModerationStatus`,
    handle(request) {
      if (request.path === '/token') {
        if (request.method !== 'POST') return { status: 405, body: { error: 'invalid_request' } };
        if (request.fault?.kind === 'drop') return { drop: true };
        if (request.fault?.kind === 'server_error') return googleError(503, 'backendError', 'Backend Error', { domain: 'global' });
        return auth.token(request.body);
      }
      if (request.path.startsWith(API)) return handleApi(request, request.path.slice(API.length));
      return googleError(404, 'notFound', 'Not Found', { domain: 'global' });
    },
    state: () => ({ items: model.countByStatus(), writes: [...model.writes] }),
    demoAccount: () => ({
      credentials: { kind: 'oauth2', clientId: auth.options.clientId, clientSecret: auth.options.clientSecret, refreshToken: auth.options.refreshToken },
      // The project's quota travels with the account, so a connector's ledger matches this simulator's.
      options: { channelId, dailyQuota: String(quota.dailyLimit) },
    }),
    externalAction(target, action) {
      // Another moderator in YouTube Studio, or the author deleting their own comment.
      const comment = model.live(target);
      const status = EXTERNAL_STATUS[action];
      if (!comment || (status === undefined && action !== 'delete')) return false;
      if (action === 'delete') comment.deleted = true;
      else if (status) comment.status = status;
      comment.updatedAt = clock.now().toISOString();
      return true;
    },
    insertItems(count) {
      const pool = context.corpus.youtube;
      const videos = [...new Set([...model.threads.values()].map((t) => t.videoId))];
      const ids: string[] = [];
      for (let i = 0; i < count; i += 1) {
        const row = pool.length > 0 ? newRng.pick(pool) : undefined;
        const comment = model.insert({
          parentId: null,
          videoId: videos.length > 0 ? newRng.pick(videos) : 'sim-video-1',
          authorName: row?.author ?? `viewer${i}`,
          text: row?.text ?? 'new comment',
          publishedAt: clock.now().toISOString(),
          status: newRng.chance(0.5) ? 'heldForReview' : 'likelySpam',
        });
        ids.push(comment.id);
      }
      return ids;
    },
  };
}
