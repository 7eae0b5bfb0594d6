// Every command registers itself on the program; add new commands to this list.
import type { Command } from 'commander';
import { registerServe } from './serve.ts';
import { registerDemo } from './demo.ts';
import { registerBench } from './bench.ts';
import { registerClassify } from './classify.ts';
import { registerEval } from './eval.ts';
import { registerTrain } from './train.ts';
import { registerInit } from './init.ts';
import { registerSync } from './sync.ts';
import { registerAct } from './act.ts';
import { registerStats } from './stats.ts';
import { registerItems } from './items.ts';
import { registerAccounts } from './accounts.ts';
import { registerSim } from './sim.ts';

export type RegisterCommand = (program: Command) => void;

export const COMMANDS: readonly RegisterCommand[] = [registerServe, registerDemo, registerBench, registerClassify, registerEval, registerTrain, registerInit, registerSync, registerAct, registerStats, registerItems, registerAccounts, registerSim];
