// Seeded randomness, the virtual clock and the fault controller: the pieces that make a simulator
// run repeatable.
import { describe, expect, it } from 'vitest';
import { createRealtimeClock, createVirtualClock, parseDuration } from '../../../src/platforms/sim/clock.ts';
import { createFaultController } from '../../../src/platforms/sim/faults.ts';
import { createRng } from '../../../src/platforms/sim/rng.ts';

describe('rng', () => {
  it('repeats for a seed, differs across seeds, and forks independently', () => {
    const draw = (seed: number | string) => Array.from({ length: 5 }, createRng(seed).next);
    expect(draw(1)).toEqual(draw(1));
    expect(draw(1)).not.toEqual(draw(2));
    const parent = createRng('p');
    const forkA = parent.fork('a').next();
    parent.next();
    expect(parent.fork('a').next()).toBe(forkA);
    expect(createRng('p').fork('b').next()).not.toBe(forkA);
  });

  it('int stays in range and reaches both ends; pick refuses an empty list', () => {
    const rng = createRng(9);
    const seen = new Set(Array.from({ length: 500 }, () => rng.int(2, 4)));
    expect([...seen].sort()).toEqual([2, 3, 4]);
    expect(() => rng.pick([])).toThrow(RangeError);
    expect(rng.chance(0)).toBe(false);
  });
});

describe('clock', () => {
  it('moves only when told', () => {
    const clock = createVirtualClock(new Date('2026-03-08T09:00:00Z'));
    expect(clock.now().toISOString()).toBe('2026-03-08T09:00:00.000Z');
    clock.advance(parseDuration('25h') ?? 0);
    expect(clock.now().toISOString()).toBe('2026-03-09T10:00:00.000Z');
    expect(() => clock.advance(-1)).toThrow(RangeError);
  });

  it('realtime clock keeps an offset', () => {
    const clock = createRealtimeClock();
    clock.advance(86_400_000);
    expect(clock.nowMs() - Date.now()).toBeGreaterThan(86_399_000);
  });

  it.each([['90s', 90_000], ['1500ms', 1500], ['2d', 172_800_000], ['1.5m', 90_000], [250, 250], ['soon', null], ['-5s', null]] as const)('parseDuration(%s) = %s', (input, expected) => {
    expect(parseDuration(input)).toBe(expected);
  });
});

describe('fault controller', () => {
  it('scripted rules fire in order, the given number of times, only where they mean something', () => {
    const faults = createFaultController(createRng(1));
    faults.inject({ platform: 'reddit', path: '/api/approve', kind: 'commit_then_drop', times: 2 });
    faults.inject({ platform: 'reddit', kind: 'malformed_payload' });
    // A read does not match commit_then_drop, but does match malformed_payload.
    expect(faults.choose('reddit', 'GET', '/api/approve', false)?.kind).toBe('malformed_payload');
    expect(faults.choose('discourse', 'POST', '/api/approve', true)).toBeNull();
    expect(faults.choose('reddit', 'POST', '/api/approve', true)?.kind).toBe('commit_then_drop');
    expect(faults.pending()).toHaveLength(1);
    expect(faults.choose('reddit', 'POST', '/api/approve', true)?.kind).toBe('commit_then_drop');
    expect(faults.choose('reddit', 'POST', '/api/approve', true)).toBeNull();
    expect(() => faults.inject({ kind: 'drop', times: 0 })).toThrow(RangeError);
  });

  it('the background rate is seeded, near its nominal value, and respects allowed kinds', () => {
    const run = (seed: number) => {
      const faults = createFaultController(createRng(seed), 0.2);
      return Array.from({ length: 2000 }, (_, i) => faults.choose('discourse', 'GET', '/review.json', i % 2 === 0, ['server_error', 'commit_then_drop'])?.kind ?? null);
    };
    const a = run(4);
    expect(a).toEqual(run(4));
    const hits = a.filter((kind) => kind !== null);
    expect(hits.length / a.length).toBeGreaterThan(0.15);
    expect(hits.length / a.length).toBeLessThan(0.25);
    expect(new Set(hits)).toEqual(new Set(['server_error', 'commit_then_drop']));
    // commit_then_drop only lands on writes (even indexes).
    a.forEach((kind, i) => kind === 'commit_then_drop' && expect(i % 2).toBe(0));
  });
});
