// Removal reasons and macros per community (core/removalTemplates.ts): the texts with their
// placeholders, the optional message, note and ban, and the platform's own reason id where the
// community has one. community_id NULL: offered in every community. Ordered by position, which is
// the digit a moderator presses (1 = first offered).
import type { Migration } from './types.ts';

export const removalTemplates: Migration = {
  version: 20,
  name: 'removal-templates',
  up(db) {
    db.exec(`
      CREATE TABLE removal_templates (
        id TEXT PRIMARY KEY,
        community_id TEXT REFERENCES communities(id) ON DELETE CASCADE,
        title TEXT NOT NULL CHECK (length(title) BETWEEN 1 AND 100),
        rule TEXT NOT NULL DEFAULT '',
        reason TEXT NOT NULL,
        message TEXT,
        note TEXT,
        ban_days INTEGER CHECK (ban_days IS NULL OR ban_days BETWEEN 0 AND 999),
        remote_reason_id TEXT,
        position INTEGER NOT NULL,
        actor TEXT NOT NULL,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
      ) STRICT;
      CREATE INDEX removal_templates_community ON removal_templates (community_id, position);
    `);
  },
};
