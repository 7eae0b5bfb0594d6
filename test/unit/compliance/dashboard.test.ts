// The dashboard's aggregates against a hand count of nine posts: per creator (across platforms),
// per brand (a post with two brands counts for both; a brand with no post shows 0), per platform,
// per ISO week (Monday UTC; a Sunday late at night belongs to the week before), and the worst
// offenders ordered by non-compliant posts, then rate.
import { describe, expect, it } from 'vitest';
import { complianceDashboard, weekOf, type DashboardPost } from '../../../src/compliance/dashboard.ts';

const P = (handle: string, platform: string, postedAt: string | null, verdict: DashboardPost['verdict'], brands: string[] = []): DashboardPost => ({ handle, platform, postedAt, verdict, brands });

const POSTS: DashboardPost[] = [
  P('maya', 'instagram', '2026-10-05T09:00:00Z', 'compliant', ['Glowco']), // Mon → week 2026-10-05
  P('maya', 'instagram', '2026-10-11T23:30:00Z', 'non_compliant', ['Glowco']), // Sun → week 2026-10-05
  P('maya', 'youtube', '2026-10-12T00:10:00Z', 'non_compliant', ['Glowco', 'Brewlab']), // Mon → week 2026-10-12
  P('maya', 'youtube', '2026-10-14T12:00:00Z', null), // not scanned
  P('theo', 'instagram', '2026-10-13T08:00:00Z', 'needs_review', ['Brewlab']),
  P('theo', 'instagram', '2026-10-20T08:00:00Z', 'compliant'),
  P('theo', 'instagram', '2026-10-21T08:00:00Z', 'non_compliant', ['Brewlab']),
  P('ines', 'pinterest', null, 'compliant'), // undated: in every group but the weeks
  P('ines', 'pinterest', '2026-10-22T08:00:00+02:00', 'compliant'),
];

describe('compliance dashboard', () => {
  it('weeks start on Monday, UTC', () => {
    expect(weekOf('2026-10-11T23:30:00Z')).toBe('2026-10-05');
    expect(weekOf('2026-10-12T00:10:00Z')).toBe('2026-10-12');
    expect(weekOf('2026-10-12T01:00:00+02:00')).toBe('2026-10-05');
    expect(weekOf(null)).toBeNull();
    expect(weekOf('soon')).toBeNull();
  });

  it('matches a hand count', () => {
    const d = complianceDashboard(POSTS, ['Brewlab', 'Glowco', 'Trailhead']);
    const row = (r: { key: string; posts: number; scanned: number; compliant: number; needsReview: number; nonCompliant: number; rate: number | null }) => [r.key, r.posts, r.scanned, r.compliant, r.needsReview, r.nonCompliant, r.rate === null ? null : Math.round(r.rate * 1000) / 1000];
    expect(row(d.totals)).toEqual(['all posts', 9, 8, 4, 1, 3, 0.5]);
    expect(d.byCreator.map(row)).toEqual([
      ['ines', 2, 2, 2, 0, 0, 1],
      ['maya', 4, 3, 1, 0, 2, 0.333],
      ['theo', 3, 3, 1, 1, 1, 0.333],
    ]);
    expect(d.byBrand.map(row)).toEqual([
      ['Brewlab', 3, 3, 0, 1, 2, 0],
      ['Glowco', 3, 3, 1, 0, 2, 0.333],
      ['Trailhead', 0, 0, 0, 0, 0, null],
    ]);
    expect(d.byPlatform.map(row)).toEqual([
      ['instagram', 5, 5, 2, 1, 2, 0.4],
      ['pinterest', 2, 2, 2, 0, 0, 1],
      ['youtube', 2, 1, 0, 0, 1, 0],
    ]);
    expect(d.byWeek.map(row)).toEqual([
      ['2026-10-05', 2, 2, 1, 0, 1, 0.5],
      ['2026-10-12', 3, 2, 0, 1, 1, 0],
      ['2026-10-19', 3, 3, 2, 0, 1, 0.667],
    ]);
    expect(d.worstOffenders.map((r) => r.key)).toEqual(['maya', 'theo']);
  });

  it('is empty, not wrong, without posts', () => {
    const d = complianceDashboard([], ['Glowco']);
    expect(d.totals).toMatchObject({ posts: 0, rate: null });
    expect(d.byBrand).toEqual([{ key: 'Glowco', posts: 0, scanned: 0, compliant: 0, needsReview: 0, nonCompliant: 0, rate: null }]);
    expect(d.worstOffenders).toEqual([]);
  });
});
