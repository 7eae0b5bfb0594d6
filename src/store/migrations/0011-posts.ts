// Studio posts: a draft for one or more targets (caption, Pinterest title and link, the
// paid-partnership label and brand partner, a schedule time), its images in order with alt text,
// product tags placed on an image (x, y from the top-left, 0..1), and every saved version of the
// content, so undo works across restarts. Media assets and catalog products are referenced by id
// and checked by the backend (no foreign keys into the library and catalog, which own their rows).
import type { Migration } from './types.ts';

export const posts: Migration = {
  version: 11,
  name: 'posts',
  up(db) {
    db.exec(`
      CREATE TABLE posts (
        id TEXT PRIMARY KEY,
        state TEXT NOT NULL CHECK (state IN ('draft', 'valid', 'scheduled', 'publishing', 'published', 'failed')),
        targets TEXT NOT NULL CHECK (json_valid(targets) AND json_array_length(targets) >= 1),
        caption TEXT NOT NULL,
        title TEXT,
        link TEXT,
        paid_partnership INTEGER NOT NULL CHECK (paid_partnership IN (0, 1)),
        brand_partner TEXT,
        scheduled_at TEXT,
        permalink TEXT,
        failure TEXT,
        revision INTEGER NOT NULL CHECK (revision >= 1),
        actor TEXT NOT NULL,
        device_id TEXT NOT NULL,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
      ) STRICT;
      CREATE INDEX posts_updated ON posts (updated_at DESC, id DESC);
      CREATE TABLE post_media (
        post_id TEXT NOT NULL REFERENCES posts(id) ON DELETE CASCADE,
        position INTEGER NOT NULL CHECK (position >= 0),
        asset_id TEXT NOT NULL,
        alt_text TEXT NOT NULL DEFAULT '',
        crop TEXT,
        PRIMARY KEY (post_id, position)
      ) STRICT, WITHOUT ROWID;
      CREATE INDEX post_media_asset ON post_media (asset_id);
      CREATE TABLE post_product_tags (
        post_id TEXT NOT NULL REFERENCES posts(id) ON DELETE CASCADE,
        seq INTEGER NOT NULL CHECK (seq >= 0),
        media_index INTEGER NOT NULL CHECK (media_index >= 0),
        product_id TEXT NOT NULL,
        x REAL NOT NULL CHECK (x BETWEEN 0 AND 1),
        y REAL NOT NULL CHECK (y BETWEEN 0 AND 1),
        PRIMARY KEY (post_id, seq)
      ) STRICT, WITHOUT ROWID;
      CREATE TABLE post_revisions (
        post_id TEXT NOT NULL REFERENCES posts(id) ON DELETE CASCADE,
        revision INTEGER NOT NULL CHECK (revision >= 1),
        content TEXT NOT NULL CHECK (json_valid(content)),
        actor TEXT NOT NULL,
        device_id TEXT NOT NULL,
        at TEXT NOT NULL,
        PRIMARY KEY (post_id, revision)
      ) STRICT, WITHOUT ROWID;
    `);
  },
};
