// The Pinterest v5 REST API over HTTP (PLATFORMS.md §7), unchanged between Pinterest and the
// simulator: only `baseUrl` differs (https://api.pinterest.com, or http://127.0.0.1:PORT/pinterest;
// /v5 is added unless the base already ends with it). OAuth2 bearer tokens are refreshed through
// POST {authBaseUrl}/v5/oauth/token (Basic client auth, grant_type=refresh_token) when missing or
// about to expire, and after a 401 once, then the request is retried once. The refreshed
// credentials are saved before they are used. One client per account is the per-account limiter:
// after a 429, or a reply saying x-ratelimit-remaining is 0, it sends nothing until Retry-After (or
// x-ratelimit-reset) has passed.
import type { CallFailure, ConnectorConfig, Credentials } from '../platform.ts';
import { exchange, parseJson, permanentFailure, reauth, retryAfter, retryAfterSeconds, TRANSIENT_RETRY_SECONDS, TRANSIENT_STATUSES } from '../common/http.ts';
import { errorSchema, tokenResponseSchema, type WireError } from './wire.ts';

export const PINTEREST_API_ROOT = 'https://api.pinterest.com';
/** Refresh this long before the stated expiry, so no request leaves with a dying token. */
const EXPIRY_MARGIN_MS = 60_000;
/** Wait after a 429 that names no time (Pinterest documents none). */
const DEFAULT_THROTTLE_SECONDS = 60;

type OAuth2 = Extract<Credentials, { kind: 'oauth2' }>;

export type PinterestResult =
  | { readonly ok: true; readonly status: number; readonly body: unknown }
  | { readonly ok: false; readonly failure: CallFailure; readonly status: number | null; readonly error: WireError | null };

type TokenResult = { ok: true; token: string; expiresAt: string | null } | { ok: false; failure: CallFailure };

const v5 = (base: string): string => {
  const trimmed = base.replace(/\/+$/, '');
  return trimmed.endsWith('/v5') ? trimmed : `${trimmed}/v5`;
};

export class PinterestClient {
  private credentials: Credentials;
  private unsaved = false;
  private pausedUntil = 0;
  private inflight: Promise<TokenResult> | null = null;

  constructor(private readonly config: ConnectorConfig) {
    this.credentials = config.credentials;
  }

  async token(force = false): Promise<TokenResult> {
    const c = this.credentials;
    if (c.kind !== 'oauth2') return { ok: false, failure: reauth('Pinterest accounts sign in with OAuth (client id, secret and refresh token); reconnect this account.') };
    if (this.unsaved) return this.persist(c);
    const expires = c.accessTokenExpiresAt ? Date.parse(c.accessTokenExpiresAt) : Number.NaN;
    const fresh = c.accessToken && Number.isFinite(expires) && expires - EXPIRY_MARGIN_MS > this.config.clock.now().getTime();
    if (fresh && !force && c.accessToken) return { ok: true, token: c.accessToken, expiresAt: c.accessTokenExpiresAt ?? null };
    this.inflight ??= this.refresh(c).finally(() => {
      this.inflight = null;
    });
    return this.inflight;
  }

  private async refresh(c: OAuth2): Promise<TokenResult> {
    const now = this.config.clock.now();
    const url = `${v5(this.config.authBaseUrl ?? this.config.baseUrl)}/oauth/token`;
    const result = await exchange(this.config.fetch, url, {
      method: 'POST',
      headers: {
        authorization: `Basic ${Buffer.from(`${c.clientId}:${c.clientSecret}`).toString('base64')}`,
        'content-type': 'application/x-www-form-urlencoded',
        'user-agent': this.config.userAgent,
      },
      body: new URLSearchParams({ grant_type: 'refresh_token', refresh_token: c.refreshToken }).toString(),
    });
    if (!result.ok) return { ok: false, failure: retryAfter(this.config.clock, TRANSIENT_RETRY_SECONDS, 'Could not reach Pinterest to refresh the sign-in.') };
    const body = parseJson(result.text);
    if (result.status === 200) {
      const parsed = tokenResponseSchema.safeParse(body.ok ? body.value : null);
      if (!parsed.success) return { ok: false, failure: retryAfter(this.config.clock, TRANSIENT_RETRY_SECONDS, 'Pinterest sent an unreadable token response.') };
      const next: OAuth2 = {
        ...c,
        accessToken: parsed.data.access_token,
        accessTokenExpiresAt: new Date(now.getTime() + parsed.data.expires_in * 1000).toISOString(),
        refreshToken: parsed.data.refresh_token ?? c.refreshToken,
      };
      this.credentials = next;
      this.unsaved = true;
      return this.persist(next);
    }
    if (result.status === 429 || TRANSIENT_STATUSES.has(result.status)) return { ok: false, failure: retryAfter(this.config.clock, retryAfterSeconds(result.headers.get('retry-after'), this.config.clock) ?? TRANSIENT_RETRY_SECONDS, `Pinterest's token service answered ${result.status}.`) };
    return { ok: false, failure: reauth(`Pinterest refused to refresh the sign-in (HTTP ${result.status}); reconnect the Pinterest account.`) };
  }

  private async persist(next: OAuth2): Promise<TokenResult> {
    try {
      await this.config.credentialStore.save(next);
      this.unsaved = false;
      return { ok: true, token: next.accessToken ?? '', expiresAt: next.accessTokenExpiresAt ?? null };
    } catch {
      return { ok: false, failure: retryAfter(this.config.clock, TRANSIENT_RETRY_SECONDS, 'Could not save the refreshed Pinterest sign-in; nothing was sent.') };
    }
  }

  /** The budget is spent (x-ratelimit-remaining 0): send nothing more until x-ratelimit-reset. */
  private noteBudget(headers: Headers): void {
    const remaining = headers.get('x-ratelimit-remaining');
    const reset = headers.get('x-ratelimit-reset');
    if (remaining === null || reset === null || !/^\d+(\.\d+)?$/.test(remaining) || !/^\d+(\.\d+)?$/.test(reset)) return;
    if (Number(remaining) <= 0) this.pausedUntil = Math.max(this.pausedUntil, this.config.clock.now().getTime() + Math.ceil(Number(reset)) * 1000);
  }

  /** One call below /v5, e.g. call('GET', '/boards', { page_size: '25' }); `body` is sent as JSON. */
  async call(method: 'GET' | 'POST', path: string, query: Readonly<Record<string, string>> = {}, body?: unknown): Promise<PinterestResult> {
    const first = await this.once(method, path, query, body, false);
    // An expired or revoked access token: refresh once, then retry once.
    if (!first.ok && first.status === 401 && this.credentials.kind === 'oauth2') return this.once(method, path, query, body, true);
    return first;
  }

  private async once(method: 'GET' | 'POST', path: string, query: Readonly<Record<string, string>>, body: unknown, forceRefresh: boolean): Promise<PinterestResult> {
    const isWrite = method !== 'GET';
    const now = this.config.clock.now().getTime();
    if (now < this.pausedUntil) return { ok: false, failure: retryAfter(this.config.clock, (this.pausedUntil - now) / 1000, 'Waiting out Pinterest rate limiting for this account.'), status: null, error: null };
    const token = await this.token(forceRefresh);
    if (!token.ok) return { ok: false, failure: token.failure, status: null, error: null };
    const qs = new URLSearchParams(query).toString();
    const result = await exchange(this.config.fetch, `${v5(this.config.baseUrl)}${path}${qs ? `?${qs}` : ''}`, {
      method,
      headers: {
        authorization: `Bearer ${token.token}`,
        'user-agent': this.config.userAgent,
        accept: 'application/json',
        ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
      },
      ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
    });
    if (!result.ok) {
      return { ok: false, failure: retryAfter(this.config.clock, TRANSIENT_RETRY_SECONDS, `The request to Pinterest failed (${result.error})${isWrite ? '; it may have been applied' : ''}.`, isWrite), status: null, error: null };
    }
    this.noteBudget(result.headers);
    const parsed = parseJson(result.text);
    if (result.status >= 200 && result.status < 300) {
      if (parsed.ok) return { ok: true, status: result.status, body: parsed.value };
      return { ok: false, failure: retryAfter(this.config.clock, TRANSIENT_RETRY_SECONDS, `Pinterest answered ${method} ${path} with something that is not JSON.`, isWrite), status: result.status, error: null };
    }
    const wire = errorSchema.safeParse(parsed.ok ? parsed.value : null);
    const error = wire.success ? wire.data : null;
    const message = error ? `${error.message} (code ${error.code})` : `HTTP ${result.status}`;
    if (result.status === 429) {
      const reset = result.headers.get('x-ratelimit-reset');
      const seconds = retryAfterSeconds(result.headers.get('retry-after'), this.config.clock) ?? (reset !== null && /^\d+(\.\d+)?$/.test(reset) ? Number(reset) : DEFAULT_THROTTLE_SECONDS);
      this.pausedUntil = this.config.clock.now().getTime() + Math.ceil(seconds) * 1000;
      return { ok: false, failure: retryAfter(this.config.clock, seconds, `Pinterest is rate limiting this account: ${message}.`), status: 429, error };
    }
    if (TRANSIENT_STATUSES.has(result.status)) return { ok: false, failure: retryAfter(this.config.clock, TRANSIENT_RETRY_SECONDS, `Pinterest answered ${result.status}${isWrite ? '; the request may have been applied' : ''}.`, isWrite), status: result.status, error };
    if (result.status === 401) return { ok: false, failure: reauth(`Pinterest no longer accepts this sign-in: ${message}; reconnect the account.`), status: 401, error };
    if (result.status === 403) return { ok: false, failure: permanentFailure('forbidden', `Pinterest refused the request: ${message}.`), status: 403, error };
    if (result.status === 404) return { ok: false, failure: permanentFailure('not_found', `Pinterest does not know it: ${message}.`), status: 404, error };
    return { ok: false, failure: permanentFailure('invalid_request', `Pinterest rejected ${method} ${path}: ${message}.`), status: result.status, error };
  }
}
