// Rights requests: a post made from a community item (a customer's photo post or review) asks the
// author for permission first. One row per post: who the author is and where, the editable message
// template, the brand it is sent for, when and how it was sent, and the status (asked, granted,
// refused) with who set it last and on which device. Every change is also in the audit log.
import type { Migration } from './types.ts';

export const rightsRequests: Migration = {
  version: 14,
  name: 'rights-requests',
  up(db) {
    db.exec(`
      CREATE TABLE rights_requests (
        id TEXT PRIMARY KEY,
        item_id TEXT NOT NULL REFERENCES items(id),
        post_id TEXT NOT NULL UNIQUE REFERENCES posts(id) ON DELETE CASCADE,
        author TEXT NOT NULL,
        platform TEXT NOT NULL,
        community TEXT,
        link TEXT,
        brand TEXT NOT NULL,
        template TEXT NOT NULL,
        message_sent TEXT,
        sent_via TEXT CHECK (sent_via IN ('manual', 'outbox')),
        sent_at TEXT,
        status TEXT NOT NULL CHECK (status IN ('asked', 'granted', 'refused')),
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        actor TEXT NOT NULL,
        device_id TEXT NOT NULL,
        CHECK ((message_sent IS NULL) = (sent_at IS NULL))
      ) STRICT;
      CREATE INDEX rights_requests_item ON rights_requests (item_id);
      CREATE INDEX rights_requests_status ON rights_requests (status, updated_at);
    `);
  },
};
