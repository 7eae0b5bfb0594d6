// The team's signals in words: "2 min ago", and "Decided by Ana 2 min ago (remove)" from a hub
// conflict's remote snapshot (a platform's own conflict is not read as the hub's).
import { describe, expect, it } from 'vitest';
import { decidedByText, hubDecisionOf } from '../../../src/ui/features/hub/hubDecision.ts';
import { timeAgo, timeAgoOrNever } from '../../../src/ui/features/hub/relativeTime.ts';

const NOW = Date.parse('2026-12-04T06:00:00.000Z');
const before = (ms: number) => new Date(NOW - ms).toISOString();

describe('hub wording', () => {
  it('says how long ago', () => {
    expect(timeAgo(before(10_000), NOW)).toBe('just now');
    expect(timeAgo(new Date(NOW + 5_000).toISOString(), NOW)).toBe('just now');
    expect(timeAgo(before(2 * 60_000), NOW)).toBe('2 min ago');
    expect(timeAgo(before(3 * 3_600_000), NOW)).toBe('3 h ago');
    expect(timeAgo(before(26 * 3_600_000), NOW)).toBe('1 day ago');
    expect(timeAgo(before(5 * 86_400_000), NOW)).toBe('5 days ago');
    expect(timeAgoOrNever(null, NOW)).toBe('never');
    expect(timeAgo('not a time', NOW)).toBe('not a time');
  });

  it("reads another member's decision from a hub conflict, and nothing from a platform's", () => {
    const decision = hubDecisionOf({ source: 'hub', memberName: 'Ana', action: 'remove', decidedAt: before(2 * 60_000) });
    expect(decision).not.toBeNull();
    expect(decidedByText(decision!, NOW)).toBe('Decided by Ana 2 min ago (remove)');
    expect(decidedByText({ memberName: 'Ana', action: 'ignore_reports', decidedAt: before(0) }, NOW)).toBe('Decided by Ana just now (ignore reports)');
    expect(hubDecisionOf({ state: 'removed' })).toBeNull();
    expect(hubDecisionOf({ source: 'hub', memberName: 'Ana' })).toBeNull();
    expect(hubDecisionOf(null)).toBeNull();
  });
});
