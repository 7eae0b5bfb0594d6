// The compliance room in real Chromium against the real browser-mode server: create an audit, add
// two creators (one on two platforms) and a brand, import a posts export through the file input, scan, read the evidence
// marked on a caption, review three posts (one compliant, two non-compliant with reasons), request a
// remediation, read the dashboard, export a CSV and a PDF as real downloads (Blob + <a download>
// under the app's CSP), verify the snapshots, see a snapshot edited behind the triggers reported as
// tampered, and end without a console error. Then a YouTube creator synced through the demo's
// connected account (the Sync button), scanned, and the dashboard's rate per brand.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { YoutubeSimulator } from '../../../src/platforms/youtube/index.ts';
import { channelIdFor } from '../../../src/platforms/youtube/simState.ts';
import { SIM_CREATOR_HANDLES } from '../../../src/platforms/youtube/simVideos.ts';
import { AppPage } from '../pages/AppPage.ts';
import { CompliancePage } from '../pages/CompliancePage.ts';
import { openWatchedPage } from '../support/browser.ts';
import { startDemoServer, type DemoServer } from '../support/demoServer.ts';

const FIXTURE = join(import.meta.dirname, '../../fixtures/compliance/creator-posts.json');
let browser: Browser;
let server: DemoServer;
let page: Page;
let consoleErrors: string[];

beforeAll(async () => {
  server = await startDemoServer();
  ({ browser, page, consoleErrors } = await openWatchedPage({ width: 1400, height: 1100 }));
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

const pdftotextAvailable = (): boolean => {
  try {
    execFileSync('pdftotext', ['-v'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
};

describe('Compliance review in Chromium', () => {
  it('audits creators from an export: scan, review with reasons, remediation, CSV and PDF downloads, snapshot check', async () => {
    const app = new AppPage(page);
    await app.open(server.url);
    const room = new CompliancePage(page);
    await room.open();

    await room.createAudit('Q4 skincare creators', 'United States — FTC Endorsement Guides', '2026-10-01', '2026-12-31');
    await expect.poll(() => room.selectedAudit().textContent()).toBe('Q4 skincare creators (ftc, 2026-10-01 to 2026-12-31)');
    await room.addCreator('instagram', '@mayaglows');
    await room.addCreator('instagram', '@theo.trails');
    await room.addCreator('youtube', '@theo.trails');
    await expect.poll(() => room.creators().allTextContents()).toEqual(['mayaglows on instagram', 'theo.trails on instagram', 'theo.trails on youtube']);
    await room.addBrand({ name: 'Glowco', handles: 'glowco', codes: 'GLOW20', affiliates: 'glowco-20' });
    await expect.poll(() => room.brands().allTextContents()).toEqual(['Glowco: handles glowco; codes GLOW20; affiliate ids glowco-20']);

    await room.importPosts(FIXTURE);
    await expect.poll(() => room.importSummary().textContent(), { timeout: 30_000 }).toBe('creator-posts.json: 7 read, 7 new, 0 changed, 0 unchanged');
    await room.scan();
    await expect.poll(() => room.scanResult().textContent(), { timeout: 60_000 }).toMatch(/^Scanned 7 posts under ftc: /);

    // The undisclosed discount-code post: commercial evidence marked on its words, no disclosure, the FTC rule and its source.
    const undisclosed = room.post('17895695668004551');
    await expect.poll(() => undisclosed.marks('Commercial evidence').allTextContents()).toEqual(expect.arrayContaining(['@glowco', 'GLOW20', '20% off']));
    expect(await undisclosed.marks('Disclosure').count()).toBe(0);
    expect(await undisclosed.decidingRule().textContent()).toMatch(/^Rule ftc\.needs_disclosure: Commercial content without any disclosure\..*\(source: FTC Guides Concerning the Use of Endorsements/);
    // The buried #ad: the disclosure is marked too, and said to sit in a hashtag cluster.
    const buried = room.post('17895695668004552');
    await expect.poll(() => buried.marks('Disclosure').allTextContents()).toEqual(['#ad']);
    expect(await buried.evidence().allTextContents()).toContain('Disclosure: "#ad" in a hashtag cluster, adequate');
    expect(await buried.decidingRule().textContent()).toMatch(/^Rule ftc\.placement\.hashtag_cluster: /);

    // Three verdicts with reasons.
    const gifted = room.post('17841400008460056');
    await gifted.review('compliant', '"gifted" is in the first line next to the brand; acceptable for a one-off gift');
    await expect.poll(() => gifted.reviewerVerdict().textContent()).toMatch(/^Reviewed: Compliant by .*"gifted" is in the first line/);
    await undisclosed.review('non-compliant', 'Discount code and brand tag with no disclosure at all');
    await expect.poll(() => undisclosed.reviewerVerdict().textContent()).toMatch(/^Reviewed: Non-compliant by .*Discount code and brand tag/);
    await buried.review('non-compliant', '#ad is the last of seven hashtags, after the fold');
    await expect.poll(() => buried.reviewerVerdict().textContent()).toMatch(/^Reviewed: Non-compliant by .*last of seven hashtags/);

    await undisclosed.requestRemediation('Put "#ad" at the start of the caption', '2027-01-15');
    await expect.poll(() => undisclosed.remediations().allTextContents()).toEqual([expect.stringMatching(/^Put "#ad" at the start of the caption — due 2027-01-15 — Status/)]);
    expect(await undisclosed.remediations().first().getByRole('combobox', { name: 'Status' }).inputValue()).toBe('open');
    await undisclosed.remediations().first().getByRole('combobox', { name: 'Status' }).selectOption('sent');
    await expect.poll(() => undisclosed.remediations().first().getByRole('combobox', { name: 'Status' }).inputValue()).toBe('sent');

    // Dashboard: reviewer verdicts count over the scan's; mayaglows has the two non-compliant posts.
    const byCreator = room.dashboardTable('Compliance rate per creator');
    await expect.poll(() => byCreator.getByRole('row', { name: /^mayaglows/ }).getByRole('cell').allTextContents()).toEqual(['4', expect.any(String), expect.any(String), '2', expect.stringMatching(/ %$/)]);
    expect(await room.chart('Compliance rate per creator').isVisible()).toBe(true);
    // The YouTube description's Amazon affiliate links carry no disclosure.
    const byPlatform = room.dashboardTable('Compliance rate per platform');
    await expect.poll(() => byPlatform.getByRole('row', { name: /^youtube/ }).getByRole('cell').allTextContents()).toEqual(['1', '0', '0', '1', '0 %']);
    expect(await byPlatform.getByRole('row', { name: /^instagram/ }).getByRole('cell').first().textContent()).toBe('6');
    await expect.poll(() => room.worstOffenders().first().textContent()).toMatch(/^mayaglows: 2 non-compliant of 4 scanned/);
    expect(await room.worstOffenders().allTextContents()).toEqual([expect.stringMatching(/^mayaglows: /), 'theo.trails: 1 non-compliant of 3 scanned (67 % compliant)']);
    if (process.env.STOA_SCREENSHOT_DIR) await page.screenshot({ path: join(process.env.STOA_SCREENSHOT_DIR, 'compliance-review.png'), fullPage: true });

    const csv = await room.exportReport('CSV');
    expect(csv.suggestedFilename()).toMatch(/\.csv$/);
    const csvText = readFileSync(await csv.path(), 'utf8');
    for (const remoteId of ['17895695668004551', '17895695668004552', '17841400008460056']) expect(csvText).toContain(remoteId);
    const pdf = await room.exportReport('PDF');
    expect(pdf.suggestedFilename()).toMatch(/\.pdf$/);
    const pdfPath = await pdf.path();
    expect(readFileSync(pdfPath).subarray(0, 5).toString('latin1')).toBe('%PDF-');
    if (pdftotextAvailable()) expect(execFileSync('pdftotext', [pdfPath, '-']).toString('utf8')).toContain('17895695668004551');

    await room.verifySnapshots();
    await expect.poll(() => room.snapshotStatus().textContent()).toMatch(/^Snapshots intact: \d+ checked\.$/);

    // Someone edits a stored snapshot behind the append-only trigger: the check names it.
    const db = server.demo.backend.context.db;
    db.exec('DROP TRIGGER compliance_snapshots_no_update');
    const edited = db.prepare('UPDATE compliance_snapshots SET content = ? WHERE id = (SELECT id FROM compliance_snapshots ORDER BY captured_at LIMIT 1)').run(JSON.stringify(['instagram', '17895695668004551', 'edited caption #ad']));
    expect(edited.changes).toBe(1);
    await room.verifySnapshots();
    await expect.poll(() => room.snapshotStatus().textContent()).toMatch(/^Snapshots tampered: 1 of \d+ do not match their hash\.$/);
    expect(await room.snapshotProblems().count()).toBe(1);
    expect(consoleErrors).toEqual([]);
  });

  it('syncs a YouTube creator through the demo account and shows the rate per brand', async () => {
    const room = new CompliancePage(page);
    await room.createAudit('Q4 YouTube creators', 'United States — FTC Endorsement Guides', '2026-10-01', '2026-12-31');
    await expect.poll(() => room.selectedAudit().textContent()).toMatch(/^Q4 YouTube creators /);
    const sim = server.demo.simulators.simulator('youtube') as YoutubeSimulator;
    const channelId = channelIdFor(SIM_CREATOR_HANDLES[0]);
    const from = Date.parse('2026-10-01T00:00:00Z');
    const to = Date.parse('2026-12-31T23:59:59Z');
    const inPeriod = (sim.creatorChannels.get(channelId)?.videos ?? []).filter((v) => Date.parse(v.publishedAt) >= from && Date.parse(v.publishedAt) <= to).length;
    expect(inPeriod).toBeGreaterThan(0);
    await room.addCreatorVia('youtube', SIM_CREATOR_HANDLES[0], 'youtube (simulator)', channelId);
    await expect.poll(() => room.creators().allTextContents()).toEqual([`${SIM_CREATOR_HANDLES[0]} on youtube · read through youtube (simulator) as ${channelId}`]);
    await room.addBrand({ name: 'Amazon', handles: 'amazon', codes: '', affiliates: '' });
    await room.syncPosts();
    await expect.poll(() => room.syncSummary().textContent(), { timeout: 30_000 }).toBe(`1 creators: ${inPeriod} posts read, ${inPeriod} new, 0 changed, 0 unchanged`);
    await room.scan();
    await expect.poll(() => room.scanResult().textContent(), { timeout: 60_000 }).toMatch(new RegExp(`^Scanned ${inPeriod} posts under ftc: `));

    // The per-brand row shows what the backend counted for the brand.
    const audits = await server.demo.backend.handlers['compliance.audits.list']({});
    const auditId = audits.find((a) => a.name === 'Q4 YouTube creators')?.id ?? '';
    const dash = await server.demo.backend.handlers['compliance.dashboard']({ auditId });
    const amazon = dash.byBrand.find((b) => b.key === 'Amazon');
    if (!amazon) throw new Error('no Amazon row');
    const byBrand = room.dashboardTable('Compliance rate per brand');
    await expect.poll(() => byBrand.getByRole('row', { name: /^Amazon/ }).getByRole('cell').allTextContents()).toEqual([String(amazon.scanned), String(amazon.compliant), String(amazon.needsReview), String(amazon.nonCompliant), expect.stringMatching(/ %$|^not scanned$/)]);
    expect(await room.chart('Compliance rate per brand').isVisible()).toBe(true);
    expect(await room.chart('Compliance rate per week').isVisible()).toBe(dash.byWeek.length > 0);
    expect(consoleErrors).toEqual([]);
  });
});
