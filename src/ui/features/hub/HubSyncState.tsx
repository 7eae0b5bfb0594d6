// Where sync with the hub stands: its state in words, what waits to be pushed, what is parked
// (others' events about items or authors this desk has not synced yet), when it last pushed and
// pulled, and the last error as the backend worded it.
import type { HubStatus } from './hubLive.ts';
import { timeAgoOrNever } from './relativeTime.ts';
import { useNow } from './useHub.ts';

type Sync = NonNullable<HubStatus['sync']>;

const STATE_WORDS: Record<Sync['state'], string> = {
  idle: 'Up to date',
  syncing: 'Syncing…',
  unreachable: 'Hub unreachable — work goes on here and is pushed when it is back',
  refused: 'Refused by the hub',
};

export function HubSyncState({ sync }: { sync: Sync }) {
  const now = useNow();
  return (
    <>
      <h3>Sync</h3>
      <dl className="facts" aria-label="Hub sync">
        <dt>State</dt>
        <dd>{STATE_WORDS[sync.state]}</dd>
        <dt>Waiting to push</dt>
        <dd>{sync.pendingPush.toLocaleString()}</dd>
        <dt>Parked</dt>
        <dd>{sync.parked.toLocaleString()}{sync.parked > 0 ? <span className="muted"> (applied once this desk syncs their items)</span> : null}</dd>
        <dt>Last push</dt>
        <dd title={sync.lastPushAt ?? undefined}>{timeAgoOrNever(sync.lastPushAt, now)}</dd>
        <dt>Last pull</dt>
        <dd title={sync.lastPullAt ?? undefined}>{timeAgoOrNever(sync.lastPullAt, now)}</dd>
        {sync.lastError ? (
          <>
            <dt>Last error</dt>
            <dd className="error">{sync.lastError}</dd>
          </>
        ) : null}
      </dl>
    </>
  );
}
