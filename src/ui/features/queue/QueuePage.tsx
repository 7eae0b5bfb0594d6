// The moderation queue: filters, the virtualized list, and the selected item beside it with its
// verdict buttons. Keys: j/k or arrows move, a/r/s/i decide, b opens the ban form; after a
// decision the next item is selected, as in the review queues moderators already know.
import { useCallback, useEffect, useState } from 'react';
import type { ModerationAction } from '../../../core/domain.ts';
import { useClient } from '../../apiContext.tsx';
import { DecisionBar, type BanDetails } from './DecisionBar.tsx';
import { ItemPanel } from './ItemPanel.tsx';
import { QueueFilters } from './QueueFilters.tsx';
import { QueueTable } from './QueueTable.tsx';
import { actionForKey } from './shortcuts.ts';
import { useQueuePages, type QueueFilter } from './useQueuePages.ts';

export function QueuePage({ refreshKey }: { refreshKey: number }) {
  const client = useClient();
  const [filter, setFilter] = useState<QueueFilter>({ query: '', platform: undefined, state: undefined, sort: 'newest' });
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const [panelVersion, setPanelVersion] = useState(0);
  const [busy, setBusy] = useState(false);
  const [banOpen, setBanOpen] = useState(false);
  const [notice, setNotice] = useState<{ kind: 'ok' | 'error'; text: string } | null>(null);
  const { rows, total, error, loading, loadMore, patchRow } = useQueuePages(filter, refreshKey);

  const select = useCallback((id: string) => {
    setSelectedId(id);
    setBanOpen(false);
  }, []);

  const decide = useCallback(
    async (action: ModerationAction, ban?: BanDetails) => {
      if (!selectedId || busy) return;
      setBusy(true);
      const request = {
        itemId: selectedId,
        action,
        requestId: crypto.randomUUID(),
        ...(ban ? { durationDays: ban.durationDays, ...(ban.reason ? { reason: ban.reason } : {}), ...(ban.message ? { message: ban.message } : {}) } : {}),
      };
      let reply = await client.call('queue.decide', request);
      // The reply was lost, not necessarily the decision: the same request id cannot decide twice.
      if (!reply.ok && reply.error.code === 'unavailable') reply = await client.call('queue.decide', request);
      setBusy(false);
      if (!reply.ok) {
        setNotice({ kind: 'error', text: reply.error.message });
        return;
      }
      setBanOpen(false);
      patchRow(reply.value.itemId, { state: reply.value.state });
      setPanelVersion((v) => v + 1);
      setNotice({ kind: 'ok', text: `${action.replace('_', ' ')}: ${reply.value.queued ? 'recorded, queued for the platform' : 'recorded locally'}` });
      const index = rows.findIndex((r) => r.id === selectedId);
      const next = rows[index + 1];
      if (next && action !== 'ban') select(next.id);
    },
    [busy, client, patchRow, rows, select, selectedId],
  );

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      const target = event.target as HTMLElement | null;
      const inField = !!target && (target.tagName === 'INPUT' || target.tagName === 'TEXTAREA' || target.tagName === 'SELECT' || target.isContentEditable);
      const action = actionForKey({ key: event.key, ctrlKey: event.ctrlKey, metaKey: event.metaKey, altKey: event.altKey, inField });
      if (!action || !selectedId) return;
      event.preventDefault();
      if (action === 'ban') setBanOpen(true);
      else void decide(action);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [decide, selectedId]);

  return (
    <div className="queue-page">
      <div className="queue-main">
        <div className="page-head">
          <h1>Queue</h1>
          <span className="muted" aria-live="polite">
            {loading && rows.length === 0 ? 'Loading…' : total !== null ? `${total.toLocaleString()} items` : `${rows.length.toLocaleString()} matches`}
          </span>
          {notice ? (
            <span role={notice.kind === 'error' ? 'alert' : 'status'} className={`notice notice--${notice.kind}`}>
              {notice.text}
            </span>
          ) : null}
        </div>
        <QueueFilters filter={filter} onChange={setFilter} />
        {error ? <p role="alert" className="error">{error.message}</p> : null}
        {!loading && rows.length === 0 && !error ? (
          <p className="empty">Nothing here. {filter.query ? 'Try other words.' : 'Sync an account, or start the demo workspace.'}</p>
        ) : (
          <QueueTable rows={rows} selectedId={selectedId} onSelect={select} onNearEnd={loadMore} />
        )}
      </div>
      {selectedId ? (
        <ItemPanel
          id={selectedId}
          version={panelVersion}
          actions={<DecisionBar busy={busy} banOpen={banOpen} onBanOpen={setBanOpen} onDecide={(action, ban) => void decide(action, ban)} />}
        />
      ) : (
        <aside className="item-panel item-panel--empty">Select an item to see its text, evidence and history.</aside>
      )}
    </div>
  );
}
