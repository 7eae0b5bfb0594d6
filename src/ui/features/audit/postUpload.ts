// Sends a picked post export to compliance.posts.import. An export larger than one part travels as
// staged parts (compliance.posts.uploadPart), because the browser-mode server caps a request body
// at 1 MB; Electron takes the same path. Parts are cut on bytes, so a character split across two
// parts is joined again by the backend, which decodes the whole staged file.
import type { StoaClient } from '../../../api/client.ts';
import { POST_UPLOAD_PART_BYTES } from '../../../api/complianceEndpoints.ts';
import type { InputOf, OutputOf } from '../../../api/endpoints.ts';
import type { ApiReply } from '../../../api/errors.ts';

function base64Of(bytes: Uint8Array): string {
  let binary = '';
  // String.fromCharCode takes arguments on the stack: feed it slices.
  for (let at = 0; at < bytes.length; at += 0x8000) binary += String.fromCharCode(...bytes.subarray(at, at + 0x8000));
  return btoa(binary);
}

type ImportOptions = Omit<InputOf<'compliance.posts.import'>, 'text' | 'uploadId'>;

/** `onProgress` gets the bytes sent so far while a staged upload is under way. */
export async function importPostExport(client: StoaClient, bytes: Uint8Array, options: ImportOptions, onProgress?: (sent: number, total: number) => void): Promise<ApiReply<OutputOf<'compliance.posts.import'>>> {
  if (bytes.length <= POST_UPLOAD_PART_BYTES) return client.call('compliance.posts.import', { ...options, text: new TextDecoder().decode(bytes) });
  let uploadId: string | undefined;
  for (let at = 0; at < bytes.length; at += POST_UPLOAD_PART_BYTES) {
    const dataBase64 = base64Of(bytes.subarray(at, at + POST_UPLOAD_PART_BYTES));
    const reply = await client.call('compliance.posts.uploadPart', uploadId === undefined ? { dataBase64 } : { uploadId, dataBase64 });
    if (!reply.ok) return reply;
    uploadId = reply.value.uploadId;
    onProgress?.(Math.min(bytes.length, at + POST_UPLOAD_PART_BYTES), bytes.length);
  }
  return client.call('compliance.posts.import', { ...options, uploadId: uploadId as string });
}
