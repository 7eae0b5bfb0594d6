// The status bar: connection to the backend, where the data lives, and the version.
import type { OutputOf } from '../../api/endpoints.ts';
import { useSyncStatus } from '../hooks/useSyncStatus.ts';
import { SyncControls } from './SyncControls.tsx';

export function StatusBar({ online: connected, info }: { online: boolean; info: OutputOf<'system.info'> | null }) {
  // "Online" means Stoa will talk to the platforms: not while "Work offline" is checked or the
  // sync engine found them unreachable, even though the backend itself is connected.
  const { status } = useSyncStatus();
  const workingOffline = status?.offline.manual === true || status?.offline.detected === true;
  const online = connected && !workingOffline;
  const label = online ? 'Online' : connected && status?.offline.manual ? 'Offline (working offline)' : 'Offline';
  return (
    <footer className="status-bar" role="contentinfo">
      <span className={`status-dot ${online ? 'is-online' : 'is-offline'}`} role="status" aria-label={label}>
        {label}
      </span>
      <SyncControls />
      {info ? (
        <>
          <span title="Data folder">{info.dataDir}</span>
          <span>{info.counts.items.toLocaleString()} items</span>
          <span>Stoa {info.version}</span>
        </>
      ) : null}
    </footer>
  );
}
