// Reddit HTTP transport: bearer auth with one refresh-and-retry on 401 invalid_token, the
// X-Ratelimit-* budget (PLATFORMS.md §2.4: Used, Remaining as a float string, Reset in seconds),
// and the failure classes every endpoint shares. Endpoint-specific meaning (errors hidden in a 200
// body, 404 on a write) is decided by the caller in index.ts.
import { exchange, parseJson, reauth, retryAfter, retryAfterSeconds, TRANSIENT_RETRY_SECONDS, TRANSIENT_STATUSES } from '../common/http.ts';
import type { CallFailure, ConnectorConfig } from '../platform.ts';
import type { RedditAuth } from './auth.ts';

export interface RedditReply {
  readonly status: number;
  readonly headers: Headers;
  /** Parsed JSON, or undefined when the body was empty or not JSON. */
  readonly body: unknown;
}

export interface RateBudget {
  readonly used: number | null;
  readonly remaining: number | null;
  /** Epoch ms when the window resets. */
  readonly resetAt: number | null;
}

export const isFailure = (value: RedditReply | CallFailure): value is CallFailure => 'status' in value && typeof value.status === 'string';

export class RedditClient {
  readonly #config: ConnectorConfig;
  readonly #auth: RedditAuth;
  #budget: RateBudget = { used: null, remaining: null, resetAt: null };

  constructor(config: ConnectorConfig, auth: RedditAuth) {
    this.#config = config;
    this.#auth = auth;
  }

  budget(): RateBudget {
    return this.#budget;
  }

  /** GET with query params, or POST form-encoded (every Reddit mod action is a form POST). */
  async call(method: 'GET' | 'POST', path: string, params: Readonly<Record<string, string>>, write: boolean): Promise<RedditReply | CallFailure> {
    const { clock } = this.#config;
    const budget = this.#budget;
    // Spending the last request of a window only buys a 429; wait for the reset instead.
    if (budget.remaining !== null && budget.remaining < 1 && budget.resetAt !== null && budget.resetAt > clock.now().getTime()) {
      return retryAfter(clock, (budget.resetAt - clock.now().getTime()) / 1000, 'Reddit rate budget spent for this window');
    }
    for (let attempt = 0; ; attempt += 1) {
      const token = await this.#auth.token(attempt > 0);
      if ('status' in token) return token;
      const reply = await this.#send(method, path, params, token.token);
      if (!reply.ok) return retryAfter(clock, TRANSIENT_RETRY_SECONDS, `Reddit unreachable (${reply.error})`, write, false);
      this.#readBudget(reply.headers);
      if (reply.status === 401) {
        const challenge = reply.headers.get('www-authenticate') ?? '';
        if (attempt === 0 && challenge.includes('invalid_token')) {
          this.#auth.invalidate(token.token);
          continue;
        }
        return reauth('Reddit rejected the access token even after a refresh; reconnect the account');
      }
      if (reply.status === 403 && (reply.headers.get('www-authenticate') ?? '').includes('insufficient_scope')) {
        return reauth('the Reddit account was not granted the scopes Stoa needs; reconnect and approve them');
      }
      if (reply.status === 429) {
        const wait = retryAfterSeconds(reply.headers.get('retry-after'), clock) ?? this.#secondsToReset() ?? 60;
        return retryAfter(clock, wait, 'Reddit rate limit reached (429)');
      }
      if (TRANSIENT_STATUSES.has(reply.status)) {
        return retryAfter(clock, TRANSIENT_RETRY_SECONDS, `Reddit answered ${reply.status}`, write, true);
      }
      const json = reply.text === '' ? { ok: false as const } : parseJson(reply.text);
      return { status: reply.status, headers: reply.headers, body: json.ok ? json.value : undefined };
    }
  }

  #send(method: 'GET' | 'POST', path: string, params: Readonly<Record<string, string>>, token: string) {
    const base = this.#config.baseUrl.replace(/\/$/, '');
    const headers = { authorization: `bearer ${token}`, 'user-agent': this.#config.userAgent };
    if (method === 'GET') {
      const query = new URLSearchParams({ ...params, raw_json: '1' });
      return exchange(this.#config.fetch, `${base}${path}?${query.toString()}`, { method, headers });
    }
    return exchange(this.#config.fetch, `${base}${path}`, {
      method,
      headers: { ...headers, 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams(params).toString(),
    });
  }

  #readBudget(headers: Headers): void {
    const remaining = headers.get('x-ratelimit-remaining');
    const reset = headers.get('x-ratelimit-reset');
    const used = headers.get('x-ratelimit-used');
    if (remaining === null && reset === null) return;
    const now = this.#config.clock.now().getTime();
    this.#budget = {
      used: used === null ? null : Number(used),
      remaining: remaining === null ? null : Number.parseFloat(remaining),
      resetAt: reset === null ? null : now + Number(reset) * 1000,
    };
  }

  #secondsToReset(): number | null {
    const { resetAt } = this.#budget;
    return resetAt === null ? null : Math.max(1, (resetAt - this.#config.clock.now().getTime()) / 1000);
  }
}
