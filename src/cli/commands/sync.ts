// `stoa sync`: pull every account's queues, then send the outbox. A progress line on a terminal
// (plain lines when stderr is not one), a JSON summary with --json. --offline / --online set the
// persisted manual toggle.
import type { Command } from 'commander';
import { InvalidArgumentError } from 'commander';
import type { SyncEvent } from '../../backend/sync/index.ts';
import { writeJson } from '../output.ts';

interface SyncFlags {
  dataDir?: string;
  json?: boolean;
  maxWait: number;
  offline?: boolean;
  online?: boolean;
}

function parseSeconds(value: string): number {
  const seconds = Number(value);
  if (!Number.isFinite(seconds) || seconds < 0) throw new InvalidArgumentError('a wait is a number of seconds, 0 or more.');
  return seconds;
}

function progressPrinter(): (event: SyncEvent) => void {
  const tty = process.stderr.isTTY;
  let pulled = 0;
  return (event) => {
    if (event.type === 'sync.progress') {
      const line = event.phase === 'pull' ? `pull: account ${event.done + 1}/${event.total}, ${pulled} items` : `push: ${event.done}/${event.total} actions settled`;
      process.stderr.write(tty ? `\r\x1b[2K${line}` : `${line}\n`);
    } else if (event.type === 'items.changed') {
      pulled = event.count;
    } else if (event.type === 'connectivity' && !event.online) {
      process.stderr.write(`${tty ? '\n' : ''}offline: the platforms cannot be reached; actions stay queued\n`);
    } else if (event.type === 'account.problem') {
      process.stderr.write(`${tty ? '\n' : ''}account ${event.accountId}: ${event.reason}\n`);
    }
  };
}

export function registerSync(program: Command): void {
  program
    .command('sync')
    .description('Pull moderation queues from every account, then send queued actions.')
    .option('-d, --data-dir <dir>', 'workspace folder (default: $STOA_DATA_DIR or the OS app-data folder)')
    .option('--json', 'print a JSON summary: {pulled, acted, failed, conflicts, ...}')
    .option('--max-wait <seconds>', 'wait at most this long for retries that are not due yet', parseSeconds, 30)
    .option('--offline', 'switch the workspace to offline mode (nothing is sent) and stop')
    .option('--online', 'leave offline mode, then sync')
    .action(async (flags: SyncFlags) => {
      const { openSyncWorkspace } = await import('../../backend/sync/workspace.ts');
      const workspace = openSyncWorkspace(flags.dataDir);
      try {
        if (flags.offline) {
          workspace.sync.setOffline(true);
          if (flags.json) writeJson({ offline: true });
          else process.stdout.write('Offline mode is on: actions are queued, nothing is sent until `stoa sync --online`.\n');
          return;
        }
        if (flags.online) workspace.sync.setOffline(false);
        if (workspace.sync.isManuallyOffline()) {
          if (flags.json) writeJson({ pulled: 0, acted: 0, failed: 0, conflicts: 0, offline: true });
          else process.stdout.write('Offline mode is on; run `stoa sync --online` to sync.\n');
          return;
        }
        (await import('../../backend/sync/accountSecret.ts')).requireReadableSecrets(workspace.backend.context);
        if (!flags.json) workspace.sync.subscribe(progressPrinter());
        const summary = await workspace.sync.syncNow({ maxWaitMs: flags.maxWait * 1000 });
        if (flags.json) {
          writeJson({
            pulled: summary.pulled,
            acted: summary.acted,
            failed: summary.failed,
            conflicts: summary.conflicts,
            remaining: summary.remaining,
            quarantined: summary.quarantined,
            offline: summary.offline,
            problems: summary.problems,
          });
        } else {
          if (process.stderr.isTTY) process.stderr.write('\n');
          process.stdout.write(
            `pulled ${summary.pulled} items, acted ${summary.acted}, failed ${summary.failed}, conflicts ${summary.conflicts}, still queued ${summary.remaining}${summary.offline ? ' (offline)' : ''}\n`,
          );
        }
      } finally {
        await workspace.close();
      }
    });
}
