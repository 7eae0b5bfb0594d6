// Pacific-midnight arithmetic for the YouTube quota, on both DST changes and ordinary days.
import { describe, expect, it } from 'vitest';
import { nextPacificMidnight, pacificDay, pacificOffsetMs, QuotaLedger } from '../../../src/platforms/youtube/quota.ts';

const next = (iso: string) => nextPacificMidnight(new Date(iso)).toISOString();

describe('YouTube quota day', () => {
  it('resets at 08:00 UTC in winter and 07:00 UTC in summer', () => {
    expect(next('2026-11-25T13:00:00Z')).toBe('2026-11-26T08:00:00.000Z');
    expect(next('2026-07-04T12:00:00Z')).toBe('2026-07-05T07:00:00.000Z');
  });

  it('handles the 23-hour day when clocks spring forward (8 Mar 2026)', () => {
    expect(next('2026-03-08T07:59:59Z')).toBe('2026-03-08T08:00:00.000Z'); // 23:59:59 PST, 7 Mar
    expect(next('2026-03-08T08:00:00Z')).toBe('2026-03-09T07:00:00.000Z'); // 00:00 PST → next midnight is PDT
    expect(pacificOffsetMs(new Date('2026-03-08T09:59:59Z'))).toBe(-8 * 3600_000);
    expect(pacificOffsetMs(new Date('2026-03-08T10:00:00Z'))).toBe(-7 * 3600_000);
  });

  it('handles the 25-hour day when clocks fall back (1 Nov 2026)', () => {
    expect(next('2026-11-01T06:59:59Z')).toBe('2026-11-01T07:00:00.000Z');
    expect(next('2026-11-01T07:00:00Z')).toBe('2026-11-02T08:00:00.000Z');
    expect(pacificDay(new Date('2026-11-02T07:59:59Z'))).toBe('2026-11-01');
  });

  it('counts units per Pacific day and trusts the platform when it says the quota is gone', () => {
    const ledger = new QuotaLedger(100);
    const t = new Date('2026-11-25T20:00:00Z');
    ledger.charge('comments.setModerationStatus', t);
    expect(ledger.canAfford('comments.setModerationStatus', t)).toBe(true);
    ledger.charge('commentThreads.list', t);
    expect(ledger.canAfford('comments.setModerationStatus', t)).toBe(false);
    expect(ledger.remaining(t)).toBe(49);
    ledger.exhaust(t);
    expect(ledger.remaining(t)).toBe(0);
    expect(ledger.remaining(new Date('2026-11-26T08:00:00Z'))).toBe(100);
    expect(new QuotaLedger(100, { day: '2026-11-24', used: 99 }).remaining(t)).toBe(100);
  });
});
