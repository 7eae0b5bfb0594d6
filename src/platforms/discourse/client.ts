// Discourse HTTP transport: Api-Key/Api-Username headers (no refresh: keys are long-lived), the
// two 429 shapes (§3.4: controller JSON with extras.wait_seconds, middleware text/plain "Please
// retry again in N seconds"), a revoked key (403 invalid_access) as reauth, and 5xx/resets as
// retry, ambiguous on writes. What a 403/404/409/422 means for a given endpoint is the caller's call.
import { exchange, parseJson, reauth, retryAfter, retryAfterSeconds, TRANSIENT_RETRY_SECONDS, TRANSIENT_STATUSES } from '../common/http.ts';
import type { CallFailure, ConnectorConfig } from '../platform.ts';
import { errorSchema } from './wire.ts';

export interface DiscourseReply {
  readonly status: number;
  readonly body: unknown;
  /** First error message of an {"errors": [...]} body, if any. */
  readonly error: string | null;
  readonly errorType: string | null;
}

export const isFailure = (value: DiscourseReply | CallFailure): value is CallFailure => typeof value.status === 'string';

const KEY_INVALID = /api username or key is invalid/i;

/** Seconds to wait from a 429, trying the header, then the JSON body, then the text body. */
export function throttleSeconds(headers: Headers, text: string, body: unknown, now: ConnectorConfig['clock']): number {
  const header = retryAfterSeconds(headers.get('retry-after'), now);
  if (header !== null) return header;
  const parsed = errorSchema.safeParse(body);
  const wait = parsed.success ? parsed.data.extras?.wait_seconds : undefined;
  if (typeof wait === 'number') return wait;
  const match = /retry again in (\d+) seconds/i.exec(text);
  return match ? Number(match[1]) : 60;
}

export class DiscourseClient {
  readonly #config: ConnectorConfig;

  constructor(config: ConnectorConfig) {
    this.#config = config;
  }

  async call(method: 'GET' | 'PUT', path: string, options: { query?: Record<string, string>; json?: unknown }, write: boolean): Promise<DiscourseReply | CallFailure> {
    const { clock, credentials } = this.#config;
    if (credentials.kind !== 'api_key') return reauth('Discourse needs an API key and an API username');
    const query = options.query ? `?${new URLSearchParams(options.query).toString()}` : '';
    const headers: Record<string, string> = {
      'api-key': credentials.apiKey,
      'api-username': credentials.username,
      accept: 'application/json',
      'user-agent': this.#config.userAgent,
    };
    if (options.json !== undefined) headers['content-type'] = 'application/json';
    const reply = await exchange(this.#config.fetch, `${this.#config.baseUrl.replace(/\/$/, '')}${path}${query}`, {
      method,
      headers,
      body: options.json === undefined ? undefined : JSON.stringify(options.json),
    });
    if (!reply.ok) return retryAfter(clock, TRANSIENT_RETRY_SECONDS, `Discourse unreachable (${reply.error})`, write);
    const json = parseJson(reply.text);
    const body = json.ok ? json.value : undefined;
    if (reply.status === 429) return retryAfter(clock, throttleSeconds(reply.headers, reply.text, body, clock), 'Discourse rate limit reached (429)');
    if (TRANSIENT_STATUSES.has(reply.status)) return retryAfter(clock, TRANSIENT_RETRY_SECONDS, `Discourse answered ${reply.status}`, write);
    const parsed = errorSchema.safeParse(body);
    const error = parsed.success ? (parsed.data.errors?.[0] ?? null) : null;
    const errorType = parsed.success ? (parsed.data.error_type ?? null) : null;
    if (reply.status === 403 && errorType === 'invalid_access' && error !== null && KEY_INVALID.test(error)) {
      return reauth('Discourse rejected the API key or username; check or replace the key');
    }
    return { status: reply.status, body, error, errorType };
  }
}
