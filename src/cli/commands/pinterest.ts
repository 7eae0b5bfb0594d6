// `stoa pinterest boards|board`: the boards of the connected Pinterest account (read online), and
// the board a post pins to (`board POST_ID BOARD_ID`, or `--clear` to go back to the account's
// default). With --json each prints one JSON object.
import type { Command } from 'commander';
import { StoaUserError } from '../../backend/errors.ts';
import { writeJson } from '../output.ts';
import { withWorkspaceClient, type WorkspaceCall } from '../workspaceClient.ts';

type PinterestCall = 'pinterest.boards' | 'posts.board.set';
interface Flags {
  readonly dataDir?: string;
  readonly json?: boolean;
  readonly account?: string;
  readonly clear?: boolean;
}

const dataDirOption = ['-d, --data-dir <dir>', 'workspace folder (default: $STOA_DATA_DIR or the OS app-data folder)'] as const;

async function withClient<T>(dataDir: string | undefined, work: (call: WorkspaceCall<PinterestCall>) => Promise<T>): Promise<T> {
  return withWorkspaceClient(dataDir, work);
}

export function registerPinterest(program: Command): void {
  const pinterest = program.command('pinterest').description('Pinterest boards: list them, choose the board a post pins to.');
  pinterest
    .command('boards')
    .description('List the boards of the connected Pinterest account (online).')
    .option('--account <id>', 'the Pinterest account (default: the first one)')
    .option(...dataDirOption)
    .option('--json', 'print {accountId, defaultBoardId, boards: [{id, name, privacy, pinCount}]}')
    .action(async (flags: Flags) => {
      const listed = await withClient(flags.dataDir, (call) => call('pinterest.boards', flags.account ? { accountId: flags.account } : {}));
      if (flags.json) writeJson(listed);
      else for (const b of listed.boards) process.stdout.write(`${b.id}\t${b.name}${b.id === listed.defaultBoardId ? '\t(default)' : ''}\n`);
    });
  pinterest
    .command('board <postId> [boardId]')
    .description('Choose the board a post pins to (or --clear for the account default).')
    .option('--clear', 'use the account’s default board again')
    .option(...dataDirOption)
    .option('--json', 'print {boardId}')
    .action(async (postId: string, boardId: string | undefined, flags: Flags) => {
      if (!flags.clear && boardId === undefined) throw new StoaUserError('Give a board id (see `stoa pinterest boards`) or --clear.');
      const set = await withClient(flags.dataDir, (call) => call('posts.board.set', { id: postId, boardId: flags.clear ? null : (boardId ?? null) }));
      if (flags.json) writeJson(set);
      else process.stdout.write(set.boardId ? `post ${postId} pins to board ${set.boardId}\n` : `post ${postId} pins to the account's default board\n`);
    });
}
