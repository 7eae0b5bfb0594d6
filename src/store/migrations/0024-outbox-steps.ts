// The progress of an outbox entry made of several platform calls (a Reddit removal, then its
// reason, mod note and removal message): {"step": "sent" | "done"}. Kept on the entry so an attempt
// after a crash sends only what is missing, and a step whose request left without a recorded
// answer is known as such instead of being sent twice.
import type { Migration } from './types.ts';

export const outboxSteps: Migration = {
  version: 24,
  name: 'outbox-steps',
  up(db) {
    db.exec(`ALTER TABLE outbox ADD COLUMN steps TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(steps) AND json_type(steps) = 'object');`);
  },
};
