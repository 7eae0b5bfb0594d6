// The compliance audit end to end through the real `stoa` command on an on-disk workspace: create
// an audit, add creators and brands, import a CSV export of real captions, scan (rules and the
// shipped sponsorship model), review a post, ask for a remediation, re-import an edited post
// (both versions kept), write CSV / HTML / PDF reports — the PDF rendered with pdftoppm and read
// back with pdftotext — and catch a snapshot tampered with behind the triggers.
import BetterSqlite3 from 'better-sqlite3';
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../support/runCli.ts';
import { useTempDir } from '../../support/tempDir.ts';

const tempDir = useTempDir();

// Real captions (sponsorship/instagram-promotional-captions: account, post path).
const ROWS = [
  // bdorts /BxiSQy1lq6r/: "#ad" first — compliant.
  ['instagram', 'bdorts', 'BxiSQy1lq6r', '#ad Looking back on a weekend well spent. Road tripping along the Oregon coast with the new @CanonUSA EOS RP allowed me to pack light without sacrificing image quality.', 'https://www.instagram.com/p/BxiSQy1lq6r/', '2026-11-02T10:00:00+0000', 'false'],
  // bdorts /Byk8_77l3PE/: "#ad" only at the end — non-compliant.
  ['instagram', 'bdorts', 'Byk8_77l3PE', 'I recently travelled to London & Copenhagen bringing only the @CanonUSA #EOSRP and the Canon RF 24-105mm f4 L IS USM lens with me. This was the perfect travel combo for exploring a new place without having to carry a backpack full of gear. Here’s a few images from my travels abroad 🤘🏻#ad #TeamCanon', 'https://www.instagram.com/p/Byk8_77l3PE/', '2026-11-05T10:00:00+0000', 'false'],
  // carlilloyd /Bw5EpHsh1q0/: "#ad" in a hashtag cluster — non-compliant.
  ['instagram', 'carlilloyd', 'Bw5EpHsh1q0', 'As of today, I bleed red, white, blue, and GREEN. Because @hulu is paying me to 💵 #HuluHasLiveSports #TeamHuluSellouts #HuluSellouts #ad #obviously', 'https://www.instagram.com/p/Bw5EpHsh1q0/', '2026-11-10T10:00:00+0000', 'false'],
  // carlilloyd /ByGOYYbD-M_/ without its "#ad", with the platform label: needs review. The quote and
  // comma exercise CSV quoting; the <b> tag exercises HTML escaping.
  ['instagram', 'carlilloyd', 'ByGOYYbD-M_', "Male athletes, female athletes ... we're one in the \"same\". Presented by @visa_us. <b>Full video</b> on @playerstribune", 'https://www.instagram.com/p/ByGOYYbD-M_/', '2026-11-12T10:00:00+0000', 'true'],
  // Outside the period: left out of the report.
  ['instagram', 'carlilloyd', 'Bx-MbY-jlbz', 'New goal celebration, who dis? 🤑#HuluHasLiveSports #TeamHuluSellouts #ad #boom', null, '2026-09-01T10:00:00+0000', 'false'],
];

const csvField = (v: string | null): string => (v === null ? '' : /[",\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);
const toCsv = (rows: (string | null)[][]): string => ['platform,creator,id,caption,permalink,timestamp,paid_partnership', ...rows.map((r) => r.map(csvField).join(','))].join('\n');

async function stoa(dataDir: string, args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return runCli([...args, '--data-dir', dataDir], { timeoutMs: 120_000 });
}

async function stoaJson<T>(dataDir: string, args: string[]): Promise<T> {
  const r = await stoa(dataDir, [...args, '--json']);
  expect(r.stderr, args.join(' ')).toBe('');
  expect(r.code, args.join(' ')).toBe(0);
  return JSON.parse(r.stdout) as T;
}

interface Post { postId: string; remoteId: string; scanVerdict: string; ruleId: string; latestSha256: string; changedFrom: string | null; versions: number; reviewerVerdict: string | null }

describe('stoa audit (compliance) end to end', () => {
  it('scans, reviews, snapshots, reports and detects tampering on a real workspace', { timeout: 300_000 }, async () => {
    const dir = tempDir();
    const data = join(dir, 'data');
    await stoaJson(data, ['audit', 'create', '--name', 'Q4 <creators>', '--jurisdiction', 'ftc', '--from', '2026-10-01', '--to', '2026-12-31']);
    await stoaJson(data, ['audit', 'add-creator', '--platform', 'instagram', '--handle', '@bdorts']);
    await stoaJson(data, ['audit', 'add-creator', '--platform', 'instagram', '--handle', 'carlilloyd']);
    await stoaJson(data, ['audit', 'add-brand', '--name', 'Canon', '--handle', 'CanonUSA']);
    await stoaJson(data, ['audit', 'add-brand', '--name', 'Hulu', '--handle', 'hulu']);
    const exportFile = join(dir, 'posts.csv');
    writeFileSync(exportFile, toCsv(ROWS));
    const imported = await stoaJson<{ read: number; newPosts: number; problems: unknown[] }>(data, ['audit', 'import-posts', exportFile]);
    expect(imported).toMatchObject({ read: 5, newPosts: 5, problems: [] });

    const scan = await stoaJson<{ scanned: number; byVerdict: Record<string, number>; snapshots: number; modelVersion: string | null }>(data, ['audit', 'scan']);
    expect(scan).toMatchObject({ scanned: 5, byVerdict: { compliant: 1, needs_review: 2, non_compliant: 2 }, snapshots: 4 });
    // Bx-MbY-jlbz names no listed brand ("#HuluHasLiveSports" is a hashtag, not @hulu): only the model calls it commercial, so a person decides.
    expect(scan.modelVersion).toMatch(/^sponsorship-/);

    const posts = await stoaJson<Post[]>(data, ['audit', 'posts']);
    const byRemote = new Map(posts.map((p) => [p.remoteId, p]));
    expect(byRemote.get('Byk8_77l3PE')).toMatchObject({ scanVerdict: 'non_compliant', ruleId: 'ftc.placement.end_only' });
    expect(byRemote.get('Bw5EpHsh1q0')).toMatchObject({ scanVerdict: 'non_compliant', ruleId: 'ftc.placement.hashtag_cluster' });
    expect(byRemote.get('ByGOYYbD-M_')).toMatchObject({ scanVerdict: 'needs_review', ruleId: 'ftc.platform_label_alone' });

    const queue = await stoaJson<Post[]>(data, ['audit', 'posts', '--verdict', 'needs_review']);
    expect(queue.map((p) => p.remoteId).sort()).toEqual(['Bx-MbY-jlbz', 'ByGOYYbD-M_']);
    const reviewed = await stoaJson<{ snapshotSha256: string; verdict: string }>(data, ['audit', 'review', '--post', queue.find((p) => p.remoteId === 'ByGOYYbD-M_')?.postId ?? '', '--verdict', 'non_compliant', '--reason', 'Paid partnership label only; no "Ad" in the caption']);
    expect(reviewed.verdict).toBe('non_compliant');
    const remediation = await stoaJson<{ status: string }>(data, ['audit', 'remediate', '--creator', 'carlilloyd', '--what', 'Put "#ad" at the start of both Hulu captions', '--due', '2026-12-15']);
    expect(remediation.status).toBe('open');

    // The creator edits a caption; the next import and scan keep both versions and say so.
    const edited = ROWS.map((r) => (r[2] === 'Byk8_77l3PE' ? [...r.slice(0, 3), `#ad ${r[3] ?? ''}`.replace(/#ad #TeamCanon$/, '#TeamCanon'), ...r.slice(4)] : r));
    writeFileSync(exportFile, toCsv(edited));
    expect(await stoaJson<{ newVersions: number; unchanged: number }>(data, ['audit', 'import-posts', exportFile])).toMatchObject({ newVersions: 1, unchanged: 4 });
    const rescan = await stoaJson<{ changed: { postId: string; from: string; to: string }[]; byVerdict: Record<string, number> }>(data, ['audit', 'scan', '--no-models']);
    const old = byRemote.get('Byk8_77l3PE');
    expect(rescan.changed).toEqual([{ postId: old?.postId, from: old?.latestSha256, to: expect.stringMatching(/^[0-9a-f]{64}$/) }]);
    const after = (await stoaJson<Post[]>(data, ['audit', 'posts'])).find((p) => p.remoteId === 'Byk8_77l3PE');
    expect(after).toMatchObject({ scanVerdict: 'compliant', versions: 2, changedFrom: old?.latestSha256 });

    // Reports over the period: the September post is left out.
    const pdf = join(dir, 'report.pdf');
    const summary = await stoaJson<{ posts: number; nonCompliant: number; snapshotProblems: number }>(data, ['audit', 'report', '--from', '2026-10-01', '--to', '2026-12-31', '--format', 'pdf', '--out', pdf]);
    expect(summary).toEqual(expect.objectContaining({ posts: 4, nonCompliant: 2, snapshotProblems: 0 }));
    execFileSync('pdftoppm', ['-png', '-r', '40', pdf, join(dir, 'page')]);
    expect(existsSync(join(dir, 'page-1.png'))).toBe(true);
    const pdfText = execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' });
    expect(pdfText).toContain(reviewed.snapshotSha256);
    expect(pdfText).toContain('Reviewed by');
    expect(pdfText).toContain('Bw5EpHsh1q0');
    expect(pdfText).not.toContain('Bx-MbY-jlbz');

    const csvFile = join(dir, 'report.csv');
    await stoaJson(data, ['audit', 'report', '--format', 'csv', '--out', csvFile]);
    const rows = parse(readFileSync(csvFile, 'utf8'), { columns: true }) as Record<string, string>[];
    expect(rows.map((r) => r['post_id']).sort()).toEqual(['Bw5EpHsh1q0', 'ByGOYYbD-M_']);
    const labelOnly = rows.find((r) => r['post_id'] === 'ByGOYYbD-M_');
    expect(labelOnly).toMatchObject({ verdict: 'non_compliant', scan_verdict: 'needs_review', snapshot_sha256: reviewed.snapshotSha256, caption: ROWS[3]?.[3] });

    const htmlFile = join(dir, 'report.html');
    await stoaJson(data, ['audit', 'report', '--format', 'html', '--out', htmlFile]);
    const html = readFileSync(htmlFile, 'utf8');
    expect(html).toContain('&lt;b&gt;Full video&lt;/b&gt;');
    expect(html).toContain('Q4 &lt;creators&gt;');
    expect(html).not.toMatch(/<script|src="http/);

    expect((await stoa(data, ['audit', 'verify-snapshots'])).code).toBe(0);
    // Tampering behind the triggers' back: the snapshot no longer matches its hash or the audit log.
    const db = new BetterSqlite3(join(data, 'workspace.sqlite'));
    db.exec('DROP TRIGGER compliance_snapshots_no_update');
    db.prepare("UPDATE compliance_snapshots SET content = replace(content, 'Presented by', 'Paid partnership. Presented by') WHERE sha256 = ?").run(reviewed.snapshotSha256);
    db.close();
    const verify = await stoa(data, ['audit', 'verify-snapshots']);
    expect(verify.code).toBe(4);
    expect(verify.stdout).toMatch(/content does not match its content hash/);
    const tampered = await stoaJson<{ snapshotProblems: number }>(data, ['audit', 'report', '--format', 'pdf', '--out', pdf]);
    expect(tampered.snapshotProblems).toBe(1);
    expect(execFileSync('pdftotext', [pdf, '-'], { encoding: 'utf8' })).toMatch(/PROBLEM/);
  });
});
