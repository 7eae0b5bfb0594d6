// Instagram's catalog lookup for product tagging (PLATFORMS.md §4.4, §9.3): GET /{ig-user-id}/
// catalog_product_search?catalog_id=…&q=… walks the shop's Meta catalog by cursor; each result
// carries Meta's product_id (what a product tag needs) and the retailer_id (the shop's own id or
// SKU, which is how a Stoa catalog product is matched). Only review_status "approved" products can
// be tagged visibly; the others are returned so the UI can say why a product cannot be tagged.
import { z } from 'zod';
import type { CallFailure, QuarantinedPayload } from '../platform.ts';
import type { GraphClient } from './client.ts';
import { pageSchema } from './wire.ts';

const catalogProductSchema = z.object({
  product_id: z.union([z.string().min(1), z.number()]).transform(String),
  retailer_id: z.string().min(1),
  product_name: z.string().optional(),
  review_status: z.string().optional(),
  is_checkout_flow: z.boolean().optional(),
  image_url: z.string().optional(),
});

export interface InstagramCatalogProduct {
  readonly productId: string;
  readonly retailerId: string;
  readonly name: string | null;
  /** approved | pending | rejected | outdated (Meta's words); only approved tags show. */
  readonly reviewStatus: string | null;
  readonly taggable: boolean;
}

export type CatalogSearchOutcome =
  | { readonly status: 'ok'; readonly products: InstagramCatalogProduct[]; readonly quarantined: QuarantinedPayload[]; readonly complete: boolean }
  | CallFailure;

export interface CatalogSearchOptions {
  /** Words of a product name or a retailer id; without it the whole catalog is walked. */
  readonly query?: string;
  /** Stop after this many pages (default 100 pages of 100). */
  readonly maxPages?: number;
  readonly pageSize?: number;
}

export async function searchCatalog(client: GraphClient, igUserId: string, catalogId: string, options: CatalogSearchOptions = {}): Promise<CatalogSearchOutcome> {
  const products: InstagramCatalogProduct[] = [];
  const quarantined: QuarantinedPayload[] = [];
  let after: string | undefined;
  const maxPages = options.maxPages ?? 100;
  for (let page = 0; page < maxPages; page += 1) {
    const params: Record<string, string> = { catalog_id: catalogId, limit: String(Math.min(100, Math.max(1, options.pageSize ?? 100))) };
    if (options.query) params['q'] = options.query;
    if (after !== undefined) params['after'] = after;
    const result = await client.call('GET', `${igUserId}/catalog_product_search`, params);
    if (!result.ok) return result.failure;
    const parsed = pageSchema.safeParse(result.body);
    if (!parsed.success) return { status: 'ok', products, quarantined: [...quarantined, { payload: result.body, error: 'Instagram catalog page failed validation' }], complete: false };
    for (const raw of parsed.data.data) {
      const p = catalogProductSchema.safeParse(raw);
      if (!p.success) {
        quarantined.push({ payload: raw, error: `Instagram catalog product failed validation: ${p.error.issues[0]?.message ?? 'invalid'}` });
        continue;
      }
      const reviewStatus = p.data.review_status ?? null;
      products.push({ productId: p.data.product_id, retailerId: p.data.retailer_id, name: p.data.product_name ?? null, reviewStatus, taggable: reviewStatus === 'approved' });
    }
    after = parsed.data.paging?.cursors?.after;
    if (parsed.data.paging?.next === undefined || after === undefined) return { status: 'ok', products, quarantined, complete: true };
  }
  return { status: 'ok', products, quarantined, complete: false };
}
