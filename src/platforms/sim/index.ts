// Public surface of the simulator infrastructure (used by `stoa sim`, tests and platform simulators).
export { startSimulators } from './host.ts';
export type { RecordedRequest, RunningSimulators, SimState, SimulatorOptions } from './host.ts';
export { createRealtimeClock, createVirtualClock, parseDuration } from './clock.ts';
export type { VirtualClock } from './clock.ts';
export { createRng } from './rng.ts';
export type { Rng } from './rng.ts';
export { corpusFromRows, defaultDatasetsDir, loadSeedCorpus } from './seed.ts';
export { bundledSeedFile, defaultSeedCorpus, loadBundledSeed, type SeedChoice } from './bundledSeed.ts';
export type { SeedCorpus, SeedRow, SeedSet } from './seed.ts';
export { DROP, isWriteMethod, json, text, transientFaultReply } from './replies.ts';
export { WriteLog } from './writes.ts';
export { FAULT_KINDS } from './types.ts';
export type * from './types.ts';
