// Removal reasons, macros and bulk decisions for the queue, beside the single-key triage in
// QueuePage: `m` opens the remove-with-reason picker (digits 1–9 pick, Enter sends, Esc closes),
// `x` marks the current item (shift+x marks the range from the last mark), and the bulk bar
// removes the marked items or everything open by the current author with one reason for all.
// Its keys are taken in the capture phase while the picker or editor is open, so a digit or
// Enter meant for them never reaches the queue's own shortcuts.
import { useCallback, useEffect, useRef, useState } from 'react';
import type { RemovalTemplateDto } from '../../../api/reasonEndpoints.ts';
import type { ItemDetail } from '../../../api/schemas.ts';
import type { ItemState } from '../../../core/domain.ts';
import { templateForDigit } from '../../../core/removalTemplates.ts';
import { useClient } from '../../apiContext.tsx';
import { BulkActionBar } from './BulkActionBar.tsx';
import { MacroPicker } from './MacroPicker.tsx';
import { RemovalReasonsEditor } from './RemovalReasonsEditor.tsx';
import { useBulkActions, type BulkItemResult } from './useBulkActions.ts';
import type { QueueRow } from './useQueuePages.ts';
import './removalTools.css';

interface Props {
  readonly item: ItemDetail | null;
  readonly rows: readonly QueueRow[];
  readonly selectedId: string | null;
  readonly patchRow: (id: string, patch: { state: ItemState }) => void;
  readonly onChanged: () => void;
  readonly focusList: () => void;
  readonly onNext: () => void;
}

const NOT_TYPED = new Set(['checkbox', 'radio', 'button', 'submit', 'reset', 'range', 'color', 'file']);
const inField = (target: EventTarget | null): boolean => {
  const el = target as HTMLElement | null;
  if (!el) return false;
  if (el instanceof HTMLInputElement) return !NOT_TYPED.has(el.type);
  return el.tagName === 'TEXTAREA' || el.tagName === 'SELECT' || el.isContentEditable;
};

export function QueueTools({ item, rows, selectedId, patchRow, onChanged, focusList, onNext }: Props) {
  const client = useClient();
  const [marked, setMarked] = useState<string[]>([]);
  const anchor = useRef<string | null>(null);
  const [picker, setPicker] = useState<{ templates: RemovalTemplateDto[]; chosen: number | null } | null>(null);
  const [editorOpen, setEditorOpen] = useState(false);
  const [reason, setReason] = useState('');
  const [notice, setNotice] = useState<{ kind: 'ok' | 'error'; text: string } | null>(null);
  const [applying, setApplying] = useState(false);

  const afterBulk = useCallback(
    (results: readonly BulkItemResult[]) => {
      for (const r of results) if (r.status === 'queued') patchRow(r.itemId, { state: 'removed' });
      setMarked([]);
      onChanged();
      focusList();
    },
    [focusList, onChanged, patchRow],
  );
  const bulk = useBulkActions(afterBulk);

  const openPicker = useCallback(async () => {
    // The selected row, even before its record has loaded: a key pressed at once still opens it.
    const scopeItem = marked[0] ?? item?.id ?? selectedId;
    if (!scopeItem) return;
    const reply = await client.call('reasons.list', { itemId: scopeItem });
    if (!reply.ok) {
      setNotice({ kind: 'error', text: reply.error.message });
      return;
    }
    setPicker({ templates: reply.value, chosen: null });
  }, [client, item, marked, selectedId]);

  const closePicker = useCallback(() => {
    setPicker(null);
    focusList();
  }, [focusList]);

  const apply = useCallback(async () => {
    const template = picker && picker.chosen !== null ? picker.templates[picker.chosen] : undefined;
    if (!template || applying) return;
    setNotice(null);
    if (marked.length > 0) {
      setPicker(null);
      await bulk.run({ itemIds: marked }, { action: 'remove', templateId: template.id });
      return;
    }
    const itemId = item?.id ?? selectedId;
    if (!itemId) return;
    setApplying(true);
    const request = { itemId, templateId: template.id, requestId: crypto.randomUUID() };
    let reply = await client.call('queue.applyTemplate', request);
    if (!reply.ok && reply.error.code === 'unavailable') reply = await client.call('queue.applyTemplate', request);
    setApplying(false);
    setPicker(null);
    if (!reply.ok || reply.value.status === 'refused') {
      setNotice({ kind: 'error', text: reply.ok ? reply.value.reason ?? 'refused' : reply.error.message });
      focusList();
      return;
    }
    patchRow(itemId, { state: 'removed' });
    const did = reply.value.steps.map((s) => s.action).join(' + ');
    setNotice({ kind: reply.value.reason ? 'error' : 'ok', text: `${template.title}: ${did} ${reply.value.steps.some((s) => s.queued) ? 'queued for the platform' : 'recorded locally'}${reply.value.reason ? ` (${reply.value.reason})` : ''}` });
    onChanged();
    onNext();
    focusList();
  }, [applying, bulk, client, focusList, item, marked, onChanged, onNext, patchRow, picker, selectedId]);

  const toggleMark = useCallback(
    (range: boolean) => {
      if (!selectedId) return;
      if (range && anchor.current) {
        const from = rows.findIndex((r) => r.id === anchor.current);
        const to = rows.findIndex((r) => r.id === selectedId);
        if (from >= 0 && to >= 0) {
          const span = rows.slice(Math.min(from, to), Math.max(from, to) + 1).map((r) => r.id);
          setMarked((current) => [...new Set([...current, ...span])]);
          anchor.current = selectedId;
          return;
        }
      }
      anchor.current = selectedId;
      setMarked((current) => (current.includes(selectedId) ? current.filter((id) => id !== selectedId) : [...current, selectedId]));
    },
    [rows, selectedId],
  );

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.ctrlKey || event.metaKey || event.altKey) return;
      if (editorOpen) {
        if (event.key === 'Escape') {
          event.preventDefault();
          event.stopPropagation();
          setEditorOpen(false);
          focusList();
        }
        return;
      }
      if (picker) {
        // The picker is modal for keys: digits pick, Enter sends, Esc closes, nothing else acts.
        event.stopPropagation();
        if (event.key === 'Escape') closePicker();
        else if (event.key === 'Enter') void apply();
        else {
          const chosen = templateForDigit(picker.templates.slice(0, 9), event.key);
          if (chosen) setPicker({ ...picker, chosen: picker.templates.indexOf(chosen) });
        }
        if (event.key !== 'Tab') event.preventDefault();
        return;
      }
      if (inField(event.target)) return;
      if (event.key === 'm') {
        event.preventDefault();
        event.stopPropagation();
        void openPicker();
      } else if (event.key === 'x' || event.key === 'X') {
        event.preventDefault();
        event.stopPropagation();
        toggleMark(event.shiftKey);
      }
    };
    window.addEventListener('keydown', onKey, true);
    return () => window.removeEventListener('keydown', onKey, true);
  }, [apply, closePicker, editorOpen, focusList, openPicker, picker, toggleMark]);

  const labelOf = useCallback(
    (id: string) => {
      const row = rows.find((r) => r.id === id);
      if (!row) return id;
      return `${row.author ?? 'unknown'}: ${(row.title ?? row.body).slice(0, 48)}`;
    },
    [rows],
  );

  return (
    <div className="queue-tools">
      <div className="queue-tools__head">
        <button type="button" className="btn btn--small" disabled={!selectedId && marked.length === 0} aria-keyshortcuts="m" onClick={() => void openPicker()}>
          Remove with reason <kbd>m</kbd>
        </button>
        <button type="button" className="btn btn--small" disabled={!selectedId} aria-keyshortcuts="x" onClick={() => toggleMark(false)}>
          {selectedId && marked.includes(selectedId) ? 'Unselect' : 'Select'} <kbd>x</kbd>
        </button>
        <button type="button" className="btn btn--small" onClick={() => setEditorOpen(true)}>Removal reasons</button>
        {notice ? (
          <span role={notice.kind === 'error' ? 'alert' : 'status'} aria-label="Reason result" className={`notice notice--${notice.kind}`}>{notice.text}</span>
        ) : null}
      </div>
      <BulkActionBar
        selected={marked.map((id) => ({ id, label: labelOf(id) }))}
        author={item?.author ?? null}
        reason={reason}
        busy={bulk.busy}
        progress={bulk.progress}
        results={bulk.results}
        labelOf={labelOf}
        onReason={setReason}
        onRemoveSelected={() => void bulk.run({ itemIds: marked }, { action: 'remove', ...(reason.trim() ? { reason: reason.trim() } : {}) })}
        onRemoveByAuthor={() => {
          if (item) void bulk.run({ authorOf: item.id }, { action: 'remove', ...(reason.trim() ? { reason: reason.trim() } : {}) });
        }}
        onPickReason={() => void openPicker()}
        onClear={() => setMarked([])}
      />
      {picker ? (
        <MacroPicker
          templates={picker.templates}
          chosen={picker.chosen}
          item={{ authorName: item?.author ?? null, communityName: item?.community ?? null, url: item?.url ?? null }}
          count={Math.max(1, marked.length)}
          canBan={item?.capabilities.actions.includes('ban') ?? false}
          busy={applying || bulk.busy}
          onChoose={(chosen) => setPicker({ ...picker, chosen })}
          onApply={() => void apply()}
          onClose={closePicker}
        />
      ) : null}
      {editorOpen ? (
        <RemovalReasonsEditor
          onClose={() => {
            setEditorOpen(false);
            focusList();
          }}
          onSaved={() => undefined}
        />
      ) : null}
    </div>
  );
}
