// `stoa demo`: a workspace filled with real public community content, served in the browser.
import type { Command } from 'commander';
import { ensureDemoWorkspace } from '../../backend/demoWorkspace.ts';
import { openBackend } from '../../backend/openBackend.ts';
import { defaultDataDir } from '../../backend/paths.ts';
import { serveWorkspace } from '../../server/main.ts';
import { parsePort } from '../options.ts';
import { serveUntilStopped, type ServeFlags } from './serve.ts';

export function registerDemo(program: Command): void {
  program
    .command('demo')
    .description('Open Stoa on a demo workspace seeded from real public datasets (kept apart from your own workspace).')
    .option('-p, --port <port>', 'port to listen on (default: a free port)', parsePort)
    .option('-d, --data-dir <dir>', 'demo workspace folder (default: the OS app-data folder, "Stoa-demo")')
    .option('--no-open', 'do not open a browser window')
    .action(async (flags: ServeFlags) => {
      const dataDir = flags.dataDir ?? `${defaultDataDir()}-demo`;
      const backend = openBackend({ dataDir, host: 'server' });
      const seeded = ensureDemoWorkspace(backend.context);
      if (seeded > 0) process.stderr.write(`Seeded the demo workspace in ${dataDir} with ${seeded} real rows from public datasets.\n`);
      const scored = await backend.scoring.scoreNew();
      if (scored && scored.scored > 0) process.stderr.write(`Scored ${scored.scored} item-model pairs with the on-device models.\n`);
      const workspace = await serveWorkspace({ dataDir, ...(flags.port === undefined ? {} : { port: flags.port }) }, backend);
      await serveUntilStopped(workspace, flags.open);
    });
}
