import { describe, expect, it } from 'vitest';
import { createRateBudget, msUntilMidnight } from '../../../src/sync/rateBudget.ts';

function clockAt(iso: string) {
  let now = Date.parse(iso);
  return { now: () => new Date(now), advance: (ms: number) => (now += ms) };
}

describe('rate budgets', () => {
  it('request window: spends the window, then says how long until one request refills', () => {
    const clock = clockAt('2026-03-01T12:00:00Z');
    const budget = createRateBudget({ kind: 'request_window', requests: 60, windowSeconds: 60, reportsBudget: false }, clock);
    for (let i = 0; i < 60; i += 1) expect(budget.take('approve')).toBe(0);
    expect(budget.take('approve')).toBe(1000);
    clock.advance(1000);
    expect(budget.take('approve')).toBe(0);
    expect(budget.take('approve')).toBeGreaterThan(0);
  });

  it('daily quota: charges per call kind and waits for midnight Pacific when spent', () => {
    // 07:00 UTC on 1 March is 23:00 PST the day before: one hour to the reset.
    const clock = clockAt('2026-03-01T07:00:00Z');
    const budget = createRateBudget({ kind: 'daily_quota', units: 120, resetTimeZone: 'America/Los_Angeles', costs: { approve: 50, pull: 1 } }, clock);
    expect(budget.take('approve')).toBe(0);
    expect(budget.take('approve')).toBe(0);
    expect(budget.take('approve')).toBe(3600_000);
    expect(budget.take('pull', 20)).toBe(0);
    clock.advance(3600_000);
    expect(budget.take('approve')).toBe(0);
  });

  it('usage-percent platforms have no local number to spend', () => {
    const budget = createRateBudget({ kind: 'usage_percent', headers: ['x-app-usage'] }, clockAt('2026-03-01T00:00:00Z'));
    for (let i = 0; i < 1000; i += 1) expect(budget.take('remove')).toBe(0);
  });

  it('knows midnight Pacific across the DST change', () => {
    // 8 March 2026: PST → PDT at 02:00 local. 12:00 UTC on 8 March is 05:00 PDT: 19 h to midnight.
    expect(msUntilMidnight(new Date('2026-03-08T12:00:00Z'), 'America/Los_Angeles')).toBe(19 * 3600_000);
    expect(msUntilMidnight(new Date('2026-01-15T12:00:00Z'), 'America/Los_Angeles')).toBe(20 * 3600_000);
  });
});
