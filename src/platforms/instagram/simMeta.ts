// How Meta's Graph API behaves around the data, for the Instagram simulator: the error envelope,
// access tokens (long-lived, 60 days; refresh only when ≥24 h old and unexpired; error 190 with
// subcodes 463/467 otherwise), and app usage throttling reported in X-App-Usage and
// X-Business-Use-Case-Usage, refused with error code 4 (HTTP 403) — never 429, never Retry-After.
import type { VirtualClock } from '../sim/clock.ts';
import type { Rng } from '../sim/rng.ts';
import type { SimReply } from '../sim/types.ts';

export function graphError(
  status: number,
  code: number,
  message: string,
  extra: { subcode?: number; transient?: boolean; type?: string; headers?: Record<string, string> } = {},
): SimReply {
  return {
    status,
    headers: {
      'content-type': 'application/json; charset=UTF-8',
      ...(code === 190 ? { 'www-authenticate': `OAuth "Facebook Platform" "invalid_token" "${message}"` } : {}),
      ...extra.headers,
    },
    body: {
      error: {
        message,
        type: extra.type ?? (code === 100 && extra.subcode === 33 ? 'GraphMethodException' : 'OAuthException'),
        code,
        ...(extra.subcode !== undefined ? { error_subcode: extra.subcode } : {}),
        is_transient: extra.transient ?? false,
        fbtrace_id: 'AsimTrace' + String(code),
      },
    },
  };
}

export const objectMissing = (id: string, verb: 'get' | 'post' | 'delete'): SimReply =>
  graphError(400, 100, `Unsupported ${verb} request. Object with ID '${id}' does not exist, cannot be loaded due to missing permissions, or does not support this operation. Please read the Graph API documentation at https://developers.facebook.com/docs/graph-api`, { subcode: 33 });

export const LONG_LIVED_SECONDS = 60 * 86_400;

export class MetaTokens {
  private readonly tokens = new Map<string, { issuedMs: number; expiresMs: number }>();
  private issued = 0;

  constructor(
    private readonly clock: VirtualClock,
    private readonly rng: Rng,
  ) {}

  issue(ageMs = 0): { accessToken: string; expiresAt: string } {
    this.issued += 1;
    const token = `IGQsim${this.issued}${Math.floor(this.rng.next() * 1e12).toString(36)}`;
    const issuedMs = this.clock.nowMs() - ageMs;
    const expiresMs = issuedMs + LONG_LIVED_SECONDS * 1000;
    this.tokens.set(token, { issuedMs, expiresMs });
    return { accessToken: token, expiresAt: new Date(expiresMs).toISOString() };
  }

  /** Null when the token is good, else the 190 reply Graph gives. */
  check(token: string | null): SimReply | null {
    if (!token) return graphError(400, 2500, 'An active access token must be used to query information about the current user.', { type: 'OAuthException' });
    const t = this.tokens.get(token);
    if (!t) return graphError(400, 190, 'Invalid OAuth access token - Cannot parse access token', { subcode: 467 });
    if (this.clock.nowMs() >= t.expiresMs) {
      return graphError(400, 190, `Error validating access token: Session has expired on ${new Date(t.expiresMs).toUTCString()}.`, { subcode: 463 });
    }
    return null;
  }

  /** GET /refresh_access_token?grant_type=ig_refresh_token&access_token=… */
  refresh(query: URLSearchParams): SimReply {
    const token = query.get('access_token');
    if (query.get('grant_type') !== 'ig_refresh_token') return graphError(400, 100, '(#100) grant_type must be ig_refresh_token');
    const bad = this.check(token);
    if (bad) return bad;
    const t = this.tokens.get(token ?? '');
    if (t && this.clock.nowMs() - t.issuedMs < 86_400_000) return graphError(400, 100, '(#100) The access token must be at least 24 hours old to be refreshed');
    const next = this.issue();
    return { status: 200, headers: { 'content-type': 'application/json' }, body: { access_token: next.accessToken, token_type: 'bearer', expires_in: LONG_LIVED_SECONDS } };
  }

  expireAll(): void {
    for (const t of this.tokens.values()) t.expiresMs = Math.min(t.expiresMs, this.clock.nowMs());
  }
}

/**
 * Rolling one-hour app budget (Graph's platform rate limit is "calls within one hour"). Usage is a
 * percentage; at 100 % requests are refused with code 4 until the oldest call leaves the window.
 */
export class UsageMeter {
  private calls: number[] = [];

  constructor(
    private readonly clock: VirtualClock,
    readonly callsPerHour: number,
    private readonly igUserId: string,
  ) {}

  private prune(): void {
    const cutoff = this.clock.nowMs() - 3_600_000;
    this.calls = this.calls.filter((t) => t > cutoff);
  }

  percent(): number {
    this.prune();
    return Math.min(100, Math.round((this.calls.length / this.callsPerHour) * 100));
  }

  exhausted(): boolean {
    return this.percent() >= 100;
  }

  record(): void {
    this.calls.push(this.clock.nowMs());
  }

  /** Minutes until the budget has room again; 0 when it has room now. */
  minutesToRegain(): number {
    if (!this.exhausted()) return 0;
    const oldest = this.calls[0] ?? this.clock.nowMs();
    return Math.max(1, Math.ceil((oldest + 3_600_000 - this.clock.nowMs()) / 60_000));
  }

  headers(forcePercent?: number): Record<string, string> {
    const pct = forcePercent ?? this.percent();
    const regain = forcePercent !== undefined ? Math.max(1, this.minutesToRegain()) : this.minutesToRegain();
    return {
      'x-app-usage': JSON.stringify({ call_count: pct, total_cputime: Math.round(pct / 4), total_time: Math.round(pct / 3) }),
      'x-business-use-case-usage': JSON.stringify({ [this.igUserId]: [{ type: 'instagram', call_count: pct, total_cputime: Math.round(pct / 4), total_time: Math.round(pct / 3), estimated_time_to_regain_access: regain }] }),
    };
  }
}

/** Codes Graph uses for throttling: app 4, user 17, page 32, custom 613, Instagram BUC 80002. */
export const THROTTLE_MESSAGES: Readonly<Record<number, string>> = {
  4: '(#4) Application request limit reached',
  17: '(#17) User request limit reached',
  32: '(#32) Page request limit reached',
  613: '(#613) Calls to this api have exceeded the rate limit.',
  80002: '(#80002) There have been too many calls to this Instagram account. Wait a bit and try again.',
};
