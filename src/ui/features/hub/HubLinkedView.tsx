// The joined hub: its address (password and token removed), the workspace, this member and role,
// the members, and the sync state; "Sync with hub now" pushes and pulls at once, "Leave hub"
// (after a confirmation) forgets the link and its secrets — local work stays.
import { useState } from 'react';
import { useClient } from '../../apiContext.tsx';
import { refreshHubStatus, type HubStatus } from './hubLive.ts';
import { HubSyncState } from './HubSyncState.tsx';

type Link = NonNullable<HubStatus['link']>;

export function HubLinkedView({ status, link }: { status: HubStatus; link: Link }) {
  const client = useClient();
  const [busy, setBusy] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);
  const [problem, setProblem] = useState<string | null>(null);

  const syncNow = async () => {
    setBusy(true);
    setProblem(null);
    setNotice(null);
    const reply = await client.call('hub.sync', {});
    setBusy(false);
    if (reply.ok) {
      const { pushed, pulled, applied } = reply.value;
      setNotice(`Pushed ${pushed}, pulled ${pulled} (${applied} applied).`);
    } else {
      setProblem(reply.error.message);
    }
    refreshHubStatus(client);
  };

  const leave = async () => {
    setBusy(true);
    setProblem(null);
    const reply = await client.call('hub.leave', {});
    setBusy(false);
    setConfirming(false);
    if (!reply.ok) setProblem(reply.error.message);
    refreshHubStatus(client);
  };

  return (
    <>
      <dl className="facts" aria-label="Joined hub">
        <dt>Hub</dt>
        <dd><code>{link.url}</code></dd>
        <dt>Workspace</dt>
        <dd>{link.workspace}</dd>
        <dt>You</dt>
        <dd>{link.member.name} <span className="muted">({link.member.role})</span></dd>
        <dt>Joined</dt>
        <dd>{new Date(link.joinedAt).toLocaleString()}</dd>
      </dl>
      <h3>Members</h3>
      <table className="hub-members" aria-label="Hub members">
        <thead>
          <tr><th>Name</th><th>Role</th><th>Access</th></tr>
        </thead>
        <tbody>
          {status.members.map((m) => (
            <tr key={m.id} className={m.revoked ? 'is-revoked' : undefined}>
              <td>{m.name}{m.id === link.member.id ? ' (you)' : ''}</td>
              <td>{m.role}</td>
              <td>{m.revoked ? 'revoked' : 'active'}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {status.sync ? <HubSyncState sync={status.sync} /> : null}
      <div className="hub-actions">
        <button type="button" className="btn btn--small" disabled={busy} onClick={() => void syncNow()}>Sync with hub now</button>
        {confirming ? (
          <span role="group" aria-label="Confirm leaving the hub">
            Leave the team hub? This desk stops sharing; its own work stays.{' '}
            <button type="button" className="btn btn--small" disabled={busy} onClick={() => void leave()}>Leave</button>{' '}
            <button type="button" className="btn btn--small" onClick={() => setConfirming(false)}>Stay</button>
          </span>
        ) : (
          <button type="button" className="btn btn--small" onClick={() => setConfirming(true)}>Leave hub</button>
        )}
      </div>
      {notice ? <p role="status" aria-label="Hub sync result">{notice}</p> : null}
      {problem ? <p role="alert" className="error">{problem}</p> : null}
    </>
  );
}
