// The queue's columns: what a moderator scans first (state, text with who/where under it,
// reports, model scores), then when it was posted. Content takes whatever width is left. A title
// that only repeats the body is left out; copies of the same text are counted ("3 copies").
import { createColumnHelper } from '@tanstack/react-table';
import { splitSnippet } from '../../../core/highlight.ts';
import { titleRepeatsBody } from '../../../core/textKey.ts';
import { ScoreCell } from '../../components/ScoreCell.tsx';
import type { QueueRow } from './useQueuePages.ts';

const column = createColumnHelper<QueueRow>();

/** Column size 0 marks the flexible column (see QueueTable). */
export const FLEXIBLE = 0;

const formatDate = (iso: string): string => {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : date.toLocaleDateString(undefined, { dateStyle: 'medium' });
};

function ContentCell({ row }: { row: QueueRow }) {
  const text = row.snippet
    ? splitSnippet(row.snippet).map((part, i) => (part.match ? <mark key={i}>{part.text}</mark> : part.text))
    : row.body;
  return (
    <span className="content-cell">
      <span className="content-cell__text">
        {row.title && !titleRepeatsBody(row.title, row.body) ? <strong>{row.title} </strong> : null}
        {text}
      </span>
      <span className="content-cell__meta">
        {row.copies > 1 ? <span className="copies-badge">{row.copies} copies · </span> : null}
        {row.author ?? 'unknown author'} · {row.community ?? row.platform} · {row.platform} {row.kind}
      </span>
    </span>
  );
}

export const queueColumns = [
  column.accessor('state', { header: 'State', size: 84, cell: (c) => <span className={`state state--${c.getValue()}`}>{c.getValue()}</span> }),
  column.display({ id: 'content', header: 'Content', size: FLEXIBLE, cell: (c) => <ContentCell row={c.row.original} /> }),
  column.accessor('reportCount', { header: 'Reports', size: 72 }),
  column.accessor((row) => row.scores.spam, { id: 'spam', header: 'Spam', size: 92, cell: (c) => <ScoreCell value={c.getValue()} label="Spam" /> }),
  column.accessor((row) => row.scores.toxicity, { id: 'toxicity', header: 'Toxic', size: 92, cell: (c) => <ScoreCell value={c.getValue()} label="Toxicity" /> }),
  column.accessor((row) => row.scores.undisclosed_sponsorship, {
    id: 'undisclosed',
    header: 'Undisclosed ad',
    size: 112,
    cell: (c) => <ScoreCell value={c.getValue()} label="Undisclosed sponsorship" />,
  }),
  column.accessor('createdAt', { header: 'Posted', size: 112, cell: (c) => formatDate(c.getValue()) }),
];
