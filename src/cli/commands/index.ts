// Every command registers itself on the program; add new commands to this list.
//
// Lazy-import convention (keeps `stoa --version` and every start under ~150 ms): every command is
// registered on every start, so a command file imports statically only what registering needs —
// commander, ../options.ts, ../output.ts, backend/errors.ts, backend/paths.ts and `import type`.
// Everything else (the backend, the server, ml, store, sync, platforms, native packages) is loaded
// inside the action: `const { openSyncWorkspace } = await import('../../backend/sync/workspace.ts');`.
// The CLI bundle (scripts/build-cli.mjs) turns each such import into a chunk read only when that
// command runs; a static import of a heavy module here puts it on every command's start.
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
import { registerMedia } from './media.ts';
import { registerCatalog } from './catalog.ts';
import { registerPost } from './post.ts';
import { registerRights } from './rights.ts';
import { registerAudit } from './audit.ts';
import { registerPinterest } from './pinterest.ts';
import { registerMediaHost } from './mediaHost.ts';
import { registerProfile } from './profile.ts';
import { registerHub } from './hub.ts';

export type RegisterCommand = (program: Command) => void;

export const COMMANDS: readonly RegisterCommand[] = [registerServe, registerDemo, registerBench, registerClassify, registerEval, registerTrain, registerInit, registerSync, registerAct, registerStats, registerItems, registerAccounts, registerSim, registerMedia, registerAudit, registerCatalog, registerPost, registerRights, registerPinterest, registerMediaHost, registerProfile, registerHub];
