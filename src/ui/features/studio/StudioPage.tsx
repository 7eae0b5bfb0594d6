// The creator studio: one tab per part of making a shoppable post. Add a part by adding a tab here.
import { useState, type ReactNode } from 'react';
import { MediaPanel } from './MediaPanel.tsx';
import { CatalogPanel } from './CatalogPanel.tsx';
import { ComposerPanel } from './ComposerPanel.tsx';
import { SchedulePostsList } from './SchedulePostsList.tsx';
import { publishingLines } from './publishingAccounts.ts';
import { useCall } from '../../hooks/useCall.ts';
import './studio.css';

interface StudioTab {
  readonly id: string;
  readonly label: string;
  readonly render: () => ReactNode;
}

const TABS: readonly StudioTab[] = [
  { id: 'catalog', label: 'Catalog', render: () => <CatalogPanel /> },
  { id: 'media', label: 'Media', render: () => <MediaPanel /> },
  { id: 'composer', label: 'Compose', render: () => <ComposerPanel /> },
  { id: 'posts', label: 'Posts', render: () => <SchedulePostsList /> },
];

export function StudioPage() {
  const [current, setCurrent] = useState(TABS[0]?.id ?? '');
  const tab = TABS.find((t) => t.id === current) ?? TABS[0];
  const { value: accounts } = useCall('accounts.list', {});
  return (
    <div className="page studio-page">
      <h1>Studio</h1>
      <p className="muted">
        The studio assembles shoppable posts: images, a caption checked against each platform&apos;s limits and disclosure
        rules, and product tags placed on the image. It publishes through a connected account.
      </p>
      {accounts ? (
        <ul className="studio-accounts" aria-label="Publishing accounts">
          {publishingLines(accounts).map((line) => (
            <li key={line.target} data-connected={line.connected}>
              {line.text}
            </li>
          ))}
        </ul>
      ) : null}
      <div role="tablist" aria-label="Studio" className="studio-tabs">
        {TABS.map((t) => (
          <button key={t.id} type="button" role="tab" id={`studio-tab-${t.id}`} aria-selected={t.id === tab?.id} aria-controls={`studio-panel-${t.id}`} onClick={() => setCurrent(t.id)}>
            {t.label}
          </button>
        ))}
      </div>
      {tab ? (
        <div role="tabpanel" id={`studio-panel-${tab.id}`} aria-labelledby={`studio-tab-${tab.id}`}>
          {tab.render()}
        </div>
      ) : null}
    </div>
  );
}
