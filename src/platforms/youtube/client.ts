// The YouTube Data API v3 over HTTP, unchanged between the real API and the simulator: only
// `baseUrl` differs (https://www.googleapis.com, or http://127.0.0.1:PORT/youtube). Every call is
// priced in quota units before it leaves; a call the day's budget cannot pay for is not sent.
import type { CallFailure, ConnectorConfig } from '../platform.ts';
import { classifyApiError, classifyNetworkError, errorReason, retryAfter, TRANSIENT_RETRY_SECONDS, untilQuotaReset } from './classify.ts';
import { QuotaLedger, type QuotaMethod, type QuotaSnapshot } from './quota.ts';
import { GoogleTokens } from './token.ts';

export const YOUTUBE_API_ROOT = 'https://www.googleapis.com';
export const GOOGLE_OAUTH_ROOT = 'https://oauth2.googleapis.com';

export type ApiResult =
  | { readonly ok: true; readonly status: number; readonly body: unknown }
  | { readonly ok: false; readonly failure: CallFailure; readonly httpStatus: number | null; readonly googleReason: string | null };

const HTTP_METHOD: Readonly<Record<QuotaMethod, 'GET' | 'POST' | 'PUT' | 'DELETE'>> = {
  'commentThreads.list': 'GET',
  'comments.list': 'GET',
  'channels.list': 'GET',
  'playlistItems.list': 'GET',
  'videos.list': 'GET',
  'comments.setModerationStatus': 'POST',
  'comments.delete': 'DELETE',
  'comments.insert': 'POST',
  'comments.update': 'PUT',
};

const PATH: Readonly<Record<QuotaMethod, string>> = {
  'commentThreads.list': 'commentThreads',
  'comments.list': 'comments',
  'channels.list': 'channels',
  'playlistItems.list': 'playlistItems',
  'videos.list': 'videos',
  'comments.setModerationStatus': 'comments/setModerationStatus',
  'comments.delete': 'comments',
  'comments.insert': 'comments',
  'comments.update': 'comments',
};

export class YoutubeClient {
  readonly tokens: GoogleTokens;
  readonly quota: QuotaLedger;
  private pausedUntil = 0;

  constructor(
    private readonly config: ConnectorConfig,
    quota?: { readonly dailyLimit?: number; readonly snapshot?: QuotaSnapshot },
  ) {
    this.tokens = new GoogleTokens(config);
    this.quota = new QuotaLedger(quota?.dailyLimit, quota?.snapshot);
  }

  private url(method: QuotaMethod, params: Readonly<Record<string, string>>): string {
    const base = this.config.baseUrl.replace(/\/$/, '');
    return `${base}/youtube/v3/${PATH[method]}?${new URLSearchParams(params).toString()}`;
  }

  // Every unit spent is written through to the usage store, so a later process (the next `stoa sync`)
  // starts from today's real spend instead of a fresh 10,000.
  private charge(method: QuotaMethod, now: Date): void {
    this.quota.charge(method, now);
    this.config.usageStore?.save(this.quota.snapshot(now));
  }

  /** One API call: quota check, token, send, charge, refresh-once on 401, classify. */
  async call(method: QuotaMethod, params: Readonly<Record<string, string>>): Promise<ApiResult> {
    const isWrite = HTTP_METHOD[method] !== 'GET';
    const before = this.config.clock.now();
    if (!this.quota.canAfford(method, before)) return { ok: false, failure: untilQuotaReset(before), httpStatus: null, googleReason: 'quotaExceeded' };
    // After a per-minute throttle nothing leaves until the wait is over, so parallel callers
    // sharing this client (one per account) cannot amplify it.
    if (before.getTime() < this.pausedUntil) {
      const seconds = Math.ceil((this.pausedUntil - before.getTime()) / 1000);
      return { ok: false, failure: retryAfter(before, seconds, 'Waiting out YouTube throttling for this account.', false), httpStatus: null, googleReason: 'rateLimitExceeded' };
    }
    for (let attempt = 0; attempt < 2; attempt += 1) {
      const token = await this.tokens.ensure(attempt > 0);
      if (!token.ok) return { ok: false, failure: token.failure, httpStatus: null, googleReason: null };
      let response: Response;
      try {
        response = await this.config.fetch(this.url(method, params), {
          method: HTTP_METHOD[method],
          headers: { authorization: `Bearer ${token.accessToken}`, accept: 'application/json', 'user-agent': this.config.userAgent },
          signal: AbortSignal.timeout(30_000),
        });
      } catch (error) {
        this.charge(method, this.config.clock.now());
        return { ok: false, failure: classifyNetworkError(error, isWrite, this.config.clock.now()), httpStatus: null, googleReason: null };
      }
      const now = this.config.clock.now();
      const text = await response.text().catch(() => '');
      const body = parseJson(text);
      // Google charges rejected calls too; a 401 is refused before any quota is spent.
      if (response.status !== 401) this.charge(method, now);
      if (response.status === 401 && attempt === 0) continue;
      if (response.ok) {
        if (response.status !== 204 && body === undefined) {
          return { ok: false, failure: retryAfter(now, TRANSIENT_RETRY_SECONDS, 'YouTube sent a response that is not JSON.', false), httpStatus: response.status, googleReason: null };
        }
        return { ok: true, status: response.status, body: body ?? null };
      }
      const reason = errorReason(body);
      if (reason === 'quotaExceeded' || reason === 'dailyLimitExceeded') {
        this.quota.exhaust(now);
        this.config.usageStore?.save(this.quota.snapshot(now));
      }
      const failure = classifyApiError(response.status, body, isWrite, now);
      if (failure.status === 'retry_after' && (reason === 'rateLimitExceeded' || reason === 'userRateLimitExceeded' || response.status === 429)) this.pausedUntil = Date.parse(failure.at);
      return { ok: false, failure, httpStatus: response.status, googleReason: reason };
    }
    return { ok: false, failure: { status: 'reauth', reason: 'YouTube keeps refusing the refreshed sign-in; reconnect the account.' }, httpStatus: 401, googleReason: 'authError' };
  }
}

function parseJson(text: string): unknown {
  if (text === '') return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}
