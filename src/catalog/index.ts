// The catalog room: Shopify product CSVs and Merchant Center feeds read into one product model.
export { readCatalog, emptyReadInfo, type ReadInfo, type ReadOptions } from './readCatalog.ts';
export { parseMoney } from './price.ts';
export { parseShopDomain } from './shopDomain.ts';
export * from './product.ts';
