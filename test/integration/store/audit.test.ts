import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { appendAudit, verifyAudit } from '../../../src/store/audit.ts';
import { openDatabase } from '../../../src/store/open.ts';
import { fixedClock } from '../../support/fixedClock.ts';
import { useTempDir } from '../../support/tempDir.ts';

const tempDir = useTempDir();
const who = { actor: 'mod@example', deviceId: 'device-1' };

function logWithEntries(n: number) {
  const db = openDatabase(join(tempDir(), 'w.sqlite'));
  const clock = fixedClock();
  for (let i = 0; i < n; i += 1) {
    appendAudit(db, { ...who, action: 'decision.remove', subject: `item-${i}`, details: { reason: `rule ${i}` } }, clock);
    clock.advance(1000);
  }
  return db;
}

/** Tampering needs the append-only triggers out of the way, as an attacker with the file would do. */
function tamper(db: ReturnType<typeof openDatabase>, sql: string): void {
  db.exec('DROP TRIGGER audit_no_update; DROP TRIGGER audit_no_delete;');
  db.exec(sql);
}

describe('audit log', () => {
  it('verifies an intact chain', () => {
    const db = logWithEntries(5);
    expect(verifyAudit(db)).toEqual({ ok: true, checked: 5, firstBadSeq: null, problem: null });
    db.close();
  });

  it('refuses edits and deletes through SQL', () => {
    const db = logWithEntries(2);
    expect(() => db.exec("UPDATE audit_log SET actor = 'someone else' WHERE seq = 1")).toThrow(/append-only/);
    expect(() => db.exec('DELETE FROM audit_log WHERE seq = 1')).toThrow(/append-only/);
    db.close();
  });

  it('reports the first changed row', () => {
    const db = logWithEntries(5);
    tamper(db, `UPDATE audit_log SET details = '{"reason":"rule 99"}' WHERE seq = 3`);
    expect(verifyAudit(db)).toMatchObject({ ok: false, checked: 2, firstBadSeq: 3, problem: 'entry 3 was changed after it was written' });
    db.close();
  });

  it('reports a deleted row', () => {
    const db = logWithEntries(5);
    tamper(db, 'DELETE FROM audit_log WHERE seq = 2');
    expect(verifyAudit(db)).toMatchObject({ ok: false, firstBadSeq: 3, problem: 'entry 2 is missing (next entry is 3)' });
    db.close();
  });

  it('reports a row whose hash was recomputed but no longer follows its predecessor', () => {
    const db = logWithEntries(3);
    tamper(db, "UPDATE audit_log SET prev_hash = '" + 'f'.repeat(64) + "' WHERE seq = 2");
    expect(verifyAudit(db)).toMatchObject({ ok: false, firstBadSeq: 2 });
    db.close();
  });
});
