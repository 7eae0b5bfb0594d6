// The queue's counts and filtered pages at a million items. Every queue page counts its matches;
// with only (state, created_at, id) and (platform, ...) indexes, "open items" counted through the
// wide created-at index (~90 ms at 1M items) and "open Reddit items" walked the table row by row
// (~260 ms). A bare (state) index is the narrowest one SQLite can count with (a plain COUNT(*) uses
// it too), and (platform, state, created_at, id) answers the platform + state filter's count and
// its newest-first page from the index alone. Measured by the queue bench (src/backend/bench).
import type { Migration } from './types.ts';

export const queueCounts: Migration = {
  version: 22,
  name: 'queue-counts',
  up(db) {
    db.exec(`
      CREATE INDEX items_state ON items (state);
      CREATE INDEX items_platform_state_created ON items (platform, state, created_at DESC, id DESC);
    `);
  },
};
