// Notes about a person (not one of their items), labelled like Reddit's mod notes so the next
// moderator sees at a glance "spam warning given" or "solid contributor". A note may expire (a
// warning that counts for 30 days); an expired note stays in the record but no longer counts.
// Pure rules, shared by the store (which refuses bad input) and the UI (which offers the labels).

export const PERSON_NOTE_LABELS = ['note', 'abuse_warning', 'spam_warning', 'spam_watch', 'ban', 'perma_ban', 'bot_ban', 'helpful', 'solid_contributor'] as const;
export type PersonNoteLabel = (typeof PERSON_NOTE_LABELS)[number];

export const PERSON_NOTE_LABEL_NAMES: Readonly<Record<PersonNoteLabel, string>> = {
  note: 'Note',
  abuse_warning: 'Abuse warning',
  spam_warning: 'Spam warning',
  spam_watch: 'Spam watch',
  ban: 'Ban',
  perma_ban: 'Permanent ban',
  bot_ban: 'Bot ban',
  helpful: 'Helpful',
  solid_contributor: 'Solid contributor',
};

/** Labels that speak for the person rather than against them: shown in a different tone. */
export const POSITIVE_LABELS: ReadonlySet<PersonNoteLabel> = new Set(['helpful', 'solid_contributor']);

/** Ten years: anything longer is a typo for "never expires". */
export const MAX_EXPIRY_DAYS = 3650;
export const PERSON_NOTE_MAX_LENGTH = 2000;

export const isPersonNoteLabel = (value: string): value is PersonNoteLabel => (PERSON_NOTE_LABELS as readonly string[]).includes(value);

/**
 * Checks a new note; the reply is the problem in one sentence, or null when it may be stored.
 * `expiresAt` is an ISO time or null (never expires); `now` is the store's clock.
 */
export function personNoteProblem(input: { label: string; body: string; expiresAt: string | null }, now: Date): string | null {
  if (!isPersonNoteLabel(input.label)) return `"${input.label}" is not a note label; use one of ${PERSON_NOTE_LABELS.join(', ')}.`;
  const body = input.body.trim();
  // A bare label ("bot ban") says enough; a plain note needs words.
  if (input.label === 'note' && body === '') return 'A note without a label needs some text.';
  if (body.length > PERSON_NOTE_MAX_LENGTH) return `A note is at most ${PERSON_NOTE_MAX_LENGTH} characters (this one has ${body.length}).`;
  if (input.expiresAt === null) return null;
  const at = Date.parse(input.expiresAt);
  if (Number.isNaN(at)) return `The expiry "${input.expiresAt}" is not a date.`;
  if (at <= now.getTime()) return 'The expiry must be in the future.';
  if (at - now.getTime() > MAX_EXPIRY_DAYS * 86_400_000) return `The expiry must be within ${MAX_EXPIRY_DAYS} days.`;
  return null;
}

/** The ISO time `days` whole days after `now`, for the "expires in N days" field; null: never. */
export function expiryAfterDays(days: number | null, now: Date): string | null {
  if (days === null) return null;
  return new Date(now.getTime() + days * 86_400_000).toISOString();
}

/** Whether a note still counts at `now`: not removed and not past its expiry. */
export function personNoteActive(note: { expiresAt: string | null; removedAt: string | null }, now: Date): boolean {
  if (note.removedAt !== null) return false;
  return note.expiresAt === null || Date.parse(note.expiresAt) > now.getTime();
}
