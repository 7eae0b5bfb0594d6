// `stoa sync`: send what is due, pull every account's queues, then send the rest of the outbox. A
// progress line on a terminal (plain lines when stderr is not one), a JSON summary with --json.
// --offline / --online set the persisted manual toggle. Whatever is still queued at the end is
// listed per account with its next try, and the exit status says so (EXIT_QUEUED), so a script
// knows to run it again.
import type { Command } from 'commander';
import { InvalidArgumentError } from 'commander';
import type { SyncEvent, WaitingActions } from '../../backend/sync/index.ts';
import { writeJson } from '../output.ts';

/** Exit status when actions are still queued after the run (not yet due within --max-wait, or offline). */
export const EXIT_QUEUED = 3;

interface SyncFlags {
  dataDir?: string;
  json?: boolean;
  maxWait: number;
  offline?: boolean;
  online?: boolean;
  verbose?: boolean;
}

function parseSeconds(value: string): number {
  const seconds = Number(value);
  if (!Number.isFinite(seconds) || seconds < 0) throw new InvalidArgumentError('a wait is a number of seconds, 0 or more.');
  return seconds;
}

function progressPrinter(): (event: SyncEvent) => void {
  const tty = process.stderr.isTTY;
  return (event) => {
    if (event.type === 'sync.progress') {
      const line = event.phase === 'pull' ? `pull: account ${event.done + 1}/${event.total}, ${event.items ?? 0} items` : `push: ${event.done}/${event.total} actions settled`;
      process.stderr.write(tty ? `\r\x1b[2K${line}` : `${line}\n`);
    } else if (event.type === 'connectivity' && !event.online) {
      process.stderr.write(`${tty ? '\n' : ''}offline: the platforms cannot be reached; actions stay queued\n`);
    } else if (event.type === 'account.problem') {
      process.stderr.write(`${tty ? '\n' : ''}account ${event.accountId}: ${event.reason}\n`);
    }
  };
}

/** --verbose: every outbox state change and account problem, timestamped, for "why is this still queued?". */
function tracePrinter(): (event: SyncEvent) => void {
  return (event) => {
    const at = new Date().toISOString().slice(11, 23);
    if (event.type === 'outbox.changed') process.stderr.write(`${at} ${event.platform} entry ${event.entryId}: ${event.state}${event.reason ? ` (${event.reason})` : ''}\n`);
    else if (event.type === 'account.problem') process.stderr.write(`${at} account ${event.accountId}: ${event.status}: ${event.reason}\n`);
  };
}

const earliest = (waiting: readonly WaitingActions[]): string | null =>
  waiting.reduce<string | null>((min, group) => (group.nextAttemptAt !== null && (min === null || group.nextAttemptAt < min) ? group.nextAttemptAt : min), null);

/** One line per account: "youtube: 2 queued, next try 16:20:05 UTC (in 48 s): <why>". */
function waitingLines(waiting: readonly WaitingActions[], now: number): string {
  return waiting
    .map((group) => {
      const when =
        group.nextAttemptAt === null
          ? 'not sendable'
          : `next try ${group.nextAttemptAt.slice(11, 19)} UTC (in ${Math.max(0, Math.ceil((Date.parse(group.nextAttemptAt) - now) / 1000))} s)`;
      return `  ${group.platform}: ${group.count} queued, ${when}${group.reason ? `: ${group.reason}` : ''}\n`;
    })
    .join('');
}

export function registerSync(program: Command): void {
  program
    .command('sync')
    .description('Send due actions, pull moderation queues from every account, then send the rest of the queue.')
    .option('-d, --data-dir <dir>', 'workspace folder (default: $STOA_DATA_DIR or the OS app-data folder)')
    .option('--json', 'print a JSON summary: {pulled, acted, failed, conflicts, remaining, nextAttemptAt, waiting, ...}')
    .option('--max-wait <seconds>', 'wait at most this long for retries that are not due yet', parseSeconds, 30)
    .option('--offline', 'switch the workspace to offline mode (nothing is sent) and stop')
    .option('--online', 'leave offline mode, then sync')
    .option('--verbose', 'print each action\'s state changes (sending, pending with the reason, done) to stderr as they happen')
    .addHelpText(
      'after',
      `\nExit status: 0 when nothing is left to send; ${EXIT_QUEUED} when actions are still queued (their next try is after --max-wait, or the workspace is offline) — run it again later; 2 when the workspace cannot be used.`,
    )
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
        // Queued post publishes wait like actions do (deferred by Instagram, or offline); scheduled ones are not due yet.
        const { waitingPublishes } = await import('../../backend/postSchedulerWaiting.ts');
        if (workspace.sync.isManuallyOffline()) {
          const waiting = [...workspace.sync.waiting(), ...waitingPublishes(workspace.backend.context)];
          const remaining = waiting.reduce((sum, group) => sum + group.count, 0);
          if (flags.json) writeJson({ pulled: 0, acted: 0, failed: 0, conflicts: 0, remaining, offline: true, waiting });
          else process.stdout.write(`Offline mode is on (${remaining} actions queued); run \`stoa sync --online\` to sync.\n`);
          if (remaining > 0) process.exitCode = EXIT_QUEUED;
          return;
        }
        // A missing or wrong key would otherwise be a run that pulls nothing and exits 0.
        (await import('../../backend/sync/accountSecret.ts')).requireReadableSecrets(workspace.backend.context);
        if (!flags.json) workspace.sync.subscribe(progressPrinter());
        if (flags.verbose) workspace.sync.subscribe(tracePrinter());
        const synced = await workspace.sync.syncNow({ maxWaitMs: flags.maxWait * 1000 });
        const publishes = waitingPublishes(workspace.backend.context);
        const summary = { ...synced, remaining: synced.remaining + publishes.reduce((sum, group) => sum + group.count, 0), waiting: [...synced.waiting, ...publishes] };
        if (flags.json) {
          writeJson({
            pulled: summary.pulled,
            acted: summary.acted,
            failed: summary.failed,
            conflicts: summary.conflicts,
            remaining: summary.remaining,
            nextAttemptAt: earliest(summary.waiting),
            waiting: summary.waiting,
            quarantined: summary.quarantined,
            offline: summary.offline,
            problems: summary.problems,
          });
        } else {
          if (process.stderr.isTTY) process.stderr.write('\n');
          process.stdout.write(
            `pulled ${summary.pulled} items, acted ${summary.acted}, failed ${summary.failed}, conflicts ${summary.conflicts}, still queued ${summary.remaining}${summary.offline ? ' (offline)' : ''}\n`,
          );
          process.stdout.write(waitingLines(summary.waiting, Date.now()));
        }
        if (summary.remaining > 0) process.exitCode = EXIT_QUEUED;
      } finally {
        await workspace.close();
      }
    });
}
