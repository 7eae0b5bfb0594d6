// Reply helpers every platform simulator shares: the transient faults whose shape does not depend
// on the platform (a CDN in front answers 502/503 with HTML; a reset is a reset), and JSON/text.
import type { Fault, SimReply } from './types.ts';

export const json = (status: number, body: unknown, headers: Readonly<Record<string, string>> = {}): SimReply => ({
  status,
  headers: { 'content-type': 'application/json; charset=utf-8', ...headers },
  body,
});

export const text = (status: number, body: string, headers: Readonly<Record<string, string>> = {}): SimReply => ({
  status,
  headers: { 'content-type': 'text/plain; charset=utf-8', ...headers },
  body,
});

export const DROP: SimReply = { drop: true };

/**
 * The reply for `drop` and `server_error` faults, or null for any other fault kind. Call it
 * before touching state: neither of these commits anything.
 */
export function transientFaultReply(fault: Fault | null): SimReply | null {
  if (fault === null) return null;
  if (fault.kind === 'drop') return DROP;
  if (fault.kind === 'server_error') {
    const status = typeof fault.options['status'] === 'number' ? fault.options['status'] : 503;
    return {
      status,
      headers: { 'content-type': 'text/html; charset=utf-8' },
      body: `<html><body><h1>${status} Service Unavailable</h1>No server is available to handle this request.</body></html>`,
    };
  }
  return null;
}

export function isWriteMethod(method: string): boolean {
  return method !== 'GET' && method !== 'HEAD' && method !== 'OPTIONS';
}
