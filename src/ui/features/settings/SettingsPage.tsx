// Settings: where this workspace lives, which schema and models it runs.
import { useCall } from '../../hooks/useCall.ts';
import { HubSection } from '../hub/HubSection.tsx';
import { AccountsSection } from './AccountsSection.tsx';
import { MediaHostSection } from './MediaHostSection.tsx';
import { OutboxSection } from './OutboxSection.tsx';
import { ProfilesSection } from './ProfilesSection.tsx';

export function SettingsPage() {
  const { value: info, error } = useCall('system.info', {});
  if (error) return <div className="page" role="alert">{error.message}</div>;
  if (!info) return <div className="page">Loading…</div>;
  return (
    <div className="page">
      <h1>Settings</h1>
      <h2>Workspace</h2>
      <dl className="facts">
        <dt>Data folder</dt><dd><code>{info.dataDir}</code></dd>
        <dt>Database</dt><dd><code>{info.databaseFile}</code> (schema {info.schemaVersion})</dd>
        <dt>Running in</dt><dd>{info.host === 'electron' ? 'Desktop app' : 'Browser mode (local server on 127.0.0.1)'}</dd>
        <dt>Contents</dt><dd>{info.counts.items.toLocaleString()} items, {info.counts.decisions.toLocaleString()} decisions{info.demo ? ' — demo workspace' : ''}</dd>
      </dl>
      <ProfilesSection />
      <AccountsSection />
      <OutboxSection />
      <MediaHostSection />
      <HubSection />
      <h2>On-device models</h2>
      {info.models.length === 0 ? (
        <p className="muted">No models are installed in this build.</p>
      ) : (
        <ul>{info.models.map((m) => <li key={m.name}><strong>{m.name}</strong> <span className="muted">version {m.version}</span></li>)}</ul>
      )}
    </div>
  );
}
