// Pinterest in the studio: the boards of a connected Pinterest account (read online) and the board
// a post goes to (stored with the post's pinterest target; without one, the account's default).
import { z } from 'zod';

const id = z.string().min(1).max(100);
/** Pinterest board ids are digit strings. */
const boardId = z.string().regex(/^\d{1,32}$/, 'A board id is digits only (Pinterest’s id).');

export const pinterestBoardSchema = z.object({ id: z.string(), name: z.string(), privacy: z.string().nullable(), pinCount: z.number().nullable() });

export const pinterestEndpoints = {
  'pinterest.boards': {
    input: z.object({ accountId: id.optional() }).strict(),
    output: z.object({ accountId: z.string(), defaultBoardId: z.string().nullable(), boards: z.array(pinterestBoardSchema) }),
  },
  'posts.board.get': { input: z.object({ id }).strict(), output: z.object({ boardId: z.string().nullable() }) },
  'posts.board.set': { input: z.object({ id, boardId: boardId.nullable() }).strict(), output: z.object({ boardId: z.string().nullable() }) },
} as const;
