// The demo workspace: the platform simulators (seeded with real public community text) on a local
// port, one account per platform pointing at them, an active moderator profile, a first sync and scoring — the same path a real
// workspace takes, with the simulators standing in for the platforms. The demo folder is reset on
// every start, because the simulators' state lives in memory and starts fresh too.
import { existsSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { defaultSeedCorpus, loadBundledSeed, type SeedCorpus } from '../platforms/sim/index.ts';
import { openDatabase } from '../store/open.ts';
import { createProfile } from '../store/profiles.ts';
import { getSetting } from '../store/settings.ts';
import { setMediaHost, simMediaHostOf } from '../sync/mediaHostConfig.ts';
import { StoaUserError } from './errors.ts';
import { openBackend, type Backend } from './openBackend.ts';
import { databaseFileIn, defaultResourcesDir } from './paths.ts';
import { initDemoAccounts, startSimulators, type RunningSimulators, type SyncSummary } from './sync/index.ts';

/** The moderator profile a demo workspace starts with, active. */
export const DEMO_MODERATOR = 'Demo moderator';

/** The bundled sample (resources/demo/seed.json) as simulator rows, for machines without the datasets. */
export function bundledCorpus(resourcesDir: string): SeedCorpus {
  return loadBundledSeed(join(resourcesDir, 'demo', 'seed.json'));
}

/** Refuses to reset a folder that holds a real (non-demo) workspace. */
function resetDemoFolder(dataDir: string): void {
  const file = databaseFileIn(dataDir);
  if (existsSync(file)) {
    const db = openDatabase(file);
    const isDemo = getSetting<boolean>(db, 'demo') === true;
    db.close();
    if (!isDemo) throw new StoaUserError(`${dataDir} holds a workspace that is not a demo; choose another --data-dir for the demo.`);
  }
  rmSync(dataDir, { recursive: true, force: true });
}

export interface DemoWorkspace {
  readonly backend: Backend;
  readonly simulators: RunningSimulators;
  readonly firstSync: SyncSummary;
  readonly corpusOrigin: string;
  close(): Promise<void>;
}

export async function openDemoWorkspace(dataDir: string, resourcesDir = defaultResourcesDir()): Promise<DemoWorkspace> {
  resetDemoFolder(dataDir);
  const { corpus, origin } = defaultSeedCorpus(join(resourcesDir, 'demo', 'seed.json'));
  const simulators = await startSimulators({ port: 0, seed: 20261125, faultRate: 0, corpus });
  const backend = openBackend({ dataDir, host: 'server', resourcesDir });
  try {
    // The demo's decisions are signed by a named moderator, not the OS user (often root). Made
    // first, so it is the active profile; a person may add their own in Settings and switch.
    createProfile(backend.context.db, { name: DEMO_MODERATOR }, backend.context.who, backend.context.clock);
    const accounts = await initDemoAccounts(backend.context, simulators.url);
    if (!accounts.ok) throw new StoaUserError(accounts.error.message);
    // Instagram fetches images from a public host; in the demo that is the simulator's own route.
    const simHost = simMediaHostOf(simulators.url);
    setMediaHost(backend.context.db, backend.context.cipher, { uploadUrl: simHost.uploadUrl, publicBase: simHost.publicBase });
    const firstSync = await backend.sync.syncNow({ maxWaitMs: 5_000 });
    await backend.scoring.scoreNew();
    return {
      backend,
      simulators,
      firstSync,
      corpusOrigin: origin,
      close: async () => {
        await backend.close();
        await simulators.close();
      },
    };
  } catch (error) {
    await backend.close();
    await simulators.close();
    throw error;
  }
}
