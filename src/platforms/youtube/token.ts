// Google OAuth for the connector: keeps a usable access token, refreshing through
// POST {authBaseUrl}/token (oauth2.googleapis.com) when it is missing or about to expire, and
// persisting the new credentials BEFORE any request uses them (platform.ts CredentialStore). Google
// does not rotate refresh tokens, but if a response ever carries one it is kept.
import type { CallFailure, ConnectorConfig, Credentials } from '../platform.ts';
import { retryAfter, TRANSIENT_RETRY_SECONDS } from './classify.ts';
import { tokenErrorSchema, tokenResponseSchema } from './wire.ts';

type OAuth2 = Extract<Credentials, { kind: 'oauth2' }>;

/** Refresh this long before the stated expiry, so a request never leaves with a dying token. */
const EXPIRY_MARGIN_MS = 60_000;

export type TokenResult = { readonly ok: true; readonly accessToken: string; readonly expiresAt: string | null } | { readonly ok: false; readonly failure: CallFailure };

export class GoogleTokens {
  private credentials: Credentials;
  private unsaved = false;
  private inflight: Promise<TokenResult> | null = null;

  constructor(private readonly config: ConnectorConfig) {
    this.credentials = config.credentials;
  }

  private get tokenUrl(): string {
    return `${(this.config.authBaseUrl ?? this.config.baseUrl).replace(/\/$/, '')}/token`;
  }

  /** A token that is good for at least another minute; refreshes when needed (one refresh at a time). */
  async ensure(forceRefresh = false): Promise<TokenResult> {
    const c = this.credentials;
    if (c.kind !== 'oauth2') return { ok: false, failure: { status: 'reauth', reason: 'YouTube accounts sign in with Google OAuth; reconnect this account.' } };
    if (this.unsaved) return this.persist(c);
    const expiresAt = c.accessTokenExpiresAt ? Date.parse(c.accessTokenExpiresAt) : Number.NaN;
    const fresh = c.accessToken && Number.isFinite(expiresAt) && expiresAt - EXPIRY_MARGIN_MS > this.config.clock.now().getTime();
    if (fresh && !forceRefresh && c.accessToken) return { ok: true, accessToken: c.accessToken, expiresAt: c.accessTokenExpiresAt ?? null };
    this.inflight ??= this.refresh(c).finally(() => {
      this.inflight = null;
    });
    return this.inflight;
  }

  private async refresh(c: OAuth2): Promise<TokenResult> {
    const now = this.config.clock.now();
    let response: Response;
    try {
      response = await this.config.fetch(this.tokenUrl, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded', 'user-agent': this.config.userAgent },
        body: new URLSearchParams({ grant_type: 'refresh_token', client_id: c.clientId, client_secret: c.clientSecret, refresh_token: c.refreshToken }).toString(),
        signal: AbortSignal.timeout(30_000),
      });
    } catch {
      return { ok: false, failure: retryAfter(now, TRANSIENT_RETRY_SECONDS, 'Could not reach Google to refresh the sign-in.', false) };
    }
    const body: unknown = await response.json().catch(() => null);
    if (response.ok) {
      const parsed = tokenResponseSchema.safeParse(body);
      if (!parsed.success) return { ok: false, failure: retryAfter(now, TRANSIENT_RETRY_SECONDS, 'Google sent an unreadable token response.', false) };
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
    const error = tokenErrorSchema.safeParse(body);
    const code = error.success ? error.data.error : null;
    if (response.status >= 500 || response.status === 429) return { ok: false, failure: retryAfter(now, TRANSIENT_RETRY_SECONDS, `Google's token service answered ${response.status}.`, false) };
    // invalid_grant (revoked, expired, 7-day Testing-app limit), invalid_client: a person must reconnect.
    return { ok: false, failure: { status: 'reauth', reason: `Google refused to refresh the sign-in (${code ?? response.status}); reconnect the YouTube account.` } };
  }

  private async persist(next: OAuth2): Promise<TokenResult> {
    try {
      await this.config.credentialStore.save(next);
      this.unsaved = false;
    } catch {
      return { ok: false, failure: retryAfter(this.config.clock.now(), TRANSIENT_RETRY_SECONDS, 'Could not save the refreshed YouTube sign-in; nothing was sent.', false) };
    }
    return { ok: true, accessToken: next.accessToken ?? '', expiresAt: next.accessTokenExpiresAt ?? null };
  }
}
