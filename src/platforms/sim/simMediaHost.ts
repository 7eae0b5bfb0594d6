// A public media host for the simulators, served by the sim host itself at
//   PUT  /__sim/media-host/<name>   store the request body (201 new, 200 same bytes again)
//   HEAD /__sim/media-host/<name>   200 with content-length when stored, else 404
//   GET  /__sim/media-host/<name>   the stored bytes with their content-type
// It stands in for the S3/R2/WebDAV bucket a real workspace uploads renditions to, so the
// Instagram simulator can fetch image_url over HTTP the way Meta does, and nothing leaves loopback.
import type { SimReply } from './types.ts';

export const SIM_MEDIA_HOST_PREFIX = '/__sim/media-host';
/** Big enough for any rendition; a larger body is refused rather than held in memory. */
const MAX_BYTES = 16 * 1024 * 1024;
const MAX_OBJECTS = 500;
const NAME = /^[A-Za-z0-9][A-Za-z0-9._-]{0,199}$/;

export interface SimMediaHost {
  reply(method: string, name: string, body: Buffer, headers: Readonly<Record<string, string | undefined>>): SimReply;
  /** Names stored so far, oldest first (for tests and GET /__sim/state readers). */
  names(): readonly string[];
  /** How many PUTs stored bytes (an identical re-upload counts too), for idempotency checks. */
  readonly puts: number;
}

const text = (status: number, message: string): SimReply => ({ status, headers: { 'content-type': 'text/plain; charset=utf-8' }, body: message });

export function createSimMediaHost(): SimMediaHost {
  const objects = new Map<string, { readonly bytes: Buffer; readonly type: string }>();
  let puts = 0;
  return {
    get puts() {
      return puts;
    },
    names: () => [...objects.keys()],
    reply(method, name, body, headers) {
      if (!NAME.test(name)) return text(404, `no object ${name} on the simulator media host`);
      if (method === 'PUT') {
        if (body.length === 0) return text(400, 'an upload needs a body');
        if (body.length > MAX_BYTES) return text(413, `uploads are limited to ${MAX_BYTES} bytes`);
        const existed = objects.has(name);
        if (!existed && objects.size >= MAX_OBJECTS) objects.delete(objects.keys().next().value ?? '');
        objects.set(name, { bytes: Buffer.from(body), type: headers['content-type'] ?? 'application/octet-stream' });
        puts += 1;
        return { status: existed ? 200 : 201, headers: { 'content-type': 'text/plain; charset=utf-8' }, body: existed ? 'replaced' : 'created' };
      }
      if (method !== 'GET' && method !== 'HEAD') return { status: 405, headers: { allow: 'GET, HEAD, PUT', 'content-type': 'text/plain; charset=utf-8' }, body: 'use GET, HEAD or PUT' };
      const found = objects.get(name);
      if (!found) return method === 'HEAD' ? { status: 404, headers: {} } : text(404, `no object ${name} on the simulator media host`);
      return { status: 200, headers: { 'content-type': found.type, 'content-length': String(found.bytes.length) }, body: method === 'HEAD' ? undefined : found.bytes };
    },
  };
}
