// Reddit OAuth2 refresh with rotation (PLATFORMS.md §2.1). Every refresh may return a NEW refresh
// token and Reddit revokes the consumed one, so the new credentials are handed to the
// CredentialStore and awaited before the new access token is used for anything. If persisting
// fails we keep the new credentials in memory and retry the save first thing on the next call.
// Refreshes are single-flight: parallel calls share one refresh, never spend the same RT twice.
import { exchange, parseJson, reauth, retryAfter, retryAfterSeconds, TRANSIENT_RETRY_SECONDS } from '../common/http.ts';
import type { AuthOutcome, CallFailure, ConnectorConfig, Credentials } from '../platform.ts';
import { tokenErrorSchema, tokenResponseSchema } from './wire.ts';

type OAuth2 = Extract<Credentials, { kind: 'oauth2' }>;

/** Refresh this long before the stated expiry, so a request never races the deadline. */
const EXPIRY_MARGIN_MS = 60_000;

export interface AccessToken {
  readonly token: string;
  readonly expiresAt: string | null;
}

export class RedditAuth {
  readonly #config: ConnectorConfig;
  #credentials: OAuth2 | null;
  /** Credentials that exist only in memory because the store refused them. */
  #unsaved: OAuth2 | null = null;
  #inFlight: Promise<AccessToken | CallFailure> | null = null;

  constructor(config: ConnectorConfig) {
    this.#config = config;
    this.#credentials = config.credentials.kind === 'oauth2' ? config.credentials : null;
  }

  /** Current token, refreshing first when missing, expiring, or `force`d (after a 401). */
  async token(force = false): Promise<AccessToken | CallFailure> {
    const credentials = this.#credentials;
    if (!credentials) return reauth('Reddit needs OAuth2 credentials (client id, secret, refresh token)');
    if (this.#unsaved) {
      const saved = await this.#persist(this.#unsaved);
      if (saved) return saved;
    }
    if (!force && credentials.accessToken && this.#fresh(credentials.accessTokenExpiresAt)) {
      return { token: credentials.accessToken, expiresAt: credentials.accessTokenExpiresAt ?? null };
    }
    this.#inFlight ??= this.#refresh(credentials).finally(() => {
      this.#inFlight = null;
    });
    return this.#inFlight;
  }

  /** Drops the access token so the next call refreshes (a 401 invalid_token said it is dead). */
  invalidate(token: string): void {
    if (this.#credentials?.accessToken === token) this.#credentials = { ...this.#credentials, accessToken: undefined, accessTokenExpiresAt: undefined };
  }

  async ensure(): Promise<AuthOutcome> {
    const result = await this.token();
    if ('status' in result) return result;
    return { status: 'ok', info: { identity: '', expiresAt: result.expiresAt } };
  }

  #fresh(expiresAt: string | undefined): boolean {
    if (!expiresAt) return true;
    return Date.parse(expiresAt) - EXPIRY_MARGIN_MS > this.#config.clock.now().getTime();
  }

  async #persist(next: OAuth2): Promise<CallFailure | null> {
    try {
      await this.#config.credentialStore.save(next);
      this.#unsaved = null;
      return null;
    } catch {
      this.#unsaved = next;
      return retryAfter(this.#config.clock, TRANSIENT_RETRY_SECONDS, 'could not save the refreshed Reddit credentials; will retry before using them');
    }
  }

  async #refresh(credentials: OAuth2): Promise<AccessToken | CallFailure> {
    const { clock } = this.#config;
    const base = (this.#config.authBaseUrl ?? this.#config.baseUrl).replace(/\/$/, '');
    const basic = Buffer.from(`${credentials.clientId}:${credentials.clientSecret}`).toString('base64');
    const reply = await exchange(this.#config.fetch, `${base}/api/v1/access_token`, {
      method: 'POST',
      headers: { authorization: `Basic ${basic}`, 'content-type': 'application/x-www-form-urlencoded', 'user-agent': this.#config.userAgent },
      body: new URLSearchParams({ grant_type: 'refresh_token', refresh_token: credentials.refreshToken }).toString(),
    });
    if (!reply.ok) return retryAfter(clock, TRANSIENT_RETRY_SECONDS, `Reddit token endpoint unreachable (${reply.error})`);
    if (reply.status === 401) return reauth('Reddit rejected the app credentials (client id or secret)');
    if (reply.status === 429 || reply.status >= 500) {
      const wait = retryAfterSeconds(reply.headers.get('retry-after'), clock) ?? Number(reply.headers.get('x-ratelimit-reset') ?? TRANSIENT_RETRY_SECONDS);
      return retryAfter(clock, Number.isFinite(wait) ? wait : TRANSIENT_RETRY_SECONDS, `Reddit token endpoint answered ${reply.status}`);
    }
    const body = parseJson(reply.text);
    const granted = body.ok ? tokenResponseSchema.safeParse(body.value) : null;
    if (reply.status === 200 && granted?.success) {
      const next: OAuth2 = {
        ...credentials,
        accessToken: granted.data.access_token,
        accessTokenExpiresAt: new Date(clock.now().getTime() + granted.data.expires_in * 1000).toISOString(),
        refreshToken: granted.data.refresh_token ?? credentials.refreshToken,
      };
      this.#credentials = next;
      const failed = await this.#persist(next);
      if (failed) return failed;
      return { token: granted.data.access_token, expiresAt: next.accessTokenExpiresAt ?? null };
    }
    // Reddit hides grant errors in a 200 ({"error": "invalid_grant"}) and answers 400 invalid_request
    // for a revoked refresh token: either way only a person can fix it.
    const error = body.ok ? tokenErrorSchema.safeParse(body.value) : null;
    const code = error?.success ? error.data.error : `HTTP ${reply.status}`;
    return reauth(`Reddit refused the refresh token (${code}); reconnect the account`);
  }
}
