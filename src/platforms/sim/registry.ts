// Which simulators `startSimulators` mounts by default, by name (= URL prefix). Each platform
// folder exports one SimulatorFactory; add it here.
import { createInstagramSimulator } from '../instagram/simulator.ts';
import { createDiscourseSimulator } from '../discourse/simulator.ts';
import { createRedditSimulator } from '../reddit/simulator.ts';
import { createYoutubeSimulator } from '../youtube/simulator.ts';
import { createPinterestSimulator } from '../pinterest/simulator.ts';
import type { SimulatorFactory } from './types.ts';

export const SIMULATOR_FACTORIES: Readonly<Record<string, SimulatorFactory>> = {
  reddit: createRedditSimulator(),
  discourse: createDiscourseSimulator(),
  youtube: (context) => createYoutubeSimulator(context),
  instagram: (context) => createInstagramSimulator(context),
  pinterest: (context) => createPinterestSimulator(context),
};
