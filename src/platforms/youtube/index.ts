// YouTube as a Platform: the channel owner's heldForReview (modqueue) and likelySpam (spam)
// comment queues, approve/remove/ban through comments.setModerationStatus in batches of ≤50, and
// a daily unit quota that resets at midnight Pacific. Config: `options.channelId` (required),
// `options.dailyQuota` (default 10000); `baseUrl` https://www.googleapis.com and `authBaseUrl`
// https://oauth2.googleapis.com for the real API, or the simulator's /youtube for both.
import type { ActOutcome, ActionRequest, AuthOutcome, ConnectionProfile, ConnectorConfig, Platform, PlatformCapabilities, PlatformFactory, PullRequest, ReadStateOutcome } from '../platform.ts';
import { GOOGLE_OAUTH_ROOT, YOUTUBE_API_ROOT, YoutubeClient } from './client.ts';
import { MAX_IDS_PER_CALL, moderate } from './moderate.ts';
import { PAGE_SIZE, pullQueue } from './pull.ts';
import { DEFAULT_DAILY_QUOTA, PACIFIC_TIME_ZONE, QUOTA_COSTS, type QuotaSnapshot } from './quota.ts';
import { readCommentState } from './readState.ts';
import { readChannelVideos, type VideoReadOptions, type VideoReadOutcome } from './videos.ts';

export { createYoutubeSimulator } from './simulator.ts';
export type { YoutubeSimulator, YoutubeSimOptions } from './simulator.ts';
export { GOOGLE_OAUTH_ROOT, YOUTUBE_API_ROOT } from './client.ts';
export type { VideoReadOptions, VideoReadOutcome, YoutubeVideoPost } from './videos.ts';

export const YOUTUBE_CONNECTION: ConnectionProfile = {
  defaultBaseUrl: YOUTUBE_API_ROOT,
  defaultAuthBaseUrl: GOOGLE_OAUTH_ROOT,
  credentialKinds: ['oauth2'],
  options: [
    { key: 'channelId', label: 'Channel id', required: true, placeholder: 'UC…' },
    { key: 'dailyQuota', label: 'Daily quota units of the Google Cloud project', required: false, placeholder: String(DEFAULT_DAILY_QUOTA) },
  ],
};

export function youtubeCapabilities(dailyQuota: number = DEFAULT_DAILY_QUOTA): PlatformCapabilities {
  return {
    queues: ['modqueue', 'spam'],
    actions: ['approve', 'remove', 'ban'],
    // banAuthor: permanent, no reason or message field.
    ban: { maxDays: null, permanent: true, reasonMaxLength: null, messageMaxLength: null },
    // Setting a status a comment already has is a quiet 204 (PLATFORMS.md §5.5).
    idempotentActions: ['approve', 'remove', 'ban'],
    optimisticConcurrency: false,
    rateLimit: {
      kind: 'daily_quota',
      units: dailyQuota,
      resetTimeZone: PACIFIC_TIME_ZONE,
      costs: {
        pull: QUOTA_COSTS['commentThreads.list'],
        readState: QUOTA_COSTS['comments.list'],
        approve: QUOTA_COSTS['comments.setModerationStatus'],
        remove: QUOTA_COSTS['comments.setModerationStatus'],
        ban: QUOTA_COSTS['comments.setModerationStatus'],
      },
    },
    maxBatch: MAX_IDS_PER_CALL,
    pageSize: PAGE_SIZE,
    productTags: false,
    paidPartnershipFlag: false,
    limitProfile: null,
  };
}

export interface YoutubePlatform extends Platform {
  /** Units spent today by this connector (kept in config.usageStore after every call when there is one). */
  quota(): QuotaSnapshot;
  /** A channel's uploads with titles and descriptions (compliance audits); the configured channel when none is named. */
  readVideos(channelId?: string | null, options?: VideoReadOptions): Promise<VideoReadOutcome>;
}

export function createYoutubePlatform(config: ConnectorConfig): YoutubePlatform {
  const channelId = config.options?.['channelId'] ?? '';
  const dailyQuota = Number(config.options?.['dailyQuota'] ?? DEFAULT_DAILY_QUOTA);
  const snapshot = storedSnapshot(config.usageStore?.load());
  const client = new YoutubeClient(config, { dailyLimit: dailyQuota, ...(snapshot ? { snapshot } : {}) });
  const missingChannel = { status: 'permanent_failure', code: 'missing_channel_id', reason: 'The YouTube account has no channel id configured.' } as const;

  const ensure = async (): Promise<AuthOutcome> => {
    const token = await client.tokens.ensure();
    return token.ok ? { status: 'ok', info: { identity: channelId, expiresAt: token.expiresAt } } : token.failure;
  };

  return {
    name: 'youtube',
    capabilities: youtubeCapabilities(dailyQuota),
    auth: {
      ensure,
      async verify() {
        const result = await client.call('channels.list', { part: 'snippet', mine: 'true' });
        if (!result.ok) return result.failure;
        const items = (result.body as { items?: { id?: unknown; snippet?: { title?: unknown } }[] } | null)?.items ?? [];
        const mine = items.find((c) => c.id === channelId);
        if (!mine) return { status: 'permanent_failure', code: 'not_channel_owner', reason: 'This Google account does not own the configured YouTube channel.' };
        const token = await client.tokens.ensure();
        return { status: 'ok', info: { identity: typeof mine.snippet?.title === 'string' ? mine.snippet.title : channelId, expiresAt: token.ok ? token.expiresAt : null } };
      },
    },
    pull(request: PullRequest) {
      if (!channelId) return Promise.resolve(missingChannel);
      return pullQueue(client, channelId, request);
    },
    async act(request: ActionRequest): Promise<ActOutcome> {
      const [outcome] = await moderate(client, [request]);
      return outcome ?? { status: 'permanent_failure', code: 'internal', reason: 'No outcome was recorded for this action.' };
    },
    actBatch: (requests) => moderate(client, requests),
    readState: (target): Promise<ReadStateOutcome> => readCommentState(client, target, () => config.clock.now()),
    quota: () => client.quota.snapshot(config.clock.now()),
    readVideos: (id, options) => {
      const target = id ?? channelId;
      return target ? readChannelVideos(client, target, options) : Promise.resolve(missingChannel);
    },
  };
}

export const youtubeFactory: PlatformFactory = createYoutubePlatform;

/** A ledger snapshot read back from a usage store; anything else (a store written by another version) is ignored. */
function storedSnapshot(value: unknown): QuotaSnapshot | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const { day, used } = value as { day?: unknown; used?: unknown };
  return typeof day === 'string' && typeof used === 'number' && Number.isFinite(used) && used >= 0 ? { day, used } : undefined;
}
