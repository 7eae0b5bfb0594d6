// The export importer (JSON and CSV shapes, bad rows reported by number) and the report renderers
// (CSV quoting and formula guarding, HTML escaping, PDF-safe text).
import { describe, expect, it } from 'vitest';
import { parse } from 'csv-parse/sync';
import { parsePostExport } from '../../../src/compliance/postImport.ts';
import { canonicalContent, contentFromCanonical, contentHash } from '../../../src/compliance/postContent.ts';
import { csvCell, renderCsv } from '../../../src/compliance/report/csvReport.ts';
import { escapeHtml, renderHtml } from '../../../src/compliance/report/htmlReport.ts';
import { pdfSafe } from '../../../src/compliance/report/pdfReport.ts';
import type { ComplianceReport } from '../../../src/compliance/report/reportModel.ts';

describe('post export import', () => {
  it('reads CSV with quoted captions, lists and flags, and reports bad rows by number', () => {
    const csv = ['creator,id,caption,timestamp,paid_partnership,tagged_users,media_urls', '@bdorts,1,"#ad, ""new"" lens\nsecond line",2026-11-02T10:00:00+0000,yes,CanonUSA|@friend,https://a/1.jpg|https://a/2.jpg', ',2,missing creator,,,,', 'bdorts,3,bad date,yesterday,,,'].join('\n');
    const { posts, problems } = parsePostExport(csv, 'csv', 'instagram');
    expect(posts).toEqual([expect.objectContaining({ platform: 'instagram', creatorHandle: 'bdorts', remoteId: '1', caption: '#ad, "new" lens\nsecond line', postedAt: '2026-11-02T10:00:00.000Z', paidPartnership: true, taggedUsers: ['CanonUSA', 'friend'], mediaUrls: ['https://a/1.jpg', 'https://a/2.jpg'] })]);
    expect(problems.map((p) => p.row)).toEqual([3, 4]);
    expect(problems[1]?.message).toMatch(/not a date/);
  });

  it('reads JSON as an array or {posts}, with product objects', () => {
    const json = JSON.stringify({ posts: [{ platform: 'YouTube', creator: 'c', id: 7, caption: 'x', tagged_products: [{ name: 'Serum', brand: 'Glow' }, 'Cleanser'] }] });
    const { posts, problems } = parsePostExport(json, 'json', null);
    expect(problems).toEqual([]);
    expect(posts[0]).toMatchObject({ platform: 'youtube', remoteId: '7', taggedProducts: [{ name: 'Serum', brand: 'Glow' }, { name: 'Cleanser' }] });
    expect(parsePostExport('{"nope":1}', 'json', null).problems[0]?.row).toBe(0);
    expect(parsePostExport('[{"creator":"c","id":"1"}]', 'json', null).problems[0]?.message).toMatch(/platform/);
  });

  it('round-trips content through its canonical form, and the hash changes with any field', () => {
    const [post] = parsePostExport(JSON.stringify([{ platform: 'instagram', creator: 'c', id: '1', caption: 'a', tagged_products: ['P'] }]), 'json', null).posts;
    if (!post) throw new Error('no post');
    expect(contentFromCanonical(canonicalContent(post))).toEqual({ ...post, taggedProducts: [{ name: 'P', brand: null }] });
    expect(contentHash({ ...post, caption: 'a ' })).not.toBe(contentHash(post));
    expect(contentHash(post)).toMatch(/^[0-9a-f]{64}$/);
  });
});

const REPORT: ComplianceReport = {
  audit: { id: 'a', name: 'Q4 <b>', jurisdiction: 'ftc', profileName: 'FTC', profileVersion: '2023-07-26' },
  period: { from: '2026-10-01', to: '2026-12-31' },
  generatedAt: '2026-12-03T12:00:00Z',
  generatedBy: 'me',
  totals: { posts: 1, compliant: 0, needsReview: 0, nonCompliant: 1, reviewed: 0, unscanned: 0 },
  snapshotCheck: { checked: 1, problems: [] },
  creators: [
    {
      handle: 'c', platform: 'instagram', posts: 1, nonCompliant: 1, remediations: [],
      entries: [{ postId: 'p', remoteId: 'r', platform: 'instagram', permalink: null, postedAt: null, caption: '=HYPERLINK("x"), <script>alert(1)</script> "hi"\n2nd', verdict: 'non_compliant', scanVerdict: 'non_compliant', scannedAt: null, reviewer: null, rule: { id: 'ftc.needs_disclosure', says: 'says, with comma', source: null }, commercial: [{ kind: 'affiliate_link', text: 'http://rstyle.me/n/x' }], disclosure: [], disclosurePresent: false, disclosureAdequate: false, contentSha256: 'a'.repeat(64), snapshotSha256: 'b'.repeat(64), snapshotCapturedAt: null, changedFrom: null, thumbnailSha256: null, thumbnailJpeg: null }],
    },
  ],
};

describe('report renderers', () => {
  it('CSV: RFC 4180 quoting, formulas neutralised, one row per entry', () => {
    expect(csvCell('a,b')).toBe('"a,b"');
    expect(csvCell('say "x"')).toBe('"say ""x"""');
    expect(csvCell('=1+1')).toBe("'=1+1");
    const rows = parse(renderCsv(REPORT), { columns: true }) as Record<string, string>[];
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ caption: `'${REPORT.creators[0]?.entries[0]?.caption ?? ''}`, rule_says: 'says, with comma', snapshot_sha256: 'b'.repeat(64) });
  });

  it('HTML: escapes every platform string and loads nothing', () => {
    expect(escapeHtml(`<a href="x">'&'</a>`)).toBe('&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;');
    const html = renderHtml(REPORT);
    expect(html).not.toContain('<script>');
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html).toContain('Q4 &lt;b&gt;');
    expect(html).toContain("default-src 'none'");
  });

  it('PDF text keeps Latin-1 and names what Helvetica cannot draw', () => {
    expect(pdfSafe('Café “quoted” — 🤘🏻')).toBe('Café “quoted” — [U+1F918][U+1F3FB]');
  });
});
