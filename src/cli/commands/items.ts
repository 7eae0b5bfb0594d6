// `stoa items [--json] [--limit N]`: the newest items with their ids, for `stoa act --item <id>`.
import type { Command } from 'commander';
import { InvalidArgumentError } from 'commander';
import { writeJson } from '../output.ts';

function parseLimit(value: string): number {
  const limit = Number(value);
  if (!Number.isInteger(limit) || limit < 1 || limit > 100_000) throw new InvalidArgumentError('a limit is a whole number from 1 to 100000.');
  return limit;
}

export function registerItems(program: Command): void {
  program
    .command('items')
    .description('List the newest items with their ids and states.')
    .option('-d, --data-dir <dir>', 'workspace folder (default: $STOA_DATA_DIR or the OS app-data folder)')
    .option('--limit <n>', 'how many (default 50)', parseLimit, 50)
    .option('--json', 'print a JSON array')
    .action(async (flags: { dataDir?: string; limit: number; json?: boolean }) => {
      const { listItemsForCli } = await import('../../backend/sync/index.ts');
      const { openSyncWorkspace } = await import('../../backend/sync/workspace.ts');
      const workspace = openSyncWorkspace(flags.dataDir);
      try {
        const items = listItemsForCli(workspace.backend.context, flags.limit);
        if (flags.json) {
          writeJson(items);
          return;
        }
        for (const item of items) {
          process.stdout.write(`${item.id}\t${item.platform}\t${item.state}\t${item.body.replace(/\s+/g, ' ').slice(0, 60)}\n`);
        }
      } finally {
        await workspace.close();
      }
    });
}
