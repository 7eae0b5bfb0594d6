// A workspace synced against in-process simulators over real HTTP on 127.0.0.1. The backend and
// the simulators share one virtual clock, and the sync engine's sleep advances it, so retry waits
// and rate windows pass instantly but in the right order.
import { join } from 'node:path';
import { openBackend, type Backend } from '../../../src/backend/openBackend.ts';
import { initDemoAccounts } from '../../../src/backend/sync/demo.ts';
import { SyncService } from '../../../src/backend/sync/service.ts';
import type { FetchFn } from '../../../src/platforms/index.ts';
import { createRng, createVirtualClock, startSimulators, type RunningSimulators, type SimulatorFactory, type VirtualClock } from '../../../src/platforms/sim/index.ts';
import { SIMULATOR_FACTORIES } from '../../../src/platforms/sim/registry.ts';
import type { SyncEvent } from '../../../src/sync/events.ts';

export interface SyncHarness {
  readonly sim: RunningSimulators;
  readonly clock: VirtualClock;
  readonly backend: Backend;
  readonly sync: SyncService;
  readonly events: SyncEvent[];
  /** Account id per platform name. */
  readonly accounts: Readonly<Record<string, string>>;
  /** Cut or restore the network (connections refused, like a dead Wi-Fi). */
  setNetwork(up: boolean): void;
  close(): Promise<void>;
}

export async function startSyncHarness(
  dir: string,
  options: { platforms: readonly string[]; seed?: number; faultRate?: number; factories?: Readonly<Record<string, SimulatorFactory>> },
): Promise<SyncHarness> {
  const clock = createVirtualClock();
  const simulators: Record<string, SimulatorFactory> = {};
  for (const name of options.platforms) {
    const factory = options.factories?.[name] ?? SIMULATOR_FACTORIES[name];
    if (!factory) throw new Error(`no simulator named ${name}`);
    simulators[name] = factory;
  }
  const sim = await startSimulators({ seed: options.seed ?? 7, faultRate: options.faultRate ?? 0, clock, simulators });
  let up = true;
  const fetchOrRefuse: FetchFn = async (input, init) => {
    if (!up) throw new TypeError('fetch failed', { cause: Object.assign(new Error('connect ECONNREFUSED 127.0.0.1'), { code: 'ECONNREFUSED' }) });
    return fetch(input, init);
  };
  const backend = openBackend({ dataDir: dir, host: 'in-process', clock, modelsDir: join(dir, 'no-models') });
  const rng = createRng('sync-jitter');
  const sync = new SyncService(backend.context, {
    fetch: fetchOrRefuse,
    random: () => rng.int(0, 1_000_000) / 1_000_000,
    sleep: async (ms) => {
      clock.advance(ms);
      // Let sockets and timers breathe between virtual waits.
      await new Promise((resolve) => setImmediate(resolve));
    },
  });
  const events: SyncEvent[] = [];
  sync.subscribe((event) => events.push(event));
  const added = await initDemoAccounts(backend.context, sim.url);
  if (!added.ok) throw new Error(added.error.message);
  return {
    sim,
    clock,
    backend,
    sync,
    events,
    accounts: Object.fromEntries(added.value.map((account) => [account.platform, account.id])),
    setNetwork: (next) => {
      up = next;
    },
    close: async () => {
      await backend.close();
      await sim.close();
    },
  };
}

/** Applied writes per target on one platform, from GET /__sim/state's write log. */
export function appliedWrites(sim: RunningSimulators, platform: string): Map<string, string[]> {
  const applied = new Map<string, string[]>();
  for (const write of sim.state().platforms[platform]?.writes ?? []) {
    if (!write.applied) continue;
    applied.set(write.target, [...(applied.get(write.target) ?? []), write.action]);
  }
  return applied;
}
