// Lookups a compliance scan makes for every post: "is there a snapshot of this exact content
// version?" (before reading a thumbnail, and in ensureSnapshot) and "which scan saw this version?"
// (when a verdict is recorded). Without these indexes both walk every snapshot or scan of the post.
import type { Migration } from './types.ts';

export const complianceLookups: Migration = {
  version: 17,
  name: 'compliance-lookups',
  up(db) {
    db.exec(`
      CREATE INDEX compliance_snapshots_version ON compliance_snapshots (post_id, content_sha256, captured_at);
      CREATE INDEX compliance_scans_version ON compliance_scans (post_id, sha256, scanned_at);
    `);
  },
};
