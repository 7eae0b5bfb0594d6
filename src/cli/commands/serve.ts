// `stoa serve`: the browser-mode host. Prints one line with the address (token in the fragment)
// and serves until stopped.
import type { Command } from 'commander';
import type { ServedWorkspace } from '../../server/main.ts';
import { openInBrowser } from '../openBrowser.ts';
import { parsePort } from '../options.ts';

export interface ServeFlags {
  port?: number;
  dataDir?: string;
  open: boolean;
  verbose?: boolean;
}

export async function serveUntilStopped(workspace: ServedWorkspace, open: boolean): Promise<void> {
  process.stdout.write(`Stoa is running at ${workspace.server.url}\n`);
  if (open) openInBrowser(workspace.server.url);
  await new Promise<void>((resolvePromise) => {
    const stop = () => {
      void workspace.close().then(resolvePromise);
    };
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
}

export function registerServe(program: Command): void {
  program
    .command('serve')
    .description('Serve the Stoa UI and API on 127.0.0.1 for a browser (browser mode).')
    .option('-p, --port <port>', 'port to listen on (default: a free port)', parsePort)
    .option('-d, --data-dir <dir>', 'workspace folder (default: $STOA_DATA_DIR or the OS app-data folder)')
    .option('--no-open', 'do not open a browser window')
    .option('--verbose', 'log each request (method, path, status) to stderr')
    .action(async (flags: ServeFlags) => {
      const { resolveDataDir } = await import('../../backend/paths.ts');
      const { serveWorkspace } = await import('../../server/main.ts');
      const workspace = await serveWorkspace({
        dataDir: resolveDataDir(flags.dataDir),
        ...(flags.port === undefined ? {} : { port: flags.port }),
        ...(flags.verbose ? { log: (line: string) => process.stderr.write(`${line}\n`) } : {}),
      });
      await serveUntilStopped(workspace, flags.open);
    });
}
