// Google OAuth as the YouTube simulator plays it: POST /token with grant_type=refresh_token gives a
// Bearer access token that lives `accessTtlSeconds` on the virtual clock; refresh tokens do not
// rotate (Google keeps the same one) but can be revoked, or expire after 7 days for apps still in
// "Testing" status (PLATFORMS.md §5.1). Errors use the token endpoint's own flat shape.
import type { VirtualClock } from '../sim/clock.ts';
import type { Rng } from '../sim/rng.ts';
import type { SimReply } from '../sim/types.ts';

export interface GoogleAuthOptions {
  readonly clientId: string;
  readonly clientSecret: string;
  readonly refreshToken: string;
  readonly accessTtlSeconds: number;
  /** Testing-status apps: refresh tokens stop working this many days after issue; null = never. */
  readonly refreshTokenTtlDays: number | null;
  readonly scope: string;
}

export class GoogleAuthSim {
  private readonly accessTokens = new Map<string, number>();
  private readonly refreshTokens = new Map<string, number>();
  private issued = 0;

  constructor(
    readonly options: GoogleAuthOptions,
    private readonly clock: VirtualClock,
    private readonly rng: Rng,
  ) {
    this.refreshTokens.set(options.refreshToken, clock.nowMs());
  }

  /** POST /token (form-encoded). */
  token(body: string): SimReply {
    const form = new URLSearchParams(body);
    const json = (status: number, payload: unknown): SimReply => ({ status, headers: { 'content-type': 'application/json; charset=utf-8' }, body: payload });
    if (form.get('client_id') !== this.options.clientId || form.get('client_secret') !== this.options.clientSecret) {
      return json(401, { error: 'invalid_client', error_description: 'The OAuth client was not found.' });
    }
    if (form.get('grant_type') !== 'refresh_token') return json(400, { error: 'unsupported_grant_type', error_description: 'Invalid grant_type: ' + (form.get('grant_type') ?? '') });
    const rt = form.get('refresh_token') ?? '';
    const issuedAt = this.refreshTokens.get(rt);
    const ttl = this.options.refreshTokenTtlDays;
    if (issuedAt === undefined || (ttl !== null && this.clock.nowMs() - issuedAt >= ttl * 86_400_000)) {
      return json(400, { error: 'invalid_grant', error_description: 'Token has been expired or revoked.' });
    }
    this.issued += 1;
    const access = `ya29.sim-${this.issued}-${Math.floor(this.rng.next() * 1e9).toString(36)}`;
    this.accessTokens.set(access, this.clock.nowMs() + this.options.accessTtlSeconds * 1000);
    return json(200, { access_token: access, expires_in: this.options.accessTtlSeconds, scope: this.options.scope, token_type: 'Bearer' });
  }

  /** Whether the request carries a live access token (Authorization: Bearer, or ?access_token=). */
  authorized(headers: Readonly<Record<string, string | undefined>>, query: URLSearchParams): boolean {
    const header = headers['authorization'] ?? '';
    const token = /^Bearer\s+(\S+)$/i.exec(header)?.[1] ?? query.get('access_token') ?? query.get('oauth_token');
    if (!token) return false;
    const expiresAt = this.accessTokens.get(token);
    return expiresAt !== undefined && this.clock.nowMs() < expiresAt;
  }

  /** Issues an access token directly, for tests and demo workspaces that start already signed in. */
  grantAccessToken(): { accessToken: string; expiresAt: string } {
    const reply = this.token(new URLSearchParams({ grant_type: 'refresh_token', client_id: this.options.clientId, client_secret: this.options.clientSecret, refresh_token: this.options.refreshToken }).toString());
    const body = 'body' in reply ? (reply.body as { access_token: string; expires_in: number }) : null;
    if (!body) throw new Error('simulator could not issue a token');
    return { accessToken: body.access_token, expiresAt: new Date(this.clock.nowMs() + body.expires_in * 1000).toISOString() };
  }

  revokeRefreshToken(token: string = this.options.refreshToken): void {
    this.refreshTokens.delete(token);
  }

  expireAccessTokens(): void {
    this.accessTokens.clear();
  }
}
