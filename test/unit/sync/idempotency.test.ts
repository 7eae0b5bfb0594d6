import { describe, expect, it } from 'vitest';
import { idempotencyKey } from '../../../src/sync/idempotency.ts';

const base = { platform: 'reddit', targetRemoteId: 't3_abc', action: 'ban', params: { reason: 'spam', durationDays: 3 }, decisionId: 'd1' } as const;

describe('idempotencyKey', () => {
  it('is a sha256 hex digest that does not depend on param key order', () => {
    const key = idempotencyKey(base);
    expect(key).toMatch(/^[0-9a-f]{64}$/);
    expect(idempotencyKey({ ...base, params: { durationDays: 3, reason: 'spam' } })).toBe(key);
  });

  it('differs when any part of the write differs', () => {
    const key = idempotencyKey(base);
    const variants = [
      { ...base, platform: 'discourse' as const },
      { ...base, targetRemoteId: 't3_abd' },
      { ...base, action: 'remove' as const },
      { ...base, params: { reason: 'spam', durationDays: 4 } },
      { ...base, decisionId: 'd2' },
    ];
    const keys = new Set(variants.map(idempotencyKey));
    expect(keys.size).toBe(variants.length);
    expect(keys.has(key)).toBe(false);
  });
});
