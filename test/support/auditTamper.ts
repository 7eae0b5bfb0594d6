// What someone with the workspace file can do to its audit log: a second connection, the
// append-only triggers dropped, then SQL of their choosing, and optionally every hash recomputed
// from one entry on, as a forger would (the chain's hash function is public).
import BetterSqlite3 from 'better-sqlite3';
import { createHash } from 'node:crypto';
import { GENESIS_HASH } from '../../src/store/audit.ts';

export function tamperWithAuditLog(file: string, sql: string, rehashFrom?: number): void {
  const other = new BetterSqlite3(file);
  try {
    other.exec('DROP TRIGGER IF EXISTS audit_no_update; DROP TRIGGER IF EXISTS audit_no_delete;');
    other.exec(sql);
    if (rehashFrom !== undefined) rehash(other, rehashFrom);
  } finally {
    other.close();
  }
}

function rehash(db: BetterSqlite3.Database, from: number): void {
  const rows = db.prepare('SELECT * FROM audit_log ORDER BY seq').all() as Record<string, string | number | null>[];
  const update = db.prepare('UPDATE audit_log SET prev_hash = ?, hash = ? WHERE seq = ?');
  let prev = GENESIS_HASH;
  for (const row of rows) {
    if (Number(row['seq']) < from) {
      prev = String(row['hash']);
      continue;
    }
    const canonical = JSON.stringify([row['seq'], row['id'], row['at'], row['actor'], row['device_id'], row['action'], row['subject'], row['details'], prev]);
    const hash = createHash('sha256').update(canonical).digest('hex');
    update.run(prev, hash, row['seq']);
    prev = hash;
  }
}
