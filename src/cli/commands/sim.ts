// `stoa sim [--port N] [--seed S] [--faults RATE]`: every platform simulator under one port
// (/reddit, /discourse, /youtube, /instagram, /pinterest) with the /__sim control API. Prints the URL on the
// first line (for `stoa init --demo <url>`) and serves until stopped.
import type { Command } from 'commander';
import { InvalidArgumentError } from 'commander';
import { parsePort } from '../options.ts';

function parseRate(value: string): number {
  const rate = Number(value);
  if (!(rate >= 0 && rate <= 1)) throw new InvalidArgumentError('a fault rate is a number from 0 to 1.');
  return rate;
}

export function registerSim(program: Command): void {
  program
    .command('sim')
    .description('Serve the platform simulators on 127.0.0.1 (for the demo, tests and trying sync by hand).')
    .option('-p, --port <port>', 'port (default: a free port)', parsePort)
    .option('--seed <seed>', 'seed for the simulated content and faults', '1')
    .option('--faults <rate>', 'probability (0..1) that a request gets a random fault', parseRate, 0)
    .action(async (flags: { port?: number; seed: string; faults: number }) => {
      const { startSimulators } = await import('../../backend/sync/index.ts');
      const seed = /^\d+$/.test(flags.seed) ? Number(flags.seed) : flags.seed;
      const sims = await startSimulators({ port: flags.port ?? 0, seed, faultRate: flags.faults });
      process.stdout.write(`${sims.url}\n`);
      process.stderr.write(`Simulators: ${Object.keys(sims.state().platforms).map((name) => `${sims.url}/${name}`).join(', ')}; control at ${sims.url}/__sim\n`);
      await new Promise<void>((resolve) => {
        const stop = () => void sims.close().then(resolve);
        process.once('SIGINT', stop);
        process.once('SIGTERM', stop);
      });
    });
}
