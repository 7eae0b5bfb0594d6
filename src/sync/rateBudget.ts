// Per-account request budgets from `capabilities.rateLimit`, spent before a request leaves so the
// engine waits instead of buying a 429. One budget per account, shared by every request the
// engine makes for it, so parallel work cannot amplify retries. Platforms that only report usage
// (Meta) have no local number: their connector's retry_after does the pacing.
import type { ModerationAction } from '../core/domain.ts';
import type { Clock, RateLimitModel } from '../platforms/index.ts';

export type BudgetCall = ModerationAction | 'pull' | 'readState';

export interface RateBudget {
  /** Spends the call's cost and returns 0, or returns how many ms to wait before it can be spent. */
  take(call: BudgetCall, count?: number): number;
}

/** Milliseconds from `now` until the next local midnight in `timeZone`. */
export function msUntilMidnight(now: Date, timeZone: string): number {
  const parts = new Intl.DateTimeFormat('en-US', { timeZone, hour12: false, hour: 'numeric', minute: 'numeric', second: 'numeric' }).formatToParts(now);
  const num = (type: string): number => Number(parts.find((part) => part.type === type)?.value ?? 0);
  // hour12:false renders midnight as "24" in some ICU versions.
  const elapsed = (((num('hour') % 24) * 60 + num('minute')) * 60 + num('second')) * 1000 + now.getMilliseconds();
  return Math.max(1000, 24 * 3600 * 1000 - elapsed);
}

export function createRateBudget(model: RateLimitModel, clock: Clock): RateBudget {
  switch (model.kind) {
    case 'request_window': {
      // A token bucket that refills the window's requests evenly: never more than `requests` in
      // any window, and no burst-then-starve at the window edge.
      const capacity = Math.max(1, model.requests);
      const perMs = capacity / (model.windowSeconds * 1000);
      let tokens = capacity;
      let last = clock.now().getTime();
      return {
        take(_call, count = 1) {
          const now = clock.now().getTime();
          tokens = Math.min(capacity, tokens + (now - last) * perMs);
          last = now;
          if (tokens >= count) {
            tokens -= count;
            return 0;
          }
          return Math.ceil((count - tokens) / perMs);
        },
      };
    }
    case 'daily_quota': {
      let day = '';
      let spent = 0;
      return {
        take(call, count = 1) {
          const now = clock.now();
          const today = new Intl.DateTimeFormat('en-CA', { timeZone: model.resetTimeZone }).format(now);
          if (today !== day) {
            day = today;
            spent = 0;
          }
          // Batches are priced per call, not per id (YouTube setModerationStatus takes 50 ids).
          const cost = (model.costs[call] ?? 1) * (call === 'pull' || call === 'readState' ? count : 1);
          if (spent + cost > model.units) return msUntilMidnight(now, model.resetTimeZone);
          spent += cost;
          return 0;
        },
      };
    }
    case 'usage_percent':
      return { take: () => 0 };
  }
}
