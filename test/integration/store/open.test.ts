// openDatabase on real files: owner-only permissions for the database and its -wal/-shm files,
// and refusals (0-byte file, folder) that name the file instead of starting a new workspace.
import { chmodSync, mkdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../../src/store/open.ts';
import { useTempDir } from '../../support/tempDir.ts';

const tempDir = useTempDir();
const modeOf = (path: string): number => statSync(path).mode & 0o777;
const posix = process.platform !== 'win32';

describe('openDatabase', () => {
  it.runIf(posix)('creates the database, -wal and -shm readable by the owner only, whatever the umask and folder', () => {
    const dir = tempDir();
    chmodSync(dir, 0o777);
    const previous = process.umask(0o000);
    let db;
    try {
      db = openDatabase(join(dir, 'workspace.sqlite'));
    } finally {
      process.umask(previous);
    }
    db.exec("INSERT INTO settings (key, value) VALUES ('k', '1')");
    for (const name of ['workspace.sqlite', 'workspace.sqlite-wal', 'workspace.sqlite-shm']) expect(modeOf(join(dir, name)), name).toBe(0o600);
    db.close();
  });

  it.runIf(posix)('tightens an existing workspace whose files others could read', () => {
    const dir = tempDir();
    const file = join(dir, 'workspace.sqlite');
    openDatabase(file).close();
    chmodSync(file, 0o644);
    const db = openDatabase(file);
    db.exec("INSERT INTO settings (key, value) VALUES ('k', '1')");
    expect(modeOf(file)).toBe(0o600);
    for (const name of ['workspace.sqlite-wal', 'workspace.sqlite-shm']) expect(modeOf(join(dir, name)) & 0o077, name).toBe(0);
    db.close();
  });

  it('refuses a 0-byte file and a folder by name', () => {
    const dir = tempDir();
    const empty = join(dir, 'empty.sqlite');
    writeFileSync(empty, '');
    expect(() => openDatabase(empty)).toThrow(/is empty \(0 bytes\), so it holds no workspace and Stoa will not turn it into a new one/);
    expect(statSync(empty).size).toBe(0);
    const folder = join(dir, 'folder.sqlite');
    mkdirSync(folder);
    expect(() => openDatabase(folder)).toThrow(`${folder} is a folder, not a Stoa database; move it aside or choose another --data-dir.`);
  });

  it('still calls a non-SQLite file damaged', () => {
    const file = join(tempDir(), 'junk.sqlite');
    writeFileSync(file, 'this is not a database, just some text that is long enough to have a header'.repeat(10));
    expect(() => openDatabase(file)).toThrow(/is not a Stoa database or is damaged/);
  });
});
