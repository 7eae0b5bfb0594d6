// "Queue age": how long the oldest open item has waited, in the words a moderator reads at a glance.
export function queueAge(oldestOpenAt: string | null, now: Date): string {
  if (oldestOpenAt === null) return 'nothing open';
  const minutes = Math.max(0, Math.floor((now.getTime() - new Date(oldestOpenAt).getTime()) / 60_000));
  if (minutes < 60) return `${minutes} min`;
  const hours = Math.floor(minutes / 60);
  if (hours < 48) return `${hours} h`;
  return `${Math.floor(hours / 24)} d`;
}
