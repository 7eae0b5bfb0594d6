// The status bar: connection to the backend, where the data lives, and the version.
import type { OutputOf } from '../../api/endpoints.ts';
import { SyncControls } from './SyncControls.tsx';

export function StatusBar({ online, info }: { online: boolean; info: OutputOf<'system.info'> | null }) {
  return (
    <footer className="status-bar" role="contentinfo">
      <span className={`status-dot ${online ? 'is-online' : 'is-offline'}`} role="status" aria-label={online ? 'Online' : 'Offline'}>
        {online ? 'Online' : 'Offline'}
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
