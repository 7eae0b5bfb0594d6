// authors.*, personNotes.* and the item context endpoints (thread parent, per-decision outbox
// status). Store refusals become typed API errors with their one sentence.
import type { Handlers } from '../api/dispatch.ts';
import { fail } from '../api/errors.ts';
import { decisionStatus } from '../core/decisionStatus.ts';
import { authorIdOfItem, AuthorError, authorItems, authorProfile, findAuthors, linkAuthors, unlinkAuthors } from '../store/authors.ts';
import { InvalidCursorError } from '../store/cursor.ts';
import { decisionOutbox } from '../store/decisionOutbox.ts';
import { itemParent } from '../store/itemParent.ts';
import { similarItems } from '../store/nearCopies.ts';
import { prepared } from '../store/statements.ts';
import { addPersonNote, listPersonNotes, removePersonNote } from '../store/personNotes.ts';
import type { BackendContext } from './context.ts';

function refusing<T>(run: () => T): T {
  try {
    return run();
  } catch (error) {
    if (error instanceof AuthorError) return fail(error.code, error.message);
    if (error instanceof InvalidCursorError) return fail('invalid_input', error.message);
    throw error;
  }
}

export function authorHandlers(
  ctx: BackendContext,
): Pick<Handlers, 'authors.get' | 'authors.items' | 'authors.find' | 'authors.link' | 'authors.unlink' | 'personNotes.add' | 'personNotes.list' | 'personNotes.remove' | 'items.parent' | 'items.similar' | 'items.decisionStatus'> {
  return {
    'authors.get': (input) =>
      refusing(() => {
        const authorId = 'itemId' in input ? authorIdOfItem(ctx.db, input.itemId) : input.authorId;
        return authorId === null ? null : authorProfile(ctx.db, authorId);
      }),
    'authors.items': ({ authorId, limit, cursor }) => refusing(() => authorItems(ctx.db, authorId, { limit, cursor })),
    'authors.find': ({ platform, name, limit }) => findAuthors(ctx.db, platform, name, limit),
    'authors.link': ({ authorId, otherAuthorId }) => refusing(() => linkAuthors(ctx.db, authorId, otherAuthorId, ctx.who, ctx.clock)),
    'authors.unlink': ({ authorId, otherAuthorId }) => refusing(() => unlinkAuthors(ctx.db, authorId, otherAuthorId, ctx.who, ctx.clock)),
    'personNotes.add': ({ authorId, label, body, expiresAt, itemId }) =>
      refusing(() => addPersonNote(ctx.db, { authorId, label, body, expiresAt, itemId }, ctx.who, ctx.clock)),
    'personNotes.list': ({ authorId, includeRemoved, limit, cursor }) => refusing(() => listPersonNotes(ctx.db, authorId, { limit, cursor, includeRemoved }, ctx.clock)),
    'personNotes.remove': ({ id }) => refusing(() => removePersonNote(ctx.db, id, ctx.who, ctx.clock)),
    'items.parent': ({ id }) => itemParent(ctx.db, id) ?? fail('not_found', `There is no item with id ${id}.`),
    'items.similar': ({ id, limit, cursor }) => refusing(() => similarItems(ctx.db, id, { limit, cursor })) ?? fail('not_found', `There is no item with id ${id}.`),
    'items.decisionStatus': ({ id }) => {
      if (prepared(ctx.db, 'SELECT 1 FROM items WHERE id = ?').pluck().get(id) === undefined) return fail('not_found', `There is no item with id ${id}.`);
      return decisionOutbox(ctx.db, id).map((row) => ({
        decisionId: row.decisionId,
        action: row.action,
        actor: row.actor,
        createdAt: row.createdAt,
        status: row.undone && (row.entry === null || row.entry.state !== 'done') ? decisionStatus({ state: 'failed', lastError: null, errorClass: 'undone' }) : decisionStatus(row.entry),
        entry: row.entry === null ? null : { id: row.entry.id, state: row.entry.state, attempts: row.entry.attempts, remoteSnapshot: row.entry.remoteSnapshot, updatedAt: row.entry.updatedAt },
      }));
    },
  };
}
