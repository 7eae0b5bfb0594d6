// Sends a picked catalog file to catalog.import. Files larger than one part travel as staged parts,
// because the browser-mode server caps a request body at 1 MB; Electron takes the same path.
import type { StoaClient } from '../../../api/client.ts';
import type { OutputOf } from '../../../api/endpoints.ts';
import type { ApiReply } from '../../../api/errors.ts';
import { CATALOG_UPLOAD_PART_BYTES } from '../../../core/catalog.ts';

function base64Of(bytes: Uint8Array): string {
  let binary = '';
  // String.fromCharCode takes arguments on the stack: feed it slices.
  for (let at = 0; at < bytes.length; at += 0x8000) binary += String.fromCharCode(...bytes.subarray(at, at + 0x8000));
  return btoa(binary);
}

/** `shopDomain` (optional): Shopify products then link to https://DOMAIN/products/HANDLE. */
export async function importCatalogFile(client: StoaClient, file: File, currency: string, shopDomain = ''): Promise<ApiReply<OutputOf<'catalog.import'>>> {
  const shop = shopDomain.trim() === '' ? {} : { shopDomain: shopDomain.trim() };
  const bytes = new Uint8Array(await file.arrayBuffer());
  if (bytes.length <= CATALOG_UPLOAD_PART_BYTES) return client.call('catalog.import', { name: file.name, dataBase64: base64Of(bytes), currency, ...shop });
  let uploadId: string | undefined;
  for (let at = 0; at < bytes.length; at += CATALOG_UPLOAD_PART_BYTES) {
    const dataBase64 = base64Of(bytes.subarray(at, at + CATALOG_UPLOAD_PART_BYTES));
    const reply = await client.call('catalog.uploadPart', uploadId === undefined ? { dataBase64 } : { uploadId, dataBase64 });
    if (!reply.ok) return reply;
    uploadId = reply.value.uploadId;
  }
  return client.call('catalog.import', { name: file.name, uploadId: uploadId as string, currency, ...shop });
}
