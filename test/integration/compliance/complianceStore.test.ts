// The compliance repositories on an on-disk SQLite file: a changed post keeps both versions and says
// what it changed from; snapshots, scans and verdicts refuse UPDATE and DELETE; a snapshot edited
// behind the triggers' back is reported by verifySnapshots; every verdict and snapshot is audited.
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { verifyAudit } from '../../../src/store/audit.ts';
import { addBrand, addCreator, createAudit, listBrands } from '../../../src/store/complianceAudits.ts';
import { postsOfAudit, postVersions, recordScan, upsertPostVersion } from '../../../src/store/compliancePosts.ts';
import { ensureSnapshot, recordVerdict, requestRemediation, setRemediationStatus, verifySnapshots } from '../../../src/store/complianceReview.ts';
import { openDatabase } from '../../../src/store/open.ts';
import { fixedClock } from '../../support/fixedClock.ts';
import { useTempDir } from '../../support/tempDir.ts';

const tempDir = useTempDir();
const who = { actor: 'reviewer@brand', deviceId: 'device-1' };

function setup() {
  const clock = fixedClock();
  const db = openDatabase(join(tempDir(), 'workspace.sqlite'));
  const audit = createAudit(db, { name: 'Q4 creators', jurisdiction: 'ftc', periodFrom: '2026-10-01', periodTo: '2026-12-31' }, who, clock);
  const creator = addCreator(db, { auditId: audit.id, platform: 'instagram', handle: '@bdorts' }, who, clock);
  const scan = (caption: string) => {
    const at = clock.now().toISOString();
    const stored = upsertPostVersion(db, { creatorId: creator.id, platform: 'instagram', remoteId: '17900001', permalink: 'https://www.instagram.com/p/BxiSQy1lq6r/', postedAt: '2026-11-02T10:00:00+0000', contentJson: JSON.stringify(['instagram', '17900001', caption]), seenAt: at });
    const recorded = recordScan(db, { postId: stored.postId, sha256: stored.sha256, scannedAt: at, jurisdiction: 'ftc', profileVersion: '2023-07-26', verdict: 'non_compliant', ruleId: 'ftc.placement.end_only', disclosurePresent: true, disclosureAdequate: false, evidence: { caption } });
    return { ...stored, ...recorded };
  };
  return { db, clock, audit, creator, scan };
}

describe('compliance store', () => {
  it('keeps both versions of a post that changed between scans and names the old hash', () => {
    const { db, clock, audit, scan } = setup();
    const first = db.transaction(() => scan('travel combo #ad'))();
    clock.advance(86_400_000);
    const same = db.transaction(() => scan('travel combo #ad'))();
    clock.advance(86_400_000);
    const edited = db.transaction(() => scan('travel combo'))();
    expect(first.newPost).toBe(true);
    expect(same).toMatchObject({ postId: first.postId, changedFrom: null, sha256: first.sha256 });
    expect(edited.changedFrom).toBe(first.sha256);
    expect(postVersions(db, first.postId).map((v) => v.sha256)).toEqual([first.sha256, edited.sha256]);
    const [summary] = postsOfAudit(db, audit.id, { from: '2026-11-01', to: '2026-11-30' });
    expect(summary).toMatchObject({ latestSha256: edited.sha256, changedFrom: first.sha256, versions: 2, handle: 'bdorts' });
    expect(postsOfAudit(db, audit.id, { from: '2026-12-01' })).toEqual([]);
    db.close();
  });

  it('refuses to edit or delete scans, versions, snapshots and verdicts', () => {
    const { db, clock, scan } = setup();
    const s = db.transaction(() => scan('x'))();
    const v = recordVerdict(db, { postId: s.postId, verdict: 'non_compliant', reason: 'hashtag only at the end' }, who, clock);
    for (const sql of ["UPDATE compliance_snapshots SET content = '[]'", 'DELETE FROM compliance_snapshots', "UPDATE compliance_scans SET verdict = 'compliant'", 'DELETE FROM compliance_post_versions', "UPDATE compliance_verdicts SET reason = 'x'", 'DELETE FROM compliance_verdicts']) {
      expect(() => db.exec(sql), sql).toThrow(/immutable/);
    }
    expect(v.snapshotSha256).toMatch(/^[0-9a-f]{64}$/);
    db.close();
  });

  it('detects a snapshot tampered with behind the triggers, and audits verdicts, snapshots and remediations', () => {
    const { db, clock, creator, scan } = setup();
    const s = db.transaction(() => scan('original caption #ad'))();
    const { snapshot: snap, created } = ensureSnapshot(db, s.postId, who, clock);
    expect(created).toBe(true);
    expect(ensureSnapshot(db, s.postId, who, clock)).toMatchObject({ created: false, snapshot: { id: snap.id } });
    recordVerdict(db, { postId: s.postId, verdict: 'non_compliant', reason: 'late #ad' }, who, clock);
    const r = requestRemediation(db, { creatorId: creator.id, postId: s.postId, what: 'Move #ad to the start of the caption', dueBy: '2026-12-10' }, who, clock);
    setRemediationStatus(db, r.id, 'sent', 'emailed the agency', who, clock);
    expect(verifySnapshots(db)).toEqual({ checked: 1, problems: [] });
    const actions = (db.prepare('SELECT action FROM audit_log ORDER BY seq').pluck().all() as string[]).filter((a) => a.startsWith('compliance.'));
    expect(actions).toEqual(['compliance.audit.create', 'compliance.creator.add', 'compliance.snapshot', 'compliance.verdict', 'compliance.remediation.request', 'compliance.remediation.status']);
    expect(verifyAudit(db).checked).toBeGreaterThanOrEqual(6);

    db.exec('DROP TRIGGER compliance_snapshots_no_update');
    db.prepare('UPDATE compliance_snapshots SET content = ? WHERE id = ?').run(JSON.stringify(['instagram', '17900001', 'edited caption #ad']), snap.id);
    expect(verifySnapshots(db).problems).toEqual([{ snapshotId: snap.id, postId: s.postId, problem: expect.stringMatching(/content does not match its content hash/) }]);
    // Rewriting every hash column to match the edit still disagrees with the audit log.
    const content = db.prepare('SELECT content FROM compliance_snapshots WHERE id = ?').pluck().get(snap.id) as string;
    const contentSha = createHash('sha256').update(content).digest('hex');
    const snapSha = createHash('sha256').update(JSON.stringify([contentSha, null, snap.capturedAt])).digest('hex');
    db.prepare('UPDATE compliance_snapshots SET content_sha256 = ?, sha256 = ? WHERE id = ?').run(contentSha, snapSha, snap.id);
    expect(verifySnapshots(db).problems.map((p) => p.problem)).toEqual([expect.stringMatching(/differs from the one the audit log recorded/)]);
    db.close();
  });

  it('stores brands with their handles, codes and affiliate ids', () => {
    const { db, clock, audit } = setup();
    addBrand(db, { auditId: audit.id, name: 'Canon', handles: ['@CanonUSA'], discountCodes: [], affiliateIds: ['canon-20'] }, who, clock);
    expect(listBrands(db, audit.id)).toEqual([expect.objectContaining({ name: 'Canon', handles: ['CanonUSA'], affiliateIds: ['canon-20'] })]);
    expect(() => addBrand(db, { auditId: audit.id, name: 'Canon', handles: [], discountCodes: [], affiliateIds: [] }, who, clock)).toThrow(/already/);
    db.close();
  });
});
