// Starts the Pinterest simulator on 127.0.0.1 (ephemeral port) through the shared sim host, and a
// connector signed in as the simulator's demo shop, sharing one virtual clock.
import type { ConnectorConfig, Credentials } from '../../../src/platforms/platform.ts';
import { createPinterestPlatform, createPinterestSimulator, type PinterestPlatform, type PinterestSimOptions, type PinterestSimulator } from '../../../src/platforms/pinterest/index.ts';
import { createVirtualClock, startSimulators, type RunningSimulators, type VirtualClock } from '../../../src/platforms/sim/index.ts';

export interface PinterestRig {
  readonly sims: RunningSimulators;
  readonly sim: PinterestSimulator;
  readonly clock: VirtualClock;
  readonly config: ConnectorConfig;
  readonly saved: Credentials[];
  readonly platform: PinterestPlatform;
  requests(): { method: string; path: string; query: URLSearchParams; body: string; status?: never; fault: string | null }[];
  close(): Promise<void>;
}

export async function startPinterestRig(options: PinterestSimOptions & { seed?: number; credentials?: Credentials } = {}): Promise<PinterestRig> {
  const clock = createVirtualClock(new Date('2026-11-25T12:00:00.000Z'));
  const sims = await startSimulators({ seed: options.seed ?? 5, clock, simulators: { pinterest: (ctx) => createPinterestSimulator(ctx, options) } });
  const sim = sims.simulator('pinterest') as PinterestSimulator;
  const saved: Credentials[] = [];
  const account = sim.demoAccount();
  const config: ConnectorConfig = {
    baseUrl: `${sims.url}/pinterest`,
    credentials: options.credentials ?? account.credentials,
    credentialStore: {
      save: async (next) => {
        saved.push(next);
      },
    },
    userAgent: 'stoa-tests/0.1 (contract tests)',
    fetch: (input, init) => fetch(input, init),
    clock,
    options: account.options,
  };
  return {
    sims,
    sim,
    clock,
    config,
    saved,
    platform: createPinterestPlatform(config),
    requests: () => sims.requests('pinterest').map((r) => ({ method: r.method, path: r.path, query: new URLSearchParams(r.query), body: r.body, fault: r.fault })),
    close: () => sims.close(),
  };
}
