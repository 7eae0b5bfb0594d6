// Meta Graph responses → the neutral failure vocabulary of platform.ts (PLATFORMS.md §4.6, §4.7,
// §10.4). Meta throttles with error codes 4/17/32/613 (80002 for Instagram's business use case)
// in HTTP 400/403 bodies, never 429 and never Retry-After: the wait comes from
// X-Business-Use-Case-Usage `estimated_time_to_regain_access` (minutes) or, failing that, from
// exponential backoff kept by the client.
import type { CallFailure } from '../platform.ts';
import { appUsageSchema, bucUsageSchema, graphErrorSchema, type GraphError } from './wire.ts';

export const THROTTLE_CODES: ReadonlySet<number> = new Set([4, 17, 32, 613, 80002]);
export const TRANSIENT_RETRY_SECONDS = 30;
export const MAX_BACKOFF_SECONDS = 3600;

export function graphErrorOf(body: unknown): GraphError | null {
  const parsed = graphErrorSchema.safeParse(body);
  return parsed.success ? parsed.data.error : null;
}

/** "Object does not exist" (code 100, subcode 33): a deleted comment. */
export function isMissingObject(error: GraphError | null): boolean {
  return error !== null && error.code === 100 && error.error_subcode === 33;
}

export interface Usage {
  /** Highest percentage across X-App-Usage and every X-Business-Use-Case-Usage entry. */
  readonly percent: number;
  /** Largest estimated_time_to_regain_access, in minutes; 0 when none. */
  readonly regainMinutes: number;
}

function readJson(text: string | null): unknown {
  if (!text) return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

/** Usage from response headers; null when neither header is present or readable. */
export function usageFromHeaders(headers: Headers): Usage | null {
  const app = appUsageSchema.safeParse(readJson(headers.get('x-app-usage')));
  const buc = bucUsageSchema.safeParse(readJson(headers.get('x-business-use-case-usage')));
  if (!app.success && !buc.success) return null;
  let percent = app.success ? Math.max(app.data.call_count, app.data.total_cputime, app.data.total_time) : 0;
  let regainMinutes = 0;
  if (buc.success) {
    for (const entries of Object.values(buc.data)) {
      for (const e of entries) {
        percent = Math.max(percent, e.call_count, e.total_cputime, e.total_time);
        regainMinutes = Math.max(regainMinutes, e.estimated_time_to_regain_access ?? 0);
      }
    }
  }
  return { percent, regainMinutes };
}

export function retryAfter(now: Date, seconds: number, reason: string, ambiguous: boolean): CallFailure {
  return { status: 'retry_after', at: new Date(now.getTime() + seconds * 1000).toISOString(), seconds, reason, ambiguous };
}

/** Seconds to wait after the n-th consecutive throttle (n ≥ 1) when Meta gives no estimate. */
export function backoffSeconds(consecutive: number): number {
  return Math.min(MAX_BACKOFF_SECONDS, 60 * 2 ** Math.max(0, consecutive - 1));
}

/**
 * A failed Graph response as a failure. `consecutiveThrottles` includes this response when it is
 * a throttle. Missing objects are not classified here: whether that is "done" depends on the action.
 */
export function classifyGraphError(status: number, error: GraphError | null, usage: Usage | null, isWrite: boolean, consecutiveThrottles: number, now: Date): CallFailure {
  if (error && error.code === 190) {
    return { status: 'reauth', reason: 'Instagram no longer accepts this account’s access token (expired, revoked or password changed); reconnect it in Settings.' };
  }
  if (error && THROTTLE_CODES.has(error.code)) {
    const estimated = (usage?.regainMinutes ?? 0) * 60;
    const seconds = estimated > 0 ? estimated : backoffSeconds(consecutiveThrottles);
    return retryAfter(now, seconds, `Meta is throttling this app (code ${error.code}); waiting before the next call.`, false);
  }
  if ((error && (error.is_transient === true || error.code === 1 || error.code === 2)) || status >= 500 || (!error && status === 408)) {
    return retryAfter(now, TRANSIENT_RETRY_SECONDS, `Instagram answered ${status}; will retry.`, isWrite);
  }
  if (error && (error.code === 10 || (error.code >= 200 && error.code <= 299))) {
    return { status: 'permanent_failure', code: 'permission_denied', reason: 'The Instagram account lacks a permission this action needs (instagram_manage_comments).' };
  }
  if (error && error.code === 100) return { status: 'permanent_failure', code: 'invalid_parameter', reason: `Instagram rejected the request: ${error.message}` };
  return { status: 'permanent_failure', code: error ? `graph_${error.code}` : `http_${status}`, reason: `Instagram rejected the request (${error?.message ?? status}).` };
}
