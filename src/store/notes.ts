// Notes: what a moderator wants the next person to know about an item ("third warning", "brand
// confirmed this is a paid post"). Never sent to a platform. Append-only like decisions — a
// correction is a new note — and audited in the same transaction.
import type { Database } from 'better-sqlite3';
import type { Actor } from './accounts.ts';
import { appendAudit } from './audit.ts';
import { isoNow, type Clock } from './clock.ts';
import { UnknownItemError } from './decisions.ts';
import { newId } from './ids.ts';
import { prepared } from './statements.ts';

export interface Note {
  readonly id: string;
  readonly body: string;
  readonly actor: string;
  readonly createdAt: string;
}

export function addNote(db: Database, itemId: string, body: string, who: Actor, clock: Clock): Note {
  return db.transaction(() => {
    const exists = prepared(db, 'SELECT 1 FROM items WHERE id = ?').pluck().get(itemId) !== undefined;
    if (!exists) throw new UnknownItemError(`There is no item with id ${itemId}.`);
    const note: Note = { id: newId(), body, actor: who.actor, createdAt: isoNow(clock) };
    prepared(db, 'INSERT INTO notes (id, item_id, body, actor, device_id, created_at) VALUES (?, ?, ?, ?, ?, ?)').run(note.id, itemId, body, who.actor, who.deviceId, note.createdAt);
    appendAudit(db, { ...who, action: 'note.add', subject: itemId, details: { noteId: note.id } }, clock);
    return note;
  })();
}

export function notesForItem(db: Database, itemId: string): Note[] {
  return prepared(db, 'SELECT id, body, actor, created_at AS createdAt FROM notes WHERE item_id = ? ORDER BY created_at, id').all(itemId) as Note[];
}
