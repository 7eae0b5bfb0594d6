// Actions that could not reach their platform on their own: conflicts (the platform changed
// since the moderator looked) and failures. A person retries or keeps the platform's state.
import { useState } from 'react';
import { useClient } from '../../apiContext.tsx';
import { useCall } from '../../hooks/useCall.ts';

export function OutboxSection() {
  const client = useClient();
  const [version, setVersion] = useState(0);
  const conflicts = useCall('outbox.list', { state: 'conflict', limit: 100 }, version);
  const failed = useCall('outbox.list', { state: 'failed', limit: 100 }, version);
  const entries = [...(conflicts.value ?? []), ...(failed.value ?? [])];

  const resolve = async (id: string, choice: 'retry' | 'accept_remote') => {
    await client.call('outbox.resolve', { id, choice });
    setVersion((v) => v + 1);
  };

  return (
    <section aria-labelledby="outbox-heading">
      <h2 id="outbox-heading">Needs attention</h2>
      {entries.length === 0 ? (
        <p className="muted">Every action reached its platform, or is still on its way.</p>
      ) : (
        <table className="outbox-table">
          <thead>
            <tr><th>Action</th><th>Platform</th><th>Target</th><th>State</th><th>Why</th><th /></tr>
          </thead>
          <tbody>
            {entries.map((e) => (
              <tr key={e.id}>
                <td>{e.action}</td>
                <td>{e.platform}</td>
                <td><code>{e.targetRemoteId}</code></td>
                <td>{e.state}</td>
                <td>{e.lastError ?? ''}</td>
                <td>
                  <button type="button" className="btn btn--small" onClick={() => void resolve(e.id, 'retry')}>Send again</button>{' '}
                  {e.state === 'conflict' ? (
                    <button type="button" className="btn btn--small" onClick={() => void resolve(e.id, 'accept_remote')}>Keep platform&apos;s state</button>
                  ) : null}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
