// Idempotency keys for outbox entries. No platform accepts an Idempotency-Key header (PLATFORMS.md
// §1), so the key is ours: it names one intended write exactly, for logs, dedupe and reconciliation.
import { createHash } from 'node:crypto';
import type { ModerationAction, PlatformName } from '../core/domain.ts';

/** Stable JSON: object keys sorted, so the same params always hash the same. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

/**
 * sha256 over platform, target, action, params and the decision id. The decision id makes a
 * deliberate second decision (approve, later approve again after a revert) a distinct write.
 */
export function idempotencyKey(input: {
  platform: PlatformName;
  targetRemoteId: string;
  action: ModerationAction;
  params: Readonly<Record<string, unknown>>;
  decisionId: string;
}): string {
  return createHash('sha256')
    .update(canonical([input.platform, input.targetRemoteId, input.action, input.params, input.decisionId]))
    .digest('hex');
}
