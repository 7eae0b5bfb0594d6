// Where each decision on the item stands on its way to the platform: queued, sent, failed (with
// the platform's reason and Retry) or in conflict (the platform's state, keep mine / take theirs).
// Live: every outbox change for this item, from the backend's event stream, re-reads the list.
// A conflict the team hub made (another member's decision holds the item) names who decided what
// and when, and offers "Keep mine" (send mine as well, deliberately) or "Withdraw mine".
import { useEffect, useState } from 'react';
import type { OutputOf } from '../../../api/endpoints.ts';
import { useClient } from '../../apiContext.tsx';
import { useCall } from '../../hooks/useCall.ts';
import { decidedByText, hubDecisionOf } from '../hub/hubDecision.ts';

type Row = OutputOf<'items.decisionStatus'>[number];

const remoteState = (snapshot: unknown): string | null => {
  if (typeof snapshot !== 'object' || snapshot === null) return null;
  const state = (snapshot as { state?: unknown }).state;
  return typeof state === 'string' ? state : null;
};

export function DecisionStatus({ itemId, version }: { itemId: string; version: number }) {
  const client = useClient();
  const [changes, setChanges] = useState(0);
  const [problem, setProblem] = useState<string | null>(null);
  useEffect(
    () =>
      client.subscribe((event) => {
        if (event.type === 'outbox.changed' && event.itemId === itemId) setChanges((n) => n + 1);
      }),
    [client, itemId],
  );
  // Both counters only grow, so their sum changes whenever either does.
  const { value } = useCall('items.decisionStatus', { id: itemId }, version + changes);
  const rows = value ?? [];
  if (rows.length === 0) return null;

  const resolve = async (row: Row, choice: 'retry' | 'accept_remote') => {
    if (!row.entry) return;
    const reply = await client.call('outbox.resolve', { id: row.entry.id, choice });
    setProblem(reply.ok ? null : reply.error.message);
    setChanges((n) => n + 1);
  };

  return (
    <section aria-labelledby="outbox-status-heading">
      <h3 id="outbox-status-heading">On the platform</h3>
      <ol className="decision-status" aria-label="Outbox status">
        {rows.map((row) => {
          const team = row.status.kind === 'conflict' ? hubDecisionOf(row.entry?.remoteSnapshot) : null;
          return (
            <li key={row.decisionId} aria-label={`${row.action.replace('_', ' ')}: ${row.status.label}`}>
              <span>{row.action.replace('_', ' ')}</span>
              <span className={`status-badge status-badge--${row.status.kind}`}>{row.status.label}</span>
              {row.status.reason && !team ? <span className="muted">{row.status.reason}</span> : null}
              {team ? <span>{decidedByText(team, Date.now())}</span> : null}
              {row.status.kind === 'conflict' && !team ? <span>Platform shows: {remoteState(row.entry?.remoteSnapshot) ?? 'changed'}</span> : null}
              {row.status.actionable && row.status.kind === 'failed' ? (
                <button type="button" className="btn btn--small" onClick={() => void resolve(row, 'retry')}>Retry</button>
              ) : null}
              {row.status.actionable && row.status.kind === 'conflict' ? (
                <>
                  <button type="button" className="btn btn--small" onClick={() => void resolve(row, 'retry')}>Keep mine</button>
                  <button type="button" className="btn btn--small" onClick={() => void resolve(row, 'accept_remote')}>{team ? 'Withdraw mine' : 'Take theirs'}</button>
                </>
              ) : null}
            </li>
          );
        })}
      </ol>
      {problem ? <p role="alert" className="error">{problem}</p> : null}
    </section>
  );
}
