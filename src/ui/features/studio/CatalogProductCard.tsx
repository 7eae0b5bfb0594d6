// One product in the catalog grid. Product images are remote URLs on the shop's CDN; the app's CSP
// allows only its own and data: images (nothing is fetched from third parties behind your back), so
// the card shows a placeholder with the image's address instead of the picture.
import type { OutputOf } from '../../../api/endpoints.ts';

type Product = OutputOf<'catalog.list'>['products'][number];

const AVAILABILITY: Record<string, string> = { in_stock: 'In stock', out_of_stock: 'Out of stock', preorder: 'Preorder', backorder: 'Backorder' };

export function CatalogProductCard({ product }: { readonly product: Product }) {
  const host = product.imageUrl ? safeHost(product.imageUrl) : null;
  return (
    <article className="catalog-card" aria-label={product.title}>
      <div className="catalog-image" title={product.imageUrl ?? 'No image'}>
        {product.imageUrl ? (
          <>
            <span className="catalog-image-note">Image on {host ?? 'the shop'}</span>
            <span className="catalog-image-url">{product.imageUrl}</span>
          </>
        ) : (
          <span className="catalog-image-note">No image</span>
        )}
      </div>
      <h3>{product.title}</h3>
      <p className="muted">
        {product.brand ?? 'No brand'} · <span className="sku">{product.sku ?? product.key}</span>
      </p>
      <p>
        <strong>{product.price ? `${product.price.amount} ${product.price.currency}` : 'No price'}</strong>
        {product.availability ? <span className={`availability ${product.availability}`}> {AVAILABILITY[product.availability]}</span> : null}
      </p>
      <p className="muted">
        {product.variantCount} {product.variantCount === 1 ? 'variant' : 'variants'} · {product.source === 'shopify' ? 'Shopify' : 'Merchant Center'}
        {product.gtin ? ` · GTIN ${product.gtin}` : ''}
      </p>
    </article>
  );
}

function safeHost(url: string): string | null {
  try {
    return new URL(url).host;
  } catch {
    return null;
  }
}
