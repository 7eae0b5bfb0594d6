// `stoa hub join|leave|sync`: the desk's side of a team hub, the same endpoints as Settings → Team
// hub. The join URL carries the member's database password and token, so it may come from
// $STOA_HUB_JOIN_URL or stdin instead of the command line (and shell history); it is stored
// encrypted like account secrets and never printed back.
import { readFileSync } from 'node:fs';
import type { Command } from 'commander';
import type { OutputOf } from '../../api/endpoints.ts';
import { StoaUserError } from '../../backend/errors.ts';
import { writeJson } from '../output.ts';
import { withWorkspaceClient, type WorkspaceCall } from '../workspaceClient.ts';

const DATA_DIR_HELP = 'workspace folder (default: $STOA_DATA_DIR or the OS app-data folder)';
/** `stoa hub sync` exits 3 while something is left: events not yet on the hub, or a hub that could not be reached or refused. */
export const EXIT_HUB_WORK_LEFT = 3;

type HubCall = WorkspaceCall<'hub.join' | 'hub.leave' | 'hub.sync'>;
type HubSyncState = OutputOf<'hub.sync'>['sync'];

interface DeskFlags {
  dataDir?: string;
  json?: boolean;
  urlStdin?: boolean;
}

function joinUrlFrom(given: string | undefined, flags: DeskFlags): string {
  const url = (flags.urlStdin ? readFileSync(0, 'utf8') : (given ?? process.env['STOA_HUB_JOIN_URL'] ?? '')).trim();
  if (!url) throw new StoaUserError('Give the join URL that `stoa hub add-member` printed: as an argument, in $STOA_HUB_JOIN_URL, or on stdin with --url-stdin.');
  return url;
}

function syncLine(run: { pushed: number; pulled: number; applied: number }, sync: HubSyncState): string {
  const parts = [`Pushed ${run.pushed}, pulled ${run.pulled} (${run.applied} applied)`, `hub sync ${sync.state}`];
  if (sync.pendingPush > 0) parts.push(`${sync.pendingPush} waiting to push`);
  if (sync.parked > 0) parts.push(`${sync.parked} waiting for items this desk has not synced`);
  return `${parts.join('; ')}${sync.lastError ? `: ${sync.lastError}` : ''}\n`;
}

const workLeft = (sync: HubSyncState): boolean => sync.state !== 'idle' || sync.pendingPush > 0;

export function registerHubDesk(hub: Command): void {
  hub
    .command('join [url]')
    .description('Join this workspace to a team hub with a member’s join URL (or $STOA_HUB_JOIN_URL, or --url-stdin), then sync with it once.')
    .option('--url-stdin', 'read the join URL from stdin')
    .option('-d, --data-dir <dir>', DATA_DIR_HELP)
    .option('--json', 'print the result as JSON')
    .action(async (given: string | undefined, flags: DeskFlags) => {
      const url = joinUrlFrom(given, flags);
      const done = await withWorkspaceClient(flags.dataDir, async (call: HubCall) => {
        // wait: the answer comes after the first sync, so what it moved is known here.
        return call('hub.join', { url, wait: true });
      });
      const run = done.firstSync ?? { pushed: 0, pulled: 0, applied: 0 };
      if (flags.json) {
        writeJson({ link: done.link, members: done.members, sync: done.sync, ...run });
      } else {
        const link = done.link;
        if (link) process.stdout.write(`Joined ${link.workspace} on ${link.url} as ${link.member.name} (${link.member.role}).\n`);
        if (done.sync) process.stdout.write(syncLine(run, done.sync));
      }
      if (!done.sync || workLeft(done.sync)) process.exitCode = EXIT_HUB_WORK_LEFT;
    });
  hub
    .command('leave')
    .description('Leave the team hub: this workspace keeps everything it has and stops syncing with the team.')
    .option('-d, --data-dir <dir>', DATA_DIR_HELP)
    .option('--json', 'print the result as JSON')
    .action(async (flags: DeskFlags) => {
      const { left } = await withWorkspaceClient(flags.dataDir, (call: HubCall) => call('hub.leave', {}));
      if (flags.json) writeJson({ left });
      else process.stdout.write(left ? 'Left the team hub; everything decided and noted here stays in this workspace.\n' : 'This workspace had joined no team hub.\n');
    });
  hub
    .command('sync')
    .description(`Push this desk's events to the team hub and pull the team's; exits ${EXIT_HUB_WORK_LEFT} while events wait to be pushed or the hub could not be reached or refused them.`)
    .option('-d, --data-dir <dir>', DATA_DIR_HELP)
    .option('--json', 'print the result as JSON')
    .action(async (flags: DeskFlags) => {
      const run = await withWorkspaceClient(flags.dataDir, (call: HubCall) => call('hub.sync', {}));
      if (flags.json) writeJson(run);
      else process.stdout.write(syncLine(run, run.sync));
      if (workLeft(run.sync)) process.exitCode = EXIT_HUB_WORK_LEFT;
    });
}
