// The sync status (offline flags, running, outbox counts), refreshed whenever the backend reports
// outbox, connectivity or item changes.
import { useCallback, useEffect, useState } from 'react';
import type { OutputOf } from '../../api/endpoints.ts';
import { useClient } from '../apiContext.tsx';

export type SyncStatus = OutputOf<'sync.status'>;

export function useSyncStatus(): { status: SyncStatus | null; refresh: () => void } {
  const client = useClient();
  const [status, setStatus] = useState<SyncStatus | null>(null);
  const refresh = useCallback(() => {
    void client.call('sync.status', {}).then((reply) => {
      if (reply.ok) setStatus(reply.value);
    });
  }, [client]);
  useEffect(() => {
    refresh();
    return client.subscribe((event) => {
      if (event.type === 'outbox.changed' || event.type === 'connectivity' || event.type === 'items.changed') refresh();
    });
  }, [client, refresh]);
  return { status, refresh };
}
