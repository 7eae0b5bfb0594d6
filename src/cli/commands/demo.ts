// `stoa demo`: the platform simulators, seeded with real public community text, synced into a demo
// workspace (kept apart from your own, reset on each start) and served in the browser.
import type { Command } from 'commander';
import { parsePort } from '../options.ts';
import { serveUntilStopped, type ServeFlags } from './serve.ts';

export function registerDemo(program: Command): void {
  program
    .command('demo')
    .description('Open Stoa on a demo workspace synced from local platform simulators that serve real public comments and posts.')
    .option('-p, --port <port>', 'port to listen on (default: a free port)', parsePort)
    .option('-d, --data-dir <dir>', 'demo workspace folder, reset on each start (default: the OS app-data folder, "Stoa-demo")')
    .option('--no-open', 'do not open a browser window')
    .action(async (flags: ServeFlags) => {
      const { defaultDataDir } = await import('../../backend/paths.ts');
      const { openDemoWorkspace } = await import('../../backend/demoWorkspace.ts');
      const { serveWorkspace } = await import('../../server/main.ts');
      const dataDir = flags.dataDir ?? `${defaultDataDir()}-demo`;
      process.stderr.write('Starting the platform simulators and syncing the demo workspace…\n');
      const demo = await openDemoWorkspace(dataDir);
      const { pulled, quarantined } = demo.firstSync;
      process.stderr.write(
        `Demo workspace in ${dataDir}: ${pulled} items pulled from simulated Reddit, Discourse, YouTube and Instagram ` +
          `(${quarantined} malformed payloads quarantined), seeded from ${demo.corpusOrigin}. Simulators at ${demo.simulators.url}.\n`,
      );
      const workspace = await serveWorkspace({ dataDir, ...(flags.port === undefined ? {} : { port: flags.port }) }, demo.backend);
      await serveUntilStopped({ ...workspace, close: async () => { await workspace.close(); await demo.simulators.close(); } }, flags.open);
    });
}
