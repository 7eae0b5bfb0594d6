// `stoa init [--demo <simulator URL>]`: create a workspace; with --demo, one account per platform
// of a running simulator (`stoa sim`), using the simulator's test credentials.
import type { Command } from 'commander';
import { StoaUserError } from '../../backend/errors.ts';
import { writeJson } from '../output.ts';

export function registerInit(program: Command): void {
  program
    .command('init')
    .description('Create a workspace; --demo points its accounts at a running simulator (see `stoa sim`).')
    .option('-d, --data-dir <dir>', 'workspace folder (default: $STOA_DATA_DIR or the OS app-data folder)')
    .option('--demo <url>', 'simulator URL, e.g. http://127.0.0.1:4100')
    .option('--json', 'print the result as JSON')
    .action(async (flags: { dataDir?: string; demo?: string; json?: boolean }) => {
      const { initDemoAccounts } = await import('../../backend/sync/index.ts');
      const { openSyncWorkspace } = await import('../../backend/sync/workspace.ts');
      const workspace = openSyncWorkspace(flags.dataDir);
      try {
        const accounts = flags.demo ? await initDemoAccounts(workspace.backend.context, flags.demo) : null;
        if (accounts && !accounts.ok) throw new StoaUserError(accounts.error.message);
        const added = accounts?.value ?? [];
        if (flags.json) {
          writeJson({ dataDir: workspace.dataDir, accounts: added.map(({ id, platform, baseUrl, displayName }) => ({ id, platform, baseUrl, displayName })) });
        } else {
          process.stdout.write(`Workspace ready in ${workspace.dataDir}\n`);
          for (const account of added) process.stdout.write(`  added ${account.platform} account ${account.id} → ${account.baseUrl}\n`);
        }
      } finally {
        await workspace.close();
      }
    });
}
