// The workspace: settings, accounts (secrets apart, encrypted), the content we moderate, what
// models and people said about it, and an append-only, hash-chained audit log.
import type { Migration } from './types.ts';

export const initial: Migration = {
  version: 1,
  name: 'initial',
  up(db) {
    db.exec(`
      CREATE TABLE settings (
        key TEXT PRIMARY KEY,
        value TEXT NOT NULL CHECK (json_valid(value))
      ) STRICT;

      CREATE TABLE accounts (
        id TEXT PRIMARY KEY,
        platform TEXT NOT NULL,
        base_url TEXT NOT NULL,
        display_name TEXT NOT NULL,
        created_at TEXT NOT NULL
      ) STRICT;

      -- Secrets live apart from accounts and only as ciphertext; the key never enters this file.
      CREATE TABLE account_secrets (
        account_id TEXT PRIMARY KEY REFERENCES accounts(id) ON DELETE CASCADE,
        scheme TEXT NOT NULL,
        ciphertext BLOB NOT NULL,
        updated_at TEXT NOT NULL
      ) STRICT;

      CREATE TABLE communities (
        id TEXT PRIMARY KEY,
        account_id TEXT REFERENCES accounts(id) ON DELETE SET NULL,
        platform TEXT NOT NULL,
        remote_id TEXT NOT NULL,
        name TEXT NOT NULL,
        UNIQUE (platform, remote_id)
      ) STRICT;

      CREATE TABLE authors (
        id TEXT PRIMARY KEY,
        platform TEXT NOT NULL,
        remote_id TEXT NOT NULL,
        name TEXT NOT NULL,
        UNIQUE (platform, remote_id)
      ) STRICT;

      CREATE TABLE items (
        id TEXT PRIMARY KEY,
        platform TEXT NOT NULL,
        remote_id TEXT NOT NULL,
        kind TEXT NOT NULL CHECK (kind IN ('post', 'comment', 'caption')),
        account_id TEXT REFERENCES accounts(id) ON DELETE SET NULL,
        community_id TEXT REFERENCES communities(id) ON DELETE SET NULL,
        author_id TEXT REFERENCES authors(id) ON DELETE SET NULL,
        parent_remote_id TEXT,
        title TEXT,
        body TEXT NOT NULL,
        url TEXT,
        created_at TEXT NOT NULL,
        fetched_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        state TEXT NOT NULL DEFAULT 'open'
          CHECK (state IN ('open', 'approved', 'removed', 'spam', 'ignored')),
        raw TEXT NOT NULL CHECK (json_valid(raw)),
        UNIQUE (platform, remote_id)
      ) STRICT;
      CREATE INDEX items_created ON items (created_at DESC, id DESC);
      CREATE INDEX items_state_created ON items (state, created_at DESC, id DESC);
      CREATE INDEX items_platform_created ON items (platform, created_at DESC, id DESC);

      CREATE TABLE reports (
        item_id TEXT NOT NULL REFERENCES items(id) ON DELETE CASCADE,
        source TEXT NOT NULL CHECK (source IN ('user', 'moderator', 'automatic')),
        reason TEXT NOT NULL,
        count INTEGER NOT NULL CHECK (count >= 0),
        PRIMARY KEY (item_id, source, reason)
      ) STRICT;

      -- The current score per item and model, with the version that produced it.
      CREATE TABLE scores (
        item_id TEXT NOT NULL REFERENCES items(id) ON DELETE CASCADE,
        model TEXT NOT NULL,
        model_version TEXT NOT NULL,
        score REAL NOT NULL CHECK (score >= 0 AND score <= 1),
        evidence TEXT NOT NULL CHECK (json_valid(evidence)),
        scored_at TEXT NOT NULL,
        PRIMARY KEY (item_id, model)
      ) STRICT;
      CREATE INDEX scores_model_score ON scores (model, score DESC);

      -- Append-only: a changed mind is a new decision, never an edit.
      CREATE TABLE decisions (
        id TEXT PRIMARY KEY,
        item_id TEXT NOT NULL REFERENCES items(id),
        action TEXT NOT NULL,
        reason TEXT,
        params TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(params)),
        actor TEXT NOT NULL,
        device_id TEXT NOT NULL,
        created_at TEXT NOT NULL
      ) STRICT;
      CREATE INDEX decisions_item ON decisions (item_id, created_at);
      CREATE TRIGGER decisions_no_update BEFORE UPDATE ON decisions
        BEGIN SELECT RAISE(ABORT, 'decisions are append-only'); END;
      CREATE TRIGGER decisions_no_delete BEFORE DELETE ON decisions
        BEGIN SELECT RAISE(ABORT, 'decisions are append-only'); END;

      CREATE TABLE notes (
        id TEXT PRIMARY KEY,
        item_id TEXT NOT NULL REFERENCES items(id),
        body TEXT NOT NULL,
        actor TEXT NOT NULL,
        device_id TEXT NOT NULL,
        created_at TEXT NOT NULL
      ) STRICT;
      CREATE INDEX notes_item ON notes (item_id, created_at);

      CREATE TABLE audit_log (
        seq INTEGER PRIMARY KEY,
        id TEXT NOT NULL UNIQUE,
        at TEXT NOT NULL,
        actor TEXT NOT NULL,
        device_id TEXT NOT NULL,
        action TEXT NOT NULL,
        subject TEXT,
        details TEXT NOT NULL CHECK (json_valid(details)),
        prev_hash TEXT NOT NULL,
        hash TEXT NOT NULL
      ) STRICT;
      CREATE TRIGGER audit_no_update BEFORE UPDATE ON audit_log
        BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
      CREATE TRIGGER audit_no_delete BEFORE DELETE ON audit_log
        BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
    `);
  },
};
