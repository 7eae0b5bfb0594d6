// In the demo, compliance snapshots get media thumbnails: the simulators serve their post media on
// loopback (/__sim/media), so a scan of a demo creator reads the picture without the internet.
// The demo workspace (bundled sample, all simulators, first sync) puts an Instagram creator under
// audit through the demo account; the scan's snapshot holds the thumbnail the media room makes
// from exactly the bytes the simulator serves at the post's media_url, and a review keeps it.
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import sharp from 'sharp';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { openDemoWorkspace, type DemoWorkspace } from '../../../src/backend/demoWorkspace.ts';
import { createClient } from '../../../src/api/client.ts';
import { inProcessTransport } from '../../../src/api/inProcess.ts';
import type { InstagramSimulator } from '../../../src/platforms/instagram/index.ts';
import { evidenceThumbnail } from '../../../src/media/index.ts';
import { useTempDir } from '../../support/tempDir.ts';

const tempDir = useTempDir();
let demo: DemoWorkspace | null = null;
afterEach(async () => {
  await demo?.close();
  demo = null;
  vi.unstubAllEnvs();
});

const day = (ms: number): string => new Date(ms).toISOString().slice(0, 10);

describe('demo compliance snapshots', () => {
  it('capture the thumbnail of the media the simulator serves on loopback', async () => {
    vi.stubEnv('STOA_DATASETS', join(tempDir(), 'no-datasets-here'));
    demo = await openDemoWorkspace(join(tempDir(), 'demo'));
    const c = createClient(inProcessTransport(demo.backend.handlers, demo.backend.events));
    const sim = demo.simulators.simulator('instagram') as InstagramSimulator;
    const [creator] = [...sim.model.creators.values()];
    const post = creator?.media.find((m) => m.mediaType === 'IMAGE');
    if (!creator || !post?.mediaUrl) throw new Error('the Instagram simulator has no creator with an image post');
    expect(new URL(post.mediaUrl).origin).toBe(demo.simulators.url);
    const accountId = demo.backend.context.db.prepare("SELECT id FROM accounts WHERE platform = 'instagram'").pluck().get() as string;

    const now = demo.simulators.clock.nowMs();
    const audit = await c.call('compliance.audits.create', { name: 'Demo creators', jurisdiction: 'ftc', periodFrom: day(now - 400 * 86_400_000), periodTo: day(now + 86_400_000) });
    if (!audit.ok) throw new Error(audit.error.message);
    const added = await c.call('compliance.creators.add', { auditId: audit.value.id, platform: 'instagram', handle: creator.username, accountId, remoteUserId: creator.igUserId });
    if (!added.ok) throw new Error(added.error.message);
    const synced = await c.call('compliance.posts.sync', { auditId: audit.value.id });
    if (!synced.ok) throw new Error(synced.error.message);
    expect(synced.value).toMatchObject({ creators: 1, problems: [] });
    expect(synced.value.newPosts).toBeGreaterThan(0);
    const scan = await c.call('compliance.scan', { auditId: audit.value.id, useModels: false });
    if (!scan.ok) throw new Error(scan.error.message);
    // The scan snapshots every post a person must look at, each with its thumbnail.
    expect(scan.value.snapshots).toBeGreaterThan(0);
    const counts = demo.backend.context.db.prepare('SELECT COUNT(*) AS n, COUNT(thumbnail) AS thumbs FROM compliance_snapshots').get() as { n: number; thumbs: number };
    expect(counts).toEqual({ n: scan.value.snapshots, thumbs: scan.value.snapshots });

    // Reviewing a post snapshots it (if the scan did not) with the thumbnail of its media.
    const list = await c.call('compliance.posts.list', { auditId: audit.value.id });
    if (!list.ok) throw new Error(list.error.message);
    const postId = list.value.find((p) => p.remoteId === post.id)?.postId;
    if (!postId) throw new Error(`post ${post.id} was not synced`);
    const reviewed = await c.call('compliance.review', { postId, verdict: 'non_compliant', reason: 'no disclosure on the demo post' });
    if (!reviewed.ok) throw new Error(reviewed.error.message);
    const detail = await c.call('compliance.posts.get', { postId });
    if (!detail.ok) throw new Error(detail.error.message);
    const snap = detail.value.snapshots[0];
    expect(snap).toMatchObject({ hasThumbnail: true, sha256: reviewed.value.snapshotSha256 });
    const jpeg = Buffer.from(snap?.thumbnailJpegBase64 ?? '', 'base64');
    expect(snap?.thumbnailSha256).toBe(createHash('sha256').update(jpeg).digest('hex'));
    expect(await sharp(jpeg).metadata()).toMatchObject({ format: 'jpeg', width: 240, height: 240 });

    // The bytes the simulator serves at media_url make that very thumbnail: the snapshot is of that picture.
    const served = await fetch(post.mediaUrl);
    expect(served.headers.get('content-type')).toBe('image/png');
    const bytes = Buffer.from(await served.arrayBuffer());
    const expected = await evidenceThumbnail(bytes, post.mediaUrl);
    expect(snap?.thumbnailSha256).toBe(createHash('sha256').update(expected).digest('hex'));
  });
});
