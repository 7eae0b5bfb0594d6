// Opening an item claims it on the team hub for a short lease, renewed while it stays open and
// released when another item opens, the panel closes or the page goes away, so teammates see
// "Ana is looking" and do not work the same item. The hub ends a lease that is not renewed by
// itself (a desk that crashed holds nothing for long). Without a hub this does nothing at all.
import { useEffect, useState } from 'react';
import { useClient } from '../../apiContext.tsx';
import { refreshHubClaims, type HubClaim } from './hubLive.ts';

/** Renewed well inside the hub's lease (about a minute). */
export const CLAIM_RENEW_MS = 30_000;
/** A run of j presses passes items by: only one that stays open this long is claimed. */
const CLAIM_SETTLE_MS = 250;

/** The claim another member holds on the item when the hub refused this desk's, else null. */
export function useItemClaim(itemId: string, linked: boolean): HubClaim | null {
  const client = useClient();
  const [refusedBy, setRefusedBy] = useState<{ readonly itemId: string; readonly claim: HubClaim } | null>(null);
  useEffect(() => {
    if (!linked) return undefined;
    let open = true;
    let asked = false;
    const claim = async () => {
      asked = true;
      const reply = await client.call('hub.claim', { itemId });
      if (!open || !reply.ok) return;
      const { granted, claim: held } = reply.value;
      setRefusedBy(!granted && held ? { itemId, claim: held } : null);
      refreshHubClaims(client);
    };
    const release = () => {
      if (asked) void client.call('hub.release', { itemId }).then(() => refreshHubClaims(client));
      asked = false;
    };
    const settle = setTimeout(() => void claim(), CLAIM_SETTLE_MS);
    const renew = setInterval(() => void claim(), CLAIM_RENEW_MS);
    window.addEventListener('pagehide', release);
    return () => {
      open = false;
      clearTimeout(settle);
      clearInterval(renew);
      window.removeEventListener('pagehide', release);
      release();
    };
  }, [client, itemId, linked]);
  return refusedBy?.itemId === itemId ? refusedBy.claim : null;
}
