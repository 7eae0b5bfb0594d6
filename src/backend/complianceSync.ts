// Reads the posts of creators under audit through their connected accounts (the connectors' media
// read side: Instagram's GET /{ig-user-id}/media, YouTube's uploads in complianceYoutube.ts) within the audit's period, and stores them
// as content versions like an import. A creator without an account, or on a platform whose
// connector has no media read side yet, is reported, not failed.
import type { PostContent } from '../compliance/postContent.ts';
import type { InstagramMediaPost, MediaReadOptions, MediaReadOutcome } from '../platforms/instagram/index.ts';
import type { FetchFn, Platform } from '../platforms/index.ts';
import { getAudit, listCreators } from '../store/complianceAudits.ts';
import type { BackendContext } from './context.ts';
import { importPostsIntoAudit, type ImportSummary } from './complianceService.ts';
import { readsVideos, videoToPost } from './complianceYoutube.ts';
import { pinToPost, readsPins } from './compliancePinterest.ts';
import { findAccount, platformFor } from './sync/accounts.ts';

interface MediaReader {
  readMedia(igUserId?: string | null, options?: MediaReadOptions): Promise<MediaReadOutcome>;
}
const readsMedia = (p: Platform): p is Platform & MediaReader => typeof (p as Partial<MediaReader>).readMedia === 'function';

export interface CreatorSyncProblem {
  readonly handle: string;
  readonly platform: string;
  readonly reason: string;
}

export interface CreatorSyncSummary extends ImportSummary {
  readonly creators: number;
  readonly problems: CreatorSyncProblem[];
  readonly quarantined: number;
}

const toPost = (platform: string, handle: string, m: InstagramMediaPost): PostContent => ({
  platform,
  remoteId: m.id,
  creatorHandle: handle,
  caption: m.caption,
  permalink: m.permalink,
  postedAt: new Date(m.timestamp).toISOString(),
  mediaType: m.mediaType,
  mediaUrls: m.mediaUrls,
  // Graph's read side does not expose the branded-content label yet (PLATFORMS.md §4.5): unknown, so false.
  paidPartnership: false,
  taggedProducts: [],
  taggedUsers: [],
  imageText: null,
});

export async function syncCreatorPosts(ctx: BackendContext, auditId: string, fetch: FetchFn = globalThis.fetch): Promise<CreatorSyncSummary> {
  const audit = getAudit(ctx.db, auditId);
  const since = String(Math.floor(Date.parse(`${audit.periodFrom}T00:00:00Z`) / 1000));
  const until = String(Math.floor(Date.parse(`${audit.periodTo}T23:59:59Z`) / 1000));
  const posts: PostContent[] = [];
  const problems: CreatorSyncProblem[] = [];
  let quarantined = 0;
  const creators = listCreators(ctx.db, auditId);
  for (const creator of creators) {
    const problem = (reason: string) => problems.push({ handle: creator.handle, platform: creator.platform, reason });
    const account = creator.accountId ? findAccount(ctx, creator.accountId) : null;
    if (!account) {
      problem('no connected account: import this creator’s posts from an export');
      continue;
    }
    const platform = platformFor(ctx, account, fetch);
    if (!platform.ok) {
      problem(platform.error.message);
      continue;
    }
    if (readsVideos(platform.value)) {
      const videos = await platform.value.readVideos(creator.remoteUserId, { since, until });
      if (videos.status !== 'ok') {
        problem(`${account.platform} did not answer: ${videos.reason}`);
        continue;
      }
      quarantined += videos.quarantined.length;
      posts.push(...videos.posts.map((v) => videoToPost(creator.platform, creator.handle, v)));
      continue;
    }
    if (readsPins(platform.value)) {
      const pins = await platform.value.readPins(creator.remoteUserId, { since, until });
      if (pins.status !== 'ok') {
        problem(`${account.platform} did not answer: ${pins.reason}`);
        continue;
      }
      quarantined += pins.quarantined.length;
      posts.push(...pins.pins.map((p) => pinToPost(creator.platform, creator.handle, p)));
      continue;
    }
    if (!readsMedia(platform.value)) {
      problem(`the ${account.platform} connector cannot read creators’ posts yet`);
      continue;
    }
    const outcome = await platform.value.readMedia(creator.remoteUserId, { since, until });
    if (outcome.status !== 'ok') {
      problem(`${account.platform} did not answer: ${outcome.reason}`);
      continue;
    }
    quarantined += outcome.quarantined.length;
    posts.push(...outcome.posts.map((m) => toPost(creator.platform, creator.handle, m)));
  }
  return { ...importPostsIntoAudit(ctx, auditId, posts), creators: creators.length, problems, quarantined };
}
