// How an account's due outbox entries are sent: one request each, or batches of the same action
// where the platform takes them (YouTube sets one status on up to 50 comments per call). An entry
// that must be reconciled by a read first always goes alone.
import type { Platform } from '../platforms/index.ts';
import type { OutboxEntry } from '../store/outbox.ts';
import { needsRead } from './push.ts';

/**
 * Groups an account's due entries into steps: batches of the same action (up to maxBatch) when
 * the platform has actBatch and the entry needs no reconciling read; single entries otherwise.
 */
export function planSteps(platform: Platform, entries: readonly OutboxEntry[]): OutboxEntry[][] {
  const maxBatch = platform.actBatch ? platform.capabilities.maxBatch : 1;
  if (maxBatch <= 1) return entries.map((entry) => [entry]);
  const steps: OutboxEntry[][] = [];
  const open = new Map<string, OutboxEntry[]>();
  for (const entry of entries) {
    if (needsRead(platform, entry)) {
      steps.push([entry]);
      continue;
    }
    const batch = open.get(entry.action) ?? [];
    if (batch.length === 0) {
      open.set(entry.action, batch);
      steps.push(batch);
    }
    batch.push(entry);
    if (batch.length >= maxBatch) open.set(entry.action, []);
  }
  return steps;
}
