// catalog.* endpoints: composes the catalog reader (files) with the catalog store (records).
// Imports run one at a time, so two runs never interleave their batches or their counts.
import { createReadStream } from 'node:fs';
import { rm } from 'node:fs/promises';
import type { Handlers } from '../api/dispatch.ts';
import { fail } from '../api/errors.ts';
import { getCatalogProduct, listCatalogProducts, searchCatalogProducts, type CatalogPage } from '../store/catalog.ts';
import { listCatalogImports } from '../store/catalogImports.ts';
import { chunksOf, importCatalog, markInterruptedImports } from './catalogImport.ts';
import { appendCatalogUpload, assertCatalogUpload, CatalogUploadError } from './catalogUploads.ts';
import type { BackendContext } from './context.ts';

type CatalogMethod = 'catalog.uploadPart' | 'catalog.import' | 'catalog.list' | 'catalog.search' | 'catalog.get' | 'catalog.imports';

const offsetFrom = (cursor: string | null): number => {
  if (cursor === null) return 0;
  const offset = Number(cursor);
  if (!Number.isSafeInteger(offset) || offset < 0) return fail('invalid_input', 'The catalog page cursor is not one Stoa issued.');
  return offset;
};

const page = (result: CatalogPage, offset: number, limit: number) => ({
  products: result.products,
  nextCursor: result.hasMore ? String(offset + limit) : null,
  total: result.total,
});

async function refusing<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof CatalogUploadError) return fail('invalid_input', error.message);
    throw error;
  }
}

export function catalogHandlers(ctx: BackendContext): Pick<Handlers, CatalogMethod> {
  // Opening the workspace settles runs left 'running' by a process that died (killed, crashed).
  markInterruptedImports(ctx);
  let imports: Promise<unknown> = Promise.resolve();
  const oneAtATime = <T>(work: () => Promise<T>): Promise<T> => {
    const run = imports.then(work, work);
    imports = run.catch(() => undefined);
    return run;
  };
  return {
    'catalog.uploadPart': ({ uploadId, dataBase64 }) => refusing(() => appendCatalogUpload(ctx.dataDir, uploadId, Buffer.from(dataBase64, 'base64'))),
    'catalog.import': ({ name, dataBase64, uploadId, format, currency, shopDomain }) =>
      oneAtATime(async () => {
        const options = { ...(format ? { format } : {}), ...(currency ? { currency } : {}), ...(shopDomain ? { shopDomain } : {}) };
        if (dataBase64 !== undefined) return importCatalog(ctx, name, chunksOf(Buffer.from(dataBase64, 'base64')), options);
        const file = await refusing(() => assertCatalogUpload(ctx.dataDir, uploadId as string));
        try {
          return await importCatalog(ctx, name, createReadStream(file), options);
        } finally {
          await rm(file, { force: true });
        }
      }),
    'catalog.list': ({ limit, cursor }) => {
      const offset = offsetFrom(cursor);
      return page(listCatalogProducts(ctx.db, limit, offset), offset, limit);
    },
    'catalog.search': ({ query, limit, cursor }) => {
      const offset = offsetFrom(cursor);
      return page(searchCatalogProducts(ctx.db, query, limit, offset), offset, limit);
    },
    'catalog.get': ({ id }) => getCatalogProduct(ctx.db, id) ?? fail('not_found', `There is no product with id ${id} in the catalog.`),
    'catalog.imports': ({ limit }) => listCatalogImports(ctx.db, limit),
  };
}
