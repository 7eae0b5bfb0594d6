// The queue's columns: what a moderator scans first (state, text with who/where under it,
// reports, model scores), then when it was posted. Content takes whatever width is left: the
// other columns are narrow and fixed (sized for their widest value at 12 px, see queue.css), so at
// 1280 px beside the item pane the table never scrolls sideways. What does not fit is cut with an
// ellipsis and kept whole in a title tooltip. A title that only repeats the body is left out;
// copies of the same text are counted ("3 copies"). An item another team member has open on the
// team hub says so ("Ana is looking").
import { createColumnHelper } from '@tanstack/react-table';
import { splitSnippet } from '../../../core/highlight.ts';
import { titleRepeatsBody } from '../../../core/textKey.ts';
import { ScoreCell } from '../../components/ScoreCell.tsx';
import { ClaimChip } from '../hub/ClaimChip.tsx';
import type { QueueRow } from './useQueuePages.ts';

const column = createColumnHelper<QueueRow>();

/** Column size 0 marks the flexible column (see QueueTable). */
export const FLEXIBLE = 0;

// One formatter for every cell: toLocaleDateString builds a new one per call.
const DATE_FORMAT = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium' });
const formatDate = (iso: string): string => {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : DATE_FORMAT.format(date);
};

function ContentCell({ row }: { row: QueueRow }) {
  const text = row.snippet
    ? splitSnippet(row.snippet).map((part, i) => (part.match ? <mark key={i}>{part.text}</mark> : part.text))
    : row.body;
  const shownTitle = row.title && !titleRepeatsBody(row.title, row.body) ? row.title : null;
  const meta = `${row.author ?? 'unknown author'} · ${row.community ?? row.platform} · ${row.platform} ${row.kind}`;
  return (
    <span className="content-cell">
      <span className="content-cell__text" title={shownTitle ? `${shownTitle}\n${row.body}` : row.body}>
        {shownTitle ? <strong>{shownTitle} </strong> : null}
        {text}
      </span>
      <span className="content-cell__meta" title={meta}>
        <ClaimChip itemId={row.id} />
        {row.copies > 1 ? <span className="copies-badge">{row.copies} copies · </span> : null}
        {meta}
      </span>
    </span>
  );
}

/** A header cut to fit its narrow column, whole in its tooltip. */
const narrowHeader = (text: string, full = text) => () => <span title={full}>{text}</span>;

export const queueColumns = [
  column.accessor('state', { header: narrowHeader('State'), size: 84, cell: (c) => <span className={`state state--${c.getValue()}`}>{c.getValue()}</span> }),
  column.display({ id: 'content', header: 'Content', size: FLEXIBLE, cell: (c) => <ContentCell row={c.row.original} /> }),
  column.accessor('reportCount', { header: narrowHeader('Reports'), size: 72 }),
  column.accessor((row) => row.scores.spam, { id: 'spam', header: narrowHeader('Spam'), size: 76, cell: (c) => <ScoreCell value={c.getValue()} label="Spam" /> }),
  column.accessor((row) => row.scores.toxicity, { id: 'toxicity', header: narrowHeader('Toxic', 'Toxicity'), size: 76, cell: (c) => <ScoreCell value={c.getValue()} label="Toxicity" /> }),
  column.accessor((row) => row.scores.undisclosed_sponsorship, {
    id: 'undisclosed',
    header: narrowHeader('Undisclosed ad', 'Undisclosed sponsorship'),
    size: 76,
    cell: (c) => <ScoreCell value={c.getValue()} label="Undisclosed sponsorship" />,
  }),
  column.accessor('createdAt', {
    header: narrowHeader('Posted'),
    size: 96,
    cell: (c) => <span title={c.getValue()}>{formatDate(c.getValue())}</span>,
  }),
];
