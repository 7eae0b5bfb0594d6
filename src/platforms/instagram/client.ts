// The Instagram Graph API over HTTP, unchanged between Meta and the simulator: only `baseUrl`
// differs (https://graph.facebook.com, or http://127.0.0.1:PORT/instagram). One client per account
// is the per-account limiter: after a throttle it sends nothing until the wait is over, so parallel
// callers cannot amplify a throttle storm. Long-lived tokens are refreshed through
// GET {authBaseUrl}/refresh_access_token (Instagram Login) when they near expiry, and the new
// token is persisted before it is used.
import type { CallFailure, ConnectorConfig, Credentials } from '../platform.ts';
import { classifyGraphError, graphErrorOf, retryAfter, TRANSIENT_RETRY_SECONDS, usageFromHeaders, THROTTLE_CODES, type Usage } from './classify.ts';
import { tokenResponseSchema, type GraphError } from './wire.ts';

export const GRAPH_ROOT = 'https://graph.facebook.com';
export const INSTAGRAM_LOGIN_ROOT = 'https://graph.instagram.com';
export const DEFAULT_GRAPH_VERSION = 'v21.0';
/** Refresh a long-lived token once it has less than this left (it lives 60 days). */
const REFRESH_WINDOW_MS = 7 * 86_400_000;

type AccessToken = Extract<Credentials, { kind: 'access_token' }>;

export type GraphResult =
  | { readonly ok: true; readonly body: unknown }
  | { readonly ok: false; readonly failure: CallFailure; readonly error: GraphError | null };

export class GraphClient {
  private credentials: Credentials;
  private unsaved = false;
  private pausedUntil = 0;
  private consecutiveThrottles = 0;
  private lastUsage: Usage | null = null;

  constructor(private readonly config: ConnectorConfig) {
    this.credentials = config.credentials;
  }

  get version(): string {
    return this.config.options?.['graphVersion'] ?? DEFAULT_GRAPH_VERSION;
  }

  /** The most recent usage percentages Meta reported, for the sync engine's budget display. */
  usage(): Usage | null {
    return this.lastUsage;
  }

  async token(): Promise<{ ok: true; token: string; expiresAt: string | null } | { ok: false; failure: CallFailure }> {
    const c = this.credentials;
    if (c.kind !== 'access_token') return { ok: false, failure: { status: 'reauth', reason: 'Instagram accounts connect with a Meta access token; reconnect this account.' } };
    const now = this.config.clock.now().getTime();
    const expires = c.expiresAt ? Date.parse(c.expiresAt) : Number.POSITIVE_INFINITY;
    if (now >= expires) return { ok: false, failure: { status: 'reauth', reason: 'The Instagram access token has expired; reconnect the account.' } };
    if (this.unsaved) return this.persist(c);
    if (expires - now < REFRESH_WINDOW_MS) {
      const refreshed = await this.refresh(c);
      if (refreshed) return refreshed;
    }
    return { ok: true, token: c.accessToken, expiresAt: c.expiresAt ?? null };
  }

  /** Null when the refresh did not happen (too young, not an Instagram-Login token): keep the old one. */
  private async refresh(c: AccessToken): Promise<{ ok: true; token: string; expiresAt: string | null } | { ok: false; failure: CallFailure } | null> {
    const base = (this.config.authBaseUrl ?? this.config.baseUrl).replace(/\/$/, '');
    const url = `${base}/refresh_access_token?${new URLSearchParams({ grant_type: 'ig_refresh_token', access_token: c.accessToken }).toString()}`;
    try {
      const response = await this.config.fetch(url, { headers: { 'user-agent': this.config.userAgent }, signal: AbortSignal.timeout(30_000) });
      const parsed = tokenResponseSchema.safeParse(await response.json().catch(() => null));
      if (!response.ok || !parsed.success) return null;
      const next: AccessToken = { kind: 'access_token', accessToken: parsed.data.access_token, expiresAt: new Date(this.config.clock.now().getTime() + parsed.data.expires_in * 1000).toISOString() };
      this.credentials = next;
      this.unsaved = true;
      return this.persist(next);
    } catch {
      return null;
    }
  }

  private async persist(next: AccessToken): Promise<{ ok: true; token: string; expiresAt: string | null } | { ok: false; failure: CallFailure }> {
    try {
      await this.config.credentialStore.save(next);
      this.unsaved = false;
      return { ok: true, token: next.accessToken, expiresAt: next.expiresAt ?? null };
    } catch {
      return { ok: false, failure: retryAfter(this.config.clock.now(), TRANSIENT_RETRY_SECONDS, 'Could not save the refreshed Instagram token; nothing was sent.', false) };
    }
  }

  /** One Graph call below the version prefix, e.g. call('GET', `${mediaId}/comments`, {...}). */
  async call(method: 'GET' | 'POST' | 'DELETE', path: string, params: Readonly<Record<string, string>>): Promise<GraphResult> {
    const isWrite = method !== 'GET';
    const now = this.config.clock.now();
    if (now.getTime() < this.pausedUntil) {
      const seconds = Math.ceil((this.pausedUntil - now.getTime()) / 1000);
      return { ok: false, failure: retryAfter(now, seconds, 'Waiting out Meta throttling for this account.', false), error: null };
    }
    const token = await this.token();
    if (!token.ok) return { ok: false, failure: token.failure, error: null };
    const base = `${this.config.baseUrl.replace(/\/$/, '')}/${this.version}/${path}`;
    const query = new URLSearchParams(params).toString();
    let response: Response;
    try {
      response = await this.config.fetch(method === 'POST' || query === '' ? base : `${base}?${query}`, {
        method,
        headers: {
          authorization: `Bearer ${token.token}`,
          'user-agent': this.config.userAgent,
          ...(method === 'POST' ? { 'content-type': 'application/x-www-form-urlencoded' } : {}),
        },
        ...(method === 'POST' ? { body: query } : {}),
        signal: AbortSignal.timeout(30_000),
      });
    } catch (error) {
      const what = error instanceof Error && error.name === 'TimeoutError' ? 'timed out' : 'lost the connection';
      return { ok: false, failure: retryAfter(this.config.clock.now(), TRANSIENT_RETRY_SECONDS, `The request to Instagram ${what}${isWrite ? '; it may have been applied' : ''}.`, isWrite), error: null };
    }
    const after = this.config.clock.now();
    this.lastUsage = usageFromHeaders(response.headers) ?? this.lastUsage;
    const text = await response.text().catch(() => '');
    let body: unknown;
    try {
      body = text === '' ? null : (JSON.parse(text) as unknown);
    } catch {
      body = undefined;
    }
    if (response.ok && body !== undefined) {
      this.consecutiveThrottles = 0;
      return { ok: true, body };
    }
    if (response.ok) {
      return { ok: false, failure: retryAfter(after, TRANSIENT_RETRY_SECONDS, 'Instagram sent a response that is not JSON.', isWrite), error: null };
    }
    const error = graphErrorOf(body);
    if (error && THROTTLE_CODES.has(error.code)) this.consecutiveThrottles += 1;
    const failure = classifyGraphError(response.status, error, this.lastUsage, isWrite, this.consecutiveThrottles, after);
    if (failure.status === 'retry_after' && error && THROTTLE_CODES.has(error.code)) this.pausedUntil = Date.parse(failure.at);
    return { ok: false, failure, error };
  }
}
