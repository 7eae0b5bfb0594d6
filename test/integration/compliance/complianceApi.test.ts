// The compliance endpoints over the real HTTP server (browser mode), with a creator's posts read
// through a connected Instagram account from the simulator over HTTP: audit, creator and brand,
// sync, scan, the review queue, a verdict with its snapshot, a remediation, and errors as values.
import { afterEach, describe, expect, it } from 'vitest';
import { openTestWorkspace, type TestWorkspace } from '../../support/workspace.ts';
import { useTempDir } from '../../support/tempDir.ts';
import { startInstagramRig, type InstagramRig } from '../../integration/platforms/instagramHarness.ts';

const tempDir = useTempDir();
let ws: TestWorkspace | null = null;
let rig: InstagramRig | null = null;
afterEach(async () => {
  await ws?.close();
  await rig?.close();
  ws = null;
  rig = null;
});

describe('compliance.* over HTTP', () => {
  it('syncs a creator’s Instagram posts, scans them and records a review', async () => {
    rig = await startInstagramRig({ seedLimit: 10, mediaCount: 2, creatorCount: 2 });
    const [creator] = [...rig.sim.model.creators.values()];
    if (!creator) throw new Error('no creator in the simulator');
    ws = await openTestWorkspace(tempDir(), 'http');
    const c = ws.client;
    const demo = rig.sim.demoAccount();
    if (demo.credentials.kind !== 'access_token') throw new Error('unexpected credentials');
    const account = await c.call('accounts.add', { platform: 'instagram', baseUrl: rig.config.baseUrl, displayName: 'Agency IG', credentials: { kind: 'access_token', accessToken: demo.credentials.accessToken }, options: demo.options });
    if (!account.ok) throw new Error(account.error.message);
    const audit = await c.call('compliance.audits.create', { name: 'Creators H2', jurisdiction: 'uk-asa-cma', periodFrom: '2026-06-01', periodTo: '2026-12-31' });
    if (!audit.ok) throw new Error(audit.error.message);
    const auditId = audit.value.id;
    const added = await c.call('compliance.creators.add', { auditId, platform: 'instagram', handle: creator.username, accountId: account.value.id, remoteUserId: creator.igUserId });
    expect(added.ok).toBe(true);
    const again = await c.call('compliance.creators.add', { auditId, platform: 'instagram', handle: creator.username });
    expect(again).toMatchObject({ ok: false, error: { code: 'conflict' } });

    const synced = await c.call('compliance.posts.sync', { auditId });
    if (!synced.ok) throw new Error(synced.error.message);
    const inPeriod = creator.media.filter((m) => Date.parse(m.timestamp.replace('+0000', 'Z')) >= Date.parse('2026-06-01T00:00:00Z')).length;
    expect(synced.value).toMatchObject({ creators: 1, read: inPeriod, newPosts: inPeriod, problems: [] });
    expect(rig.requests().some((r) => r.path.endsWith(`/${creator.igUserId}/media`) && r.query.get('since') !== null)).toBe(true);
    expect((await c.call('items.list', {})).ok && ((await c.call('items.list', {})) as { ok: true; value: { total: number } }).value.total).toBe(0);

    const scan = await c.call('compliance.scan', { auditId, useModels: false });
    if (!scan.ok) throw new Error(scan.error.message);
    expect(scan.value.scanned).toBe(inPeriod);
    const posts = await c.call('compliance.posts.list', { auditId });
    if (!posts.ok) throw new Error(posts.error.message);
    expect(posts.value).toHaveLength(inPeriod);
    expect(posts.value.every((p) => p.scanVerdict !== null && /^[0-9a-f]{64}$/.test(p.latestSha256))).toBe(true);

    const target = posts.value[0];
    if (!target) throw new Error('no post');
    const review = await c.call('compliance.review', { postId: target.postId, verdict: 'non_compliant', reason: 'checked by hand' });
    if (!review.ok) throw new Error(review.error.message);
    const detail = await c.call('compliance.posts.get', { postId: target.postId });
    expect(detail.ok && detail.value.snapshots.map((s) => s.sha256)).toContain(review.value.snapshotSha256);
    // Each version carries its caption, so a reader need not know the canonical content's layout.
    expect(detail.ok && detail.value.versions.every((v) => typeof v.caption === 'string' && v.caption.length > 0)).toBe(true);
    const remediation = await c.call('compliance.remediations.request', { creatorId: target.creatorId, postId: target.postId, what: 'Add "Ad" at the start', dueBy: '2027-01-15' });
    expect(remediation).toMatchObject({ ok: true, value: { status: 'open' } });
    expect(await c.call('compliance.snapshots.verify', { auditId })).toMatchObject({ ok: true, value: { problems: [] } });
    const report = await c.call('compliance.report', { auditId, format: 'html' });
    if (!report.ok) throw new Error(report.error.message);
    expect(Buffer.from(report.value.contentBase64, 'base64').toString('utf8')).toContain(review.value.snapshotSha256);
    expect(await c.call('compliance.review', { postId: 'nope', verdict: 'compliant', reason: 'x' })).toMatchObject({ ok: false, error: { code: 'not_found' } });
    expect(await c.call('compliance.scan', { auditId: 'nope' })).toMatchObject({ ok: false, error: { code: 'not_found' } });
    const profiles = await c.call('compliance.profiles', {});
    expect(profiles.ok && profiles.value.map((p) => p.id)).toEqual(['ftc', 'uk-asa-cma', 'eu-ucpd']);
  });
});
