// React's view of the shared hub copy (hubLive.ts): the snapshot, whether a hub is joined, and
// the claim another member holds on one item. Each reads the same store; none opens its own calls.
import { useCallback, useEffect, useState, useSyncExternalStore } from 'react';
import { useClient } from '../../apiContext.tsx';
import { hubSnapshot, subscribeHub, type HubClaim, type HubSnapshot } from './hubLive.ts';

export function useHubSnapshot(): HubSnapshot {
  const client = useClient();
  const subscribe = useCallback((onChange: () => void) => subscribeHub(client, onChange), [client]);
  return useSyncExternalStore(subscribe, () => hubSnapshot(client));
}

/** True once the status says this workspace is joined to a hub. */
export function useHubLinked(): boolean {
  const client = useClient();
  const subscribe = useCallback((onChange: () => void) => subscribeHub(client, onChange), [client]);
  return useSyncExternalStore(subscribe, () => (hubSnapshot(client).status?.link ?? null) !== null);
}

/** Another member's unexpired claim on this desk's item, or null (none, or it is this member's own). */
export function useOthersClaim(itemId: string): HubClaim | null {
  const client = useClient();
  const subscribe = useCallback((onChange: () => void) => subscribeHub(client, onChange), [client]);
  return useSyncExternalStore(subscribe, () => {
    const claim = hubSnapshot(client).claims.get(itemId);
    return claim && !claim.mine ? claim : null;
  });
}

/** The time now, moved on every `everyMs`, so "2 min ago" stays true while it is on screen. */
export function useNow(everyMs = 30_000): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), everyMs);
    return () => clearInterval(timer);
  }, [everyMs]);
  return now;
}
