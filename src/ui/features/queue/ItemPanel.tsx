// The selected item in full: text with evidence, reports, every score with its model version,
// the decisions taken, moderators' notes, and the raw platform payload for audit. A title that
// only repeats the body (often in capitals) is not shown twice; copies of the text are counted.
// The item's own record paints in the frame after j/k; its context (the author panel, copies,
// thread parent, outbox status, studio button), which each read more from the backend, follows
// once the moderator stays on the item (SETTLE_MS after it was painted), as list-and-detail tools
// load details on settling: a run of j presses paints every item at once and skips the context
// of the ones passed over, instead of each key competing with the last item's reads and renders.
import { memo, useEffect, useLayoutEffect, useState, type ReactNode } from 'react';
import type { ApiError } from '../../../api/errors.ts';
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
import { afterPaint } from './afterPaint.ts';
import { ItemHubPresence } from '../hub/ItemHubPresence.tsx';

interface Props {
  /** The selected item's record (the queue page reads it: useItemRecord), null while it loads. */
  readonly item: ItemDetail | null;
  readonly error: ApiError | null;
  /** Changes after each decision so the outbox status is read again. */
  readonly version: number;
  /** The decision bar, given the loaded item (its platform's capabilities decide the buttons). */
  readonly actions: (item: ItemDetail) => ReactNode;
  /** A note was added: the record is read again. */
  readonly onNoteAdded: () => void;
}

export function ItemPanel({ item, error, version, actions, onNoteAdded }: Props) {
  // A layout effect runs in the task that changed the DOM, so the frame it waits for is the one that
  // shows the item (a passive effect can run after that frame and mark the next one instead).
  useLayoutEffect(() => {
    if (item) markAfterPaint(QUEUE_MARKS.itemPainted, item.id);
  }, [item]);
  const settledId = useSettledId(item?.id ?? null);
  if (error) return <aside className="item-panel" aria-label="Item" role="alert">{error.message}</aside>;
  if (!item) return <aside className="item-panel" aria-label="Item" aria-busy="true">Loading…</aside>;
  const context = settledId === item.id;
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
      {context && item.author !== null ? <AuthorPanel key={item.id} itemId={item.id} /> : null}
      <p className="muted">{item.community} · {new Date(item.createdAt).toLocaleString()}</p>
      {context ? <ItemHubPresence key={`hub-${item.id}`} itemId={item.id} /> : null}
      {item.copies > 1 ? (
        <p className="copies" role="note">
          {item.copies} copies: the same text was posted as {item.copies} separate items.
        </p>
      ) : null}
      {actions(item)}
      {context ? <UseInStudioButton itemId={item.id} author={item.author} /> : null}
      {context && item.parentRemoteId !== null ? <ThreadParent itemId={item.id} /> : null}
      {context ? <SimilarTexts key={`similar-${item.id}`} itemId={item.id} /> : null}
      {item.title && !titleRepeatsBody(item.title, item.body) ? <EvidenceText as="h3" text={item.title} evidence={evidence.title} /> : null}
      <EvidenceText text={item.body} evidence={evidence.body} />

      <ScoreDetails item={item} />
      <ItemHistory item={item} />

      {context && item.decisions.length > 0 ? <DecisionStatus itemId={item.id} version={version} /> : null}

      <ItemNotes itemId={item.id} notes={item.notes} onAdded={onNoteAdded} />

      <RawPayload key={item.id} raw={item.raw} />
    </aside>
  );
}

/** Long enough to pass over items at key-repeat speed, short enough not to be waited for. */
const SETTLE_MS = 120;

/** The id once it has been on screen for SETTLE_MS; another id before then cancels the wait. */
function useSettledId(id: string | null): string | null {
  const [settled, setSettled] = useState<string | null>(null);
  useEffect(() => {
    if (id === null) return undefined;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const cancelPaint = afterPaint(() => {
      timer = setTimeout(() => setSettled(id), SETTLE_MS);
    });
    return () => {
      cancelPaint();
      if (timer !== undefined) clearTimeout(timer);
    };
  }, [id]);
  return settled;
}

// Memoized by record: a re-read that returns the same record object does not rebuild these lists.
const ScoreDetails = memo(function ScoreDetails({ item }: { item: ItemDetail }) {
  return (
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
  );
});

const ItemHistory = memo(function ItemHistory({ item }: { item: ItemDetail }) {
  return (
    <>
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
    </>
  );
});

/** The platform's payload, written out only when someone opens it (it can be large). */
function RawPayload({ raw }: { raw: unknown }) {
  const [open, setOpen] = useState(false);
  return (
    <details onToggle={(event) => setOpen(event.currentTarget.open)}>
      <summary>Raw payload</summary>
      {open ? <pre className="raw">{JSON.stringify(raw, null, 2)}</pre> : null}
    </details>
  );
}
