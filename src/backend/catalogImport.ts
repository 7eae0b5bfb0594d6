// A catalog import run, end to end: bytes from a file, a staged upload or memory → the catalog
// reader → products written in batches, row errors kept with the run, the run finished with its
// audit entry. A broken row costs only itself; a file that cannot be read at all ends the run as
// failed with one sentence saying why, keeping whatever was written before the problem.
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { basename } from 'node:path';
import { hostname } from 'node:os';
import type { CatalogFormat, CatalogProduct, CatalogSource, RowError } from '../core/catalog.ts';
import type { Actor } from '../store/accounts.ts';
import { ImportTally, listCatalogProducts, pruneCatalogVariants, searchCatalogProducts, writeCatalogProducts, type CatalogPage } from '../store/catalog.ts';
import {
  catalogImportErrors,
  finishCatalogImport,
  listCatalogImports,
  markInterruptedCatalogImports,
  recordCatalogImportProgress,
  startCatalogImport,
  type CatalogImportRun,
  type RunOwner,
} from '../store/catalogImports.ts';
import type { Clock } from '../store/clock.ts';
import type { Database } from 'better-sqlite3';
import { StoaUserError } from './errors.ts';

/** How many products (or row errors) go into one write transaction: a crash keeps whole batches. */
const BATCH = 5000;
/** Errors returned with the result; all of them stay in the store. */
export const ERRORS_RETURNED = 1000;
const CHUNK = 64 * 1024;

export interface CatalogImportOptions {
  readonly format?: CatalogFormat;
  readonly currency?: string;
  /** Shopify CSVs carry no shop address: products link to https://DOMAIN/products/HANDLE. */
  readonly shopDomain?: string;
}

export interface CatalogImportResult extends CatalogImportRun {
  readonly errors: RowError[];
}

export interface CatalogWriter {
  readonly db: Database;
  readonly clock: Clock;
  readonly who: Actor;
}

/** The reader loads on first use, so opening a backend (and every CLI start) does not pay for it. */
const loadCatalog = () => import('../catalog/index.ts');

export async function* chunksOf(bytes: Uint8Array): AsyncGenerator<Uint8Array> {
  for (let at = 0; at < bytes.length; at += CHUNK) yield bytes.subarray(at, at + CHUNK);
}

/** Runs this process is writing now: one of ours left 'running' in the store but not here is dead. */
const runningHere = new Set<string>();
const thisProcess: RunOwner = { host: hostname(), pid: process.pid };

function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** A run is alive while its process is: known here for our own, asked of the OS for others on this host. */
function runAlive(owner: RunOwner | null, importId: string): boolean {
  if (owner === null) return false; // Started before runs recorded their process: none can be going on now.
  if (owner.host !== thisProcess.host) return true; // Another machine: cannot be told, so left alone.
  if (owner.pid === thisProcess.pid) return runningHere.has(importId);
  return processAlive(owner.pid);
}

/** At workspace open and before each import: runs whose process died are marked interrupted. */
export function markInterruptedImports(ctx: CatalogWriter): CatalogImportRun[] {
  return markInterruptedCatalogImports(ctx.db, runAlive, ctx.who, ctx.clock);
}

export async function importCatalog(
  ctx: CatalogWriter,
  fileName: string,
  bytes: AsyncIterable<Uint8Array>,
  options: CatalogImportOptions = {},
): Promise<CatalogImportResult> {
  const { readCatalog, emptyReadInfo, parseShopDomain, CatalogFileError } = await loadCatalog();
  let readOptions: CatalogImportOptions = options;
  if (options.shopDomain !== undefined) {
    const domain = parseShopDomain(options.shopDomain);
    if (!domain.ok) throw new StoaUserError(domain.error);
    readOptions = { ...options, shopDomain: domain.value };
  }
  markInterruptedImports(ctx);
  const importId = startCatalogImport(ctx.db, fileName, ctx.who, ctx.clock, thisProcess);
  runningHere.add(importId);
  try {
    return await runImport(ctx, importId, bytes, readOptions, readCatalog, emptyReadInfo, CatalogFileError);
  } finally {
    runningHere.delete(importId);
  }
}

type Catalog = Awaited<ReturnType<typeof loadCatalog>>;

async function runImport(
  ctx: CatalogWriter,
  importId: string,
  bytes: AsyncIterable<Uint8Array>,
  options: CatalogImportOptions,
  readCatalog: Catalog['readCatalog'],
  emptyReadInfo: Catalog['emptyReadInfo'],
  FileError: Catalog['CatalogFileError'],
): Promise<CatalogImportResult> {
  const info = emptyReadInfo();
  const tally = new ImportTally();
  let products: CatalogProduct[] = [];
  let errors: RowError[] = [];
  let keeps: { products: { source: CatalogSource; key: string }[]; merchantSkus: string[] } = { products: [], merchantSkus: [] };
  const flush = () => {
    const batchErrors = errors;
    // Products, row errors and the counts so far commit together: a batch is all there or not at all.
    writeCatalogProducts(ctx.db, importId, products, tally, ctx.clock, keeps, () =>
      recordCatalogImportProgress(ctx.db, importId, batchErrors, { imported: tally.imported, updated: tally.updated }),
    );
    products = [];
    errors = [];
    keeps = { products: [], merchantSkus: [] };
  };
  let failure: string | null = null;
  try {
    for await (const events of readCatalog(bytes, options, info)) {
      for (const event of events) {
        if (event.kind === 'product') {
          products.push(event.product);
          continue;
        }
        errors.push(event.error);
        if (event.keepProduct) keeps.products.push({ source: 'shopify', key: event.keepProduct });
        if (event.keepVariant) keeps.merchantSkus.push(event.keepVariant);
      }
      if (products.length >= BATCH || errors.length >= BATCH) flush();
    }
  } catch (error) {
    if (!(error instanceof FileError)) throw error;
    failure = error.line === null ? error.message : `Line ${error.line}: ${error.message}`;
  }
  flush();
  // Only a file read to its end says which variants a product no longer has.
  if (failure === null && !info.incomplete) pruneCatalogVariants(ctx.db, importId, tally);
  const run = finishCatalogImport(
    ctx.db,
    importId,
    {
      format: info.format,
      dialect: info.dialect,
      encoding: info.encoding.encoding + (info.encoding.bom ? ' (BOM)' : ''),
      imported: tally.imported,
      updated: tally.updated,
      failure,
      warnings: info.warnings,
    },
    ctx.who,
    ctx.clock,
  );
  return { ...run, errors: catalogImportErrors(ctx.db, importId, ERRORS_RETURNED) };
}

/** For the CLI: a file on disk (or a named pipe), streamed. */
export async function importCatalogPath(ctx: CatalogWriter, path: string, options: CatalogImportOptions = {}): Promise<CatalogImportResult> {
  const found = await stat(path).catch(() => null);
  // A named pipe is a file still arriving (a download, another program's output): it is streamed too.
  if (!found?.isFile() && !found?.isFIFO()) throw new StoaUserError(`There is no file at ${path}.`);
  return importCatalog(ctx, basename(path), createReadStream(path), options);
}

/** For the CLI (which may not import the store): a page of products, listed or searched. */
export function listCatalogForCli(ctx: CatalogWriter, query: string | null, limit: number): CatalogPage {
  return query === null ? listCatalogProducts(ctx.db, limit, 0) : searchCatalogProducts(ctx.db, query, limit, 0);
}

/** For the CLI: the latest import runs, newest first (runs whose process died already marked interrupted). */
export function listImportsForCli(ctx: CatalogWriter, limit: number): CatalogImportRun[] {
  markInterruptedImports(ctx);
  return listCatalogImports(ctx.db, limit);
}
