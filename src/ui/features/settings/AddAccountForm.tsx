// Connect a platform account: where its API lives, how it authenticates, and any extra settings
// the connector needs (e.g. a channel id). Secrets go straight to the encrypted store.
import { useState, type FormEvent } from 'react';
import type { InputOf } from '../../../api/endpoints.ts';
import { PLATFORMS, type PlatformName } from '../../../core/domain.ts';
import { useClient } from '../../apiContext.tsx';

type CredentialKind = 'oauth2' | 'api_key' | 'access_token';
type Credentials = InputOf<'accounts.add'>['credentials'];

/** "key=value" lines → options; blank lines ignored. */
export function parseOptions(text: string): Record<string, string> {
  const options: Record<string, string> = {};
  for (const line of text.split('\n')) {
    const at = line.indexOf('=');
    if (at > 0) options[line.slice(0, at).trim()] = line.slice(at + 1).trim();
  }
  return options;
}

export function AddAccountForm({ onAdded }: { onAdded: () => void }) {
  const client = useClient();
  const [platform, setPlatform] = useState<PlatformName>('reddit');
  const [displayName, setDisplayName] = useState('');
  const [baseUrl, setBaseUrl] = useState('');
  const [authBaseUrl, setAuthBaseUrl] = useState('');
  const [kind, setKind] = useState<CredentialKind>('oauth2');
  const [fields, setFields] = useState({ clientId: '', clientSecret: '', refreshToken: '', apiKey: '', username: '', accessToken: '' });
  const [options, setOptions] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const field = (name: keyof typeof fields) => ({ value: fields[name], onChange: (e: { target: { value: string } }) => setFields({ ...fields, [name]: e.target.value }) });

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const credentials: Credentials =
      kind === 'oauth2'
        ? { kind, clientId: fields.clientId, clientSecret: fields.clientSecret, refreshToken: fields.refreshToken }
        : kind === 'api_key'
          ? { kind, apiKey: fields.apiKey, username: fields.username }
          : { kind, accessToken: fields.accessToken };
    const reply = await client.call('accounts.add', {
      platform,
      displayName: displayName || platform,
      baseUrl,
      ...(authBaseUrl ? { authBaseUrl } : {}),
      credentials,
      options: parseOptions(options),
    });
    if (!reply.ok) {
      setProblem(reply.error.issues?.map((i) => `${i.path}: ${i.message}`).join('; ') || reply.error.message);
      return;
    }
    setProblem(null);
    setFields({ clientId: '', clientSecret: '', refreshToken: '', apiKey: '', username: '', accessToken: '' });
    onAdded();
  };

  return (
    <form className="account-form" aria-label="Connect an account" onSubmit={(e) => void submit(e)}>
      <label>Platform
        <select value={platform} onChange={(e) => setPlatform(e.target.value as PlatformName)}>
          {PLATFORMS.map((p) => <option key={p} value={p}>{p}</option>)}
        </select>
      </label>
      <label>Name<input value={displayName} onChange={(e) => setDisplayName(e.target.value)} placeholder="e.g. r/skincare mod team" /></label>
      <label>API address<input required type="url" value={baseUrl} onChange={(e) => setBaseUrl(e.target.value)} placeholder="https://…" /></label>
      <label>Token address (if different)<input type="url" value={authBaseUrl} onChange={(e) => setAuthBaseUrl(e.target.value)} /></label>
      <label>Sign-in kind
        <select value={kind} onChange={(e) => setKind(e.target.value as CredentialKind)}>
          <option value="oauth2">OAuth (client id, secret, refresh token)</option>
          <option value="api_key">API key and user name</option>
          <option value="access_token">Access token</option>
        </select>
      </label>
      {kind === 'oauth2' ? (
        <>
          <label>Client id<input required {...field('clientId')} /></label>
          <label>Client secret<input type="password" autoComplete="off" {...field('clientSecret')} /></label>
          <label>Refresh token<input required type="password" autoComplete="off" {...field('refreshToken')} /></label>
        </>
      ) : null}
      {kind === 'api_key' ? (
        <>
          <label>API key<input required type="password" autoComplete="off" {...field('apiKey')} /></label>
          <label>User name<input required {...field('username')} /></label>
        </>
      ) : null}
      {kind === 'access_token' ? <label>Access token<input required type="password" autoComplete="off" {...field('accessToken')} /></label> : null}
      <label>Connector settings (key=value per line)<textarea value={options} onChange={(e) => setOptions(e.target.value)} placeholder="channelId=UC…" /></label>
      {problem ? <p role="alert" className="error">{problem}</p> : null}
      <button type="submit" className="btn">Connect account</button>
    </form>
  );
}
