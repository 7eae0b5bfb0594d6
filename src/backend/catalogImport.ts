// A catalog import run, end to end: bytes from a file, a staged upload or memory → the catalog
// reader → products written in batches, row errors kept with the run, the run finished with its
// audit entry. A broken row costs only itself; a file that cannot be read at all ends the run as
// failed with one sentence saying why, keeping whatever was written before the problem.
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { basename } from 'node:path';
import type { CatalogFormat, CatalogProduct, RowError } from '../core/catalog.ts';
import type { Actor } from '../store/accounts.ts';
import { ImportTally, listCatalogProducts, searchCatalogProducts, writeCatalogProducts, type CatalogPage } from '../store/catalog.ts';
import { finishCatalogImport, recordCatalogImportErrors, startCatalogImport, catalogImportErrors, type CatalogImportRun } from '../store/catalogImports.ts';
import type { Clock } from '../store/clock.ts';
import type { Database } from 'better-sqlite3';
import { StoaUserError } from './errors.ts';

/** How many products go into one write transaction. */
const BATCH = 2000;
/** Errors returned with the result; all of them stay in the store. */
export const ERRORS_RETURNED = 1000;
const CHUNK = 64 * 1024;

export interface CatalogImportOptions {
  readonly format?: CatalogFormat;
  readonly currency?: string;
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

export async function importCatalog(
  ctx: CatalogWriter,
  fileName: string,
  bytes: AsyncIterable<Uint8Array>,
  options: CatalogImportOptions = {},
): Promise<CatalogImportResult> {
  const { readCatalog, emptyReadInfo, CatalogFileError } = await loadCatalog();
  const importId = startCatalogImport(ctx.db, fileName, ctx.who, ctx.clock);
  const info = emptyReadInfo();
  const tally = new ImportTally();
  let products: CatalogProduct[] = [];
  let errors: RowError[] = [];
  const flush = () => {
    writeCatalogProducts(ctx.db, importId, products, tally, ctx.clock);
    recordCatalogImportErrors(ctx.db, importId, errors);
    products = [];
    errors = [];
  };
  let failure: string | null = null;
  try {
    for await (const events of readCatalog(bytes, options, info)) {
      for (const event of events) {
        if (event.kind === 'product') products.push(event.product);
        else errors.push(event.error);
      }
      if (products.length >= BATCH || errors.length >= BATCH) flush();
    }
  } catch (error) {
    if (!(error instanceof CatalogFileError)) throw error;
    failure = error.line === null ? error.message : `Line ${error.line}: ${error.message}`;
  }
  flush();
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

/** For the CLI: a file on disk, streamed. */
export async function importCatalogPath(ctx: CatalogWriter, path: string, options: CatalogImportOptions = {}): Promise<CatalogImportResult> {
  const found = await stat(path).catch(() => null);
  if (!found?.isFile()) throw new StoaUserError(`There is no file at ${path}.`);
  return importCatalog(ctx, basename(path), createReadStream(path), options);
}

/** For the CLI (which may not import the store): a page of products, listed or searched. */
export function listCatalogForCli(ctx: CatalogWriter, query: string | null, limit: number): CatalogPage {
  return query === null ? listCatalogProducts(ctx.db, limit, 0) : searchCatalogProducts(ctx.db, query, limit, 0);
}
