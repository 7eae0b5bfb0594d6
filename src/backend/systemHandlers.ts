// system.* endpoints: what this Stoa is and where its data lives.
import type { Handlers } from '../api/dispatch.ts';
import { countItems } from '../store/items.ts';
import { countDecisions } from '../store/decisions.ts';
import { schemaVersionOf } from '../store/open.ts';
import { getSetting } from '../store/settings.ts';
import type { BackendContext } from './context.ts';
import { listModels } from './models/classifierService.ts';
import { STOA_VERSION } from './version.ts';

export function systemHandlers(ctx: BackendContext): Pick<Handlers, 'system.info'> {
  return {
    'system.info': () => ({
      version: STOA_VERSION,
      schemaVersion: schemaVersionOf(ctx.db),
      dataDir: ctx.dataDir,
      databaseFile: ctx.databaseFile,
      host: ctx.host,
      demo: getSetting<boolean>(ctx.db, 'demo') ?? false,
      models: listModels(ctx.modelsDir).map(({ name, version }) => ({ name, version })),
      counts: { items: countItems(ctx.db), decisions: countDecisions(ctx.db) },
    }),
  };
}
