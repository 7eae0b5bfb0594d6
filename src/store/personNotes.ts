// Notes about a person, kept with their author row (and shown for every account linked to them).
// Append-only: removing a note stamps who took it back and when; both steps are audited in the
// same transaction. The label and expiry rules live in core/personNotes.ts.
import type { Database } from 'better-sqlite3';
import { personNoteActive, personNoteProblem, type PersonNoteLabel } from '../core/personNotes.ts';
import type { Actor } from './accounts.ts';
import { appendAudit } from './audit.ts';
import { authorGroup, AuthorError, getAuthorRow } from './authors.ts';
import { isoNow, type Clock } from './clock.ts';
import { decodeCursor, encodeCursor } from './cursor.ts';
import { newId } from './ids.ts';
import { prepared } from './statements.ts';

export interface PersonNote {
  readonly id: string;
  readonly authorId: string;
  readonly label: PersonNoteLabel;
  readonly body: string;
  readonly itemId: string | null;
  readonly actor: string;
  readonly createdAt: string;
  readonly expiresAt: string | null;
  readonly removedAt: string | null;
  readonly removedBy: string | null;
  /** Not removed and not expired at the time of reading. */
  readonly active: boolean;
}

export interface PersonNoteInput {
  readonly authorId: string;
  readonly label: string;
  readonly body: string;
  readonly expiresAt: string | null;
  /** The item the moderator was looking at when writing it, for context. */
  readonly itemId?: string | null | undefined;
}

type Row = Omit<PersonNote, 'active'>;
const COLUMNS = `id, author_id AS authorId, label, body, item_id AS itemId, actor, created_at AS createdAt,
  expires_at AS expiresAt, removed_at AS removedAt, removed_by AS removedBy`;

const withActive = (row: Row, now: Date): PersonNote => ({ ...row, active: personNoteActive(row, now) });

export function addPersonNote(db: Database, input: PersonNoteInput, who: Actor, clock: Clock): PersonNote {
  const now = clock.now();
  const problem = personNoteProblem(input, now);
  if (problem) throw new AuthorError('invalid_input', problem);
  if (!getAuthorRow(db, input.authorId)) throw new AuthorError('not_found', `There is no author with id ${input.authorId}.`);
  const itemId = input.itemId ?? null;
  if (itemId !== null && prepared(db, 'SELECT 1 FROM items WHERE id = ?').pluck().get(itemId) === undefined) {
    throw new AuthorError('not_found', `There is no item with id ${itemId}.`);
  }
  return db.transaction(() => {
    const row: Row = {
      id: newId(),
      authorId: input.authorId,
      label: input.label as PersonNoteLabel,
      body: input.body.trim(),
      itemId,
      actor: who.actor,
      createdAt: isoNow(clock),
      expiresAt: input.expiresAt,
      removedAt: null,
      removedBy: null,
    };
    prepared(
      db,
      `INSERT INTO person_notes (id, author_id, label, body, item_id, actor, device_id, created_at, expires_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ).run(row.id, row.authorId, row.label, row.body, row.itemId, who.actor, who.deviceId, row.createdAt, row.expiresAt);
    appendAudit(db, { ...who, action: 'person_note.add', subject: row.authorId, details: { noteId: row.id, label: row.label, expiresAt: row.expiresAt } }, clock);
    return withActive(row, now);
  })();
}

/**
 * The person's notes (every linked account's), newest first, paged without a cap. Removed notes
 * are left out unless asked for; expired ones are kept and marked inactive.
 */
export function listPersonNotes(
  db: Database,
  authorId: string,
  page: { limit: number; cursor: string | null; includeRemoved: boolean },
  clock: Clock,
): { notes: PersonNote[]; nextCursor: string | null } {
  if (!getAuthorRow(db, authorId)) throw new AuthorError('not_found', `There is no author with id ${authorId}.`);
  const group = authorGroup(db, authorId);
  const after = page.cursor === null ? null : decodeCursor(page.cursor);
  const rows = prepared(
    db,
    `SELECT ${COLUMNS} FROM person_notes
     WHERE author_id IN (SELECT value FROM json_each(?)) AND (? OR removed_at IS NULL)
       AND (? IS NULL OR (created_at, id) < (?, ?))
     ORDER BY created_at DESC, id DESC LIMIT ?`,
  ).all(JSON.stringify(group), page.includeRemoved ? 1 : 0, after ? 1 : null, after?.key ?? null, after?.id ?? null, page.limit + 1) as Row[];
  const shown = rows.slice(0, page.limit);
  const last = shown.at(-1);
  const now = clock.now();
  return {
    notes: shown.map((row) => withActive(row, now)),
    nextCursor: rows.length > page.limit && last ? encodeCursor({ key: last.createdAt, id: last.id }) : null,
  };
}

/** Takes a note back (it stays in the record as removed). Removing twice is refused. */
export function removePersonNote(db: Database, id: string, who: Actor, clock: Clock): PersonNote {
  return db.transaction(() => {
    const row = prepared(db, `SELECT ${COLUMNS} FROM person_notes WHERE id = ?`).get(id) as Row | undefined;
    if (!row) throw new AuthorError('not_found', `There is no person note with id ${id}.`);
    if (row.removedAt !== null) throw new AuthorError('invalid_input', `That note was already removed by ${row.removedBy ?? 'someone'}.`);
    const removedAt = isoNow(clock);
    prepared(db, 'UPDATE person_notes SET removed_at = ?, removed_by = ? WHERE id = ?').run(removedAt, who.actor, id);
    appendAudit(db, { ...who, action: 'person_note.remove', subject: row.authorId, details: { noteId: id } }, clock);
    return withActive({ ...row, removedAt, removedBy: who.actor }, clock.now());
  })();
}
