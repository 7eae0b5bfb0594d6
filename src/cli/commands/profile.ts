// `stoa profile list|add|use`: the named moderator profiles of a workspace, and which one is
// stamped on what is decided next on this device (the same as Settings → Moderators in the app).
import type { Command } from 'commander';
import { StoaUserError } from '../../backend/errors.ts';
import type { Handlers } from '../../api/dispatch.ts';
import { writeJson } from '../output.ts';

const DATA_DIR_HELP = 'workspace folder (default: $STOA_DATA_DIR or the OS app-data folder)';

/** Runs one handler on the workspace; an expected refusal becomes the CLI's one sentence. */
async function withHandlers<T>(dataDir: string | undefined, run: (handlers: Handlers) => Promise<T> | T): Promise<T> {
  const { openSyncWorkspace } = await import('../../backend/sync/workspace.ts');
  const { ApiFailure } = await import('../../api/errors.ts');
  const workspace = openSyncWorkspace(dataDir);
  try {
    return await run(workspace.backend.handlers);
  } catch (error) {
    if (error instanceof ApiFailure) throw new StoaUserError(error.message);
    throw error;
  } finally {
    await workspace.close();
  }
}

export function registerProfile(program: Command): void {
  const profile = program.command('profile').description('Moderator profiles: who is stamped on decisions, notes and audit entries made on this device.');
  profile
    .command('list')
    .description('Print the profiles, the active one and this device id as JSON.')
    .option('-d, --data-dir <dir>', DATA_DIR_HELP)
    .action(async (flags: { dataDir?: string }) => writeJson(await withHandlers(flags.dataDir, (h) => h['profiles.list']({}))));
  profile
    .command('add <name>')
    .description('Create a profile (the first one becomes active).')
    .option('--handle <handle>', 'an optional handle, e.g. your platform username')
    .option('-d, --data-dir <dir>', DATA_DIR_HELP)
    .action(async (name: string, flags: { handle?: string; dataDir?: string }) => {
      if (!name.trim()) throw new StoaUserError('Give the profile a name.');
      writeJson(await withHandlers(flags.dataDir, (h) => h['profiles.create']({ name: name.trim(), ...(flags.handle ? { handle: flags.handle } : {}) })));
    });
  profile
    .command('use <name>')
    .description('Make the profile (by name or id) the one stamped on what happens next on this device.')
    .option('-d, --data-dir <dir>', DATA_DIR_HELP)
    .action(async (name: string, flags: { dataDir?: string }) => writeJson(await withHandlers(flags.dataDir, (h) => h['profiles.setActive']({ id: name }))));
}
