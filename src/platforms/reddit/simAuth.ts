// The Reddit simulator's OAuth server and rate window (PLATFORMS.md §2.1, §2.4, §10.2).
// Refresh tokens rotate: each refresh issues a new RT and the consumed one is revoked as soon as
// the client proves it received the new pair (first use of the new access token or new RT).
// Until then the old RT still works, so a client that crashed before it could persist the
// response can recover; a client that used the new token WITHOUT persisting the new RT loses
// access on restart, which is exactly the bug this emulation exists to catch. `rotation:
// 'immediate'` revokes at issue time instead, for tests of the strictest reading.
import type { VirtualClock } from '../sim/clock.ts';
import type { Rng } from '../sim/rng.ts';

export const SIM_CLIENT_ID = 'stoa-sim-reddit';
export const SIM_CLIENT_SECRET = 'stoa-sim-reddit-secret';
export const SIM_PASSWORD = 'stoa-sim-password';
export const ACCESS_TOKEN_TTL_S = 3600;
export const WINDOW_S = 600;

interface RefreshToken {
  revoked: boolean;
  /** The RT this one replaced; revoked on this one's first use. */
  predecessor: string | null;
  used: boolean;
}

interface AccessToken {
  readonly expiresAtMs: number;
  readonly viaRefreshToken: string | null;
  expired: boolean;
}

export type TokenGrant =
  | { readonly ok: true; readonly body: Record<string, string | number> }
  | { readonly ok: false; readonly status: number; readonly body: Record<string, string | number>; readonly headers?: Record<string, string> };

export class RedditOAuth {
  readonly #clock: VirtualClock;
  readonly #rng: Rng;
  readonly #rotation: 'on_use' | 'immediate';
  readonly #refresh = new Map<string, RefreshToken>();
  readonly #access = new Map<string, AccessToken>();
  readonly initialRefreshToken: string;
  #counter = 0;
  #windowIndex = -1;
  #used = 0;
  refreshCount = 0;

  constructor(clock: VirtualClock, rng: Rng, rotation: 'on_use' | 'immediate') {
    this.#clock = clock;
    this.#rng = rng;
    this.#rotation = rotation;
    this.initialRefreshToken = this.#token('rt');
    this.#refresh.set(this.initialRefreshToken, { revoked: false, predecessor: null, used: false });
  }

  #token(prefix: string): string {
    this.#counter += 1;
    return `${prefix}-${this.#counter}-${Math.floor(this.#rng.next() * 2 ** 32).toString(36)}`;
  }

  #markUsed(refreshToken: string): void {
    const rt = this.#refresh.get(refreshToken);
    if (!rt || rt.used) return;
    rt.used = true;
    const previous = rt.predecessor ? this.#refresh.get(rt.predecessor) : undefined;
    if (previous) previous.revoked = true;
  }

  #issue(viaRefreshToken: string | null): Record<string, string | number> {
    const access = this.#token('at');
    this.#access.set(access, { expiresAtMs: this.#clock.nowMs() + ACCESS_TOKEN_TTL_S * 1000, viaRefreshToken, expired: false });
    const body: Record<string, string | number> = { access_token: access, token_type: 'bearer', expires_in: ACCESS_TOKEN_TTL_S, scope: 'identity modcontributors modlog modposts mysubreddits read' };
    if (viaRefreshToken !== null) body['refresh_token'] = viaRefreshToken;
    return body;
  }

  /** POST /api/v1/access_token with Basic client auth. */
  grant(authorization: string | undefined, form: URLSearchParams): TokenGrant {
    const expected = `Basic ${Buffer.from(`${SIM_CLIENT_ID}:${SIM_CLIENT_SECRET}`).toString('base64')}`;
    if (authorization !== expected) {
      return { ok: false, status: 401, body: { message: 'Unauthorized', error: 401 }, headers: { 'www-authenticate': 'Basic realm="reddit"' } };
    }
    const grantType = form.get('grant_type');
    if (grantType === 'refresh_token') {
      const presented = form.get('refresh_token') ?? '';
      const rt = this.#refresh.get(presented);
      // A revoked or unknown refresh token is a 400 invalid_request (oauth2.py), not a 200.
      if (!rt || rt.revoked) return { ok: false, status: 400, body: { error: 'invalid_request' } };
      this.#markUsed(presented);
      const next = this.#token('rt');
      this.#refresh.set(next, { revoked: false, predecessor: presented, used: false });
      if (this.#rotation === 'immediate') rt.revoked = true;
      this.refreshCount += 1;
      return { ok: true, body: this.#issue(next) };
    }
    if (grantType === 'password') {
      // Reddit answers a wrong password with HTTP 200 and an error body (§2.1).
      if (form.get('username') !== 'stoa_sim_mod' || form.get('password') !== SIM_PASSWORD) return { ok: true, body: { error: 'invalid_grant' } };
      return { ok: true, body: this.#issue(null) };
    }
    if (grantType === 'authorization_code') return { ok: true, body: { error: 'invalid_grant' } };
    return { ok: false, status: 400, body: { error: 'unsupported_grant_type' } };
  }

  /** Checks a resource request's bearer token; null when fine, else the 401 reason. */
  check(authorization: string | undefined): string | null {
    const match = /^bearer\s+(\S+)$/i.exec(authorization ?? '');
    const token = match?.[1] ? this.#access.get(match[1]) : undefined;
    if (!token) return 'invalid_token';
    if (token.expired || token.expiresAtMs <= this.#clock.nowMs()) return 'invalid_token';
    if (token.viaRefreshToken) this.#markUsed(token.viaRefreshToken);
    return null;
  }

  /** The `token_expired` fault: the presented token dies now. */
  expire(authorization: string | undefined): void {
    const match = /^bearer\s+(\S+)$/i.exec(authorization ?? '');
    const token = match?.[1] ? this.#access.get(match[1]) : undefined;
    if (token) token.expired = true;
  }

  isRevoked(refreshToken: string): boolean {
    return this.#refresh.get(refreshToken)?.revoked ?? true;
  }

  /** Counts one request against the 600 s window; returns the headers and whether it is over. */
  meter(limit: number): { headers: Record<string, string>; over: boolean } {
    const nowS = this.#clock.nowMs() / 1000;
    const index = Math.floor(nowS / WINDOW_S);
    if (index !== this.#windowIndex) {
      this.#windowIndex = index;
      this.#used = 0;
    }
    this.#used += 1;
    return { over: this.#used > limit, headers: this.#headers(limit, Math.max(1, Math.ceil((index + 1) * WINDOW_S - nowS))) };
  }

  /**
   * Headers for an injected 429 burst: the budget reads empty but resets after `resetSeconds`,
   * so a fault costs the client a short wait, not the rest of a 10-minute window.
   */
  burstHeaders(limit: number, resetSeconds: number): Record<string, string> {
    return this.#headers(limit, resetSeconds, 0);
  }

  #headers(limit: number, resetSeconds: number, remaining = Math.max(0, limit - this.#used)): Record<string, string> {
    return {
      'x-ratelimit-used': String(this.#used),
      // A float-formatted string, as Reddit sends it ("581.0").
      'x-ratelimit-remaining': `${remaining}.0`,
      'x-ratelimit-reset': String(resetSeconds),
    };
  }
}
