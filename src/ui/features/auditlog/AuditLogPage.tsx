// The audit log view: every decision, note, account change and import from the hash-chained log,
// newest first, filtered by moderator, action, community, date and free text, paged (the log is
// large), with the chain's verification on top and the filtered entries exported as CSV.
import { useCallback, useEffect, useState } from 'react';
import type { InputOf, OutputOf } from '../../../api/endpoints.ts';
import { useClient } from '../../apiContext.tsx';
import { useCall } from '../../hooks/useCall.ts';
import { downloadCsv } from './downloadCsv.ts';

type Entry = OutputOf<'auditLog.list'>['entries'][number];
type Filter = InputOf<'auditLog.exportCsv'>;

const PAGE = 100;

/** Action families first ("decision" = every decision.*), then the exact actions seen. */
function actionChoices(actions: readonly string[]): string[] {
  const families = [...new Set(actions.filter((a) => a.includes('.')).map((a) => a.split('.')[0] ?? a))];
  return [...families, ...actions.filter((a) => !families.includes(a))];
}

const summary = (details: Record<string, unknown>): string =>
  Object.entries(details)
    .filter(([, v]) => v !== null && v !== undefined && v !== '')
    .map(([k, v]) => `${k}: ${typeof v === 'string' ? v : JSON.stringify(v)}`)
    .join('; ');

function ChainLine() {
  const [run, setRun] = useState(0);
  const { value, error } = useCall('audit.verify', {}, run);
  return (
    <p role="status" aria-label="Chain verification" className={value?.ok ? 'ok' : 'error'}>
      {error ? error.message : !value ? 'Checking the chain…' : value.ok ? `Chain verified: ${value.checked.toLocaleString()} entries intact (${value.status}).` : `Chain broken (${value.status}): ${value.problem ?? ''}`}{' '}
      <button type="button" className="btn btn--small" onClick={() => setRun((n) => n + 1)}>Verify again</button>
    </p>
  );
}

export function AuditLogPage() {
  const client = useClient();
  const [filter, setFilter] = useState<Filter>({});
  const [entries, setEntries] = useState<Entry[]>([]);
  const [total, setTotal] = useState<number | null>(null);
  const [next, setNext] = useState<number | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const { value: facets } = useCall('auditLog.facets', {});

  const load = useCallback(
    async (beforeSeq: number | null) => {
      const reply = await client.call('auditLog.list', { ...filter, limit: PAGE, beforeSeq });
      if (!reply.ok) {
        setProblem(reply.error.message);
        return;
      }
      setProblem(null);
      setEntries((previous) => (beforeSeq === null ? reply.value.entries : [...previous, ...reply.value.entries]));
      setTotal(reply.value.total);
      setNext(reply.value.nextBeforeSeq);
    },
    [client, filter],
  );

  useEffect(() => {
    void load(null);
  }, [load]);

  const set = (key: keyof Filter, value: string) => setFilter((f) => ({ ...f, [key]: value === '' ? undefined : value }));

  const exportCsv = async () => {
    const reply = await client.call('auditLog.exportCsv', filter);
    if (!reply.ok) setProblem(reply.error.message);
    else downloadCsv('stoa-audit-log.csv', reply.value.csv);
  };

  return (
    <div className="page">
      <h1>Audit log</h1>
      <ChainLine />
      <form className="queue-filters" role="search" aria-label="Audit log filters" onSubmit={(e) => e.preventDefault()}>
        <input type="search" aria-label="Search the log" placeholder="Search…" value={filter.text ?? ''} onChange={(e) => set('text', e.target.value)} />
        <label>
          Moderator{' '}
          <select value={filter.actor ?? ''} onChange={(e) => set('actor', e.target.value)}>
            <option value="">Anyone</option>
            {(facets?.actors ?? []).map((a) => <option key={a} value={a}>{a}</option>)}
          </select>
        </label>
        <label>
          Action{' '}
          <select value={filter.action ?? ''} onChange={(e) => set('action', e.target.value)}>
            <option value="">Any</option>
            {actionChoices(facets?.actions ?? []).map((a) => <option key={a} value={a}>{a}</option>)}
          </select>
        </label>
        <label>
          Community{' '}
          <select value={filter.community ?? ''} onChange={(e) => set('community', e.target.value)}>
            <option value="">Any</option>
            {(facets?.communities ?? []).map((c) => <option key={c} value={c}>{c}</option>)}
          </select>
        </label>
        <label>
          From <input type="date" value={filter.from ?? ''} onChange={(e) => set('from', e.target.value)} />
        </label>
        <label>
          To <input type="date" value={filter.to ?? ''} onChange={(e) => set('to', e.target.value)} />
        </label>
        <button type="button" className="btn btn--small" onClick={() => void exportCsv()}>Export CSV</button>
      </form>
      {problem ? <p role="alert" className="error">{problem}</p> : null}
      <p className="muted" aria-live="polite" aria-label="Matching entries">{total === null ? 'Loading…' : `${total.toLocaleString()} entries`}</p>
      <table className="outbox-table" aria-label="Audit entries">
        <thead>
          <tr><th>#</th><th>When</th><th>Moderator</th><th>Action</th><th>Community</th><th>Subject</th><th>Details</th><th>Device</th></tr>
        </thead>
        <tbody>
          {entries.map((e) => (
            <tr key={e.seq}>
              <td>{e.seq}</td>
              <td><time dateTime={e.at}>{e.at.replace('T', ' ').slice(0, 19)}</time></td>
              <td>{e.actor}</td>
              <td>{e.action}</td>
              <td>{e.community ? `${e.platform ?? ''} ${e.community}` : ''}</td>
              <td><code>{e.subject ?? ''}</code></td>
              <td>{summary(e.details)}</td>
              <td><code title={e.deviceId}>{e.deviceId.slice(-8)}</code></td>
            </tr>
          ))}
        </tbody>
      </table>
      {next !== null ? (
        <button type="button" className="btn" onClick={() => void load(next)}>Load more</button>
      ) : null}
    </div>
  );
}
