// Publishing jobs: one row per attempt to publish a post to a target, made in the transaction that
// moves the post to 'publishing'. It holds the idempotency key and the platform's container ids
// (progress), written before each step that depends on them, so a killed run resumes from them and
// reads the platform's state before it sends media_publish again. Instagram product ids found by
// catalog_product_search are cached per account and retailer id (the catalog product's SKU).
import type { Migration } from './types.ts';

export const publishJobs: Migration = {
  version: 12,
  name: 'publish-jobs',
  up(db) {
    db.exec(`
      CREATE TABLE publish_jobs (
        id TEXT PRIMARY KEY,
        post_id TEXT NOT NULL REFERENCES posts(id) ON DELETE CASCADE,
        target TEXT NOT NULL,
        account_id TEXT,
        idempotency_key TEXT NOT NULL UNIQUE,
        state TEXT NOT NULL CHECK (state IN ('pending', 'sending', 'done', 'failed')),
        progress TEXT NOT NULL CHECK (json_valid(progress)),
        attempts INTEGER NOT NULL DEFAULT 0 CHECK (attempts >= 0),
        next_attempt_at TEXT,
        remote_id TEXT,
        permalink TEXT,
        failure TEXT,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
      ) STRICT;
      CREATE INDEX publish_jobs_open ON publish_jobs (state, next_attempt_at) WHERE state IN ('pending', 'sending');
      CREATE UNIQUE INDEX publish_jobs_one_open ON publish_jobs (post_id, target) WHERE state IN ('pending', 'sending');
      CREATE TABLE platform_product_ids (
        account_id TEXT NOT NULL,
        retailer_id TEXT NOT NULL,
        product_id TEXT NOT NULL,
        review_status TEXT,
        fetched_at TEXT NOT NULL,
        PRIMARY KEY (account_id, retailer_id)
      ) STRICT, WITHOUT ROWID;
    `);
  },
};
