// The review card reads what a real scan stores (scanPost → scanEvidence, on the posts fixture) and
// marks commercial evidence and disclosure wording on the caption's own words; the dashboard counts
// a reviewer's verdict over the scan's and ranks the worst offenders.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { scanEvidence } from '../../../src/backend/complianceService.ts';
import { parsePostExport } from '../../../src/compliance/postImport.ts';
import { scanPost } from '../../../src/compliance/scanPost.ts';
import { JURISDICTION_PROFILES } from '../../../src/core/jurisdictionProfiles.ts';
import { sponsorshipRuleHits } from '../../../src/ml/rules/sponsorshipRules.ts';
import { captionSegments, readEvidence } from '../../../src/ui/features/audit/complianceEvidence.ts';
import { complianceRates, percent, worstOffenders, type CompliancePost } from '../../../src/ui/features/audit/complianceRates.ts';

const fixture = readFileSync(join(import.meta.dirname, '../../fixtures/compliance/creator-posts.json'), 'utf8');
const { posts } = parsePostExport(fixture, 'json', null);
const brands = [{ id: 'b1', auditId: 'a1', name: 'Glowco', handles: ['glowco'], discountCodes: ['GLOW20'], affiliateIds: [] }];

function storedEvidenceOf(remoteId: string): { caption: string; stored: unknown } {
  const post = posts.find((p) => p.remoteId === remoteId);
  if (!post) throw new Error(`no post ${remoteId} in the fixture`);
  const result = scanPost({ post, profile: JURISDICTION_PROFILES.ftc, brands, ruleHits: sponsorshipRuleHits(post.caption), model: null, scannedAt: '2026-12-01T00:00:00.000Z' });
  // Through JSON, as the store keeps it.
  return { caption: post.caption, stored: JSON.parse(JSON.stringify(scanEvidence(result))) as unknown };
}

describe('captionSegments', () => {
  it('marks commercial evidence and a buried disclosure on the words they came from', () => {
    const { caption, stored } = storedEvidenceOf('17895695668004552');
    const evidence = readEvidence(stored);
    expect(evidence?.rule?.id).toBe('ftc.placement.hashtag_cluster');
    const segments = captionSegments(caption, evidence);
    expect(segments.map((s) => s.text).join('')).toBe(caption);
    expect(segments.filter((s) => s.kind === 'commercial').map((s) => s.text)).toEqual(['@glowco', 'Get yours', 'GLOW20']);
    expect(segments.filter((s) => s.kind === 'disclosure').map((s) => [s.text, s.labels])).toEqual([['#ad', ['Disclosure: "#ad" in a hashtag cluster, adequate']]]);
  });

  it('calls a span that is both commercial evidence and disclosure wording both', () => {
    const { caption, stored } = storedEvidenceOf('17841400008460056');
    const segments = captionSegments(caption, readEvidence(stored));
    expect(segments.map((s) => s.text).join('')).toBe(caption);
    // "Thanks @glowco" is disclosure wording; "@glowco" inside it is also the brand handle.
    expect(segments.slice(0, 2).map((s) => [s.text, s.kind])).toEqual([
      ['Thanks ', 'disclosure'],
      ['@glowco', 'both'],
    ]);
    expect(segments.find((s) => s.text === '#gifted')?.kind).toBe('both');
  });

  it('leaves a caption unmarked when the evidence is missing or of an unknown shape', () => {
    expect(readEvidence(null)).toBeNull();
    expect(readEvidence({ commercial: 'nope' })).toBeNull();
    expect(captionSegments('plain words', null)).toEqual([{ text: 'plain words', kind: null, labels: [] }]);
  });
});

describe('complianceRates', () => {
  let serial = 0;
  const post = (handle: string, scanVerdict: CompliancePost['scanVerdict'], reviewerVerdict: CompliancePost['reviewerVerdict'] = null, platform = 'instagram'): CompliancePost => ({
    postId: `${handle}-${(serial += 1)}`,
    creatorId: handle,
    handle,
    platform,
    remoteId: '1',
    permalink: null,
    postedAt: null,
    latestSha256: '0'.repeat(64),
    scanId: null,
    scannedAt: null,
    scanVerdict,
    ruleId: null,
    disclosurePresent: null,
    disclosureAdequate: null,
    evidence: null,
    changedFrom: null,
    versions: 1,
    reviewerVerdict,
  });

  it('counts the reviewer’s verdict over the scan’s and leaves unscanned posts out of the rate', () => {
    const list = [post('maya', 'needs_review', 'non_compliant'), post('maya', 'compliant'), post('maya', null), post('theo', 'needs_review', 'compliant'), post('theo', 'non_compliant', null, 'youtube')];
    const rates = complianceRates(list, (p) => p.handle);
    expect(rates).toEqual([
      { key: 'maya', scanned: 2, compliant: 1, needsReview: 0, nonCompliant: 1, rate: 0.5 },
      { key: 'theo', scanned: 2, compliant: 1, needsReview: 0, nonCompliant: 1, rate: 0.5 },
    ]);
    expect(complianceRates(list, (p) => p.platform).map((r) => [r.key, r.scanned])).toEqual([
      ['instagram', 3],
      ['youtube', 1],
    ]);
    expect(percent(0.5)).toBe('50 %');
    expect(percent(null)).toBe('not scanned');
  });

  it('ranks worst offenders by non-compliant posts, then by the lower rate, and leaves clean creators out', () => {
    const list = [post('a', 'non_compliant'), post('a', 'compliant'), post('a', 'compliant'), post('b', 'non_compliant'), post('c', 'non_compliant'), post('c', 'non_compliant'), post('d', 'compliant')];
    expect(worstOffenders(complianceRates(list, (p) => p.handle)).map((r) => r.key)).toEqual(['c', 'b', 'a']);
  });
});
