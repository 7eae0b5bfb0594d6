// The team in the item panel: "Ana is looking" while another member holds the item's claim, and
// "Decided by Ana 2 min ago (remove)" once another member's decision on it reached the hub. This
// desk claims the item while it is open (useItemClaim). Nothing renders, and nothing is asked,
// while this workspace has joined no hub.
import { useEffect, useState } from 'react';
import type { OutputOf } from '../../../api/endpoints.ts';
import { useClient } from '../../apiContext.tsx';
import { decidedByText } from './hubDecision.ts';
import { useHubLinked, useHubSnapshot, useNow, useOthersClaim } from './useHub.ts';
import { useItemClaim } from './useItemClaim.ts';
import './hub.css';

type TeamView = OutputOf<'hub.item'>;

export function ItemHubPresence({ itemId }: { itemId: string }) {
  const linked = useHubLinked();
  return linked ? <LinkedPresence itemId={itemId} /> : null;
}

function LinkedPresence({ itemId }: { itemId: string }) {
  const client = useClient();
  const refused = useItemClaim(itemId, true);
  const listed = useOthersClaim(itemId);
  // Moves on every hub change and claims poll (about every 10 s): the team view is read again.
  const { version } = useHubSnapshot();
  const [view, setView] = useState<{ readonly itemId: string; readonly value: TeamView } | null>(null);
  const now = useNow();
  useEffect(() => {
    let cancelled = false;
    void client.call('hub.item', { itemId }).then((reply) => {
      if (!cancelled && reply.ok) setView({ itemId, value: reply.value });
    });
    return () => {
      cancelled = true;
    };
  }, [client, itemId, version]);
  const team = view?.itemId === itemId ? view.value : null;
  const fromView = team?.claim && !team.claim.mine ? team.claim : null;
  const holder = refused ?? listed ?? fromView;
  const decidedBy = team?.decidedBy ?? null;
  if (!holder && !decidedBy) return null;
  return (
    <div className="hub-presence">
      {holder ? (
        <p role="status" aria-label="Team hub claim" className="hub-claim">
          {holder.memberName} is looking
        </p>
      ) : null}
      {decidedBy ? (
        <p role="status" aria-label="Team hub decision" className="hub-decided">
          {decidedByText(decidedBy, now)}
        </p>
      ) : null}
    </div>
  );
}
