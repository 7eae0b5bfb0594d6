// The item pane's records, read ahead: while one item is shown, its neighbours in the list are
// fetched, so j/k paint the next item in the frame after the key instead of after an items.get
// round trip (the queue bench measures this). A record shown from the read-ahead is read again at
// once and replaced when the fresh one arrives, so nothing older than one round trip stays up.
// Bounded: the last few dozen records only.
import { useEffect, useState } from 'react';
import type { StoaClient } from '../../../api/client.ts';
import type { ItemDetail } from '../../../api/schemas.ts';
import { useClient } from '../../apiContext.tsx';
import type { CallState } from '../../hooks/useCall.ts';
import { afterPaint } from './afterPaint.ts';

const KEEP = 64;
const records = new Map<string, ItemDetail>();
const reading = new Set<string>();

function remember(item: ItemDetail): void {
  records.delete(item.id);
  records.set(item.id, item);
  if (records.size > KEEP) {
    const oldest = records.keys().next();
    if (!oldest.done) records.delete(oldest.value);
  }
}

/** Fetches the item's record in the background unless it is already at hand or on its way. */
export function readAhead(client: StoaClient, id: string): void {
  if (records.has(id) || reading.has(id)) return;
  reading.add(id);
  void client.call('items.get', { id }).then((reply) => {
    reading.delete(id);
    if (reply.ok) remember(reply.value);
  });
}

/**
 * Like useCall('items.get'), but a record read ahead is shown at once while it is read again.
 * Null id: nothing selected, nothing read. Called by the queue page itself (not the pane), so the
 * record it acts on and the record the pane shows are one value from one render.
 */
export function useItemRecord(id: string | null, refreshKey: number): CallState<ItemDetail> {
  const client = useClient();
  // `for` says which item the answer (a record or an error) belongs to.
  const [state, setState] = useState<CallState<ItemDetail> & { readonly for: string | null }>({ value: null, error: null, loading: true, for: null });
  useEffect(() => {
    if (id === null) return undefined;
    let cancelled = false;
    setState((previous) => (previous.loading ? previous : { ...previous, loading: true }));
    const read = () => {
      void client.call('items.get', { id }).then((reply) => {
        if (cancelled) return;
        if (reply.ok) remember(reply.value);
        setState(reply.ok ? { value: reply.value, error: null, loading: false, for: id } : { value: null, error: reply.error, loading: false, for: id });
      });
    };
    // A record at hand is shown now and read again once it is on screen: the request (a fetch
    // costs the page a millisecond or more) does not delay the frame that shows it.
    const cancelRead = records.has(id) ? afterPaint(read) : (read(), () => undefined);
    return () => {
      cancelled = true;
      cancelRead();
    };
  }, [client, id, refreshKey]);
  if (id === null) return { value: null, error: null, loading: false };
  if (state.for === id) return state;
  // Another item's answer is never returned for this one: the read-ahead record, or loading.
  const ahead = records.get(id);
  return ahead ? { value: ahead, error: null, loading: true } : { value: null, error: null, loading: true };
}
