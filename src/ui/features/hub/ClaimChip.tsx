// A queue row's "Ana is looking": another member holds the row's item claim. Reads the shared
// claims (hubLive.ts), so a row renders again only when its own item's claim changes.
import { useOthersClaim } from './useHub.ts';
import './hub.css';

export function ClaimChip({ itemId }: { itemId: string }) {
  const claim = useOthersClaim(itemId);
  if (!claim) return null;
  return <span className="claim-chip" title={`${claim.memberName} has this item open on the team hub`}>{claim.memberName} is looking</span>;
}
