// Saved views above the queue: the active moderator's named filters + order, each with its live
// count and queue age (the oldest open item's wait), one click to apply, and the current filter's
// own count and age. Views belong to the profile chosen in Settings → Moderators.
import { useState, type FormEvent } from 'react';
import { queueAge } from '../../../core/queueAge.ts';
import { useClient } from '../../apiContext.tsx';
import { useCall } from '../../hooks/useCall.ts';
import type { QueueFilter } from './queueFilter.ts';
import './savedViews.css';

const sameFilter = (a: QueueFilter, b: QueueFilter): boolean =>
  a.query === b.query && (a.platform ?? null) === (b.platform ?? null) && (a.state ?? null) === (b.state ?? null) && a.sort === b.sort;

const asInput = (f: QueueFilter) => ({ query: f.query, sort: f.sort, ...(f.platform ? { platform: f.platform } : {}), ...(f.state ? { state: f.state } : {}) });

export function SavedViews({ filter, onApply, refreshKey }: { filter: QueueFilter; onApply: (filter: QueueFilter) => void; refreshKey: number }) {
  const client = useClient();
  const [version, setVersion] = useState(0);
  const [name, setName] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const views = useCall('views.list', {}, refreshKey + version);
  const current = useCall('views.count', { filter: asInput(filter) }, refreshKey + version);
  const now = new Date();

  const save = async (event: FormEvent) => {
    event.preventDefault();
    setProblem(null);
    const reply = await client.call('views.save', { name, filter: asInput(filter) });
    if (!reply.ok) setProblem(reply.error.message);
    else setName('');
    setVersion((v) => v + 1);
  };

  const remove = async (id: string) => {
    await client.call('views.delete', { id });
    setVersion((v) => v + 1);
  };

  return (
    <div className="saved-views" role="region" aria-label="Saved views">
      <span className="saved-views__current" aria-label="Queue age">
        {current.value ? `${current.value.count.toLocaleString()} in this view · oldest open ${queueAge(current.value.oldestOpenAt, now)}` : '…'}
      </span>
      <ul className="saved-views__list">
        {(views.value ?? []).map((v) => {
          const applied: QueueFilter = { query: v.filter.query, platform: v.filter.platform, state: v.filter.state, sort: v.filter.sort };
          return (
            <li key={v.id}>
              <button
                type="button"
                className="btn btn--small"
                aria-pressed={sameFilter(applied, filter)}
                aria-label={`${v.name}: ${v.count} items, oldest open ${queueAge(v.oldestOpenAt, now)}`}
                onClick={() => onApply(applied)}
              >
                {v.name} <span className="saved-views__count">{v.count.toLocaleString()}</span> <span className="muted">{queueAge(v.oldestOpenAt, now)}</span>
              </button>
              <button type="button" className="saved-views__delete" aria-label={`Delete view ${v.name}`} onClick={() => void remove(v.id)}>
                ×
              </button>
            </li>
          );
        })}
      </ul>
      <form className="saved-views__save" onSubmit={(e) => void save(e)}>
        <input aria-label="View name" placeholder="Name this view" value={name} onChange={(e) => setName(e.target.value)} required maxLength={80} />
        <button type="submit" className="btn btn--small">Save view</button>
      </form>
      {problem ? <span role="alert" className="error">{problem}</span> : null}
    </div>
  );
}
