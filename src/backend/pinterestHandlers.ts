// pinterest.boards and posts.board.*: the boards a Pinterest account can pin to (one online read
// through the connector) and the board chosen for a post (store/postBoards.ts, audited). A platform
// that throttles or refuses is an API error value with Pinterest's reason, never a crash.
import type { Handlers } from '../api/dispatch.ts';
import { fail } from '../api/errors.ts';
import { isPinterest } from '../sync/publishPinterest.ts';
import { listAccounts } from '../store/accounts.ts';
import { BoardRefusedError, getPostBoard, setPostBoard } from '../store/postBoards.ts';
import { getPost } from '../store/posts.ts';
import type { BackendContext } from './context.ts';
import { platformFor } from './sync/accounts.ts';

type PinterestMethod = 'pinterest.boards' | 'posts.board.get' | 'posts.board.set';

export function pinterestHandlers(ctx: BackendContext, fetch = globalThis.fetch): Pick<Handlers, PinterestMethod> {
  return {
    'pinterest.boards': async ({ accountId }) => {
      const account = listAccounts(ctx.db).find((a) => (accountId ? a.id === accountId : a.platform === 'pinterest'));
      if (!account) return fail('not_found', accountId ? `There is no account with id ${accountId}.` : 'No Pinterest account is connected.');
      if (account.platform !== 'pinterest') return fail('invalid_input', `Account ${account.id} is a ${account.platform} account, not Pinterest.`);
      const platform = platformFor(ctx, account, fetch);
      if (!platform.ok) return fail(platform.error.code === 'secret_unavailable' ? 'unavailable' : 'invalid_input', platform.error.message);
      if (!isPinterest(platform.value)) return fail('internal', 'The Pinterest connector has no board list.');
      const listed = await platform.value.listBoards();
      if (listed.status === 'ok') return { accountId: account.id, defaultBoardId: platform.value.defaultBoardId, boards: listed.boards };
      if (listed.status === 'retry_after') return fail('rate_limited', `${listed.reason} Try again after ${listed.at}.`);
      if (listed.status === 'reauth') return fail('reauth_required', listed.reason);
      return fail('platform_refused', listed.reason);
    },
    'posts.board.get': ({ id }) => {
      if (!getPost(ctx.db, id)) return fail('not_found', `There is no post with id ${id}.`);
      return { boardId: getPostBoard(ctx.db, id, 'pinterest') };
    },
    'posts.board.set': ({ id, boardId }) => {
      try {
        setPostBoard(ctx.db, id, 'pinterest', boardId, ctx.who, ctx.clock);
      } catch (error) {
        if (error instanceof BoardRefusedError) return fail(getPost(ctx.db, id) ? 'invalid_input' : 'not_found', error.message);
        throw error;
      }
      return { boardId: getPostBoard(ctx.db, id, 'pinterest') };
    },
  };
}
