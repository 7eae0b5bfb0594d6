// Connect a platform account: where its API lives, how it authenticates, and the settings its
// connector needs (e.g. a channel id). What each platform needs comes from the backend as data
// (accounts.platforms), so the form offers the documented addresses and fields without knowing
// any platform itself. Secrets go straight to the encrypted store.
import { useState, type FormEvent } from 'react';
import type { InputOf, OutputOf } from '../../../api/endpoints.ts';
import type { PlatformName } from '../../../core/domain.ts';
import { useClient } from '../../apiContext.tsx';
import { useCall } from '../../hooks/useCall.ts';

type Profile = OutputOf<'accounts.platforms'>[number];
type CredentialKind = Profile['credentialKinds'][number];
type Credentials = InputOf<'accounts.add'>['credentials'];

const KIND_LABELS: Record<CredentialKind, string> = {
  oauth2: 'OAuth (client id, secret, refresh token)',
  api_key: 'API key and user name',
  access_token: 'Access token',
};
const NO_FIELDS = { clientId: '', clientSecret: '', refreshToken: '', apiKey: '', username: '', accessToken: '' };

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
  const { value: profiles, error } = useCall('accounts.platforms', {});
  if (error) return <p role="alert" className="error">{error.message}</p>;
  if (!profiles || profiles.length === 0) return <p className="muted">Loading platforms…</p>;
  return <ConnectForm profiles={profiles} onAdded={onAdded} />;
}

function ConnectForm({ profiles, onAdded }: { profiles: readonly Profile[]; onAdded: () => void }) {
  const client = useClient();
  const first = profiles[0] as Profile;
  const [profile, setProfile] = useState<Profile>(first);
  const [displayName, setDisplayName] = useState('');
  const [baseUrl, setBaseUrl] = useState(first.defaultBaseUrl ?? '');
  const [authBaseUrl, setAuthBaseUrl] = useState(first.defaultAuthBaseUrl ?? '');
  const [kind, setKind] = useState<CredentialKind>(first.credentialKinds[0] ?? 'oauth2');
  const [fields, setFields] = useState(NO_FIELDS);
  const [settings, setSettings] = useState<Record<string, string>>({});
  const [extra, setExtra] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const field = (name: keyof typeof fields) => ({ value: fields[name], onChange: (e: { target: { value: string } }) => setFields({ ...fields, [name]: e.target.value }) });

  const choose = (platform: PlatformName) => {
    const next = profiles.find((p) => p.platform === platform) ?? first;
    setProfile(next);
    setBaseUrl(next.defaultBaseUrl ?? '');
    setAuthBaseUrl(next.defaultAuthBaseUrl ?? '');
    setKind(next.credentialKinds[0] ?? 'oauth2');
    setSettings({});
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const credentials: Credentials =
      kind === 'oauth2'
        ? { kind, clientId: fields.clientId, clientSecret: fields.clientSecret, refreshToken: fields.refreshToken }
        : kind === 'api_key'
          ? { kind, apiKey: fields.apiKey, username: fields.username }
          : { kind, accessToken: fields.accessToken };
    const named = Object.fromEntries(Object.entries(settings).filter(([, v]) => v.trim() !== '').map(([k, v]) => [k, v.trim()]));
    const reply = await client.call('accounts.add', {
      platform: profile.platform,
      displayName: displayName || profile.platform,
      baseUrl,
      ...(authBaseUrl ? { authBaseUrl } : {}),
      credentials,
      options: { ...parseOptions(extra), ...named },
    });
    if (!reply.ok) {
      setProblem(reply.error.issues?.map((i) => `${i.path}: ${i.message}`).join('; ') || reply.error.message);
      return;
    }
    setProblem(null);
    setFields(NO_FIELDS);
    onAdded();
  };

  return (
    <form className="account-form" aria-label="Connect an account" onSubmit={(e) => void submit(e)}>
      <label>Platform
        <select value={profile.platform} onChange={(e) => choose(e.target.value as PlatformName)}>
          {profiles.map((p) => <option key={p.platform} value={p.platform}>{p.platform}</option>)}
        </select>
      </label>
      <label>Name<input value={displayName} onChange={(e) => setDisplayName(e.target.value)} placeholder="e.g. r/skincare mod team" /></label>
      <label>API address
        <input required type="url" value={baseUrl} onChange={(e) => setBaseUrl(e.target.value)} placeholder={profile.defaultBaseUrl ?? 'https://forum.example.com'} />
      </label>
      <label>Token address (if different)<input type="url" value={authBaseUrl} onChange={(e) => setAuthBaseUrl(e.target.value)} /></label>
      {profile.credentialKinds.length > 1 ? (
        <label>Sign-in kind
          <select value={kind} onChange={(e) => setKind(e.target.value as CredentialKind)}>
            {profile.credentialKinds.map((k) => <option key={k} value={k}>{KIND_LABELS[k]}</option>)}
          </select>
        </label>
      ) : <p className="muted">Signs in with: {KIND_LABELS[kind]}</p>}
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
      {profile.options.map((o) => (
        <label key={`${profile.platform}-${o.key}`}>{o.label}
          <input required={o.required} value={settings[o.key] ?? ''} placeholder={o.placeholder} onChange={(e) => setSettings({ ...settings, [o.key]: e.target.value })} />
        </label>
      ))}
      <label>Other connector settings (key=value per line)<textarea value={extra} onChange={(e) => setExtra(e.target.value)} /></label>
      {problem ? <p role="alert" className="error">{problem}</p> : null}
      <button type="submit" className="btn">Connect account</button>
    </form>
  );
}
