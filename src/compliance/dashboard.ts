// The compliance dashboard's numbers, computed on this machine from the audit's posts: compliance
// rate per creator (a person's handle, across platforms), per brand (the brands the scan's evidence
// tied the post to), per platform and per ISO week (Monday, UTC, of when the post was published),
// and the worst offenders. A reviewer's verdict counts over the scan's; unscanned posts are counted
// as posts but not in the rate.
import type { Verdict } from './verdict.ts';

export interface DashboardPost {
  readonly handle: string;
  readonly platform: string;
  readonly postedAt: string | null;
  /** The reviewer's verdict when there is one, else the latest scan's; null when never scanned. */
  readonly verdict: Verdict | null;
  /** Brand names the scan's commercial evidence matched. */
  readonly brands: readonly string[];
}

export interface ComplianceRate {
  readonly key: string;
  readonly posts: number;
  readonly scanned: number;
  readonly compliant: number;
  readonly needsReview: number;
  readonly nonCompliant: number;
  /** compliant / scanned, null when nothing was scanned. */
  readonly rate: number | null;
}

export interface ComplianceDashboard {
  readonly totals: ComplianceRate;
  readonly byCreator: ComplianceRate[];
  readonly byBrand: ComplianceRate[];
  readonly byPlatform: ComplianceRate[];
  /** Oldest week first; weeks without posts between two with posts are left out. */
  readonly byWeek: ComplianceRate[];
  readonly worstOffenders: ComplianceRate[];
}

/** The Monday (UTC) of the ISO week an instant falls in, YYYY-MM-DD; null for no or a bad date. */
export function weekOf(postedAt: string | null): string | null {
  if (postedAt === null) return null;
  const ms = Date.parse(postedAt);
  if (Number.isNaN(ms)) return null;
  const day = new Date(ms);
  const monday = Date.UTC(day.getUTCFullYear(), day.getUTCMonth(), day.getUTCDate()) - ((day.getUTCDay() + 6) % 7) * 86_400_000;
  return new Date(monday).toISOString().slice(0, 10);
}

interface Counts {
  posts: number;
  scanned: number;
  compliant: number;
  needsReview: number;
  nonCompliant: number;
}
const empty = (): Counts => ({ posts: 0, scanned: 0, compliant: 0, needsReview: 0, nonCompliant: 0 });

function add(c: Counts, verdict: Verdict | null): void {
  c.posts += 1;
  if (verdict === null) return;
  c.scanned += 1;
  if (verdict === 'compliant') c.compliant += 1;
  else if (verdict === 'needs_review') c.needsReview += 1;
  else c.nonCompliant += 1;
}

const rateOf = (key: string, c: Counts): ComplianceRate => ({ key, ...c, rate: c.scanned === 0 ? null : c.compliant / c.scanned });

function grouped(posts: readonly DashboardPost[], keysOf: (p: DashboardPost) => readonly string[], seed: readonly string[] = []): ComplianceRate[] {
  const groups = new Map<string, Counts>(seed.map((k) => [k, empty()]));
  for (const p of posts) {
    for (const key of new Set(keysOf(p))) {
      const g = groups.get(key) ?? empty();
      add(g, p.verdict);
      groups.set(key, g);
    }
  }
  return [...groups.entries()].map(([key, c]) => rateOf(key, c)).sort((a, b) => a.key.localeCompare(b.key));
}

export function worstOffenders(rates: readonly ComplianceRate[], limit = 5): ComplianceRate[] {
  return rates
    .filter((r) => r.nonCompliant > 0)
    .sort((a, b) => b.nonCompliant - a.nonCompliant || (a.rate ?? 1) - (b.rate ?? 1) || a.key.localeCompare(b.key))
    .slice(0, limit);
}

/** `brandNames`: every brand under audit, so a brand with no matched post still shows (0 posts). */
export function complianceDashboard(posts: readonly DashboardPost[], brandNames: readonly string[] = []): ComplianceDashboard {
  const total = empty();
  for (const p of posts) add(total, p.verdict);
  const byCreator = grouped(posts, (p) => [p.handle]);
  return {
    totals: rateOf('all posts', total),
    byCreator,
    byBrand: grouped(posts, (p) => p.brands, brandNames),
    byPlatform: grouped(posts, (p) => [p.platform]),
    byWeek: grouped(posts, (p) => {
      const w = weekOf(p.postedAt);
      return w === null ? [] : [w];
    }),
    worstOffenders: worstOffenders(byCreator),
  };
}
