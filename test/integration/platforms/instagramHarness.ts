// Starts the Instagram simulator on 127.0.0.1 (ephemeral port) through the shared sim host, and a
// connector configured from the simulator's demo account, sharing one virtual clock.
import type { ConnectorConfig, Credentials } from '../../../src/platforms/platform.ts';
import { createInstagramPlatform, createInstagramSimulator, type InstagramPlatform, type InstagramSimOptions, type InstagramSimulator } from '../../../src/platforms/instagram/index.ts';
import { createVirtualClock, startSimulators, type RunningSimulators, type VirtualClock } from '../../../src/platforms/sim/index.ts';

export interface InstagramRig {
  readonly sims: RunningSimulators;
  readonly sim: InstagramSimulator;
  readonly clock: VirtualClock;
  readonly config: ConnectorConfig;
  readonly saved: Credentials[];
  readonly platform: InstagramPlatform;
  /** Requests below /instagram, as recorded by the host. */
  requests(): { method: string; path: string; query: URLSearchParams; body: string; authorization: string | undefined; fault: string | null }[];
  close(): Promise<void>;
}

export async function startInstagramRig(options: InstagramSimOptions & { seed?: number } = {}): Promise<InstagramRig> {
  const clock = createVirtualClock(new Date('2026-11-25T12:00:00.000Z'));
  const sims = await startSimulators({ seed: options.seed ?? 11, clock, simulators: { instagram: (ctx) => createInstagramSimulator(ctx, options) } });
  const sim = sims.simulator('instagram') as InstagramSimulator;
  const saved: Credentials[] = [];
  const account = sim.demoAccount();
  const config: ConnectorConfig = {
    baseUrl: `${sims.url}/instagram`,
    credentials: account.credentials,
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
    platform: createInstagramPlatform(config),
    requests: () =>
      sims.requests('instagram').map((r) => ({ method: r.method, path: r.path, query: new URLSearchParams(r.query), body: r.body, authorization: r.headers['authorization'], fault: r.fault })),
    close: () => sims.close(),
  };
}

export function targetOf(sim: InstagramSimulator, id: string) {
  const c = sim.model.comments.get(id);
  if (!c) throw new Error(`no comment ${id}`);
  return { remoteId: id, kind: 'comment' as const, community: { remoteId: c.mediaId, name: c.mediaId }, author: { remoteId: c.fromId, name: c.username }, version: null };
}

export function visibleIds(sim: InstagramSimulator): string[] {
  return [...sim.model.comments.values()].filter((c) => !c.deleted && !c.hidden).map((c) => c.id);
}
