// The dashboard's numbers, computed here from compliance.posts.list: per creator and per platform,
// how many scanned posts are compliant (a reviewer's verdict overrides the scan's), and the worst
// offenders (most non-compliant posts, then the lowest rate).
import type { OutputOf } from '../../../api/endpoints.ts';

export type CompliancePost = OutputOf<'compliance.posts.list'>[number];

export interface ComplianceRate {
  readonly key: string;
  readonly scanned: number;
  readonly compliant: number;
  readonly needsReview: number;
  readonly nonCompliant: number;
  /** compliant / scanned, null when nothing was scanned. */
  readonly rate: number | null;
}

export const effectiveVerdict = (p: CompliancePost): CompliancePost['scanVerdict'] => p.reviewerVerdict ?? p.scanVerdict;

export function complianceRates(posts: readonly CompliancePost[], keyOf: (p: CompliancePost) => string): ComplianceRate[] {
  const groups = new Map<string, { scanned: number; compliant: number; needsReview: number; nonCompliant: number }>();
  for (const p of posts) {
    const key = keyOf(p);
    const g = groups.get(key) ?? { scanned: 0, compliant: 0, needsReview: 0, nonCompliant: 0 };
    const verdict = effectiveVerdict(p);
    if (verdict !== null) g.scanned += 1;
    if (verdict === 'compliant') g.compliant += 1;
    if (verdict === 'needs_review') g.needsReview += 1;
    if (verdict === 'non_compliant') g.nonCompliant += 1;
    groups.set(key, g);
  }
  return [...groups.entries()].map(([key, g]) => ({ key, ...g, rate: g.scanned === 0 ? null : g.compliant / g.scanned })).sort((a, b) => a.key.localeCompare(b.key));
}

export function worstOffenders(rates: readonly ComplianceRate[], limit = 5): ComplianceRate[] {
  return rates
    .filter((r) => r.nonCompliant > 0)
    .sort((a, b) => b.nonCompliant - a.nonCompliant || (a.rate ?? 1) - (b.rate ?? 1) || a.key.localeCompare(b.key))
    .slice(0, limit);
}

export const percent = (rate: number | null): string => (rate === null ? 'not scanned' : `${Math.round(rate * 100)} %`);
