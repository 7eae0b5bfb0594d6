// The simulator's Meta catalog behind GET /{ig-user-id}/catalog_product_search (PLATFORMS.md §4.4):
// products with Meta ids, the shop's retailer ids and a review status, searched by name or
// retailer id and cursor-paged like every Graph edge. Tests seed the retailer ids they import.
import type { SimReply } from '../sim/types.ts';
import { graphError } from './simMeta.ts';

export interface SimCatalogProduct {
  readonly product_id: string;
  readonly retailer_id: string;
  readonly product_name: string;
  readonly review_status: 'approved' | 'pending' | 'rejected';
  readonly is_checkout_flow: boolean;
}

export interface SimCatalogSeed {
  readonly retailerId: string;
  readonly name: string;
  readonly reviewStatus?: SimCatalogProduct['review_status'];
}

export const DEFAULT_CATALOG_ID = '900100200300400';

const DEFAULT_SEED: readonly SimCatalogSeed[] = [
  { retailerId: 'LS-S-NAT', name: 'Linen Shirt S' },
  { retailerId: 'MUG-SPK', name: 'Ceramic Mug — Speckled' },
  { retailerId: 'BN-CHR', name: 'Wool Beanie Charcoal', reviewStatus: 'pending' },
];

export class SimCatalog {
  readonly products: SimCatalogProduct[];

  constructor(
    readonly catalogId: string = DEFAULT_CATALOG_ID,
    seed: readonly SimCatalogSeed[] = DEFAULT_SEED,
  ) {
    this.products = seed.map((s, i) => ({
      product_id: String(7_000_000_000_000_000 + i * 7919),
      retailer_id: s.retailerId,
      product_name: s.name,
      review_status: s.reviewStatus ?? 'approved',
      is_checkout_flow: true,
    }));
  }

  search(params: URLSearchParams, selfUrl: string): SimReply {
    const catalogId = params.get('catalog_id');
    if (!catalogId) return graphError(400, 100, '(#100) The parameter catalog_id is required');
    if (catalogId !== this.catalogId) return graphError(400, 100, `(#100) Param catalog_id must be a catalog this account can tag from`);
    const q = (params.get('q') ?? '').toLowerCase();
    const matches = this.products.filter((p) => q === '' || p.product_name.toLowerCase().includes(q) || p.retailer_id.toLowerCase().includes(q));
    const limit = Math.min(100, Math.max(1, Number(params.get('limit') ?? 25) || 25));
    const after = params.get('after');
    const from = after === null ? 0 : Number(Buffer.from(after, 'base64url').toString('utf8'));
    if (!Number.isInteger(from) || from < 0) return graphError(400, 100, '(#100) Invalid cursor');
    const page = matches.slice(from, from + limit);
    const next = from + limit < matches.length ? Buffer.from(String(from + limit)).toString('base64url') : null;
    const paging: Record<string, unknown> = { cursors: { before: Buffer.from(String(from)).toString('base64url'), after: next ?? Buffer.from(String(matches.length)).toString('base64url') } };
    if (next) {
      const url = new URL(selfUrl);
      url.searchParams.set('after', next);
      paging['next'] = url.toString();
    }
    return { status: 200, body: { data: page, paging } };
  }
}
