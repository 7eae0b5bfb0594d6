// The moderation queue: filters, the virtualized list, and the selected item beside it.
import { useState } from 'react';
import { ItemPanel } from './ItemPanel.tsx';
import { QueueFilters } from './QueueFilters.tsx';
import { QueueTable } from './QueueTable.tsx';
import { useQueuePages, type QueueFilter } from './useQueuePages.ts';

export function QueuePage({ refreshKey }: { refreshKey: number }) {
  const [filter, setFilter] = useState<QueueFilter>({ query: '', platform: undefined, state: undefined, sort: 'newest' });
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const { rows, total, error, loading, loadMore } = useQueuePages(filter, refreshKey);

  return (
    <div className="queue-page">
      <div className="queue-main">
        <div className="page-head">
          <h1>Queue</h1>
          <span className="muted" aria-live="polite">
            {loading && rows.length === 0 ? 'Loading…' : total !== null ? `${total.toLocaleString()} items` : `${rows.length.toLocaleString()} matches`}
          </span>
        </div>
        <QueueFilters filter={filter} onChange={setFilter} />
        {error ? <p role="alert" className="error">{error.message}</p> : null}
        {!loading && rows.length === 0 && !error ? (
          <p className="empty">Nothing here. {filter.query ? 'Try other words.' : 'Sync an account, or start the demo workspace.'}</p>
        ) : (
          <QueueTable rows={rows} selectedId={selectedId} onSelect={setSelectedId} onNearEnd={loadMore} />
        )}
      </div>
      {selectedId ? <ItemPanel id={selectedId} /> : <aside className="item-panel item-panel--empty">Select an item to see its text, evidence and history.</aside>}
    </div>
  );
}
