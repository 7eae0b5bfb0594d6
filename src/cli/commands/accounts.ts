// `stoa accounts add|list|remove|test`. Credentials are read as JSON from a file or stdin, never
// from a flag (flags show up in process lists and shell history), and are stored encrypted.
import { readFileSync } from 'node:fs';
import type { Command } from 'commander';
import { StoaUserError } from '../../backend/errors.ts';
import { writeJson } from '../output.ts';

// Loaded when a subcommand runs, not at start (see commands/index.ts).
const loadSync = () => import('../../backend/sync/index.ts');
const loadWorkspace = () => import('../../backend/sync/workspace.ts');

const DATA_DIR_HELP = 'workspace folder (default: $STOA_DATA_DIR or the OS app-data folder)';

interface AddFlags {
  platform: string;
  baseUrl?: string;
  authBaseUrl?: string;
  name?: string;
  option: string[];
  credentialsFile?: string;
  credentialsStdin?: boolean;
  dataDir?: string;
  json?: boolean;
}

const collect = (value: string, previous: string[]): string[] => [...previous, value];

function readCredentialsFile(file: string): string {
  try {
    return readFileSync(file, 'utf8');
  } catch (error) {
    const code = error instanceof Error && 'code' in error ? error.code : undefined;
    const reason = code === 'ENOENT' ? 'does not exist' : code === 'EISDIR' ? 'is a folder' : 'cannot be read by this user';
    throw new StoaUserError(`The credentials file ${file} ${reason}; give a JSON file with --credentials-file FILE, or use --credentials-stdin.`);
  }
}

async function readCredentials(flags: AddFlags) {
  const { credentialsSchema } = await loadSync();
  if (!flags.credentialsFile && !flags.credentialsStdin) throw new StoaUserError('Give the credentials as JSON with --credentials-file FILE or --credentials-stdin.');
  const text = flags.credentialsFile ? readCredentialsFile(flags.credentialsFile) : readFileSync(0, 'utf8');
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new StoaUserError('The credentials are not JSON.');
  }
  const parsed = credentialsSchema.safeParse(json);
  // Never echo the input: it is a secret.
  if (!parsed.success) throw new StoaUserError('The credentials JSON needs "kind": "oauth2" (clientId, clientSecret, refreshToken), "api_key" (apiKey, username) or "access_token" (accessToken).');
  return parsed.data;
}

function parseOptions(pairs: readonly string[]): Record<string, string> {
  const options: Record<string, string> = {};
  for (const pair of pairs) {
    const at = pair.indexOf('=');
    if (at <= 0) throw new StoaUserError(`An option is key=value (got "${pair}").`);
    options[pair.slice(0, at)] = pair.slice(at + 1);
  }
  return options;
}

// Without --base-url the platform's documented hosts are used, token host included; with it, the
// token host is only what --auth-base-url says (a simulator or proxy must not get the real one).
async function addresses(flags: AddFlags): Promise<{ baseUrl: string; authBaseUrl: string | undefined }> {
  if (flags.baseUrl !== undefined) return { baseUrl: flags.baseUrl, authBaseUrl: flags.authBaseUrl };
  const { connectionProfiles } = await loadSync();
  const profile = connectionProfiles().find((p) => p.platform === flags.platform)?.profile;
  if (!profile) throw new StoaUserError(`Stoa has no connector for "${flags.platform}".`);
  if (profile.defaultBaseUrl === null) throw new StoaUserError(`A ${flags.platform} account needs --base-url: each one has its own address.`);
  return { baseUrl: profile.defaultBaseUrl, authBaseUrl: flags.authBaseUrl ?? profile.defaultAuthBaseUrl ?? undefined };
}

export function registerAccounts(program: Command): void {
  const accounts = program.command('accounts').description('Add, list, remove and test platform accounts.');
  accounts
    .command('add')
    .description('Add an account; credentials JSON from --credentials-file or --credentials-stdin.')
    .requiredOption('--platform <name>', 'reddit, discourse, youtube, instagram or pinterest')
    .option('--base-url <url>', 'API root (default: the platform\'s documented one; required for Discourse; or the simulator prefix, e.g. http://127.0.0.1:4100/reddit)')
    .option('--auth-base-url <url>', 'token host when it differs from the API root (default: the platform\'s, when --base-url is left out)')
    .option('--name <text>', 'display name')
    .option('--option <key=value>', 'connector option (repeatable), e.g. subreddit=mod, channelId=UC…, boardId=549… (Pinterest)', collect, [])
    .option('--credentials-file <file>', 'JSON credentials file')
    .option('--credentials-stdin', 'read the JSON credentials from stdin')
    .option('-d, --data-dir <dir>', DATA_DIR_HELP)
    .option('--json', 'print the account as JSON')
    .action(async (flags: AddFlags) => {
      const credentials = await readCredentials(flags);
      const { baseUrl, authBaseUrl } = await addresses(flags);
      const [{ addWorkspaceAccount }, { openSyncWorkspace }] = await Promise.all([loadSync(), loadWorkspace()]);
      const workspace = openSyncWorkspace(flags.dataDir);
      try {
        const result = addWorkspaceAccount(workspace.backend.context, {
          platform: flags.platform,
          baseUrl,
          authBaseUrl,
          displayName: flags.name ?? flags.platform,
          credentials,
          options: parseOptions(flags.option),
        });
        if (!result.ok) throw new StoaUserError(result.error.message);
        if (flags.json) writeJson(result.value);
        else process.stdout.write(`added ${result.value.platform} account ${result.value.id}\n`);
      } finally {
        await workspace.close();
      }
    });
  accounts
    .command('list')
    .description('List accounts (never their secrets).')
    .option('-d, --data-dir <dir>', DATA_DIR_HELP)
    .option('--json', 'print a JSON array')
    .action(async (flags: { dataDir?: string; json?: boolean }) => {
      const [{ listWorkspaceAccounts }, { openSyncWorkspace }] = await Promise.all([loadSync(), loadWorkspace()]);
      const workspace = openSyncWorkspace(flags.dataDir);
      try {
        const list = listWorkspaceAccounts(workspace.backend.context);
        if (flags.json) writeJson(list);
        else for (const a of list) process.stdout.write(`${a.id}\t${a.platform}\t${a.displayName}\t${a.baseUrl}\n`);
      } finally {
        await workspace.close();
      }
    });
  accounts
    .command('remove <id>')
    .description('Remove an account and its stored secret.')
    .option('--discard-queued', 'also discard actions not yet sent for it (they are marked failed)')
    .option('-d, --data-dir <dir>', DATA_DIR_HELP)
    .option('--json', 'print the result as JSON')
    .action(async (id: string, flags: { dataDir?: string; json?: boolean; discardQueued?: boolean }) => {
      const [{ removeWorkspaceAccount }, { openSyncWorkspace }] = await Promise.all([loadSync(), loadWorkspace()]);
      const workspace = openSyncWorkspace(flags.dataDir);
      try {
        const result = removeWorkspaceAccount(workspace.backend.context, id, { discardQueued: flags.discardQueued === true });
        if (!result.ok) throw new StoaUserError(result.error.message);
        if (flags.json) writeJson({ id, removed: true, discarded: result.value.discarded });
        else process.stdout.write(`removed account ${id}${result.value.discarded ? ` (${result.value.discarded} unsent actions discarded)` : ''}\n`);
      } finally {
        await workspace.close();
      }
    });
  accounts
    .command('test <id>')
    .description('Check that an account’s credentials work (refreshing the token if needed).')
    .option('-d, --data-dir <dir>', DATA_DIR_HELP)
    .option('--json', 'print the result as JSON')
    .action(async (id: string, flags: { dataDir?: string; json?: boolean }) => {
      const [{ testWorkspaceAccount }, { openSyncWorkspace }] = await Promise.all([loadSync(), loadWorkspace()]);
      const workspace = openSyncWorkspace(flags.dataDir);
      try {
        const result = await testWorkspaceAccount(workspace.backend.context, id);
        if (flags.json) writeJson(result.ok ? { ok: true, ...result.value } : { ok: false, code: result.error.code, message: result.error.message });
        else if (result.ok) process.stdout.write(`ok: signed in as ${result.value.identity}\n`);
        else process.stderr.write(`stoa: ${result.error.message}\n`);
        if (!result.ok) process.exitCode = 1;
      } finally {
        await workspace.close();
      }
    });
}
