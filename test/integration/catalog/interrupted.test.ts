// A catalog import whose process died (killed, crashed, the laptop closed) must not stay "running"
// forever: the next workspace open or import marks it interrupted, keeps the batches it had
// committed with their counts, and says so in catalog.imports and the audit log. A run whose
// process is still alive is left alone. Process liveness is real: children that exit or keep running.
import { spawn, spawnSync } from 'node:child_process';
import { hostname } from 'node:os';
import { afterEach, describe, expect, it } from 'vitest';
import { callOrThrow } from '../../../src/api/client.ts';
import { catalogHandlers } from '../../../src/backend/catalogHandlers.ts';
import type { CatalogProduct } from '../../../src/core/catalog.ts';
import { ImportTally, writeCatalogProducts } from '../../../src/store/catalog.ts';
import { recordCatalogImportProgress, startCatalogImport } from '../../../src/store/catalogImports.ts';
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
