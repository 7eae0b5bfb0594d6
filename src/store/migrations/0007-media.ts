// The media library: imported images (the stored copy is content-addressed by sha256 under the
// workspace's media/ folder) and one rendition per publishing target, cut around the asset's focal
// point. An asset is unique per source file and metadata choice, so importing the same photo twice
// finds the first import instead of copying it again.
import type { Migration } from './types.ts';

export const media: Migration = {
  version: 7,
  name: 'media',
  up(db) {
    db.exec(`
      CREATE TABLE media_assets (
        id TEXT PRIMARY KEY,
        sha256 TEXT NOT NULL CHECK (length(sha256) = 64),
        source_sha256 TEXT NOT NULL CHECK (length(source_sha256) = 64),
        original_name TEXT NOT NULL,
        format TEXT NOT NULL CHECK (format IN ('jpeg', 'png', 'webp')),
        width INTEGER NOT NULL CHECK (width > 0),
        height INTEGER NOT NULL CHECK (height > 0),
        bytes INTEGER NOT NULL CHECK (bytes > 0),
        file TEXT NOT NULL,
        thumbnail_file TEXT NOT NULL,
        source_orientation INTEGER NOT NULL CHECK (source_orientation BETWEEN 1 AND 8),
        orientation_applied INTEGER NOT NULL CHECK (orientation_applied IN (0, 1)),
        metadata_stripped INTEGER NOT NULL CHECK (metadata_stripped IN (0, 1)),
        focal_x REAL NOT NULL CHECK (focal_x BETWEEN 0 AND 1),
        focal_y REAL NOT NULL CHECK (focal_y BETWEEN 0 AND 1),
        alt_text TEXT NOT NULL DEFAULT '',
        actor TEXT NOT NULL,
        device_id TEXT NOT NULL,
        created_at TEXT NOT NULL,
        UNIQUE (source_sha256, metadata_stripped)
      ) STRICT;
      CREATE INDEX media_assets_created ON media_assets (created_at DESC, id DESC);
      CREATE TABLE media_renditions (
        asset_id TEXT NOT NULL REFERENCES media_assets(id) ON DELETE CASCADE,
        target TEXT NOT NULL,
        ratio TEXT NOT NULL,
        width INTEGER NOT NULL CHECK (width > 0),
        height INTEGER NOT NULL CHECK (height > 0),
        file TEXT NOT NULL,
        sha256 TEXT NOT NULL CHECK (length(sha256) = 64),
        focal_x REAL NOT NULL CHECK (focal_x BETWEEN 0 AND 1),
        focal_y REAL NOT NULL CHECK (focal_y BETWEEN 0 AND 1),
        rendered_at TEXT NOT NULL,
        PRIMARY KEY (asset_id, target)
      ) STRICT;
      CREATE INDEX media_renditions_file ON media_renditions (file);
    `);
  },
};
