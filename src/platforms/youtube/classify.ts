// Google/YouTube responses → the neutral failure vocabulary of platform.ts (PLATFORMS.md §5.4,
// §5.5, §10.4). Pure: the client feeds it a status, a parsed body and whether the call was a
// write; the quota reset instant comes from quota.ts so it is DST-correct.
import { TRANSIENT_RETRY_SECONDS } from '../common/http.ts';
import type { CallFailure } from '../platform.ts';
import { nextPacificMidnight } from './quota.ts';
import { googleErrorSchema } from './wire.ts';

// A 5xx or a dropped connection carries no time from Google, whose guidance is jittered
// exponential backoff from about a second: the floor is the one every connector shares and the
// engine's backoff grows past it. (A fixed 30 s here once left a dropped write waiting so long that
// a `stoa sync --max-wait 60` got one try per run.)
export { TRANSIENT_RETRY_SECONDS };
export const RATE_LIMIT_RETRY_SECONDS = 60;

/** The first `errors[].reason` of a Google error body, or null when the body is not one (HTML 502). */
export function errorReason(body: unknown): string | null {
  const parsed = googleErrorSchema.safeParse(body);
  return parsed.success ? (parsed.data.error.errors?.[0]?.reason ?? parsed.data.error.status ?? null) : null;
}

export function retryAfter(now: Date, seconds: number, reason: string, ambiguous: boolean): CallFailure {
  return { status: 'retry_after', at: new Date(now.getTime() + seconds * 1000).toISOString(), seconds, reason, ambiguous };
}

export function untilQuotaReset(now: Date): CallFailure {
  const at = nextPacificMidnight(now);
  const seconds = Math.max(1, Math.ceil((at.getTime() - now.getTime()) / 1000));
  return { status: 'retry_after', at: at.toISOString(), seconds, reason: 'YouTube daily quota is used up; it resets at midnight Pacific time.', ambiguous: false };
}

const QUOTA_REASONS = new Set(['quotaExceeded', 'dailyLimitExceeded']);
const RATE_REASONS = new Set(['rateLimitExceeded', 'userRateLimitExceeded']);

/**
 * A non-2xx API response as a failure. 401 is handled before this (refresh once, then reauth);
 * writes that may have been applied (5xx) are flagged ambiguous so the caller reads first.
 */
export function classifyApiError(status: number, body: unknown, isWrite: boolean, now: Date): CallFailure {
  const reason = errorReason(body);
  if (status === 401) return { status: 'reauth', reason: 'YouTube no longer accepts this account’s sign-in; reconnect it in Settings.' };
  if (reason !== null && QUOTA_REASONS.has(reason)) return untilQuotaReset(now);
  if (reason !== null && RATE_REASONS.has(reason)) return retryAfter(now, RATE_LIMIT_RETRY_SECONDS, 'YouTube is throttling requests; slowing down.', false);
  if (status >= 500 || status === 408) return retryAfter(now, TRANSIENT_RETRY_SECONDS, `YouTube answered ${status}; will retry.`, isWrite);
  if (status === 403) return { status: 'permanent_failure', code: reason ?? 'forbidden', reason: 'YouTube refused: this account may not moderate that comment (not the channel owner, or missing permission).' };
  if (status === 404) return { status: 'permanent_failure', code: reason ?? 'not_found', reason: 'YouTube does not know that comment or video any more.' };
  if (status === 429) return retryAfter(now, RATE_LIMIT_RETRY_SECONDS, 'YouTube is throttling requests; slowing down.', false);
  return { status: 'permanent_failure', code: reason ?? `http_${status}`, reason: `YouTube rejected the request (${reason ?? status}).` };
}

/** A fetch that threw (reset, refused, timed out): a write may have been committed before the drop. */
export function classifyNetworkError(error: unknown, isWrite: boolean, now: Date): CallFailure {
  const name = error instanceof Error ? error.name : 'Error';
  const what = name === 'TimeoutError' ? 'timed out' : 'lost the connection';
  return retryAfter(now, TRANSIENT_RETRY_SECONDS, `The request to YouTube ${what}${isWrite ? '; it may have been applied' : ''}.`, isWrite);
}
