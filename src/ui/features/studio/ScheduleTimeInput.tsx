// A time picker for schedules: the browser's datetime-local input works in the machine's own zone,
// so the value is turned into UTC (ISO) here, and a stored UTC time is shown back in local time.
import { useState } from 'react';

/** "2026-12-24T18:00" in this machine's zone → ISO UTC; null for an empty or impossible value. */
export function localInputToIso(value: string): string | null {
  if (value === '') return null;
  const ms = new Date(value).getTime();
  return Number.isFinite(ms) ? new Date(ms).toISOString() : null;
}

/** ISO → the datetime-local value for the same moment in this machine's zone. */
export function isoToLocalInput(iso: string): string {
  const d = new Date(iso);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

/** A stored time as a person reads it, in local time with the zone's name. */
export const formatScheduleTime = (iso: string): string => new Date(iso).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'long' });

/** The next whole hour, a sensible first suggestion. */
const nextHour = (): string => {
  const d = new Date(Date.now() + 3_600_000);
  d.setMinutes(0, 0, 0);
  return d.toISOString();
};

export function ScheduleTimeInput({ label, action, initial, onPick }: { label: string; action: string; initial?: string | null; onPick: (iso: string) => void }) {
  const [value, setValue] = useState(isoToLocalInput(initial ?? nextHour()));
  const iso = localInputToIso(value);
  return (
    <span className="schedule-time">
      <label>
        {label} <input type="datetime-local" value={value} onChange={(e) => setValue(e.target.value)} />
      </label>{' '}
      <button type="button" className="btn" disabled={iso === null} onClick={() => iso && onPick(iso)}>
        {action}
      </button>
    </span>
  );
}
