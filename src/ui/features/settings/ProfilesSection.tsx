// Settings → Moderators: the named profiles of this workspace and which one is deciding now. The
// active profile is stamped on every decision, note and audit entry with this device's id.
import { useState, type FormEvent } from 'react';
import { useClient } from '../../apiContext.tsx';
import { useCall } from '../../hooks/useCall.ts';

export function ProfilesSection() {
  const client = useClient();
  const [version, setVersion] = useState(0);
  const [name, setName] = useState('');
  const [handle, setHandle] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const { value } = useCall('profiles.list', {}, version);

  const create = async (event: FormEvent) => {
    event.preventDefault();
    setProblem(null);
    const reply = await client.call('profiles.create', { name, ...(handle.trim() ? { handle } : {}) });
    if (!reply.ok) {
      setProblem(reply.error.message);
      return;
    }
    setName('');
    setHandle('');
    setVersion((v) => v + 1);
  };

  const activate = async (id: string) => {
    setProblem(null);
    const reply = await client.call('profiles.setActive', { id });
    if (!reply.ok) setProblem(reply.error.message);
    setVersion((v) => v + 1);
  };

  return (
    <section aria-labelledby="profiles-heading">
      <h2 id="profiles-heading">Moderators</h2>
      {value ? (
        <p aria-label="Deciding as">
          Decisions on this device are signed <strong>{value.actor}</strong> <span className="muted">(device {value.deviceId.slice(-12)})</span>
          {value.profiles.length === 0 ? <span className="muted"> — the system user, until you add a profile.</span> : null}
        </p>
      ) : null}
      {value && value.profiles.length > 0 ? (
        <ul className="account-list" aria-label="Moderator profiles">
          {value.profiles.map((p) => (
            <li key={p.id}>
              <strong>{p.name}</strong> {p.handle ? <span className="muted">@{p.handle}</span> : null}{' '}
              {p.id === value.activeId ? (
                <span className="muted">(active)</span>
              ) : (
                <button type="button" className="btn btn--small" onClick={() => void activate(p.id)}>
                  Use {p.name}
                </button>
              )}
            </li>
          ))}
        </ul>
      ) : null}
      <form className="account-form" onSubmit={(e) => void create(e)} aria-label="Add moderator">
        <label>
          Name <input value={name} onChange={(e) => setName(e.target.value)} required maxLength={80} />
        </label>{' '}
        <label>
          Handle (optional) <input value={handle} onChange={(e) => setHandle(e.target.value)} maxLength={80} />
        </label>{' '}
        <button type="submit" className="btn btn--small">Add moderator</button>
      </form>
      {problem ? <p role="alert" className="error">{problem}</p> : null}
    </section>
  );
}
