// `stoa catalog import FILE`, `stoa catalog list` and `stoa catalog search QUERY`: the studio's
// product catalog from the terminal. An import streams the file from disk; rows that cannot be
// read are listed with their line and reason and the rest is imported. The exit code is 1 only
// when the file itself was refused (not a catalog, required columns missing, undecodable).
import type { Command } from 'commander';
import { InvalidArgumentError } from 'commander';
import type { Backend } from '../../backend/openBackend.ts';
import { writeJson } from '../output.ts';

const FORMATS = ['shopify', 'gmc-tsv', 'gmc-xml'] as const;
type Format = (typeof FORMATS)[number];

interface CatalogFlags {
  readonly dataDir?: string;
  readonly json?: boolean;
}

const dataDirOption = ['-d, --data-dir <dir>', 'workspace folder (default: $STOA_DATA_DIR or the OS app-data folder)'] as const;

function parseFormat(value: string): Format {
  if (!(FORMATS as readonly string[]).includes(value)) throw new InvalidArgumentError(`a format is one of ${FORMATS.join(', ')}.`);
  return value as Format;
}

function parseCurrency(value: string): string {
  if (!/^[A-Za-z]{3}$/.test(value)) throw new InvalidArgumentError('a currency is a 3-letter code such as EUR.');
  return value.toUpperCase();
}

function parseLimit(value: string): number {
  const limit = Number(value);
  if (!Number.isInteger(limit) || limit < 1 || limit > 500) throw new InvalidArgumentError('a limit is a whole number from 1 to 500.');
  return limit;
}

async function withBackend<T>(dataDir: string | undefined, work: (backend: Backend) => Promise<T>): Promise<T> {
  const { openSyncWorkspace } = await import('../../backend/sync/workspace.ts');
  const workspace = openSyncWorkspace(dataDir);
  try {
    return await work(workspace.backend);
  } finally {
    await workspace.close();
  }
}

interface ProductLine {
  readonly id: string;
  readonly key: string;
  readonly sku: string | null;
  readonly title: string;
  readonly price: { readonly amount: string; readonly currency: string } | null;
  readonly availability: string | null;
}

function printProducts(products: readonly ProductLine[], total: number, json: boolean | undefined): void {
  if (json) {
    writeJson({ total, products });
    return;
  }
  for (const p of products) {
    const price = p.price ? `${p.price.amount} ${p.price.currency}` : '-';
    process.stdout.write(`${p.id}\t${p.sku ?? p.key}\t${price}\t${p.availability ?? '-'}\t${p.title}\n`);
  }
  process.stdout.write(`${products.length} of ${total}\n`);
}

export function registerCatalog(program: Command): void {
  const catalog = program.command('catalog').description('The studio product catalog: import Shopify CSVs and Merchant Center feeds, list and search products.');

  catalog
    .command('import')
    .description('Import a Shopify product CSV or a Google Merchant Center feed (TSV or XML); a re-import merges.')
    .argument('<file>', 'the catalog file')
    .option('--format <format>', `skip detection: ${FORMATS.join(' | ')}`, parseFormat)
    .option('--currency <code>', 'currency of a Shopify CSV (its prices carry none; default USD)', parseCurrency)
    .option('--shop-domain <domain>', 'the shop of a Shopify CSV (it carries none): products link to https://DOMAIN/products/HANDLE')
    .option(...dataDirOption)
    .option('--json', 'print one JSON object: imported, updated, errors (each line, message), failure, warnings')
    .action(async (file: string, flags: CatalogFlags & { format?: Format; currency?: string; shopDomain?: string }) => {
      const { importCatalogPath } = await import('../../backend/catalogImport.ts');
      const run = await withBackend(flags.dataDir, (backend) =>
        importCatalogPath(backend.context, file, {
          ...(flags.format ? { format: flags.format } : {}),
          ...(flags.currency ? { currency: flags.currency } : {}),
          ...(flags.shopDomain ? { shopDomain: flags.shopDomain } : {}),
        }),
      );
      if (flags.json) {
        writeJson({
          id: run.id,
          status: run.status,
          format: run.format,
          imported: run.imported,
          updated: run.updated,
          errors: run.errors,
          errorCount: run.errorCount,
          failure: run.failure,
          warnings: run.warnings,
        });
      } else {
        for (const error of run.errors) process.stderr.write(`line ${error.line}: ${error.message}\n`);
        if (run.errorCount > run.errors.length) process.stderr.write(`… and ${run.errorCount - run.errors.length} more rows with errors (all kept with import ${run.id})\n`);
        for (const warning of run.warnings) process.stderr.write(`warning: ${warning}\n`);
        if (run.failure) process.stderr.write(`stoa: ${run.failure}\n`);
        process.stdout.write(`${run.format ?? 'unknown format'}: ${run.imported} imported, ${run.updated} updated, ${run.errorCount} rows with errors\n`);
      }
      if (run.failure) process.exitCode = 1;
    });

  catalog
    .command('imports')
    .description('List the latest import runs, newest first: done, failed, or interrupted (its process stopped mid-way; what it wrote was kept).')
    .option('--limit <n>', 'how many (default 20)', parseLimit, 20)
    .option(...dataDirOption)
    .option('--json', 'print one JSON object: runs (each id, fileName, status, imported, updated, errorCount, failure, startedAt, finishedAt)')
    .action(async (flags: CatalogFlags & { limit: number }) => {
      const { listImportsForCli } = await import('../../backend/catalogImport.ts');
      const runs = await withBackend(flags.dataDir, async (backend) => listImportsForCli(backend.context, Math.min(flags.limit, 100)));
      if (flags.json) {
        writeJson({ runs });
        return;
      }
      for (const run of runs) {
        process.stdout.write(`${run.id}\t${run.status}\t${run.startedAt}\t${run.imported} imported, ${run.updated} updated, ${run.errorCount} rows with errors\t${run.fileName}\n`);
        if (run.failure) process.stdout.write(`\t${run.failure}\n`);
      }
    });

  catalog
    .command('list')
    .description('List catalog products by title.')
    .option('--limit <n>', 'how many (default 50)', parseLimit, 50)
    .option(...dataDirOption)
    .option('--json', 'print one JSON object: total, products')
    .action(async (flags: CatalogFlags & { limit: number }) => {
      const { listCatalogForCli } = await import('../../backend/catalogImport.ts');
      const page = await withBackend(flags.dataDir, async (backend) => listCatalogForCli(backend.context, null, flags.limit));
      printProducts(page.products, page.total, flags.json);
    });

  catalog
    .command('search')
    .description('Search catalog products by title or brand words, or the start of a SKU, GTIN, MPN or handle.')
    .argument('<query>', 'what to look for')
    .option('--limit <n>', 'how many (default 50)', parseLimit, 50)
    .option(...dataDirOption)
    .option('--json', 'print one JSON object: total, products')
    .action(async (query: string, flags: CatalogFlags & { limit: number }) => {
      const { listCatalogForCli } = await import('../../backend/catalogImport.ts');
      const page = await withBackend(flags.dataDir, async (backend) => listCatalogForCli(backend.context, query, flags.limit));
      printProducts(page.products, page.total, flags.json);
    });
}
