// Search, platform, state and ordering controls above the queue. `/` focuses the search box
// (searchRef); words in quotes search as a phrase, #tag as a hashtag.
import type { Ref } from 'react';
import { ITEM_STATES, PLATFORMS } from '../../../core/domain.ts';
import { QUEUE_SORTS, type QueueSort } from '../../../core/queueSort.ts';
import type { QueueFilter } from './useQueuePages.ts';

const SORT_LABELS: Record<QueueSort, string> = {
  newest: 'Newest first',
  oldest: 'Oldest first',
  most_reported: 'Most reported',
  'score:spam': 'Spam score',
  'score:toxicity': 'Toxicity score',
  'score:undisclosed_sponsorship': 'Undisclosed ad score',
  'score:commercial': 'Commercial intent score',
  'score:disclosure': 'Disclosure score',
};

export function QueueFilters({ filter, onChange, searchRef }: { filter: QueueFilter; onChange: (next: QueueFilter) => void; searchRef?: Ref<HTMLInputElement> }) {
  return (
    <div className="queue-filters" role="search">
      <input
        ref={searchRef}
        type="search"
        aria-label="Search items"
        placeholder='Search text… ("exact phrase", #hashtag)   /'
        aria-keyshortcuts="/"
        value={filter.query}
        onChange={(e) => onChange({ ...filter, query: e.target.value })}
      />
      <label>
        Platform
        <select value={filter.platform ?? ''} onChange={(e) => onChange({ ...filter, platform: (e.target.value || undefined) as QueueFilter['platform'] })}>
          <option value="">All</option>
          {PLATFORMS.map((p) => <option key={p} value={p}>{p}</option>)}
        </select>
      </label>
      <label>
        State
        <select value={filter.state ?? ''} onChange={(e) => onChange({ ...filter, state: (e.target.value || undefined) as QueueFilter['state'] })}>
          <option value="">All</option>
          {ITEM_STATES.map((s) => <option key={s} value={s}>{s}</option>)}
        </select>
      </label>
      <label>
        Order
        <select value={filter.sort} disabled={filter.query.trim() !== ''} onChange={(e) => onChange({ ...filter, sort: e.target.value as QueueSort })}>
          {QUEUE_SORTS.map((s) => <option key={s} value={s}>{SORT_LABELS[s]}</option>)}
        </select>
      </label>
    </div>
  );
}
