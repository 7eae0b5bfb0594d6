// Settings → Publishing: the public media host. Instagram fetches each image from a public web
// address, so published renditions are uploaded (HTTP PUT to <upload URL>/<sha256>.<ext>) and sent
// as <public base>/<sha256>.<ext>. The token field is write-only: the stored token is never shown,
// and leaving the field empty keeps it.
import { useEffect, useState, type FormEvent } from 'react';
import { useClient } from '../../apiContext.tsx';
import { useCall } from '../../hooks/useCall.ts';

export function MediaHostSection() {
  const client = useClient();
  const [version, setVersion] = useState(0);
  const { value, error } = useCall('mediaHost.get', {}, version);
  const [uploadUrl, setUploadUrl] = useState('');
  const [publicBase, setPublicBase] = useState('');
  const [token, setToken] = useState('');
  const [removeToken, setRemoveToken] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const [saved, setSaved] = useState(false);
  const host = value?.host ?? null;

  useEffect(() => {
    setUploadUrl(host?.uploadUrl ?? '');
    setPublicBase(host?.publicBase ?? '');
  }, [host?.uploadUrl, host?.publicBase]);

  const save = async (event: FormEvent) => {
    event.preventDefault();
    setProblem(null);
    setSaved(false);
    const tokenInput = token.trim() ? { token: token.trim() } : removeToken ? { token: null } : {};
    const reply = await client.call('mediaHost.set', { uploadUrl, publicBase, ...tokenInput });
    if (!reply.ok) {
      setProblem(reply.error.message);
      return;
    }
    setToken('');
    setRemoveToken(false);
    setSaved(true);
    setVersion((v) => v + 1);
  };

  const clear = async () => {
    setProblem(null);
    setSaved(false);
    const reply = await client.call('mediaHost.clear', {});
    if (!reply.ok) setProblem(reply.error.message);
    setVersion((v) => v + 1);
  };

  return (
    <section aria-labelledby="publishing-heading">
      <h2 id="publishing-heading">Publishing</h2>
      <p className="muted">
        Instagram fetches images from a public web address. Stoa uploads each image it publishes to your media host (an S3, R2 or GCS bucket, or a WebDAV folder that accepts HTTP PUT) under its
        SHA-256, and gives Instagram the public address.
      </p>
      {error ? <p role="alert" className="error">{error.message}</p> : null}
      <p aria-label="Media host status">
        {host ? (
          <>
            Images are uploaded to <code>{host.uploadUrl}</code> and fetched from <code>{host.publicBase}</code>
            <span className="muted"> — {host.hasToken ? 'with a token (stored encrypted)' : 'without a token'}</span>
          </>
        ) : (
          <span>No media host is set: Instagram posts cannot be published until one is.</span>
        )}
      </p>
      <form className="account-form" onSubmit={(e) => void save(e)} aria-label="Media host">
        <label>
          Upload URL <input type="url" value={uploadUrl} onChange={(e) => setUploadUrl(e.target.value)} required placeholder="https://uploads.example.com/stoa" />
        </label>{' '}
        <label>
          Public base URL <input type="url" value={publicBase} onChange={(e) => setPublicBase(e.target.value)} required placeholder="https://cdn.example.com/stoa" />
        </label>{' '}
        <label>
          Token (optional) <input type="password" autoComplete="off" value={token} onChange={(e) => setToken(e.target.value)} placeholder={host?.hasToken ? 'unchanged' : ''} />
        </label>{' '}
        {host?.hasToken ? (
          <label>
            <input type="checkbox" checked={removeToken} onChange={(e) => setRemoveToken(e.target.checked)} /> Remove the token
          </label>
        ) : null}{' '}
        <button type="submit" className="btn btn--small">Save media host</button>{' '}
        {host ? (
          <button type="button" className="btn btn--small" onClick={() => void clear()}>
            Remove media host
          </button>
        ) : null}
      </form>
      {saved ? <p role="status">Media host saved.</p> : null}
      {problem ? <p role="alert" className="error">{problem}</p> : null}
    </section>
  );
}
