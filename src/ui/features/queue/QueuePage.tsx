// The moderation queue: filters, the virtualized list, and the selected item beside it with its
// verdict buttons. Keyboard first (shortcuts.ts; `?` lists them): j/k or arrows move, a/r/s/i
// decide, b opens the ban form, u undoes the last decision while it waits in the outbox, `/`
// searches, Esc closes what is open. After a decision the next item is selected, as in the review
// queues moderators already know, and focus goes back to the list after every action, so the
// keys keep working whatever was clicked. Only the actions the item's platform has are offered; a
// refused one says why and leaves the queue usable. Filters are kept per workspace.
import { memo, useCallback, useEffect, useRef, useState } from 'react';
import type { ItemDetail } from '../../../api/schemas.ts';
import type { ModerationAction } from '../../../core/domain.ts';
import { useClient } from '../../apiContext.tsx';
import { useCall } from '../../hooks/useCall.ts';
import { ACTION_NAMES, DecisionBar, type BanDetails } from './DecisionBar.tsx';
import { ItemPanel } from './ItemPanel.tsx';
import { QueueFilters } from './QueueFilters.tsx';
import { loadFilter, saveFilter } from './queueFilterStore.ts';
import { QueueTable } from './QueueTable.tsx';
import { QueueTools } from './QueueTools.tsx';
import { SavedViews } from './SavedViews.tsx';
import { SuggestionChip } from './SuggestionChip.tsx';
import { ShortcutSheet } from './ShortcutSheet.tsx';
import { commandForKey } from './shortcuts.ts';
import { markKey } from './paintMarks.ts';
import { useItemRecord } from './itemRecords.ts';
import { useQueuePages, type QueueFilter } from './useQueuePages.ts';
import './queue.css';

// Their props stay the same while j/k move the selection: a key press does not render them again.
const Filters = memo(QueueFilters);
const Views = memo(SavedViews);

type Notice = { readonly kind: 'ok' | 'error'; readonly text: string };
type Undoable = { readonly decisionId: string; readonly itemId: string; readonly action: ModerationAction };

// Inputs that take no typing (a checkbox such as "Work offline") must not swallow the shortcuts.
const NOT_TYPED = new Set(['checkbox', 'radio', 'button', 'submit', 'reset', 'range', 'color', 'file']);

const isField = (target: EventTarget | null): boolean => {
  const el = target as HTMLElement | null;
  if (!el) return false;
  if (el instanceof HTMLInputElement) return !NOT_TYPED.has(el.type);
  return el.tagName === 'TEXTAREA' || el.tagName === 'SELECT' || el.isContentEditable;
};

/** Waits for the workspace's identity (its data folder) so its stored filters load before the first page. */
export function QueuePage({ refreshKey }: { refreshKey: number }) {
  const { value: info } = useCall('system.info', {});
  if (!info) return <div className="queue-page" aria-busy="true">Loading…</div>;
  return <QueueView key={info.dataDir} workspace={info.dataDir} refreshKey={refreshKey} />;
}

function QueueView({ workspace, refreshKey }: { workspace: string; refreshKey: number }) {
  const client = useClient();
  const [filter, setFilterState] = useState<QueueFilter>(() => loadFilter(window.localStorage, workspace));
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const [panelVersion, setPanelVersion] = useState(0);
  const [busy, setBusy] = useState(false);
  const [banOpen, setBanOpen] = useState(false);
  const [helpOpen, setHelpOpen] = useState(false);
  const [notice, setNotice] = useState<Notice | null>(null);
  const [undoable, setUndoable] = useState<Undoable | null>(null);
  const gridRef = useRef<HTMLDivElement>(null);
  const searchRef = useRef<HTMLInputElement>(null);
  const { rows, total, error, loading, loadMore, patchRow } = useQueuePages(filter, refreshKey);
  // Read here rather than in the pane: the keys act on the record the pane shows, in the same
  // render (a pane that reported its record back through an effect rendered the page twice a key).
  const record = useItemRecord(selectedId, panelVersion);
  // The last value stays while the next item loads: never act on one item's record under another's id.
  const current: ItemDetail | null = record.value !== null && record.value.id === selectedId ? record.value : null;
  const refreshPanel = useCallback(() => setPanelVersion((v) => v + 1), []);

  const setFilter = useCallback(
    (next: QueueFilter) => {
      setFilterState(next);
      saveFilter(window.localStorage, workspace, next);
    },
    [workspace],
  );

  const focusList = useCallback(() => gridRef.current?.focus({ preventScroll: true }), []);

  const select = useCallback((id: string) => {
    setSelectedId(id);
    setBanOpen(false);
    setNotice(null); // a notice is about the item it was shown for
  }, []);

  const move = useCallback(
    (step: 1 | -1) => {
      if (rows.length === 0) return;
      const index = rows.findIndex((r) => r.id === selectedId);
      const next = rows[index < 0 ? 0 : Math.max(0, Math.min(rows.length - 1, index + step))];
      if (next) select(next.id);
    },
    [rows, select, selectedId],
  );
  const moveRef = useRef(move);
  useEffect(() => {
    moveRef.current = move;
  }, [move]);
  const moveNext = useCallback(() => moveRef.current(1), []);

  const decide = useCallback(
    async (action: ModerationAction, ban?: BanDetails) => {
      if (!selectedId || busy) return;
      setNotice(null);
      // Keys can ask for what the buttons do not offer: say so instead of sending it.
      if (current && current.id === selectedId && !current.capabilities.actions.includes(action)) {
        setNotice({ kind: 'error', text: `${current.platform} has no ${ACTION_NAMES[action].toLowerCase()} action.` });
        focusList();
        return;
      }
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
        // The item stays selected with the reason on screen; every key still works.
        setNotice({ kind: 'error', text: reply.error.message });
        focusList();
        return;
      }
      setBanOpen(false);
      setUndoable({ decisionId: reply.value.decisionId, itemId: reply.value.itemId, action });
      patchRow(reply.value.itemId, { state: reply.value.state });
      setPanelVersion((v) => v + 1);
      const index = rows.findIndex((r) => r.id === selectedId);
      const next = rows[index + 1];
      if (next && action !== 'ban') select(next.id);
      setNotice({ kind: 'ok', text: `${action.replace('_', ' ')}: ${reply.value.queued ? 'recorded, queued for the platform' : 'recorded locally'}` });
      focusList();
    },
    [busy, client, current, focusList, patchRow, rows, select, selectedId],
  );

  const undo = useCallback(async () => {
    if (!undoable || busy) return;
    setNotice(null);
    setBusy(true);
    const reply = await client.call('queue.undo', { decisionId: undoable.decisionId });
    setBusy(false);
    if (!reply.ok) {
      setNotice({ kind: 'error', text: reply.error.message });
      setUndoable(null);
      focusList();
      return;
    }
    setUndoable(null);
    patchRow(reply.value.itemId, { state: reply.value.state });
    select(reply.value.itemId);
    setPanelVersion((v) => v + 1);
    setNotice({ kind: 'ok', text: `Undone: ${undoable.action.replace('_', ' ')} (item is ${reply.value.state} again)` });
    focusList();
  }, [busy, client, focusList, patchRow, select, undoable]);

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      const inField = isField(event.target);
      const command = commandForKey({ key: event.key, ctrlKey: event.ctrlKey, metaKey: event.metaKey, altKey: event.altKey, inField });
      if (!command) return;
      if (command.type === 'close') {
        if (helpOpen) setHelpOpen(false);
        else if (banOpen) setBanOpen(false);
        else if (!inField) return;
        event.preventDefault();
        focusList();
        return;
      }
      if (helpOpen) return;
      event.preventDefault();
      switch (command.type) {
        case 'move':
          markKey(event);
          move(command.step);
          break;
        case 'search':
          searchRef.current?.focus();
          searchRef.current?.select();
          break;
        case 'note':
          // The note field lives in the item pane's notes section; the pane is the "Item" region.
          document.querySelector<HTMLTextAreaElement>('[aria-label="Item"] textarea[aria-label="Note"]')?.focus();
          break;
        case 'help':
          setHelpOpen(true);
          break;
        case 'undo':
          void undo();
          break;
        case 'decide':
          if (!selectedId) break;
          if (command.action !== 'ban') void decide(command.action);
          else if (current && !current.capabilities.actions.includes('ban')) setNotice({ kind: 'error', text: `${current.platform} has no ban action.` });
          else setBanOpen(true);
          break;
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [banOpen, current, decide, focusList, helpOpen, move, selectedId, undo]);

  return (
    <div className="queue-page">
      <div className="queue-main">
        <div className="page-head">
          <h1>Queue</h1>
          <span className="muted" aria-live="polite">
            {loading && rows.length === 0 ? 'Loading…' : total !== null ? `${total.toLocaleString()} items` : `${rows.length.toLocaleString()} matches`}
          </span>
          {current && current.id === selectedId ? <SuggestionChip item={current} /> : null}
          {notice ? (
            <span role={notice.kind === 'error' ? 'alert' : 'status'} aria-label={notice.kind === 'error' ? 'Problem' : 'Done'} className={`notice notice--${notice.kind}`}>
              {notice.text}
            </span>
          ) : null}
          <button type="button" className="btn btn--small" aria-keyshortcuts="?" onClick={() => setHelpOpen(true)}>
            Shortcuts <kbd>?</kbd>
          </button>
        </div>
        <Filters filter={filter} onChange={setFilter} searchRef={searchRef} />
        <Views filter={filter} onApply={setFilter} refreshKey={refreshKey} />
        <QueueTools item={current && current.id === selectedId ? current : null} rows={rows} selectedId={selectedId} patchRow={patchRow} onChanged={refreshPanel} focusList={focusList} onNext={moveNext} />
        {error ? <p role="alert" className="error">{error.message}</p> : null}
        {!loading && rows.length === 0 && !error ? (
          <p className="empty">Nothing here. {filter.query ? 'Try other words.' : 'Sync an account, or start the demo workspace.'}</p>
        ) : (
          <QueueTable rows={rows} selectedId={selectedId} onSelect={select} onNearEnd={loadMore} gridRef={gridRef} />
        )}
      </div>
      {selectedId ? (
        <ItemPanel
          item={current}
          error={record.error}
          version={panelVersion}
          onNoteAdded={refreshPanel}
          actions={(item) => (
            <DecisionBar
              item={item}
              busy={busy}
              banOpen={banOpen}
              onBanOpen={(open) => {
                setBanOpen(open);
                if (!open) focusList();
              }}
              onDecide={(action, ban) => void decide(action, ban)}
              onUndo={undoable ? () => void undo() : null}
            />
          )}
        />
      ) : (
        <aside className="item-panel item-panel--empty" aria-label="Item">Select an item to see its text, evidence and history.</aside>
      )}
      {helpOpen ? (
        <ShortcutSheet
          onClose={() => {
            setHelpOpen(false);
            focusList();
          }}
        />
      ) : null}
    </div>
  );
}
