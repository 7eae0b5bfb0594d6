// Retry timing for outbox entries: exponential backoff with "equal jitter" (half fixed, half
// random), so a fleet of clients that failed together does not retry together, yet a retry never
// comes sooner than half the nominal delay. The random source is injected for tests.

export interface BackoffPolicy {
  readonly baseMs: number;
  readonly capMs: number;
  /** Attempts (sends) after which a still-retryable entry becomes `failed`. */
  readonly maxAttempts: number;
}

export const DEFAULT_BACKOFF: BackoffPolicy = { baseMs: 1_000, capMs: 5 * 60_000, maxAttempts: 10 };

/** Delay before attempt `attempt + 1`, where `attempt` (≥ 1) sends have already failed. */
export function backoffDelayMs(attempt: number, random: () => number, policy: BackoffPolicy = DEFAULT_BACKOFF): number {
  const exponent = Math.max(0, Math.min(attempt - 1, 30));
  const nominal = Math.min(policy.capMs, policy.baseMs * 2 ** exponent);
  return Math.round(nominal / 2 + random() * (nominal / 2));
}

/**
 * When to try again: never before the platform's own time (Retry-After, quota reset), and never
 * sooner than the backoff says, whichever is later.
 */
export function nextAttemptAt(nowMs: number, attempt: number, platformAt: string | null, random: () => number, policy: BackoffPolicy = DEFAULT_BACKOFF): number {
  const backoff = nowMs + backoffDelayMs(attempt, random, policy);
  const platform = platformAt === null ? Number.NaN : Date.parse(platformAt);
  return Number.isNaN(platform) ? backoff : Math.max(platform, backoff);
}
