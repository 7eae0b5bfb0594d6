// The app frame: navigation, the current page, the demo banner and the status bar. Live events
// (new items, connectivity) flow in from whichever transport carries the API.
import { useCallback, useEffect, useState } from 'react';
import type { StoaClient } from '../api/client.ts';
import { ClientContext, useClient } from './apiContext.tsx';
import { NavRail, type View } from './components/NavRail.tsx';
import { StatusBar } from './components/StatusBar.tsx';
import { AuditPage } from './features/audit/AuditPage.tsx';
import { AuditLogPage } from './features/auditlog/AuditLogPage.tsx';
import { WhatIfPage } from './features/whatif/WhatIfPage.tsx';
import { OfflineBanner } from './features/queue/OfflineBanner.tsx';
import { QueuePage } from './features/queue/QueuePage.tsx';
import { SettingsPage } from './features/settings/SettingsPage.tsx';
import { StudioPage } from './features/studio/StudioPage.tsx';
import { useCall } from './hooks/useCall.ts';
import { useOnline, type ConnectionSignal } from './hooks/useOnline.ts';

function Frame({ connection }: { connection: ConnectionSignal }) {
  const client = useClient();
  const online = useOnline(connection);
  const [view, setView] = useState<View>('queue');
  const [refreshKey, setRefreshKey] = useState(0);
  const { value: info } = useCall('system.info', {}, refreshKey);
  const refresh = useCallback(() => setRefreshKey((n) => n + 1), []);

  useEffect(
    () =>
      client.subscribe((event) => {
        if (event.type === 'items.changed') refresh();
      }),
    [client, refresh],
  );

  return (
    <div className="app">
      <NavRail view={view} onChange={setView} />
      <main className="app-main">
        {info?.demo ? (
          <div className="demo-banner" role="note">
            Demo workspace: synced from local simulators of Reddit, Discourse, YouTube and Instagram that serve real public
            comments and posts from Stoa&apos;s labelled datasets. Nothing reaches the real platforms.
          </div>
        ) : null}
        <OfflineBanner />
        {view === 'queue' ? <QueuePage refreshKey={refreshKey} /> : null}
        {view === 'studio' ? <StudioPage /> : null}
        {view === 'audit' ? <AuditPage /> : null}
        {view === 'auditlog' ? <AuditLogPage /> : null}
        {view === 'whatif' ? <WhatIfPage /> : null}
        {view === 'settings' ? <SettingsPage /> : null}
      </main>
      <StatusBar online={online} info={info} />
    </div>
  );
}

export function App({ client, connection }: { client: StoaClient; connection: ConnectionSignal }) {
  return (
    <ClientContext.Provider value={client}>
      <Frame connection={connection} />
    </ClientContext.Provider>
  );
}
