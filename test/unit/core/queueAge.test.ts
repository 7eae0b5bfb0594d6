// Queue age in the words shown beside each saved view.
import { describe, expect, it } from 'vitest';
import { queueAge } from '../../../src/core/queueAge.ts';

const now = new Date('2026-12-04T12:00:00Z');

describe('queue age', () => {
  it('reads in minutes, hours, then days', () => {
    expect(queueAge('2026-12-04T11:59:30Z', now)).toBe('0 min');
    expect(queueAge('2026-12-04T11:01:00Z', now)).toBe('59 min');
    expect(queueAge('2026-12-04T11:00:00Z', now)).toBe('1 h');
    expect(queueAge('2026-12-02T13:00:00Z', now)).toBe('47 h');
    expect(queueAge('2026-12-01T12:00:00Z', now)).toBe('3 d');
  });

  it('says when nothing is open, and never goes negative for a clock ahead', () => {
    expect(queueAge(null, now)).toBe('nothing open');
    expect(queueAge('2026-12-04T12:05:00Z', now)).toBe('0 min');
  });
});
