// The queue as a virtualized grid: only the rows on screen are in the DOM, so 100k items scroll
// as smoothly as 100. The page's key handler moves the selection (j/k, arrows); the grid keeps
// the selected row in view and takes focus back after every action (`gridRef`).
import { flexRender, getCoreRowModel, useReactTable } from '@tanstack/react-table';
import { useVirtualizer } from '@tanstack/react-virtual';
import { memo, useEffect, useLayoutEffect, useRef, type Ref } from 'react';
import type { Row } from '@tanstack/react-table';
import { FLEXIBLE, queueColumns } from './queueColumns.tsx';
import type { QueueRow } from './useQueuePages.ts';
import { QUEUE_MARKS, markAfterPaint } from './paintMarks.ts';
import { readAhead } from './itemRecords.ts';
import { afterPaint } from './afterPaint.ts';
import { useClient } from '../../apiContext.tsx';

const ROW_HEIGHT = 54;

interface Props {
  readonly rows: QueueRow[];
  readonly selectedId: string | null;
  readonly onSelect: (id: string) => void;
  readonly onNearEnd: () => void;
  readonly gridRef?: Ref<HTMLDivElement>;
}

export function QueueTable({ rows, selectedId, onSelect, onNearEnd, gridRef }: Props) {
  const table = useReactTable({ data: rows, columns: queueColumns, getCoreRowModel: getCoreRowModel(), getRowId: (row) => row.id });
  const scroller = useRef<HTMLDivElement>(null);
  // No flushSync on scroll: keeping the selection in view scrolls the list, and a synchronous re-render
  // inside that frame would hold back the paint of the item the key moved to (overscan covers the gap).
  const virtualizer = useVirtualizer({ count: rows.length, getScrollElement: () => scroller.current, estimateSize: () => ROW_HEIGHT, overscan: 12, useFlushSync: false });
  const virtualRows = virtualizer.getVirtualItems();
  const lastVisible = virtualRows.at(-1)?.index ?? 0;
  const rowsMarked = useRef(false);

  useEffect(() => {
    if (rows.length === 0 || rowsMarked.current) return;
    rowsMarked.current = true; // the first rows on screen: the queue's first paint
    markAfterPaint(QUEUE_MARKS.rowsPainted, String(rows.length));
  }, [rows.length]);

  useEffect(() => {
    if (rows.length > 0 && lastVisible >= rows.length - 40) onNearEnd();
  }, [lastVisible, rows.length, onNearEnd]);

  const widths = table.getVisibleFlatColumns().map((c) => (c.columnDef.size === FLEXIBLE ? 'minmax(200px, 1fr)' : `${c.getSize()}px`)).join(' ');
  const selectedIndex = rows.findIndex((r) => r.id === selectedId);

  // Keeps the selected row in view from what the virtualizer already knows (rows are ROW_HEIGHT
  // tall, its offset and viewport come from scroll and resize events): scrollToIndex reads the
  // scroll height, which forces a layout in the middle of a key press. The scroll itself is set in
  // the next animation frame, where the frame's own layout is due anyway (set during the key press
  // it would force one more).
  useEffect(() => {
    const element = scroller.current;
    if (selectedIndex < 0 || !element) return undefined;
    const top = selectedIndex * ROW_HEIGHT;
    const viewTop = virtualizer.scrollOffset ?? 0;
    const viewHeight = virtualizer.scrollRect?.height ?? 0;
    const target = top < viewTop ? top : top + ROW_HEIGHT > viewTop + viewHeight ? top + ROW_HEIGHT - viewHeight : null;
    if (target === null) return undefined;
    const frame = requestAnimationFrame(() => {
      element.scrollTop = target;
    });
    return () => cancelAnimationFrame(frame);
  }, [selectedIndex, virtualizer]);

  // In the task that changed the DOM, so the frame it waits for is the one showing the selection.
  useLayoutEffect(() => {
    if (selectedId) markAfterPaint(QUEUE_MARKS.selectionPainted, selectedId);
  }, [selectedId]);

  // The neighbours' records, so the next j or k shows its item without waiting (itemRecords.ts).
  const client = useClient();
  const before = rows[selectedIndex - 1]?.id;
  const after = rows[selectedIndex + 1]?.id ?? (selectedIndex < 0 ? rows[0]?.id : undefined);
  useEffect(
    () =>
      afterPaint(() => {
        for (const id of [after, before]) if (id) readAhead(client, id);
      }),
    [after, before, client],
  );

  return (
    <div ref={gridRef} className="queue-table" role="grid" aria-label="Queue" aria-rowcount={rows.length} tabIndex={0}>
      <div className="queue-table__head" role="rowgroup">
        {table.getHeaderGroups().map((group) => (
          <div key={group.id} role="row" className="queue-table__row queue-table__row--head" style={{ gridTemplateColumns: widths }}>
            {group.headers.map((header) => (
              <div key={header.id} role="columnheader" className="queue-table__cell">
                {flexRender(header.column.columnDef.header, header.getContext())}
              </div>
            ))}
          </div>
        ))}
      </div>
      <div ref={scroller} className="queue-table__body" role="rowgroup">
        <div className="queue-table__spacer" style={{ height: virtualizer.getTotalSize() }}>
          {virtualRows.map((virtualRow) => {
            const row = table.getRowModel().rows[virtualRow.index];
            if (!row) return null;
            return <GridRow key={row.id} row={row} index={virtualRow.index} start={virtualRow.start} widths={widths} selected={row.id === selectedId} onSelect={onSelect} />;
          })}
        </div>
      </div>
    </div>
  );
}

interface GridRowProps {
  readonly row: Row<QueueRow>;
  readonly index: number;
  readonly start: number;
  readonly widths: string;
  readonly selected: boolean;
  readonly onSelect: (id: string) => void;
}

// Memoized: a key press that moves the selection re-renders the two rows it touches, not every
// row on screen (the queue bench measures key press to paint).
const GridRow = memo(function GridRow({ row, index, start, widths, selected, onSelect }: GridRowProps) {
  return (
    <div
      role="row"
      aria-rowindex={index + 1}
      aria-selected={selected}
      className={`queue-table__row${selected ? ' is-selected' : ''}`}
      style={{ transform: `translateY(${start}px)`, gridTemplateColumns: widths }}
      onClick={() => onSelect(row.id)}
    >
      {row.getVisibleCells().map((cell) => (
        <div key={cell.id} role="gridcell" className="queue-table__cell">
          {flexRender(cell.column.columnDef.cell, cell.getContext())}
        </div>
      ))}
    </div>
  );
});
