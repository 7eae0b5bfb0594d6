// Performance marks for the queue's own timings (read by the queue bench in src/backend/bench):
// when a key was pressed, and when the rows, the moved selection or the next item had been painted. A mark "after
// paint" is set from a task queued in the next animation frame, i.e. once that frame is drawn.
// Cheap enough to stay on: a few marks per key press, trimmed so a day of triage keeps no backlog.
export const QUEUE_MARKS = {
  key: 'stoa:queue:key',
  rowsPainted: 'stoa:queue:rows-painted',
  itemPainted: 'stoa:queue:item-painted',
  selectionPainted: 'stoa:queue:selection-painted',
} as const;

const KEEP = 500;

function trim(name: string): void {
  if (performance.getEntriesByName(name, 'mark').length > KEEP) performance.clearMarks(name);
}

/** The moment the key reached the page (the event's own time stamp, not when a handler ran). */
export function markKey(event: KeyboardEvent): void {
  trim(QUEUE_MARKS.key);
  performance.mark(QUEUE_MARKS.key, { startTime: event.timeStamp, detail: event.key });
}

/** Marks `name` once the frame after this call has been painted; `detail` says what was shown. */
export function markAfterPaint(name: string, detail: string): void {
  requestAnimationFrame(() => {
    setTimeout(() => {
      trim(name);
      performance.mark(name, { detail });
    }, 0);
  });
}
