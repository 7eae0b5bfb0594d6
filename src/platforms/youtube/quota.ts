// YouTube Data API quota: 10,000 units per project per day, reset at midnight Pacific time
// (PLATFORMS.md §5.4). The day boundary is computed in the America/Los_Angeles zone through Intl,
// so the 23- and 25-hour days around DST changes come out right; a fixed -8h offset would not.
// Pure arithmetic: the connector keeps a ledger to avoid spending calls it cannot afford, and the
// simulator uses the same rules to decide when to answer 403 quotaExceeded.

export const PACIFIC_TIME_ZONE = 'America/Los_Angeles';
export const DEFAULT_DAILY_QUOTA = 10_000;

/** Per-method unit costs (current determine_quota_cost page); every call costs, even a rejected one. */
export const QUOTA_COSTS = {
  'commentThreads.list': 1,
  'comments.list': 1,
  'channels.list': 1,
  'playlistItems.list': 1,
  'videos.list': 1,
  'comments.setModerationStatus': 50,
  'comments.delete': 50,
  'comments.insert': 50,
  'comments.update': 50,
} as const;
export type QuotaMethod = keyof typeof QUOTA_COSTS;

const wallClock = new Intl.DateTimeFormat('en-US', {
  timeZone: PACIFIC_TIME_ZONE,
  hourCycle: 'h23',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
});

interface WallTime {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

function pacificWallTime(instant: Date): WallTime {
  const parts: Record<string, number> = {};
  for (const p of wallClock.formatToParts(instant)) {
    if (p.type !== 'literal') parts[p.type] = Number(p.value);
  }
  const get = (k: string): number => parts[k] ?? 0;
  return { year: get('year'), month: get('month'), day: get('day'), hour: get('hour'), minute: get('minute'), second: get('second') };
}

/** Milliseconds the Pacific wall clock is ahead of UTC at this instant (-7h or -8h). */
export function pacificOffsetMs(instant: Date): number {
  const w = pacificWallTime(instant);
  const asUtc = Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second);
  return asUtc - Math.floor(instant.getTime() / 1000) * 1000;
}

/** The Pacific calendar day an instant falls on, `YYYY-MM-DD`: the key of one quota bucket. */
export function pacificDay(instant: Date): string {
  const w = pacificWallTime(instant);
  return `${w.year}-${String(w.month).padStart(2, '0')}-${String(w.day).padStart(2, '0')}`;
}

/** The first instant strictly after `instant` at which the Pacific date changes (quota reset). */
export function nextPacificMidnight(instant: Date): Date {
  const w = pacificWallTime(instant);
  // Midnight of the next wall day, first read as if it were UTC, then shifted by the zone offset.
  // Offsets are re-read at the candidate because the next day may sit on the other side of DST.
  const wallMidnight = Date.UTC(w.year, w.month - 1, w.day + 1, 0, 0, 0);
  let candidate = wallMidnight - pacificOffsetMs(instant);
  candidate = wallMidnight - pacificOffsetMs(new Date(candidate));
  return new Date(candidate);
}

export interface QuotaSnapshot {
  readonly day: string;
  readonly used: number;
}

/**
 * Units spent today. Serializable (`snapshot()`/constructor) so a caller can persist it between
 * runs; a snapshot from an earlier Pacific day counts as zero.
 */
export class QuotaLedger {
  private day: string;
  private used: number;

  constructor(
    readonly dailyLimit: number = DEFAULT_DAILY_QUOTA,
    from: QuotaSnapshot = { day: '', used: 0 },
  ) {
    this.day = from.day;
    this.used = from.used;
  }

  private roll(now: Date): void {
    const today = pacificDay(now);
    if (today !== this.day) {
      this.day = today;
      this.used = 0;
    }
  }

  remaining(now: Date): number {
    this.roll(now);
    return Math.max(0, this.dailyLimit - this.used);
  }

  canAfford(method: QuotaMethod, now: Date, calls = 1): boolean {
    return this.remaining(now) >= QUOTA_COSTS[method] * calls;
  }

  charge(method: QuotaMethod, now: Date): void {
    this.roll(now);
    this.used += QUOTA_COSTS[method];
  }

  /** Units spent so far today. */
  spent(now: Date): number {
    this.roll(now);
    return this.used;
  }

  /** The platform said quotaExceeded: trust it over our count until the next reset. */
  exhaust(now: Date): void {
    this.roll(now);
    this.used = Math.max(this.used, this.dailyLimit);
  }

  resetsAt(now: Date): Date {
    return nextPacificMidnight(now);
  }

  snapshot(now: Date): QuotaSnapshot {
    this.roll(now);
    return { day: this.day, used: this.used };
  }
}
