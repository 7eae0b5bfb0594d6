// A banner while Stoa is offline (Work offline, or the platforms unreachable) or actions wait in
// the outbox: how many, and that they go out at the next sync. Decisions keep working meanwhile.
import { useSyncStatus } from '../../hooks/useSyncStatus.ts';
import './itemContext.css';

export function OfflineBanner() {
  const { status } = useSyncStatus();
  if (!status) return null;
  const waiting = status.stats.outbox.pending + status.stats.outbox.sending;
  const offline = status.offline.manual || status.offline.detected;
  if (!offline && waiting === 0) return null;
  const actions = `${waiting} ${waiting === 1 ? 'action' : 'actions'} waiting to send`;
  const why = status.offline.manual ? 'Working offline' : offline ? 'Offline: the platforms cannot be reached' : 'Online';
  return (
    <div className="offline-banner" role="status" aria-label="Outbox waiting">
      {why}: {actions}.{' '}
      {offline ? 'Keep deciding; they are sent when you are back online and sync.' : 'They are sent at the next sync.'}
    </div>
  );
}
