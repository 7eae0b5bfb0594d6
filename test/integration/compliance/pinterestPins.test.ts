// The audit's Pinterest read side end to end: an agency's Pinterest account (OAuth, from the
// simulator over real HTTP) reads a creator's pins through Business Access (ad_account_id), within
// the audit period, into posts under audit with the pin's text, link and permalink; a scan then
// judges them. The creator's pins are Mathur's real pin descriptions when ../shared/datasets is
// there, the written stand-ins otherwise.
import { afterEach, describe, expect, it } from 'vitest';
import { openTestWorkspace, type TestWorkspace } from '../../support/workspace.ts';
import { useTempDir } from '../../support/tempDir.ts';
import { startPinterestRig, type PinterestRig } from '../platforms/pinterestHarness.ts';

const tempDir = useTempDir();
let ws: TestWorkspace | null = null;
let rig: PinterestRig | null = null;
afterEach(async () => {
  await ws?.close();
  await rig?.close();
  ws = null;
  rig = null;
});

describe('audit sync of Pinterest pins', () => {
  it('reads a creator’s pins in the period through the agency account and scans them', async () => {
    rig = await startPinterestRig({ creatorCount: 2, pinsPerCreator: 30 });
    const sim = rig.sim;
    // The creator with the most pins, so the period cuts some off (pins are a week apart, newest 2026-11-18).
    const [creator] = [...sim.creators].sort((a, b) => sim.model.pinsOf(b.userId).length - sim.model.pinsOf(a.userId).length);
    if (!creator) throw new Error('no creator in the simulator');
    ws = await openTestWorkspace(tempDir(), 'in-process');
    const c = ws.client;
    const demo = rig.sim.demoAccount();
    const account = await c.call('accounts.add', { platform: 'pinterest', baseUrl: rig.config.baseUrl, authBaseUrl: rig.config.baseUrl, displayName: 'Agency Pinterest', credentials: demo.credentials, options: demo.options });
    if (!account.ok) throw new Error(account.error.message);
    const audit = await c.call('compliance.audits.create', { name: 'Pins H2', jurisdiction: 'ftc', periodFrom: '2026-11-01', periodTo: '2026-12-31' });
    if (!audit.ok) throw new Error(audit.error.message);
    const auditId = audit.value.id;
    const added = await c.call('compliance.creators.add', { auditId, platform: 'pinterest', handle: creator.username, accountId: account.value.id, remoteUserId: creator.adAccountId });
    expect(added.ok).toBe(true);

    const synced = await c.call('compliance.posts.sync', { auditId });
    if (!synced.ok) throw new Error(synced.error.message);
    const all = rig.sim.model.pinsOf(creator.userId);
    const inPeriod = all.filter((p) => p.createdAtMs >= Date.parse('2026-11-01T00:00:00Z'));
    expect(inPeriod.length).toBeGreaterThan(0);
    expect(inPeriod.length).toBeLessThan(all.length);
    expect(synced.value).toMatchObject({ creators: 1, read: inPeriod.length, newPosts: inPeriod.length, problems: [], quarantined: 0 });
    expect(rig.requests().filter((r) => r.path === '/v5/pins').every((r) => r.query.get('ad_account_id') === creator.adAccountId)).toBe(true);

    const posts = await c.call('compliance.posts.list', { auditId });
    if (!posts.ok) throw new Error(posts.error.message);
    expect(posts.value).toHaveLength(inPeriod.length);
    const detail = posts.value[0] ? await c.call('compliance.posts.get', { postId: posts.value[0].postId }) : null;
    const captions = detail?.ok ? detail.value.versions.map((v) => v.caption) : [];
    expect(captions.length).toBe(1);
    // The scanned text is the pin as a viewer sees it: description, then its link when not already in it.
    const texts = inPeriod.map((p) => [p.description ?? '', p.link && !(p.description ?? '').includes(p.link) ? p.link : ''].filter((t) => t !== '').join('\n'));
    expect(texts).toContain(captions[0]);

    const scan = await c.call('compliance.scan', { auditId, useModels: false });
    if (!scan.ok) throw new Error(scan.error.message);
    expect(scan.value.scanned).toBe(inPeriod.length);
  });

  it('reports a creator whose ad account the agency cannot read, and reads nothing for them', async () => {
    rig = await startPinterestRig({ creatorCount: 1, pinsPerCreator: 5 });
    ws = await openTestWorkspace(tempDir(), 'in-process');
    const c = ws.client;
    const demo = rig.sim.demoAccount();
    const account = await c.call('accounts.add', { platform: 'pinterest', baseUrl: rig.config.baseUrl, authBaseUrl: rig.config.baseUrl, displayName: 'Agency Pinterest', credentials: demo.credentials, options: demo.options });
    if (!account.ok) throw new Error(account.error.message);
    const audit = await c.call('compliance.audits.create', { name: 'Pins', jurisdiction: 'ftc', periodFrom: '2026-01-01', periodTo: '2026-12-31' });
    if (!audit.ok) throw new Error(audit.error.message);
    await c.call('compliance.creators.add', { auditId: audit.value.id, platform: 'pinterest', handle: 'stranger', accountId: account.value.id, remoteUserId: '123456789' });
    const synced = await c.call('compliance.posts.sync', { auditId: audit.value.id });
    if (!synced.ok) throw new Error(synced.error.message);
    expect(synced.value).toMatchObject({ read: 0, problems: [{ handle: 'stranger', platform: 'pinterest', reason: expect.stringMatching(/^pinterest did not answer: Pinterest refused the request: You are not permitted to access that ad account/) }] });
  });
});
