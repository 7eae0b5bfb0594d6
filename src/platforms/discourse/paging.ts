// Offset paging that survives items leaving the queue mid-walk. /review.json pages by offset
// (PER_PAGE 10); when a reviewable ahead of our offset is handled by someone else, every later one
// shifts left and a naive walk skips one. We walk oldest-first (sort_order=created_at_asc, so new
// arrivals land at the end), re-read the last item we saw as a sentinel, and step back a page
// whenever the sentinel has moved behind us.
import type { Reviewable } from './wire.ts';

export const PER_PAGE = 10;

export interface WalkCursor {
  /** Offset just past the last reviewable we returned. */
  readonly offset: number;
  /** Sort key of that reviewable: created_at then id. */
  readonly createdAt: string;
  readonly id: number;
}

export function encodeCursor(cursor: WalkCursor): string {
  return Buffer.from(JSON.stringify(cursor)).toString('base64url');
}

export function decodeCursor(text: string | null): WalkCursor | null {
  if (!text) return null;
  try {
    const value = JSON.parse(Buffer.from(text, 'base64url').toString('utf8')) as Partial<WalkCursor>;
    if (typeof value.offset === 'number' && typeof value.createdAt === 'string' && typeof value.id === 'number') return { offset: value.offset, createdAt: value.createdAt, id: value.id };
  } catch {
    // fall through: an unreadable cursor restarts the walk rather than failing the sync
  }
  return null;
}

/** Negative when a sorts before b. */
export function compareKey(a: { createdAt: string; id: number }, b: { createdAt: string; id: number }): number {
  const time = Date.parse(a.createdAt) - Date.parse(b.createdAt);
  return time !== 0 ? time : a.id - b.id;
}

export const keyOf = (reviewable: Pick<Reviewable, 'created_at' | 'id'>) => ({ createdAt: reviewable.created_at, id: reviewable.id });

/** Where to read next: one before the cursor, so the last seen item comes back as a sentinel. */
export const probeOffset = (cursor: WalkCursor | null): number => (cursor === null ? 0 : Math.max(0, cursor.offset - 1));

/**
 * Whether the page still reaches back to the last item we saw. If its first entry is already
 * newer than the sentinel, items left the queue ahead of us and we must read an earlier page.
 */
export function reachesBack(page: readonly Pick<Reviewable, 'created_at' | 'id'>[], cursor: WalkCursor | null): boolean {
  const first = page[0];
  if (cursor === null || first === undefined) return true;
  return compareKey(keyOf(first), cursor) <= 0;
}
