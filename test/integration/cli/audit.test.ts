// `stoa audit verify` and `stoa audit head` on a real workspace whose log is tampered with through
// a second SQLite connection: deleting the newest entries and recomputing the chain after an edit
// are reported as truncation and rewriting, and an exported head catches a rollback of the anchor.
import { copyFileSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tamperWithAuditLog } from '../../support/auditTamper.ts';
import { runCli } from '../../support/runCli.ts';
import { useTempDir } from '../../support/tempDir.ts';

const tempDir = useTempDir('stoa-cli-audit-');

interface Verification {
  ok: boolean;
  status: string;
  checked: number;
  firstBadSeq: number | null;
  problem: string | null;
  lastSeq: number;
  anchor: { seq: number } | null;
}

/** A workspace whose audit log has three entries (two accounts added, one removed); `addEntry` appends one more. */
async function workspaceWithThreeEntries(): Promise<{ dir: string; dataDir: string; addEntry: () => Promise<void> }> {
  const dir = tempDir();
  const dataDir = join(dir, 'ws');
  const credentials = join(dir, 'credentials.json');
  writeFileSync(credentials, JSON.stringify({ kind: 'api_key', apiKey: 'k-1', username: 'mod' }));
  const add = (name: string) =>
    runCli(['accounts', 'add', '--platform', 'discourse', '--base-url', 'http://127.0.0.1:9/forum', '--name', name, '--credentials-file', credentials, '--data-dir', dataDir, '--json']);
  expect((await add('one')).code).toBe(0);
  const second = await add('two');
  expect(second.code, second.stderr).toBe(0);
  expect((await runCli(['accounts', 'remove', (JSON.parse(second.stdout) as { id: string }).id, '--data-dir', dataDir])).code).toBe(0);
  return {
    dir,
    dataDir,
    addEntry: async () => {
      expect((await add('three')).code).toBe(0);
    },
  };
}

const verify = async (dataDir: string, ...extra: string[]) => {
  const result = await runCli(['audit', 'verify', '--data-dir', dataDir, ...extra]);
  return { ...result, value: extra.includes('--json') ? (JSON.parse(result.stdout) as Verification) : null };
};

describe('stoa audit', () => {
  it('reports truncation of the newest entries, and an exported head catches the anchor being rolled back too', { timeout: 120_000 }, async () => {
    const { dir, dataDir, addEntry } = await workspaceWithThreeEntries();
    const database = join(dataDir, 'workspace.sqlite');
    const intact = await verify(dataDir, '--json');
    expect(intact.code, intact.stderr).toBe(0);
    expect(intact.value).toMatchObject({ ok: true, status: 'intact', checked: 3, anchor: { seq: 3 } });
    const anchorFile = join(dataDir, 'audit-anchor.json');
    const anchorAt3 = join(dir, 'anchor-at-3.json');
    copyFileSync(anchorFile, anchorAt3);

    await addEntry();
    const headFile = join(dir, 'head.json');
    const head = await runCli(['audit', 'head', '--out', headFile, '--data-dir', dataDir]);
    expect(head.code, head.stderr).toBe(0);
    expect(head.stdout).toContain(`Wrote the signed head of entry 4 to ${headFile}`);
    expect(JSON.parse(readFileSync(headFile, 'utf8'))).toMatchObject({ format: 'stoa-audit-head/1', seq: 4, signature: expect.any(String), publicKey: expect.any(String) });

    tamperWithAuditLog(database, 'DELETE FROM audit_log WHERE seq = 4');
    const truncated = await verify(dataDir);
    expect(truncated.code).toBe(4);
    expect(truncated.stdout).toMatch(/^Audit log truncated: the log ends at entry 3, but entry 4 was anchored on .*: the 1 newest entry was deleted\.\n$/);
    expect((await verify(dataDir, '--json')).value).toMatchObject({ ok: false, status: 'truncated', firstBadSeq: 4, lastSeq: 3 });
    // No signed head is given out for a log that does not verify.
    const refused = await runCli(['audit', 'head', '--data-dir', dataDir]);
    expect(refused.code).toBe(4);
    expect(refused.stderr).toMatch(/does not verify \(truncated/);

    // Whoever deleted entry 4 can also put back the anchor from before it: the folder alone now
    // looks intact, but the head kept elsewhere still knows.
    copyFileSync(anchorAt3, anchorFile);
    expect((await verify(dataDir, '--json')).value).toMatchObject({ ok: true, status: 'intact', lastSeq: 3 });
    const againstHead = await verify(dataDir, '--head', headFile);
    expect(againstHead.code).toBe(4);
    expect(againstHead.stdout).toMatch(/^Audit log truncated: the log ends at entry 3, but entry 4 was anchored on/);
  });

  it('reports an edit with the chain recomputed after it as rewritten', { timeout: 60_000 }, async () => {
    const { dataDir } = await workspaceWithThreeEntries();
    tamperWithAuditLog(join(dataDir, 'workspace.sqlite'), `UPDATE audit_log SET actor = 'someone else' WHERE seq = 2`, 2);
    const rewritten = await verify(dataDir);
    expect(rewritten.code).toBe(4);
    expect(rewritten.stdout).toMatch(/^Audit log rewritten: entry 3 no longer has the hash that was anchored for it/);
    expect((await verify(dataDir, '--json')).value).toMatchObject({ ok: false, status: 'rewritten', checked: 3, firstBadSeq: 3 });
  });

  it('names a head file that is not an exported head', { timeout: 30_000 }, async () => {
    const { dir, dataDir } = await workspaceWithThreeEntries();
    const bogus = join(dir, 'bogus.json');
    writeFileSync(bogus, '{"seq": 3}');
    const result = await verify(dataDir, '--head', bogus);
    expect(result.code).not.toBe(0);
    expect(result.stderr.trim()).toBe(`stoa: ${bogus} is not an exported Stoa audit head (stoa audit head --out FILE writes one).`);
  });
});
