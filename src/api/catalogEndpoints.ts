// catalog.* endpoints: the studio's product catalog. Files arrive as base64 (whole, or in parts
// staged with catalog.uploadPart when the transport caps request bodies); an import answers with
// its counts and per-row errors; products are listed by title, searched, and read with variants.
import { z } from 'zod';
import { AVAILABILITIES, CATALOG_FORMATS, CATALOG_SOURCES, CATALOG_UPLOAD_PART_BYTES } from '../core/catalog.ts';
import { base64Length } from '../core/mediaLimits.ts';
import { pageInput } from './schemas.ts';

/** Whole files given inline: the in-process and IPC transports carry them; HTTP caps bodies at 1 MB. */
const INLINE_IMPORT_BYTES = 16 * 1024 * 1024;

const moneySchema = z.object({ amount: z.string(), currency: z.string() });
const availabilitySchema = z.enum(AVAILABILITIES).nullable();

export const catalogProductSummarySchema = z.object({
  id: z.string(),
  source: z.enum(CATALOG_SOURCES),
  /** Shopify handle, or the Merchant item_group_id / id. */
  key: z.string(),
  sku: z.string().nullable(),
  title: z.string(),
  brand: z.string().nullable(),
  /** A remote URL (the shop's CDN); the UI shows it as a link, the CSP keeps remote images out. */
  imageUrl: z.string().nullable(),
  price: moneySchema.nullable(),
  availability: availabilitySchema,
  gtin: z.string().nullable(),
  variantCount: z.number().int(),
});

export const catalogVariantSchema = z.object({
  key: z.string(),
  sku: z.string().nullable(),
  title: z.string(),
  options: z.array(z.object({ name: z.string(), value: z.string() })),
  price: moneySchema.nullable(),
  availability: availabilitySchema,
  gtin: z.string().nullable(),
  mpn: z.string().nullable(),
  imageUrl: z.string().nullable(),
});

export const catalogProductSchema = catalogProductSummarySchema.extend({
  description: z.string().nullable(),
  link: z.string().nullable(),
  mpn: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
  lastImportId: z.string().nullable(),
  variants: z.array(catalogVariantSchema),
});

export const catalogImportRunSchema = z.object({
  id: z.string(),
  fileName: z.string(),
  format: z.enum(CATALOG_FORMATS).nullable(),
  dialect: z.string().nullable(),
  encoding: z.string().nullable(),
  /** 'interrupted': the run's process died mid-way; the batches it had written are kept. */
  status: z.enum(['running', 'done', 'failed', 'interrupted']),
  imported: z.number().int(),
  updated: z.number().int(),
  errorCount: z.number().int(),
  /** Why the file could not be read (or read to the end); rows before the problem are kept. */
  failure: z.string().nullable(),
  warnings: z.array(z.string()),
  startedAt: z.string(),
  finishedAt: z.string().nullable(),
});

const pageOutput = z.object({ products: z.array(catalogProductSummarySchema), nextCursor: z.string().nullable(), total: z.number().int() });

export const catalogEndpoints = {
  /** Stages one part of a catalog file; without uploadId it starts a new upload. */
  'catalog.uploadPart': {
    input: z.object({ uploadId: z.string().max(64).optional(), dataBase64: z.string().min(1).max(base64Length(CATALOG_UPLOAD_PART_BYTES)) }).strict(),
    output: z.object({ uploadId: z.string(), receivedBytes: z.number().int() }),
  },
  /** Imports a file given whole (dataBase64) or staged (uploadId); re-importing merges by source and key. */
  'catalog.import': {
    input: z
      .object({
        name: z.string().trim().min(1).max(255),
        dataBase64: z.string().min(1).max(base64Length(INLINE_IMPORT_BYTES)).optional(),
        uploadId: z.string().max(64).optional(),
        format: z.enum(CATALOG_FORMATS).optional(),
        /** Shopify CSVs carry no currency; default USD. */
        currency: z.string().regex(/^[A-Z]{3}$/, 'a currency is three capital letters, like EUR').optional(),
        /** Shopify CSVs carry no shop address; with it, products link to https://DOMAIN/products/HANDLE. */
        shopDomain: z.string().trim().max(253).optional(),
      })
      .strict()
      .refine((input) => (input.dataBase64 === undefined) !== (input.uploadId === undefined), { message: 'Give either dataBase64 or uploadId.' }),
    output: catalogImportRunSchema.extend({ errors: z.array(z.object({ line: z.number().int(), message: z.string() })) }),
  },
  'catalog.list': { input: z.object({ ...pageInput }).strict(), output: pageOutput },
  /** Words of a title or brand, or the start of a SKU, GTIN, MPN or handle. */
  'catalog.search': { input: z.object({ query: z.string().trim().min(1).max(200), ...pageInput }).strict(), output: pageOutput },
  'catalog.get': { input: z.object({ id: z.string().min(1).max(100) }).strict(), output: catalogProductSchema },
  /** The latest import runs, newest first. */
  'catalog.imports': { input: z.object({ limit: z.number().int().min(1).max(100).default(20) }).strict(), output: z.array(catalogImportRunSchema) },
} as const;
