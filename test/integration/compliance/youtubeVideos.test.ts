// The YouTube connector's video read side against the simulator over real HTTP on 127.0.0.1:
// channels.list?part=contentDetails → the uploads playlist → playlistItems.list pages → videos.list
// in batches, with titles, full descriptions and the paid-promotion flag, within since/until; then
// compliance.posts.sync over the HTTP server puts a creator's videos under audit and scans them.
// Descriptions are Mathur et al.'s when ../shared/datasets is present, the written stand-ins otherwise.
import { afterEach, describe, expect, it } from 'vitest';
import { channelIdFor } from '../../../src/platforms/youtube/simState.ts';
import { DESCRIPTIONS_SOURCE, loadVideoDescriptions, SIM_CREATOR_HANDLES } from '../../../src/platforms/youtube/simVideos.ts';
import { startYoutubeRig, type YoutubeRig } from '../../integration/platforms/youtubeHarness.ts';
import { useTempDir } from '../../support/tempDir.ts';
import { openTestWorkspace, type TestWorkspace } from '../../support/workspace.ts';

const tempDir = useTempDir();
let rig: YoutubeRig | null = null;
let ws: TestWorkspace | null = null;
afterEach(async () => {
  await ws?.close();
  await rig?.close();
  rig = null;
  ws = null;
});

describe('YouTube videos for compliance audits', () => {
  it('walks the uploads playlist and reads every description in batches', async () => {
    rig = await startYoutubeRig({ seedLimit: 20 });
    const channel = rig.sim.creatorChannels.get(channelIdFor(SIM_CREATOR_HANDLES[0]));
    if (!channel) throw new Error('the simulator has no creator channel');
    const outcome = await rig.platform.readVideos(channel.channelId);
    if (outcome.status !== 'ok') throw new Error(outcome.reason);
    expect(outcome.posts.map((p) => p.description)).toEqual(channel.videos.map((v) => v.description));
    expect(outcome.posts.map((p) => p.title)).toEqual(channel.videos.map((v) => v.title));
    expect(outcome.posts[0]).toMatchObject({ channelId: channel.channelId, permalink: `https://www.youtube.com/watch?v=${channel.videos[0]?.id}`, thumbnailUrl: expect.stringMatching(/^http:\/\/127\.0\.0\.1:\d+\/__sim\/media\/youtube\/vi\/.+\/hqdefault\.png\?w=480&h=360$/) });
    expect(outcome.quarantined).toEqual([]);
    const pages = rig.requests('/youtube/v3/playlistItems');
    expect(pages.length).toBe(Math.max(1, Math.ceil(channel.videos.length / 50)));
    expect(pages[0]?.query.get('playlistId')).toBe(channel.uploadsPlaylistId);
    const lookups = rig.requests('/youtube/v3/videos');
    expect(lookups.length).toBe(Math.ceil(channel.videos.length / 50));
    expect(lookups.every((r) => (r.query.get('id') ?? '').split(',').length <= 50)).toBe(true);
    // 1 unit each: channel, playlist pages, video batches.
    expect(rig.platform.quota().used).toBe(1 + pages.length + lookups.length);
    if (loadVideoDescriptions()[0]?.source === DESCRIPTIONS_SOURCE) expect(channel.videos.length).toBe(40);
  });

  it('stops at since, skips after until, and reports an unknown channel as a failure', async () => {
    rig = await startYoutubeRig({ seedLimit: 20 });
    const channel = rig.sim.creatorChannels.get(channelIdFor(SIM_CREATOR_HANDLES[1]));
    if (!channel || channel.videos.length < 2) throw new Error('need two videos');
    const newest = channel.videos[0]?.publishedAt ?? '';
    const outcome = await rig.platform.readVideos(channel.channelId, { since: newest, until: new Date(Date.parse(newest) + 1000).toISOString() });
    if (outcome.status !== 'ok') throw new Error(outcome.reason);
    expect(outcome.posts.map((p) => p.id)).toEqual([channel.videos[0]?.id]);
    const missing = await rig.platform.readVideos('UCnobodyhere000000000000');
    expect(missing).toMatchObject({ status: 'permanent_failure', code: 'unknown_channel' });
  });

  it('syncs a creator’s videos into an audit over HTTP and scans them', async () => {
    rig = await startYoutubeRig({ seedLimit: 20 });
    const channelId = channelIdFor(SIM_CREATOR_HANDLES[0]);
    const channel = rig.sim.creatorChannels.get(channelId);
    if (!channel) throw new Error('no channel');
    ws = await openTestWorkspace(tempDir(), 'http');
    const c = ws.client;
    const demo = rig.sim.demoAccount();
    const account = await c.call('accounts.add', { platform: 'youtube', baseUrl: rig.config.baseUrl, authBaseUrl: rig.config.baseUrl, displayName: 'Agency YT', credentials: demo.credentials, options: demo.options });
    if (!account.ok) throw new Error(account.error.message);
    const audit = await c.call('compliance.audits.create', { name: 'YT creators', jurisdiction: 'ftc', periodFrom: '2025-01-01', periodTo: '2026-12-31' });
    if (!audit.ok) throw new Error(audit.error.message);
    const added = await c.call('compliance.creators.add', { auditId: audit.value.id, platform: 'youtube', handle: SIM_CREATOR_HANDLES[0], accountId: account.value.id, remoteUserId: channelId });
    if (!added.ok) throw new Error(added.error.message);
    const synced = await c.call('compliance.posts.sync', { auditId: audit.value.id });
    if (!synced.ok) throw new Error(synced.error.message);
    expect(synced.value).toMatchObject({ creators: 1, read: channel.videos.length, newPosts: channel.videos.length, problems: [], quarantined: 0 });
    const again = await c.call('compliance.posts.sync', { auditId: audit.value.id });
    expect(again.ok && again.value).toMatchObject({ newPosts: 0, unchanged: channel.videos.length });
    const scan = await c.call('compliance.scan', { auditId: audit.value.id, useModels: false });
    if (!scan.ok) throw new Error(scan.error.message);
    expect(scan.value.scanned).toBe(channel.videos.length);
    const posts = await c.call('compliance.posts.list', { auditId: audit.value.id });
    if (!posts.ok) throw new Error(posts.error.message);
    const first = posts.value.find((p) => p.remoteId === channel.videos[0]?.id);
    expect(first).toMatchObject({ platform: 'youtube', handle: SIM_CREATOR_HANDLES[0], permalink: `https://www.youtube.com/watch?v=${channel.videos[0]?.id}` });
    const detail = await c.call('compliance.posts.get', { postId: first?.postId ?? '' });
    expect(detail.ok && detail.value.versions[0]?.caption).toBe(`${channel.videos[0]?.title}\n${channel.videos[0]?.description}`);
  });
});
