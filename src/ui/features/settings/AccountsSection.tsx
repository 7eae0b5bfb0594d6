// Connected accounts: test that the credentials still work, remove, or connect another.
import { useState } from 'react';
import { useClient } from '../../apiContext.tsx';
import { useCall } from '../../hooks/useCall.ts';
import { AddAccountForm } from './AddAccountForm.tsx';

export function AccountsSection() {
  const client = useClient();
  const [version, setVersion] = useState(0);
  const [results, setResults] = useState<Record<string, string>>({});
  const [adding, setAdding] = useState(false);
  const { value: accounts, error } = useCall('accounts.list', {}, version);

  const test = async (id: string) => {
    setResults((r) => ({ ...r, [id]: 'Testing…' }));
    const reply = await client.call('accounts.test', { id });
    setResults((r) => ({ ...r, [id]: reply.ok ? `Works: signed in as ${reply.value.identity}` : reply.error.message }));
  };
  const [unsent, setUnsent] = useState<Record<string, boolean>>({});
  const remove = async (id: string, discardQueued: boolean) => {
    const reply = await client.call('accounts.remove', { id, discardQueued });
    if (reply.ok) {
      setVersion((v) => v + 1);
      return;
    }
    // Unsent actions make removal a choice a person confirms, not an accident.
    setUnsent((u) => ({ ...u, [id]: reply.error.code === 'invalid_input' }));
    setResults((r) => ({ ...r, [id]: reply.error.message }));
  };

  return (
    <section aria-labelledby="accounts-heading">
      <h2 id="accounts-heading">Accounts</h2>
      {error ? <p role="alert" className="error">{error.message}</p> : null}
      {accounts && accounts.length === 0 ? <p className="muted">No accounts yet. Connect one to sync its moderation queue.</p> : null}
      <ul className="account-list">
        {accounts?.map((a) => (
          <li key={a.id}>
            <strong>{a.displayName}</strong> <span className="muted">{a.platform} · {a.baseUrl} · {a.credentialKind ?? 'credentials unreadable'}</span>
            <span className="account-list__actions">
              <button type="button" className="btn btn--small" onClick={() => void test(a.id)}>Test</button>
              <button type="button" className="btn btn--small" onClick={() => void remove(a.id, false)}>Remove</button>
              {unsent[a.id] ? (
                <button type="button" className="btn btn--small btn--remove" onClick={() => void remove(a.id, true)}>Remove and drop unsent actions</button>
              ) : null}
            </span>
            {results[a.id] ? <div role="status" className="muted">{results[a.id]}</div> : null}
          </li>
        ))}
      </ul>
      {adding ? (
        <AddAccountForm onAdded={() => { setAdding(false); setVersion((v) => v + 1); }} />
      ) : (
        <button type="button" className="btn" onClick={() => setAdding(true)}>Connect an account…</button>
      )}
      <p className="muted">
        Secrets are encrypted on this machine: with the system keychain in the desktop app, or with a key file readable only by you
        (<code>secret.key</code> in the data folder) in browser mode. They are never shown again, logged or sent anywhere but the platform.
      </p>
    </section>
  );
}
