// The queue's columns: what a moderator scans first (state, text, reports, scores), then where
// and when it was posted.
import { createColumnHelper } from '@tanstack/react-table';
import { ScoreCell } from '../../components/ScoreCell.tsx';
import type { QueueRow } from './useQueuePages.ts';

const column = createColumnHelper<QueueRow>();

const formatDate = (iso: string): string => {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : date.toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });
};

export const queueColumns = [
  column.accessor('state', { header: 'State', size: 90, cell: (c) => <span className={`state state--${c.getValue()}`}>{c.getValue()}</span> }),
  column.accessor('platform', { header: 'Platform', size: 100 }),
  column.display({
    id: 'text',
    header: 'Content',
    size: 520,
    cell: (c) => {
      const row = c.row.original;
      return (
        <span className="content-cell">
          {row.title ? <strong>{row.title} </strong> : null}
          {row.snippet ?? row.body}
        </span>
      );
    },
  }),
  column.accessor('author', { header: 'Author', size: 150, cell: (c) => c.getValue() ?? <span className="muted">unknown</span> }),
  column.accessor('community', { header: 'Community', size: 200, cell: (c) => c.getValue() ?? '' }),
  column.accessor('reportCount', { header: 'Reports', size: 80 }),
  column.accessor((row) => row.scores.spam, { id: 'spam', header: 'Spam', size: 90, cell: (c) => <ScoreCell value={c.getValue()} label="Spam" /> }),
  column.accessor((row) => row.scores.toxicity, { id: 'toxicity', header: 'Toxicity', size: 90, cell: (c) => <ScoreCell value={c.getValue()} label="Toxicity" /> }),
  column.accessor((row) => row.scores.undisclosed_sponsorship, {
    id: 'undisclosed',
    header: 'Undisclosed ad',
    size: 120,
    cell: (c) => <ScoreCell value={c.getValue()} label="Undisclosed sponsorship" />,
  }),
  column.accessor('createdAt', { header: 'Posted', size: 170, cell: (c) => formatDate(c.getValue()) }),
];
