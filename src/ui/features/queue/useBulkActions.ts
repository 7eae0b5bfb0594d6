// Sends bulk decisions in small batches so progress moves as items are answered, and collects
// every item's result. A batch that fails as a whole (the connection dropped) marks its items
// refused with that reason and the next batch still goes: a bulk run never stalls on one failure.
// The backend announces the run's changes once, when its last batch is answered.
import { useCallback, useState } from 'react';
import type { InputOf } from '../../../api/endpoints.ts';
import { useClient } from '../../apiContext.tsx';

export interface BulkItemResult {
  readonly itemId: string;
  readonly status: 'queued' | 'refused';
  readonly reason: string | null;
  readonly label: string | null;
}

const BATCH = 20;

type BulkInput = Omit<InputOf<'queue.bulk'>, 'itemIds' | 'authorOf' | 'requestId' | 'announce'>;

export function useBulkActions(onChanged: (results: readonly BulkItemResult[]) => void) {
  const client = useClient();
  const [busy, setBusy] = useState(false);
  const [progress, setProgress] = useState<{ done: number; total: number } | null>(null);
  const [results, setResults] = useState<BulkItemResult[]>([]);

  const run = useCallback(
    async (target: { readonly itemIds: readonly string[] } | { readonly authorOf: string }, input: BulkInput) => {
      setBusy(true);
      setResults([]);
      const all: BulkItemResult[] = [];
      // One request id per run: a batch resent after a lost reply decides nothing twice.
      const requestId = crypto.randomUUID();
      const batches = 'authorOf' in target ? [{ authorOf: target.authorOf, itemIds: [] as string[] }] : chunks(target.itemIds).map((itemIds) => ({ itemIds }));
      const total = 'itemIds' in target ? target.itemIds.length : 0;
      setProgress({ done: 0, total });
      let sent = 0;
      for (const batch of batches) {
        sent += 1;
        // Only the last batch announces the change (one queue reload for the whole run).
        const request = { ...input, ...batch, requestId, announce: sent === batches.length };
        let reply = await client.call('queue.bulk', request);
        if (!reply.ok && reply.error.code === 'unavailable') reply = await client.call('queue.bulk', request);
        if (reply.ok) all.push(...reply.value.results.map(({ itemId, status, reason, label }) => ({ itemId, status, reason, label })));
        else all.push(...batch.itemIds.map((itemId) => ({ itemId, status: 'refused' as const, reason: reply.ok ? null : reply.error.message, label: null })));
        if (!reply.ok && 'authorOf' in batch) all.push({ itemId: batch.authorOf, status: 'refused', reason: reply.error.message, label: null });
        setResults([...all]);
        setProgress({ done: all.length, total: Math.max(total, all.length) });
      }
      setBusy(false);
      onChanged(all);
      return all;
    },
    [client, onChanged],
  );

  return { busy, progress, results, run };
}

function chunks(ids: readonly string[]): string[][] {
  const out: string[][] = [];
  for (let i = 0; i < ids.length; i += BATCH) out.push(ids.slice(i, i + BATCH));
  return out;
}
