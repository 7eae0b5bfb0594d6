// Lookups for the audit log view (#9): the log grows without bound and is read filtered by
// moderator and by action family, newest first, and joined to the item an entry is about (its
// community). Without these every page of the view scans the whole log.
import type { Migration } from './types.ts';

export const auditLogLookups: Migration = {
  version: 19,
  name: 'audit-log-lookups',
  up(db) {
    db.exec(`
      CREATE INDEX audit_log_actor ON audit_log (actor, seq);
      CREATE INDEX audit_log_action ON audit_log (action, seq);
      CREATE INDEX audit_log_subject ON audit_log (subject) WHERE subject IS NOT NULL;
    `);
  },
};
