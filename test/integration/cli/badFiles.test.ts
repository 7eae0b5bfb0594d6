// What a user meets when a workspace file is missing, damaged or not writable: one sentence naming
// the file, a non-zero exit, no stack trace, and nothing replaced behind their back.
import { spawnSync } from 'node:child_process';
import { chmodSync, chownSync, existsSync, mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli, STOA_BIN, type CliResult } from '../../support/runCli.ts';
import { useTempDir } from '../../support/tempDir.ts';

const tempDir = useTempDir('stoa-cli-badfiles-');
const CREDENTIALS = JSON.stringify({ kind: 'oauth2', clientId: 'c', clientSecret: 's', refreshToken: 'refresh-token-7d1e' });
const isRoot = process.getuid?.() === 0;
const OTHER_UID = 65534;
// Root writes read-only files, so as root the read-only cases run `stoa` as another user, which
// must be able to reach this checkout (a clone under a 0700 folder is out of its reach).
const otherUserReachesCheckout =
  !isRoot || spawnSync(process.execPath, ['-e', `require('fs').accessSync(${JSON.stringify(STOA_BIN)}, require('fs').constants.R_OK)`], { uid: OTHER_UID, gid: OTHER_UID }).status === 0;
if (!otherUserReachesCheckout) console.warn(`skipped the read-only database cases: uid ${OTHER_UID} cannot read ${STOA_BIN} (a parent folder is closed to other users)`);

/** One sentence on stderr: the `stoa:` line, and no stack frame of a thrown error. */
function expectOneSentence(result: CliResult, pattern: RegExp): void {
  expect(result.code, result.stdout).not.toBe(0);
  expect(result.stderr).toMatch(pattern);
  expect(result.stderr).not.toMatch(/\n\s+at |unexpected error/);
  expect(result.stderr.trim().split('\n')).toHaveLength(1);
}

async function workspaceWithAccount(): Promise<{ dir: string; dataDir: string; credentials: string }> {
  const dir = tempDir();
  const credentials = join(dir, 'credentials.json');
  writeFileSync(credentials, CREDENTIALS);
  const dataDir = join(dir, 'ws');
  const added = await addAccount(dataDir, credentials);
  expect(added.code, added.stderr).toBe(0);
  return { dir, dataDir, credentials };
}

// Port 9 (discard) on loopback: nothing is listening, and no test here gets as far as the network.
const addAccount = (dataDir: string, credentials: string): Promise<CliResult> =>
  runCli(['accounts', 'add', '--platform', 'reddit', '--base-url', 'http://127.0.0.1:9/reddit', '--option', 'subreddit=mod', '--credentials-file', credentials, '--data-dir', dataDir]);

describe('the account key file', () => {
  it('is never recreated while accounts hold secrets: sync names the missing file and fails', { timeout: 60_000 }, async () => {
    const { dataDir } = await workspaceWithAccount();
    const keyFile = join(dataDir, 'secret.key');
    rmSync(keyFile);
    const sync = await runCli(['sync', '--data-dir', dataDir, '--json', '--max-wait', '0']);
    expectOneSentence(sync, new RegExp(`The key file ${keyFile} is missing; it encrypts the credentials this workspace stores \\(its accounts' and its media host's\\), so Stoa will not make a new one`));
    expect(sync.stdout).toBe('');
    expect(existsSync(keyFile)).toBe(false);
  });

  it('refuses a 16-byte key and a key that is a folder, naming the file', { timeout: 60_000 }, async () => {
    const { dataDir, credentials } = await workspaceWithAccount();
    const keyFile = join(dataDir, 'secret.key');
    writeFileSync(keyFile, Buffer.alloc(16, 7));
    expectOneSentence(await runCli(['sync', '--data-dir', dataDir, '--max-wait', '0']), new RegExp(`The key file ${keyFile} holds 16 bytes, not the 32 of a Stoa key`));
    rmSync(keyFile);
    mkdirSync(keyFile);
    expectOneSentence(await addAccount(dataDir, credentials), new RegExp(`The key file ${keyFile} is not a file`));
    // The refused add left nothing half-written behind.
    const list = await runCli(['accounts', 'list', '--data-dir', dataDir, '--json']);
    expect((JSON.parse(list.stdout) as unknown[]).length).toBe(1);
  });

  it('names a missing --credentials-file', { timeout: 30_000 }, async () => {
    const dir = tempDir();
    const missing = join(dir, 'nope.json');
    expectOneSentence(await addAccount(join(dir, 'ws'), missing), new RegExp(`The credentials file ${missing} does not exist`));
  });
});

describe('the database file', () => {
  it('refuses a 0-byte workspace.sqlite instead of starting a new workspace in it', { timeout: 30_000 }, async () => {
    const dataDir = join(tempDir(), 'ws');
    mkdirSync(dataDir);
    const file = join(dataDir, 'workspace.sqlite');
    writeFileSync(file, '');
    expectOneSentence(await runCli(['stats', '--data-dir', dataDir]), new RegExp(`The database file ${file} is empty \\(0 bytes\\)`));
    expect(statSync(file).size).toBe(0);
  });

  it('creates the database and the key readable by the owner only, even in an open folder', { timeout: 30_000 }, async () => {
    const dir = tempDir();
    const dataDir = join(dir, 'ws');
    mkdirSync(dataDir);
    chmodSync(dataDir, 0o777);
    const credentials = join(dir, 'credentials.json');
    writeFileSync(credentials, CREDENTIALS);
    expect((await addAccount(dataDir, credentials)).code).toBe(0);
    for (const name of ['workspace.sqlite', 'secret.key']) expect(statSync(join(dataDir, name)).mode & 0o777, name).toBe(0o600);
  });

  // Root writes through any mode bit, so the read-only cases run the CLI as another user when the
  // tests run as root: the refusals below are the real errors SQLite and the OS give that user.
  it.skipIf(!otherUserReachesCheckout)('says a read-only database file cannot be written, not that it is damaged', { timeout: 60_000 }, async () => {
    const { dataDir } = await workspaceWithAccount();
    const file = join(dataDir, 'workspace.sqlite');
    if (isRoot) {
      chmodSync(join(dataDir, '..'), 0o755);
      chownSync(dataDir, OTHER_UID, OTHER_UID);
    }
    chmodSync(file, 0o444);
    const result = await runAsOtherUser(['stats', '--data-dir', dataDir]);
    expectOneSentence(result, new RegExp(`Stoa cannot write to the database file ${file} \\(it is read-only for this user\\)`));
    expect(result.stderr).not.toMatch(/damaged|move it aside/i);
    expect(readFileSync(file).subarray(0, 15).toString()).toBe('SQLite format 3');
    // That read-only open left a -shm file as read-only as the database was: it is named, not the database.
    if (isRoot) chownSync(file, OTHER_UID, OTHER_UID);
    chmodSync(file, 0o644);
    expectOneSentence(await runAsOtherUser(['stats', '--data-dir', dataDir]), new RegExp(`Stoa cannot write to the database journal file ${file}-shm \\(it is read-only for this user\\)`));
  });

  it.skipIf(!otherUserReachesCheckout)('says a read-only data folder cannot be written, not that the database is damaged', { timeout: 60_000 }, async () => {
    const { dataDir } = await workspaceWithAccount();
    const file = join(dataDir, 'workspace.sqlite');
    if (isRoot) {
      chmodSync(join(dataDir, '..'), 0o755);
      for (const path of [file, join(dataDir, 'secret.key')]) chownSync(path, OTHER_UID, OTHER_UID);
    }
    chmodSync(dataDir, 0o555);
    const result = await runAsOtherUser(['stats', '--data-dir', dataDir]);
    expectOneSentence(result, new RegExp(`Stoa cannot write in the data folder ${dataDir} \\(it is read-only for this user\\)`));
    expect(result.stderr).not.toMatch(/damaged|move it aside/i);
    // And a new workspace inside a read-only folder.
    const nested = await runAsOtherUser(['stats', '--data-dir', join(dataDir, 'inner')]);
    expectOneSentence(nested, new RegExp(`Stoa cannot write in the data folder ${dataDir}|Stoa cannot use ${join(dataDir, 'inner')}`));
  });
});

/** Runs `stoa` as an unprivileged user when we are root (as ourselves otherwise). */
function runAsOtherUser(args: string[]): Promise<CliResult> {
  return isRoot ? runCli(args, { uid: OTHER_UID, gid: OTHER_UID, env: { HOME: '/tmp' } }) : runCli(args);
}
