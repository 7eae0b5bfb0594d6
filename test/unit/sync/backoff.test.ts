import { describe, expect, it } from 'vitest';
import { backoffDelayMs, DEFAULT_BACKOFF, nextAttemptAt } from '../../../src/sync/backoff.ts';

describe('backoff', () => {
  it('doubles per attempt, with jitter between half and the full nominal delay', () => {
    expect(backoffDelayMs(1, () => 0)).toBe(500);
    expect(backoffDelayMs(1, () => 1)).toBe(1000);
    expect(backoffDelayMs(3, () => 0)).toBe(2000);
    expect(backoffDelayMs(3, () => 1)).toBe(4000);
    expect(backoffDelayMs(4, () => 0.5)).toBe(6000);
  });

  it('never exceeds the cap, however many attempts failed', () => {
    expect(backoffDelayMs(60, () => 1)).toBe(DEFAULT_BACKOFF.capMs);
    expect(backoffDelayMs(60, () => 0)).toBe(DEFAULT_BACKOFF.capMs / 2);
  });

  it('spreads clients that failed together', () => {
    const delays = new Set([0.1, 0.4, 0.7, 0.9].map((r) => backoffDelayMs(5, () => r)));
    expect(delays.size).toBe(4);
  });

  it('waits for the platform time when it is later than the backoff, and for the backoff otherwise', () => {
    const now = Date.parse('2026-01-01T00:00:00Z');
    expect(nextAttemptAt(now, 1, '2026-01-01T00:01:00Z', () => 0)).toBe(now + 60_000);
    expect(nextAttemptAt(now, 1, '2026-01-01T00:00:00.100Z', () => 0)).toBe(now + 500);
    expect(nextAttemptAt(now, 2, null, () => 1)).toBe(now + 2000);
  });
});
