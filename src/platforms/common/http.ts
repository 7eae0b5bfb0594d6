// Transport helpers shared by connectors: one exchange that never throws (a dropped connection is
// an outcome, not an exception), and constructors for the failure values of platform.ts.
import type { CallFailure, Clock, FetchFn } from '../platform.ts';

export type Exchange =
  | { readonly ok: true; readonly status: number; readonly headers: Headers; readonly text: string }
  /** No response: connection refused/reset, timeout. The request may or may not have been applied. */
  | { readonly ok: false; readonly error: string };

export const DEFAULT_TIMEOUT_MS = 30_000;

export async function exchange(fetch: FetchFn, url: string, init: RequestInit, timeoutMs = DEFAULT_TIMEOUT_MS): Promise<Exchange> {
  try {
    const response = await fetch(url, { ...init, signal: AbortSignal.timeout(timeoutMs) });
    const text = await response.text();
    return { ok: true, status: response.status, headers: response.headers, text };
  } catch (error) {
    // undici reports resets as TypeError('fetch failed') with the socket error as its cause.
    const cause = error instanceof Error && error.cause instanceof Error ? `: ${error.cause.message}` : '';
    return { ok: false, error: `${error instanceof Error ? error.message : String(error)}${cause}` };
  }
}

export function parseJson(text: string): { readonly ok: true; readonly value: unknown } | { readonly ok: false } {
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch {
    return { ok: false };
  }
}

/** `answered`: whether the platform answered at all (see CallFailure), where the caller knows. */
export function retryAfter(clock: Clock, seconds: number, reason: string, ambiguous = false, answered?: boolean): CallFailure {
  const wait = Math.max(0, Math.ceil(seconds));
  const at = new Date(clock.now().getTime() + wait * 1000).toISOString();
  return answered === undefined ? { status: 'retry_after', at, seconds: wait, reason, ambiguous } : { status: 'retry_after', at, seconds: wait, reason, ambiguous, answered };
}

export const permanentFailure = (code: string, reason: string): CallFailure => ({ status: 'permanent_failure', code, reason });
export const reauth = (reason: string): CallFailure => ({ status: 'reauth', reason });

/** Seconds from a Retry-After header (delta-seconds or an HTTP date); null when absent or unreadable. */
export function retryAfterSeconds(header: string | null, clock: Clock): number | null {
  if (header === null || header.trim() === '') return null;
  const seconds = Number(header);
  if (Number.isFinite(seconds)) return Math.max(0, seconds);
  const date = Date.parse(header);
  return Number.isNaN(date) ? null : Math.max(0, (date - clock.now().getTime()) / 1000);
}

/** Transient server trouble: retry later. A 5xx on a write is ambiguous (it may have committed). */
export const TRANSIENT_STATUSES: ReadonlySet<number> = new Set([408, 500, 502, 503, 504, 520, 522, 524]);
export const TRANSIENT_RETRY_SECONDS = 5;
