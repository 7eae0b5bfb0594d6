// `stoa stats`: workspace counts as JSON (items, per platform, decisions, outbox by state, quarantined).
import type { Command } from 'commander';
import { writeJson } from '../output.ts';

export function registerStats(program: Command): void {
  program
    .command('stats')
    .description('Print workspace counts as JSON: items, by_platform, decisions, outbox by state, quarantined.')
    .option('-d, --data-dir <dir>', 'workspace folder (default: $STOA_DATA_DIR or the OS app-data folder)')
    .option('--json', 'JSON output (the default; accepted for symmetry)')
    .action(async (flags: { dataDir?: string }) => {
      const { workspaceStats } = await import('../../backend/sync/index.ts');
      const { openSyncWorkspace } = await import('../../backend/sync/workspace.ts');
      const workspace = openSyncWorkspace(flags.dataDir);
      try {
        writeJson(workspaceStats(workspace.backend.context.db));
      } finally {
        await workspace.close();
      }
    });
}
