// The selected item in full: text with evidence, reports, every score with its model version,
// the decisions taken, moderators' notes, and the raw platform payload for audit. A title that
// only repeats the body (often in capitals) is not shown twice; copies of the text are counted.
import { useEffect, useState, type ReactNode } from 'react';
import type { ItemDetail } from '../../../api/schemas.ts';
import { spansByField } from '../../../core/scoredText.ts';
import { titleRepeatsBody } from '../../../core/textKey.ts';
import { EvidenceText } from './EvidenceText.tsx';
import { ItemNotes } from './ItemNotes.tsx';
import { UseInStudioButton } from './UseInStudioButton.tsx';
import { AuthorPanel } from './AuthorPanel.tsx';
import { DecisionStatus } from './DecisionStatus.tsx';
import { ThreadParent } from './ThreadParent.tsx';
import { SimilarTexts } from './SimilarTexts.tsx';
import { QUEUE_MARKS, markAfterPaint } from './paintMarks.ts';
import { useItemRecord } from './itemRecords.ts';

interface Props {
  readonly id: string;
  /** Changes after each decision so the panel re-reads the item. */
  readonly version: number;
  /** The decision bar, given the loaded item (its platform's capabilities decide the buttons). */
  readonly actions: (item: ItemDetail) => ReactNode;
  /** Told about the item each time it is (re)loaded, so keys act on what is shown. */
  readonly onLoaded?: (item: ItemDetail | null) => void;
}

export function ItemPanel({ id, version, actions, onLoaded }: Props) {
  const [notesVersion, setNotesVersion] = useState(0);
  // Both counters only grow, so their sum changes whenever either does.
  const { value: loaded, error } = useItemRecord(id, version + notesVersion);
  // The last value stays while the next item loads: never show one item's record under another's id.
  const item = loaded?.id === id ? loaded : null;
  useEffect(() => onLoaded?.(item), [item, onLoaded]);
  useEffect(() => {
    if (item) markAfterPaint(QUEUE_MARKS.itemPainted, item.id);
  }, [item]);
  if (error) return <aside className="item-panel" aria-label="Item" role="alert">{error.message}</aside>;
  if (!item) return <aside className="item-panel" aria-label="Item" aria-busy="true">Loading…</aside>;
  // Offsets count in the scored text (title, newline, body); each field gets its own spans.
  const evidence = spansByField(item.title, item.scoreDetails.flatMap((s) => s.evidence));
  return (
    <aside className="item-panel" aria-label="Item">
      <header className="item-panel__head">
        <span className={`state state--${item.state}`}>{item.state}</span>
        <span>{item.platform} · {item.kind}</span>
        {item.url ? <a href={item.url} target="_blank" rel="noreferrer noopener">Open on platform</a> : null}
      </header>
      <h2 className="item-panel__author">{item.author ?? 'Unknown author'}</h2>
      {item.author !== null ? <AuthorPanel key={item.id} itemId={item.id} /> : null}
      <p className="muted">{item.community} · {new Date(item.createdAt).toLocaleString()}</p>
      {item.copies > 1 ? (
        <p className="copies" role="note">
          {item.copies} copies: the same text was posted as {item.copies} separate items.
        </p>
      ) : null}
      {actions(item)}
      <UseInStudioButton itemId={item.id} author={item.author} />
      {item.parentRemoteId !== null ? <ThreadParent itemId={item.id} /> : null}
      <SimilarTexts key={`similar-${item.id}`} itemId={item.id} />
      {item.title && !titleRepeatsBody(item.title, item.body) ? <EvidenceText as="h3" text={item.title} evidence={evidence.title} /> : null}
      <EvidenceText text={item.body} evidence={evidence.body} />

      <section>
        <h3>Scores</h3>
        {item.scoreDetails.length === 0 ? (
          <p className="muted">Not scored yet.</p>
        ) : (
          <ul className="score-list">
            {item.scoreDetails.map((s) => (
              <li key={s.model}>
                <strong>{s.model}</strong>{' '}
                {s.score === null ? <span className="muted">not scored: {s.unscoredReason}</span> : `${Math.round(s.score * 100)}%`}{' '}
                <span className="muted">model {s.modelVersion}</span>
                <ul>
                  {s.evidence.map((e) => (
                    <li key={`${e.start}-${e.end}-${e.rule ?? ''}`}>
                      “{e.text}” <span className="muted">{e.rule ? `rule ${e.rule.replaceAll('_', ' ')} · ` : ''}weight {e.weight.toFixed(2)}</span>
                    </li>
                  ))}
                </ul>
              </li>
            ))}
          </ul>
        )}
      </section>

      <section>
        <h3>Reports</h3>
        {item.reports.length === 0 ? <p className="muted">No reports.</p> : (
          <ul>{item.reports.map((r) => <li key={`${r.source}-${r.reason}`}>{r.reason} ×{r.count} <span className="muted">({r.source})</span></li>)}</ul>
        )}
      </section>

      <section>
        <h3>Decisions</h3>
        {item.decisions.length === 0 ? <p className="muted">No decisions yet.</p> : (
          <ol>{item.decisions.map((d) => <li key={d.id}>{d.action} by {d.actor} · {new Date(d.createdAt).toLocaleString()}{d.reason ? ` — ${d.reason}` : ''}</li>)}</ol>
        )}
      </section>

      {item.decisions.length > 0 ? <DecisionStatus itemId={item.id} version={version} /> : null}

      <ItemNotes itemId={item.id} notes={item.notes} onAdded={() => setNotesVersion((v) => v + 1)} />

      <details>
        <summary>Raw payload</summary>
        <pre className="raw">{JSON.stringify(item.raw, null, 2)}</pre>
      </details>
    </aside>
  );
}
