// Who may talk to the browser-mode server: only pages it served (Host/Origin are the loopback
// address it listens on — the DNS-rebinding defence) holding this launch's token.
import { timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';

export type GuardVerdict = { ok: true } | { ok: false; status: 401 | 403; message: string };

export function allowedHosts(port: number): Set<string> {
  return new Set([`127.0.0.1:${port}`, `localhost:${port}`]);
}

export function checkOrigin(req: IncomingMessage, hosts: Set<string>): GuardVerdict {
  const host = req.headers.host ?? '';
  if (!hosts.has(host)) return { ok: false, status: 403, message: 'This server only answers requests addressed to its loopback address.' };
  const origin = req.headers.origin;
  if (origin !== undefined && !hosts.has(origin.replace(/^http:\/\//, ''))) {
    return { ok: false, status: 403, message: 'Requests from other sites are refused.' };
  }
  return { ok: true };
}

export function checkToken(req: IncomingMessage, token: string): GuardVerdict {
  const header = req.headers.authorization ?? '';
  const given = header.startsWith('Bearer ') ? header.slice('Bearer '.length) : '';
  const a = Buffer.from(given);
  const b = Buffer.from(token);
  if (a.length === b.length && timingSafeEqual(a, b)) return { ok: true };
  return { ok: false, status: 401, message: 'A valid Stoa token is required. Open the address that `stoa serve` printed.' };
}
