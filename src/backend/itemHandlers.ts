// items.* endpoints: the queue listing, search and one item's full record (with what its platform can do).
import { fail } from '../api/errors.ts';
import type { Handlers } from '../api/dispatch.ts';
import { MODERATION_ACTIONS } from '../core/domain.ts';
import { platformCapabilities } from '../platforms/index.ts';
import { InvalidCursorError } from '../store/cursor.ts';
import { getItem } from '../store/itemDetail.ts';
import { listItems } from '../store/items.ts';
import { UnknownItemError } from '../store/decisions.ts';
import { addNote } from '../store/notes.ts';
import { searchItems } from '../store/search.ts';
import type { BackendContext } from './context.ts';

const offsetFrom = (cursor: string | null): number => {
  if (cursor === null) return 0;
  const offset = Number(cursor);
  if (!Number.isSafeInteger(offset) || offset < 0) return fail('invalid_input', 'The search page cursor is not one Stoa issued.');
  return offset;
};

export function itemHandlers(ctx: BackendContext): Pick<Handlers, 'items.list' | 'items.search' | 'items.get' | 'items.addNote'> {
  return {
    'items.list': (input) => {
      try {
        return listItems(ctx.db, input);
      } catch (error) {
        if (error instanceof InvalidCursorError) return fail('invalid_input', error.message);
        throw error;
      }
    },
    'items.search': (input) => {
      const offset = offsetFrom(input.cursor);
      const { query, limit, platform, kind, state, sort } = input;
      const { items, hasMore, total } = searchItems(ctx.db, query, limit, offset, { platform, kind, state, sort });
      return { items, nextCursor: hasMore ? String(offset + limit) : null, total };
    },
    'items.get': ({ id }) => {
      const item = getItem(ctx.db, id) ?? fail('not_found', `There is no item with id ${id}.`);
      // The actions and ban limits the UI offers come from the platform's connector, not its name.
      const capabilities = platformCapabilities(item.platform);
      return { ...item, capabilities: capabilities ? { actions: [...capabilities.actions], ban: capabilities.ban } : { actions: MODERATION_ACTIONS.filter((a) => a !== 'ban'), ban: null } };
    },
    'items.addNote': ({ itemId, body }) => {
      try {
        return addNote(ctx.db, itemId, body, ctx.who, ctx.clock);
      } catch (error) {
        if (error instanceof UnknownItemError) return fail('not_found', error.message);
        throw error;
      }
    },
  };
}
