// Bulk decisions: the items marked with `x` (shift+x marks the range from the last mark), or
// everything open by the current item's author, removed with one reason for all. Progress shows
// as items are answered, and each item's result stays listed: queued, or refused with the reason.
import type { BulkItemResult } from './useBulkActions.ts';

interface Props {
  readonly selected: readonly { readonly id: string; readonly label: string }[];
  readonly author: string | null;
  readonly reason: string;
  readonly busy: boolean;
  readonly progress: { readonly done: number; readonly total: number } | null;
  readonly results: readonly BulkItemResult[];
  readonly labelOf: (id: string) => string;
  readonly onReason: (reason: string) => void;
  readonly onRemoveSelected: () => void;
  readonly onRemoveByAuthor: () => void;
  readonly onPickReason: () => void;
  readonly onClear: () => void;
}

export function BulkActionBar(props: Props) {
  const { selected, author, reason, busy, progress, results, labelOf } = props;
  const refused = results.filter((r) => r.status === 'refused').length;
  return (
    <section className="bulk-bar" aria-label="Bulk actions">
      <span aria-live="polite">{selected.length} selected</span>
      <label>
        Reason for all
        <input type="text" maxLength={500} value={reason} onChange={(event) => props.onReason(event.target.value)} />
      </label>
      <button type="button" className="btn btn--remove" disabled={busy || selected.length === 0} onClick={props.onRemoveSelected}>Remove selected</button>
      <button type="button" className="btn" disabled={busy || selected.length === 0} aria-keyshortcuts="m" onClick={props.onPickReason}>Remove selected with reason <kbd>m</kbd></button>
      <button type="button" className="btn btn--remove" disabled={busy || author === null} onClick={props.onRemoveByAuthor}>
        Remove all by {author ?? 'this author'}
      </button>
      {selected.length > 0 ? <button type="button" className="btn" disabled={busy} onClick={props.onClear}>Clear selection</button> : null}
      {selected.length > 0 ? (
        <ul className="bulk-bar__selected" aria-label="Selected items">
          {selected.map((item) => <li key={item.id}>{item.label}</li>)}
        </ul>
      ) : null}
      {progress ? (
        <span role="status" aria-label="Bulk progress">
          <progress max={progress.total} value={progress.done} /> {progress.done} of {progress.total} done{refused > 0 ? `, ${refused} refused` : ''}
        </span>
      ) : null}
      {results.length > 0 ? (
        <ul className="bulk-bar__results" aria-label="Bulk results">
          {results.map((result) => (
            <li key={result.itemId} className={`bulk-bar__result bulk-bar__result--${result.status}`}>
              {result.label ?? labelOf(result.itemId)}: {result.status}{result.reason ? ` (${result.reason})` : ''}
            </li>
          ))}
        </ul>
      ) : null}
    </section>
  );
}
