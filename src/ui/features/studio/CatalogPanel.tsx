// The studio's product catalog: import a Shopify product CSV or a Merchant Center feed with a file
// input, see what was imported and which rows were not (by line), and search the products by
// title, brand, SKU or GTIN. Re-importing a file updates its products instead of duplicating them.
import { useState, type ChangeEvent } from 'react';
import type { OutputOf } from '../../../api/endpoints.ts';
import { useClient } from '../../apiContext.tsx';
import { useCall } from '../../hooks/useCall.ts';
import { CatalogImportReport } from './CatalogImportReport.tsx';
import { CatalogProductCard } from './CatalogProductCard.tsx';
import { importCatalogFile } from './catalogUpload.ts';
import './catalog.css';

type ImportRun = OutputOf<'catalog.import'>;
const PAGE = 60;

export function CatalogPanel() {
  const client = useClient();
  const [query, setQuery] = useState('');
  const [limit, setLimit] = useState(PAGE);
  const [refreshKey, setRefreshKey] = useState(0);
  const [importing, setImporting] = useState(false);
  const [run, setRun] = useState<ImportRun | null>(null);
  const [importError, setImportError] = useState<string | null>(null);
  const [currency, setCurrency] = useState('USD');
  const [shopDomain, setShopDomain] = useState('');
  const trimmed = query.trim();
  const listed = useCall('catalog.list', { limit }, refreshKey);
  const searched = useCall('catalog.search', { query: trimmed || '-', limit }, refreshKey);
  const page = trimmed ? searched : listed;
  // Runs whose process died mid-way (the app or a CLI import was closed): said once, with what was kept.
  const recentRuns = useCall('catalog.imports', { limit: 5 }, refreshKey);
  const interrupted = (recentRuns.value ?? []).filter((r) => r.status === 'interrupted' && r.id !== run?.id);

  async function onFile(event: ChangeEvent<HTMLInputElement>) {
    const file = event.target.files?.[0];
    event.target.value = '';
    if (!file) return;
    setImporting(true);
    setImportError(null);
    const reply = await importCatalogFile(client, file, /^[A-Z]{3}$/.test(currency) ? currency : 'USD', shopDomain);
    setImporting(false);
    if (reply.ok) setRun(reply.value);
    else setImportError(reply.error.message);
    setRefreshKey((n) => n + 1);
  }

  return (
    <div className="catalog-panel">
      <div className="catalog-toolbar">
        <label className="btn catalog-import">
          {importing ? 'Importing…' : 'Import catalog'}
          <input type="file" accept=".csv,.tsv,.txt,.xml,text/csv,text/tab-separated-values,application/xml,text/xml" disabled={importing} onChange={(event) => void onFile(event)} />
        </label>
        <label className="catalog-currency">
          Shopify currency
          <input value={currency} maxLength={3} size={4} onChange={(event) => setCurrency(event.target.value.toUpperCase())} />
        </label>
        <label className="catalog-currency catalog-shop">
          Shop domain (optional)
          <input value={shopDomain} placeholder="example.com" maxLength={253} size={18} onChange={(event) => setShopDomain(event.target.value)} />
        </label>
        <input
          type="search"
          aria-label="Search catalog"
          placeholder="Title, brand, SKU or GTIN"
          value={query}
          onChange={(event) => {
            setQuery(event.target.value);
            setLimit(PAGE);
          }}
        />
        <span className="muted" aria-live="polite">
          {page.value ? `${page.value.total.toLocaleString('en-US')} ${trimmed ? 'found' : 'products'}` : ''}
        </span>
      </div>
      <p className="muted">
        Shopify product CSV (either header style) or Google Merchant Center feed (TSV or XML). Shopify files carry no currency: their prices are read in the currency beside the button, and their products link to https://DOMAIN/products/HANDLE when you give the shop domain. Product images stay on
        the shop&apos;s servers: Stoa does not load remote images, so each card shows the image&apos;s address.
      </p>
      {importError ? <p role="alert">{importError}</p> : null}
      {interrupted.map((earlier) => (
        <p key={earlier.id} className="warning" aria-label="Interrupted import">
          Import of {earlier.fileName} (started {earlier.startedAt}) was interrupted: {earlier.failure}
        </p>
      ))}
      {run ? <CatalogImportReport run={run} /> : null}
      {page.error ? <p role="alert">{page.error.message}</p> : null}
      {page.value && page.value.products.length === 0 ? <p className="muted">{trimmed ? 'No product matches.' : 'No products yet: import a catalog file.'}</p> : null}
      <div className="catalog-grid" role="list" aria-label="Catalog products">
        {page.value?.products.map((product) => (
          <div role="listitem" key={product.id}>
            <CatalogProductCard product={product} />
          </div>
        ))}
      </div>
      {page.value?.nextCursor ? (
        <button type="button" onClick={() => setLimit((n) => Math.min(500, n + PAGE))} disabled={limit >= 500}>
          Show more
        </button>
      ) : null}
    </div>
  );
}
