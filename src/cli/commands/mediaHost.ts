// `stoa media-host set|show|clear`: the public media host Instagram fetches published images from
// (renditions are PUT to `<upload-url>/<sha256>.<ext>` and sent as `<public-base>/<sha256>.<ext>`).
// The token comes from a file, never the command line (shell history), and is stored encrypted.
// With --json each prints one JSON object.
import type { Command } from 'commander';
import type { OutputOf } from '../../api/endpoints.ts';
import { StoaUserError } from '../../backend/errors.ts';
import { writeJson } from '../output.ts';
import { withWorkspaceClient, type WorkspaceCall } from '../workspaceClient.ts';

type MediaHostCall = 'mediaHost.get' | 'mediaHost.set' | 'mediaHost.clear';
interface Flags {
  readonly dataDir?: string;
  readonly json?: boolean;
  readonly uploadUrl?: string;
  readonly publicBase?: string;
  readonly tokenFile?: string;
  readonly removeToken?: boolean;
}

const dataDirOption = ['-d, --data-dir <dir>', 'workspace folder (default: $STOA_DATA_DIR or the OS app-data folder)'] as const;

async function withClient<T>(dataDir: string | undefined, work: (call: WorkspaceCall<MediaHostCall>) => Promise<T>): Promise<T> {
  return withWorkspaceClient(dataDir, work);
}

async function readToken(file: string): Promise<string> {
  const { readFile } = await import('node:fs/promises');
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    const code = error instanceof Error && 'code' in error ? String(error.code) : 'unreadable';
    throw new StoaUserError(`Stoa cannot read the token file ${file} (${code}).`);
  }
  const token = text.trim();
  if (!token) throw new StoaUserError(`The token file ${file} is empty.`);
  return token;
}

type View = OutputOf<'mediaHost.get'>['host'];
const describeHost = (host: View): string => (host ? `upload to ${host.uploadUrl}\npublic at ${host.publicBase}\ntoken: ${host.hasToken ? 'set (encrypted)' : 'none'}\n` : 'no media host: Instagram publishing is refused until one is set\n');

export function registerMediaHost(program: Command): void {
  const mediaHost = program.command('media-host').description('The public web host Instagram fetches published images from.');
  mediaHost
    .command('set')
    .description('Set where renditions are uploaded (HTTP PUT) and the public address they are fetched from.')
    .requiredOption('--upload-url <url>', 'PUT target; Stoa appends /<sha256>.<ext> (S3/R2/GCS-style bucket URL or WebDAV folder)')
    .requiredOption('--public-base <url>', 'https:// address where the uploaded files are public; Stoa appends /<sha256>.<ext>')
    .option('--token-file <file>', 'a file holding a bearer token for the uploads (stored encrypted)')
    .option('--remove-token', 'drop the stored token (default: keep it)')
    .option(...dataDirOption)
    .option('--json', 'print {host: {uploadUrl, publicBase, hasToken}}')
    .action(async (flags: Flags) => {
      if (flags.tokenFile && flags.removeToken) throw new StoaUserError('Give --token-file or --remove-token, not both.');
      const token = flags.tokenFile ? await readToken(flags.tokenFile) : flags.removeToken ? null : undefined;
      const set = await withClient(flags.dataDir, (call) => call('mediaHost.set', { uploadUrl: flags.uploadUrl ?? '', publicBase: flags.publicBase ?? '', ...(token === undefined ? {} : { token }) }));
      if (flags.json) writeJson(set);
      else process.stdout.write(describeHost(set.host));
    });
  mediaHost
    .command('show')
    .description('Show the media host (never the token).')
    .option(...dataDirOption)
    .option('--json', 'print {host: {uploadUrl, publicBase, hasToken} | null}')
    .action(async (flags: Flags) => {
      const shown = await withClient(flags.dataDir, (call) => call('mediaHost.get', {}));
      if (flags.json) writeJson(shown);
      else process.stdout.write(describeHost(shown.host));
    });
  mediaHost
    .command('clear')
    .description('Remove the media host (and its token).')
    .option(...dataDirOption)
    .option('--json', 'print {cleared}')
    .action(async (flags: Flags) => {
      const cleared = await withClient(flags.dataDir, (call) => call('mediaHost.clear', {}));
      if (flags.json) writeJson(cleared);
      else process.stdout.write(cleared.cleared ? 'media host removed\n' : 'no media host was set\n');
    });
}
