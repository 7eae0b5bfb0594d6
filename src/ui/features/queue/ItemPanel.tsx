// The selected item in full: text with evidence, reports, every score with its model version,
// the decisions taken, moderators' notes, and the raw platform payload for audit.
import { useState, type ReactNode } from 'react';
import { spansByField } from '../../../core/scoredText.ts';
import { useCall } from '../../hooks/useCall.ts';
import { EvidenceText } from './EvidenceText.tsx';
import { ItemNotes } from './ItemNotes.tsx';
import { UseInStudioButton } from './UseInStudioButton.tsx';

/** `version` changes after each decision so the panel re-reads the item; `actions` is the decision bar. */
export function ItemPanel({ id, version, actions }: { id: string; version: number; actions: ReactNode }) {
  const [notesVersion, setNotesVersion] = useState(0);
  // Both counters only grow, so their sum changes whenever either does.
  const { value: item, error } = useCall('items.get', { id }, version + notesVersion);
  if (error) return <aside className="item-panel" role="alert">{error.message}</aside>;
  if (!item) return <aside className="item-panel" aria-busy="true">Loading…</aside>;
  // Offsets count in the scored text (title, newline, body); each field gets its own spans.
  const evidence = spansByField(item.title, item.scoreDetails.flatMap((s) => s.evidence));
  return (
    <aside className="item-panel" aria-label="Selected item">
      <header className="item-panel__head">
        <span className={`state state--${item.state}`}>{item.state}</span>
        <span>{item.platform} · {item.kind}</span>
        {item.url ? <a href={item.url} target="_blank" rel="noreferrer noopener">Open on platform</a> : null}
      </header>
      <h2 className="item-panel__author">{item.author ?? 'Unknown author'}</h2>
      <p className="muted">{item.community} · {new Date(item.createdAt).toLocaleString()}</p>
      {actions}
      <UseInStudioButton itemId={item.id} author={item.author} />
      {item.title ? <EvidenceText as="h3" text={item.title} evidence={evidence.title} /> : null}
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

      <ItemNotes itemId={item.id} notes={item.notes} onAdded={() => setNotesVersion((v) => v + 1)} />

      <details>
        <summary>Raw payload</summary>
        <pre className="raw">{JSON.stringify(item.raw, null, 2)}</pre>
      </details>
    </aside>
  );
}
