// Which simulators `startSimulators` mounts by default, by name (= URL prefix). Each platform
// folder exports one SimulatorFactory; add it here.
import { createRedditSimulator } from '../reddit/simulator.ts';
import type { SimulatorFactory } from './types.ts';

export const SIMULATOR_FACTORIES: Readonly<Record<string, SimulatorFactory>> = {
  reddit: createRedditSimulator(),
  // discourse: createDiscourseSimulator,
  // youtube, instagram: platforms B
};
