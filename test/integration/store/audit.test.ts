// The audit log on real SQLite files: the hash chain catches edits in place; the anchor beside the
// database catches deleting the newest entries and recomputing the chain, tampered through a second
// connection as someone with the file would; an exported signed head catches a rolled-back anchor.
import { copyFileSync, existsSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { appendAudit, verifyAudit } from '../../../src/store/audit.ts';
import { attachAuditAnchor, flushAuditAnchor } from '../../../src/store/auditAnchor.ts';
import { exportAuditHead, verifyAgainstHead, type SignedHead } from '../../../src/store/auditHead.ts';
import { openDatabase } from '../../../src/store/open.ts';
import { tamperWithAuditLog } from '../../support/auditTamper.ts';
import { fixedClock } from '../../support/fixedClock.ts';
import { useTempDir } from '../../support/tempDir.ts';

const tempDir = useTempDir();
const who = { actor: 'mod@example', deviceId: 'device-1' };
const clock = fixedClock();

function append(db: ReturnType<typeof openDatabase>, from: number, to: number): void {
  for (let i = from; i <= to; i += 1) {
    appendAudit(db, { ...who, action: 'decision.remove', subject: `item-${i}`, details: { reason: `rule ${i}` } }, clock);
    clock.advance(1000);
  }
}

function logWithEntries(n: number) {
  const db = openDatabase(join(tempDir(), 'w.sqlite'));
  append(db, 1, n);
  return db;
}

/** A workspace folder with an anchored log of n entries, flushed as after a commit. */
function anchoredLog(n: number) {
  const dir = tempDir();
  const file = join(dir, 'workspace.sqlite');
  const files = { keyFile: join(dir, 'audit.key'), anchorFile: join(dir, 'audit-anchor.json') };
  const db = openDatabase(file);
  attachAuditAnchor(db, files);
  append(db, 1, n);
  flushAuditAnchor(db);
  return { db, file, files, dir };
}

describe('audit log chain', () => {
  it('verifies an intact chain', () => {
    const db = logWithEntries(5);
    expect(verifyAudit(db)).toMatchObject({ ok: true, status: 'unanchored', checked: 5, firstBadSeq: null, problem: null, lastSeq: 5 });
    db.close();
  });

  it('refuses edits and deletes through SQL', () => {
    const db = logWithEntries(2);
    expect(() => db.exec("UPDATE audit_log SET actor = 'someone else' WHERE seq = 1")).toThrow(/append-only/);
    expect(() => db.exec('DELETE FROM audit_log WHERE seq = 1')).toThrow(/append-only/);
    db.close();
  });

  it('reports the first changed row', () => {
    const { db, file } = anchoredLog(5);
    tamperWithAuditLog(file, `UPDATE audit_log SET details = '{"reason":"rule 99"}' WHERE seq = 3`);
    expect(verifyAudit(db)).toMatchObject({ ok: false, status: 'edited', checked: 2, firstBadSeq: 3, problem: 'entry 3 was changed after it was written' });
    db.close();
  });

  it('reports a deleted row in the middle', () => {
    const { db, file } = anchoredLog(5);
    tamperWithAuditLog(file, 'DELETE FROM audit_log WHERE seq = 2');
    expect(verifyAudit(db)).toMatchObject({ ok: false, status: 'edited', firstBadSeq: 3, problem: 'entry 2 is missing (next entry is 3)' });
    db.close();
  });
});

describe('audit log anchor', () => {
  it('is written beside the database, owner-only, and vouches for the head', () => {
    const { db, files } = anchoredLog(5);
    expect(verifyAudit(db)).toMatchObject({ ok: true, status: 'intact', checked: 5, lastSeq: 5, anchor: { seq: 5 } });
    for (const path of [files.keyFile, files.anchorFile]) expect(statSync(path).mode & 0o777).toBe(0o600);
    const hash = (db.prepare('SELECT hash FROM audit_log WHERE seq = 5').get() as { hash: string }).hash;
    expect(JSON.parse(readFileSync(files.anchorFile, 'utf8'))).toMatchObject({ head: { seq: 5, hash } });
    db.close();
  });

  it('reports deleting the newest rows as truncation (the chain alone passes)', () => {
    const { db, file } = anchoredLog(6);
    tamperWithAuditLog(file, 'DELETE FROM audit_log WHERE seq > 4');
    const unanchored = openDatabase(file);
    expect(verifyAudit(unanchored)).toMatchObject({ ok: true, status: 'unanchored', checked: 4 });
    unanchored.close();
    expect(verifyAudit(db)).toMatchObject({
      ok: false,
      status: 'truncated',
      firstBadSeq: 5,
      lastSeq: 4,
      problem: expect.stringMatching(/^the log ends at entry 4, but entry 6 was anchored on .*: the 2 newest entries were deleted$/),
    });
    db.close();
  });

  it('reports an edit with every later hash recomputed as a rewritten chain, distinct from truncation', () => {
    const { db, file } = anchoredLog(5);
    tamperWithAuditLog(file, `UPDATE audit_log SET details = '{"reason":"rule 99"}' WHERE seq = 2`, 2);
    const result = verifyAudit(db);
    expect(result).toMatchObject({ ok: false, status: 'rewritten', checked: 5, firstBadSeq: 5, lastSeq: 5 });
    expect(result.problem).toMatch(/entry 5 no longer has the hash that was anchored for it.*an entry after 1 was changed and the chain recomputed/);
    // Later appends do not bless the rewrite: the anchor's head stays where it was.
    append(db, 6, 7);
    flushAuditAnchor(db);
    expect(verifyAudit(db)).toMatchObject({ status: 'rewritten', anchor: { seq: 5 } });
    db.close();
  });

  it('is not fooled by deleting the newest rows and appending new ones in their place', () => {
    const { db, file } = anchoredLog(5);
    tamperWithAuditLog(file, 'DELETE FROM audit_log WHERE seq > 3');
    append(db, 4, 8);
    flushAuditAnchor(db);
    expect(verifyAudit(db)).toMatchObject({ ok: false, status: 'rewritten', firstBadSeq: 5, anchor: { seq: 5 } });
    db.close();
  });

  it('says when the database beside the anchor is another one (replaced, or rewritten from entry 1)', () => {
    const { db, file, files } = anchoredLog(3);
    db.close();
    rmSync(file);
    const fresh = openDatabase(file);
    attachAuditAnchor(fresh, files);
    append(fresh, 1, 2);
    flushAuditAnchor(fresh);
    expect(verifyAudit(fresh)).toMatchObject({ ok: false, status: 'rewritten', firstBadSeq: 1, problem: expect.stringMatching(/database was replaced .*move the old audit-anchor.json aside/) });
    fresh.close();
  });

  it('reports an edited or deleted anchor, and never re-creates it', () => {
    const { db, files } = anchoredLog(3);
    const anchor = JSON.parse(readFileSync(files.anchorFile, 'utf8')) as { head: { seq: number } };
    writeFileSync(files.anchorFile, JSON.stringify({ ...anchor, head: { ...anchor.head, seq: 2 } }));
    expect(verifyAudit(db)).toMatchObject({ ok: false, status: 'anchor_invalid', problem: expect.stringContaining(files.anchorFile) });
    rmSync(files.anchorFile);
    append(db, 4, 4);
    flushAuditAnchor(db);
    expect(verifyAudit(db)).toMatchObject({ ok: false, status: 'anchor_missing', problem: expect.stringContaining(`The audit anchor ${files.anchorFile} is missing`) });
    db.close();
  });

  it('reports a missing audit key, and does not make a new one', () => {
    const { db, files } = anchoredLog(3);
    rmSync(files.keyFile);
    append(db, 4, 4);
    flushAuditAnchor(db);
    expect(verifyAudit(db)).toMatchObject({ ok: false, status: 'anchor_missing', problem: `The audit key ${files.keyFile} is missing, so the audit anchor cannot be checked; restore it from a backup.` });
    expect(existsSync(files.keyFile)).toBe(false);
    db.close();
  });
});

describe('exported audit head', () => {
  it('is signed with an exportable Ed25519 key and catches a rollback of database and anchor together', () => {
    const { db, file, files, dir } = anchoredLog(3);
    const before = join(dir, 'anchor-at-3.json');
    copyFileSync(files.anchorFile, before);
    append(db, 4, 5);
    const exported = exportAuditHead(db, clock);
    if (!exported.ok) throw new Error(exported.problem);
    expect(exported.head).toMatchObject({ format: 'stoa-audit-head/1', seq: 5 });
    expect(verifyAgainstHead(db, exported.head)).toMatchObject({ ok: true, status: 'intact' });

    // Whoever controls the folder deletes entries 4–5 and puts back the anchor from entry 3.
    tamperWithAuditLog(file, 'DELETE FROM audit_log WHERE seq > 3');
    copyFileSync(before, files.anchorFile);
    expect(verifyAudit(db)).toMatchObject({ ok: true, status: 'intact' });
    expect(verifyAgainstHead(db, exported.head)).toMatchObject({ ok: false, status: 'truncated', firstBadSeq: 4 });

    const forged: SignedHead = { ...exported.head, seq: 3 };
    expect(verifyAgainstHead(db, forged)).toMatchObject({ ok: false, status: 'anchor_invalid', problem: expect.stringMatching(/signature does not verify/) });
    db.close();
  });

  it('is refused for a log that does not verify', () => {
    const { db, file } = anchoredLog(3);
    tamperWithAuditLog(file, 'DELETE FROM audit_log WHERE seq = 3');
    const exported = exportAuditHead(db, clock);
    expect(exported).toMatchObject({ ok: false, problem: expect.stringMatching(/does not verify \(truncated/) });
    db.close();
  });
});
