// Sends a picked file to media.import. Files larger than one part travel as staged parts, because
// the browser-mode server caps a request body at 1 MB; Electron's IPC has no such cap but takes the
// same path, so both hosts behave alike.
import type { StoaClient } from '../../../api/client.ts';
import type { OutputOf } from '../../../api/endpoints.ts';
import type { ApiReply } from '../../../api/errors.ts';
import { MEDIA_UPLOAD_PART_BYTES } from '../../../core/mediaLimits.ts';

function base64Of(bytes: Uint8Array): string {
  let binary = '';
  // String.fromCharCode takes arguments on the stack: feed it slices.
  for (let at = 0; at < bytes.length; at += 0x8000) binary += String.fromCharCode(...bytes.subarray(at, at + 0x8000));
  return btoa(binary);
}

export async function importFile(client: StoaClient, file: File, keepMetadata = false): Promise<ApiReply<OutputOf<'media.import'>>> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  if (bytes.length <= MEDIA_UPLOAD_PART_BYTES) return client.call('media.import', { name: file.name, dataBase64: base64Of(bytes), keepMetadata });
  let uploadId: string | undefined;
  for (let at = 0; at < bytes.length; at += MEDIA_UPLOAD_PART_BYTES) {
    const dataBase64 = base64Of(bytes.subarray(at, at + MEDIA_UPLOAD_PART_BYTES));
    const reply = await client.call('media.uploadPart', uploadId === undefined ? { dataBase64 } : { uploadId, dataBase64 });
    if (!reply.ok) return reply;
    uploadId = reply.value.uploadId;
  }
  return client.call('media.import', { name: file.name, uploadId: uploadId as string, keepMetadata });
}
