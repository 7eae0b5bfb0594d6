// The schedule's rules: which posts take a time and which times are refused, what a due time
// becomes at start-up and while running (with the sleep threshold), and how long the timer sleeps.
import { describe, expect, it } from 'vitest';
import { dueOutcome, HEARTBEAT_MS, MAX_AHEAD_MS, MISSED_AFTER_MS, nextDelay, scheduleRefusal } from '../../../src/backend/postSchedulerRules.ts';
import { POST_STATES } from '../../../src/core/postValidationStates.ts';

const NOW = Date.parse('2026-12-04T10:00:00.000Z');
const HOUR = 3_600_000;

describe('schedule rules', () => {
  it('schedules valid, scheduled (a new time), failed and missed posts that pass their checks, at a future time', () => {
    const takes = POST_STATES.filter((s) => scheduleRefusal(s, true, NOW + HOUR, NOW) === null);
    expect(takes).toEqual(['valid', 'scheduled', 'failed', 'missed']);
    expect(scheduleRefusal('draft', false, NOW + HOUR, NOW)).toEqual({ kind: 'state', message: expect.stringMatching(/Only a valid post/) });
    expect(scheduleRefusal('publishing', true, NOW + HOUR, NOW)?.kind).toBe('state');
    expect(scheduleRefusal('valid', false, NOW + HOUR, NOW)).toEqual({ kind: 'state', message: expect.stringMatching(/does not pass its checks/) });
  });

  it('refuses a time now or past, not a date, or more than a year ahead', () => {
    expect(scheduleRefusal('valid', true, NOW, NOW)).toEqual({ kind: 'time', message: expect.stringMatching(/already passed \(it is now 2026-12-04T10:00:00.000Z\)/) });
    expect(scheduleRefusal('valid', true, NOW - 1, NOW)?.kind).toBe('time');
    expect(scheduleRefusal('valid', true, Number.NaN, NOW)?.message).toMatch(/ISO 8601/);
    expect(scheduleRefusal('valid', true, NOW + MAX_AHEAD_MS, NOW)).toBeNull();
    expect(scheduleRefusal('valid', true, NOW + MAX_AHEAD_MS + 1, NOW)?.message).toMatch(/more than a year/);
  });

  it('misses every past time at start-up; while running publishes up to the sleep threshold, then misses', () => {
    expect(dueOutcome(NOW + 1, NOW, 'startup')).toBe('wait');
    expect(dueOutcome(NOW + 1, NOW, 'running')).toBe('wait');
    expect(dueOutcome(NOW, NOW, 'startup')).toBe('missed');
    expect(dueOutcome(NOW - 1, NOW, 'startup')).toBe('missed');
    expect(dueOutcome(NOW, NOW, 'running')).toBe('publish');
    expect(dueOutcome(NOW - MISSED_AFTER_MS, NOW, 'running')).toBe('publish');
    expect(dueOutcome(NOW - MISSED_AFTER_MS - 1, NOW, 'running')).toBe('missed');
    expect(dueOutcome(NOW - 2_000, NOW, 'running', 1_000)).toBe('missed');
  });

  it('sleeps until the next time, at most a heartbeat, and not at all when one is due', () => {
    expect(nextDelay(null, NOW)).toBe(HEARTBEAT_MS);
    expect(nextDelay(NOW + 1_000, NOW)).toBe(1_000);
    expect(nextDelay(NOW + HOUR, NOW)).toBe(HEARTBEAT_MS);
    expect(nextDelay(NOW - HOUR, NOW)).toBe(0);
    expect(nextDelay(NOW + 5_000, NOW, 2_000)).toBe(2_000);
  });
});
