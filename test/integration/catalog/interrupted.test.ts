// A catalog import whose process died (killed, crashed, the laptop closed) must not stay "running"
// forever: the next workspace open or import marks it interrupted, keeps the batches it had
// committed with their counts, and says so in catalog.imports and the audit log. A run whose
// process is still alive is left alone. Process liveness is real: children that exit or keep
// running, and a real `stoa catalog import` killed with SIGKILL after its first batch.
import { spawn, spawnSync } from 'node:child_process';
import { createWriteStream, existsSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { callOrThrow } from '../../../src/api/client.ts';
import { catalogHandlers } from '../../../src/backend/catalogHandlers.ts';
import type { CatalogProduct } from '../../../src/core/catalog.ts';
import { ImportTally, writeCatalogProducts } from '../../../src/store/catalog.ts';
import { recordCatalogImportProgress, startCatalogImport } from '../../../src/store/catalogImports.ts';
import { runCli, STOA_BIN } from '../../support/runCli.ts';
import { useTempDir } from '../../support/tempDir.ts';
import { openTestWorkspace, type TestWorkspace } from '../../support/workspace.ts';

const tempDir = useTempDir();
let workspace: TestWorkspace | null = null;
const children: { kill(): boolean }[] = [];

afterEach(async () => {
  for (const child of children.splice(0)) child.kill();
  await workspace?.close();
  workspace = null;
});

const product = (n: number): CatalogProduct => ({
  source: 'merchant',
  key: `KEPT-${n}`,
  sku: `KEPT-${n}`,
  title: `Kept product ${n}`,
  description: null,
  link: null,
  imageUrl: null,
  price: { amount: '5.00', currency: 'EUR' },
  availability: 'in_stock',
  brand: null,
  gtin: null,
  mpn: null,
  variants: [{ key: `KEPT-${n}`, sku: `KEPT-${n}`, title: `Kept product ${n}`, options: [], price: { amount: '5.00', currency: 'EUR' }, availability: 'in_stock', gtin: null, mpn: null, imageUrl: null }],
  line: n + 1,
});

/** What a run had done when its process died: started, one batch committed (as the importer commits it), never finished. */
function runLeftBehind(ws: TestWorkspace, fileName: string, pid: number, products: number): string {
  const { db, clock, who } = ws.backend.context;
  const id = startCatalogImport(db, fileName, who, clock, { host: hostname(), pid });
  const tally = new ImportTally();
  const batch = Array.from({ length: products }, (_, n) => product(n));
  writeCatalogProducts(db, id, batch, tally, clock, undefined, () =>
    recordCatalogImportProgress(db, id, [{ line: 9, message: 'a bad row' }], { imported: tally.imported, updated: tally.updated }),
  );
  return id;
}

const exitedPid = (): number => {
  const done = spawnSync(process.execPath, ['-e', '']);
  expect(done.status).toBe(0);
  return done.pid;
};

describe('catalog import runs whose process died', () => {
  it('are marked interrupted by the next import, keeping their committed batch, counts and errors', async () => {
    const ws = (workspace = await openTestWorkspace(tempDir(), 'in-process'));
    const dead = runLeftBehind(ws, 'killed.tsv', exitedPid(), 3);
    expect((await callOrThrow(ws.client, 'catalog.imports', {})).map((r) => r.status)).toEqual(['running']);

    const next = await callOrThrow(ws.client, 'catalog.import', { name: 'small.tsv', dataBase64: Buffer.from('id\ttitle\tdescription\tlink\timage_link\tavailability\tprice\nA-1\tOne\t\t\t\tin_stock\t1.00 EUR\n').toString('base64') });
    expect(next.status).toBe('done');
    const runs = await callOrThrow(ws.client, 'catalog.imports', {});
    const killed = runs.find((r) => r.id === dead);
    expect(killed).toMatchObject({ status: 'interrupted', fileName: 'killed.tsv', imported: 3, updated: 0, errorCount: 1 });
    expect(killed?.finishedAt).not.toBeNull();
    expect(killed?.failure).toBe(
      'The import stopped before the end of the file (Stoa or the command was closed or crashed). The 3 products it had written (3 new, 0 updated) were kept; import the file again to finish: a re-import merges.',
    );
    expect((await callOrThrow(ws.client, 'catalog.search', { query: 'KEPT-2' })).total).toBe(1);
    const db = ws.backend.context.db;
    expect(db.prepare('SELECT COUNT(*) FROM catalog_products').pluck().get()).toBe(4);
    const audit = db.prepare("SELECT details FROM audit_log WHERE action = 'catalog.import' AND subject = ?").pluck().all(dead) as string[];
    expect(audit.map((d) => JSON.parse(d) as { interrupted?: boolean; imported: number })).toEqual([expect.objectContaining({ interrupted: true, imported: 3 })]);
  });

  it('leave a run alone while its process lives, and mark it at open once that process is gone', async () => {
    const ws = (workspace = await openTestWorkspace(tempDir(), 'in-process'));
    const child = spawn(process.execPath, ['-e', 'setInterval(() => {}, 1000)'], { stdio: 'ignore' });
    children.push(child);
    const exited = new Promise((resolve) => child.once('exit', resolve));
    const live = runLeftBehind(ws, 'still-going.tsv', child.pid as number, 1);
    // Opening the workspace settles runs; a living one stays running.
    catalogHandlers(ws.backend.context);
    expect((await callOrThrow(ws.client, 'catalog.imports', {})).map((r) => [r.id, r.status])).toEqual([[live, 'running']]);

    child.kill('SIGKILL');
    await exited;
    catalogHandlers(ws.backend.context);
    expect((await callOrThrow(ws.client, 'catalog.imports', {})).map((r) => [r.id, r.status])).toEqual([[live, 'interrupted']]);
  });

  it('mark a run from before runs recorded their process as interrupted', async () => {
    const ws = (workspace = await openTestWorkspace(tempDir(), 'in-process'));
    const { db } = ws.backend.context;
    db.prepare(
      "INSERT INTO catalog_imports (id, file_name, status, actor, device_id, started_at) VALUES ('old-run', 'old.csv', 'running', 'someone', 'device', '2026-01-01T00:00:00.000Z')",
    ).run();
    catalogHandlers(ws.backend.context);
    expect(await callOrThrow(ws.client, 'catalog.imports', {})).toEqual([expect.objectContaining({ id: 'old-run', status: 'interrupted', imported: 0 })]);
  });
});

describe('stoa catalog import killed mid-way', () => {
  // Named pipes (mkfifo) are POSIX.
  it.skipIf(process.platform === 'win32')('is reported interrupted by stoa catalog imports, with the batch it had committed kept', async () => {
    const dataDir = tempDir();
    const fifo = join(dataDir, 'feed.tsv');
    expect(spawnSync('mkfifo', [fifo]).status).toBe(0);
    const child = spawn(process.execPath, [STOA_BIN, 'catalog', 'import', fifo, '--data-dir', dataDir, '--json'], { stdio: 'ignore' });
    children.push(child);
    const exited = new Promise((resolve) => child.once('exit', resolve));
    // The feed arrives through a pipe that stays open, like a stalled download: 6,000 items, then
    // nothing. The importer commits its first batch of 5,000 and waits for the rest.
    const writer = createWriteStream(fifo);
    const rows = Array.from({ length: 6000 }, (_, n) => `PIPE-${n}\tPiped item ${n}\t\t\t\tin_stock\t2.50 EUR`);
    writer.write(`id\ttitle\tdescription\tlink\timage_link\tavailability\tprice\n${rows.join('\n')}\n`);
    // A batch closes at the first chunk of the file that takes it to 5,000 products.
    const committed = await committedProducts(join(dataDir, 'workspace.sqlite'));
    expect(committed).toBeGreaterThanOrEqual(5000);
    expect(committed).toBeLessThan(6000);
    child.kill('SIGKILL');
    await exited;
    writer.destroy();

    const listed = await runCli(['catalog', 'imports', '--data-dir', dataDir, '--json']);
    expect(listed.code).toBe(0);
    const { runs } = JSON.parse(listed.stdout) as { runs: { status: string; fileName: string; imported: number; failure: string | null }[] };
    expect(runs).toEqual([expect.objectContaining({ status: 'interrupted', fileName: 'feed.tsv', imported: committed })]);
    expect(runs[0]?.failure).toMatch(/^The import stopped before the end of the file/);
    const kept = await runCli(['catalog', 'list', '--limit', '1', '--data-dir', dataDir, '--json']);
    expect(JSON.parse(kept.stdout)).toMatchObject({ total: committed });
  });
});

/** Waits for the import's first committed batch (read as another process would) and returns its count. */
async function committedProducts(file: string): Promise<number> {
  // Bounded: a run that never commits fails here instead of hanging the suite.
  for (let attempt = 0; attempt < 600; attempt += 1) {
    if (existsSync(file)) {
      const db = new Database(file, { readonly: true, fileMustExist: true });
      try {
        const imported = db.prepare("SELECT imported FROM catalog_imports WHERE status = 'running'").pluck().get() as number | undefined;
        if (imported !== undefined && imported > 0) return imported;
      } catch {
        // The schema is still being created.
      } finally {
        db.close();
      }
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error('the import never committed a batch');
}
