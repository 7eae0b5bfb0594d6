// Sync at a glance in the status bar: what waits to be sent, what needs a person, the offline
// switch and "Sync now" with its progress.
import { useEffect, useState } from 'react';
import { useClient } from '../apiContext.tsx';
import { useSyncStatus } from '../hooks/useSyncStatus.ts';

export function SyncControls() {
  const client = useClient();
  const { status, refresh } = useSyncStatus();
  const [running, setRunning] = useState(false);
  const [progress, setProgress] = useState<string | null>(null);
  const [result, setResult] = useState<string | null>(null);

  useEffect(
    () =>
      client.subscribe((event) => {
        if (event.type === 'sync.progress') setProgress(`${event.phase === 'pull' ? 'Pulling' : 'Sending'} ${event.done}/${event.total}`);
      }),
    [client],
  );

  if (!status) return null;
  const waiting = status.stats.outbox.pending + status.stats.outbox.sending;
  const attention = status.stats.outbox.conflict + status.stats.outbox.failed;
  const offline = status.offline.manual || status.offline.detected;

  const syncNow = async () => {
    setRunning(true);
    setResult(null);
    const reply = await client.call('sync.run', {});
    setRunning(false);
    setProgress(null);
    setResult(
      reply.ok
        ? reply.value.offline
          ? 'Offline: nothing sent'
          : `Pulled ${reply.value.pulled}, sent ${reply.value.acted}${reply.value.conflicts ? `, ${reply.value.conflicts} conflicts` : ''}${reply.value.failed ? `, ${reply.value.failed} failed` : ''}`
        : reply.error.message,
    );
    refresh();
  };

  return (
    <span className="sync-controls">
      <span aria-label="Outbox">{waiting > 0 ? `${waiting} waiting to send` : 'Outbox empty'}</span>
      {attention > 0 ? <span className="attention">{attention} need attention</span> : null}
      <label className="offline-toggle">
        <input
          type="checkbox"
          checked={status.offline.manual}
          onChange={(e) => void client.call('sync.setOffline', { offline: e.target.checked }).then(refresh)}
        />
        Work offline
      </label>
      <button type="button" className="btn btn--small" disabled={running || offline} onClick={() => void syncNow()}>
        {running ? (progress ?? 'Syncing…') : 'Sync now'}
      </button>
      {result ? <span role="status">{result}</span> : null}
    </span>
  );
}
