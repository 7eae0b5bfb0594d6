// The sync status (offline flags, running, outbox counts), refreshed whenever the backend reports
// outbox, connectivity or item changes; one shared copy per client (sharedSyncStatus.ts).
import { useCallback, useEffect, useState } from 'react';
import { useClient } from '../apiContext.tsx';
import { currentSyncStatus, refreshSyncStatus, subscribeSyncStatus, type SyncStatus } from './sharedSyncStatus.ts';

export type { SyncStatus } from './sharedSyncStatus.ts';

export function useSyncStatus(): { status: SyncStatus | null; refresh: () => void } {
  const client = useClient();
  const [status, setStatus] = useState<SyncStatus | null>(() => currentSyncStatus(client));
  useEffect(() => subscribeSyncStatus(client, setStatus), [client]);
  const refresh = useCallback(() => refreshSyncStatus(client), [client]);
  return { status, refresh };
}
