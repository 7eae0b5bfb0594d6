// `stoa sim`: every platform simulator under one port, for the demo and for trying sync by hand.
// The CLI reaches the simulator host through the backend (hosts never import platforms).
export { startSimulators, type RunningSimulators, type SimulatorOptions } from '../../platforms/sim/index.ts';
