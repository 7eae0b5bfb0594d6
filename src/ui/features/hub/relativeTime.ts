// "just now", "2 min ago", "3 h ago", "4 days ago": how long ago something happened, in the words
// the team's signals use ("Decided by Ana 2 min ago"). A time in the future (clocks of two desks
// disagree by a little) reads as "just now".
export function timeAgo(iso: string, now: number): string {
  const then = Date.parse(iso);
  if (Number.isNaN(then)) return iso;
  const seconds = Math.max(0, Math.round((now - then) / 1000));
  if (seconds < 45) return 'just now';
  const minutes = Math.max(1, Math.round(seconds / 60));
  if (minutes < 60) return `${minutes} min ago`;
  const hours = Math.round(minutes / 60);
  if (hours < 24) return `${hours} h ago`;
  const days = Math.round(hours / 24);
  return days === 1 ? '1 day ago' : `${days} days ago`;
}

/** "Never" for a time that has not happened yet (no push so far), else timeAgo. */
export const timeAgoOrNever = (iso: string | null, now: number): string => (iso === null ? 'never' : timeAgo(iso, now));
