// Loads the queue page by page (keyset cursors from items.list, or items.search under the same
// platform and state filters when there is a query) and restarts from the top whenever the filter changes or the backend reports new items.
import { useCallback, useEffect, useRef, useState } from 'react';
import type { ItemSummary } from '../../../api/schemas.ts';
import type { ApiError } from '../../../api/errors.ts';
import { useClient } from '../../apiContext.tsx';
import type { QueueFilter } from './queueFilter.ts';
import { DEFAULT_FILTER } from './queueFilterStore.ts';

export type { QueueFilter } from './queueFilter.ts';

export type QueueRow = ItemSummary & { snippet?: string };


const PAGE = 200;

export function useQueuePages(filter: QueueFilter, refreshKey: number) {
  const client = useClient();
  const [rows, setRows] = useState<QueueRow[]>([]);
  const [total, setTotal] = useState<number | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [loading, setLoading] = useState(false);
  const cursor = useRef<string | null>(null);
  const exhausted = useRef(false);
  const generation = useRef(0);

  const fetchPage = useCallback(
    async (reset: boolean) => {
      const mine = reset ? ++generation.current : generation.current;
      if (reset) {
        cursor.current = null;
        exhausted.current = false;
      }
      if (exhausted.current) return;
      setLoading(true);
      const query = filter.query.trim();
      const filters = { ...(filter.platform ? { platform: filter.platform } : {}), ...(filter.state ? { state: filter.state } : {}) };
      // A search keeps the platform and state filters, and an order the moderator picked; the
      // queue's default order (newest) gives way to the best match.
      const reply = query
        ? await client.call('items.search', { query, limit: PAGE, cursor: cursor.current, ...filters, ...(filter.sort !== DEFAULT_FILTER.sort ? { sort: filter.sort } : {}) })
        : await client.call('items.list', { sort: filter.sort, limit: PAGE, cursor: cursor.current, ...filters });
      if (mine !== generation.current) return; // a newer filter won the race
      setLoading(false);
      if (!reply.ok) {
        setError(reply.error);
        return;
      }
      setError(null);
      cursor.current = reply.value.nextCursor;
      exhausted.current = reply.value.nextCursor === null;
      setRows((previous) => (reset ? reply.value.items : [...previous, ...reply.value.items]));
      setTotal(reply.value.total);
    },
    [client, filter.query, filter.platform, filter.state, filter.sort],
  );

  useEffect(() => {
    void fetchPage(true);
  }, [fetchPage, refreshKey]);

  const loadMore = useCallback(() => {
    if (!loading && !exhausted.current) void fetchPage(false);
  }, [fetchPage, loading]);

  /** Updates one loaded row in place (after a decision), keeping the scroll position. */
  const patchRow = useCallback((id: string, patch: Partial<QueueRow>) => {
    setRows((previous) => previous.map((row) => (row.id === id ? { ...row, ...patch } : row)));
  }, []);

  return { rows, total, error, loading, loadMore, patchRow };
}
