// Joining a team hub with the join URL an owner printed (`stoa hub add-member`). The URL carries
// this member's database password and token, so the field is a password field and the URL is
// never shown again; a URL the backend refuses keeps the form as it was, with the reason.
import { useState, type FormEvent } from 'react';
import { useClient } from '../../apiContext.tsx';
import { setHubStatus } from './hubLive.ts';

export function HubJoinForm() {
  const client = useClient();
  const [url, setUrl] = useState('');
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);

  const join = async (event: FormEvent) => {
    event.preventDefault();
    setProblem(null);
    setBusy(true);
    const reply = await client.call('hub.join', { url: url.trim() });
    setBusy(false);
    if (!reply.ok) {
      setProblem(reply.error.message);
      return;
    }
    setUrl('');
    setHubStatus(client, reply.value);
  };

  return (
    <>
      <p className="muted">
        A team shares one queue through a hub: decisions, notes and who is looking at which item. A single desk needs no hub — everything here works without one.
      </p>
      <form className="hub-join" aria-label="Join a team hub" onSubmit={(e) => void join(e)}>
        <label>
          Join URL{' '}
          <input
            type="password"
            autoComplete="off"
            required
            value={url}
            onChange={(e) => setUrl(e.target.value)}
            placeholder="postgres://…?stoa_token=…"
            aria-describedby="hub-join-help"
          />
        </label>
        <button type="submit" className="btn btn--small" disabled={busy}>
          {busy ? 'Joining…' : 'Join hub'}
        </button>
      </form>
      <p id="hub-join-help" className="muted">
        An owner of the team&apos;s hub makes one per member with <code>stoa hub add-member NAME --role ROLE</code>; it holds your password and token and is stored encrypted.
      </p>
      {problem ? <p role="alert" className="error">{problem}</p> : null}
    </>
  );
}
