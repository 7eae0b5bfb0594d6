// Fills a workspace with the demo seed: real public rows from the labelled datasets, seeded straight
// into the store and labelled as demo data (until the platform simulators feed the demo by sync).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { countItems, upsertItems, type ItemInput } from '../store/items.ts';
import { setSetting } from '../store/settings.ts';
import { appendAudit } from '../store/audit.ts';
import type { BackendContext } from './context.ts';

const seedSchema = z.object({
  rows: z.array(
    z.object({
      platform: z.enum(['youtube', 'instagram', 'discourse']),
      remoteId: z.string().min(1),
      kind: z.enum(['comment', 'post']),
      community: z.string(),
      author: z.string().nullable(),
      body: z.string(),
      createdAt: z.string(),
      source: z.string(),
    }),
  ),
});

export function seedDemoWorkspace(ctx: BackendContext, resourcesDir = ctx.resourcesDir): number {
  const seed = seedSchema.parse(JSON.parse(readFileSync(join(resourcesDir, 'demo', 'seed.json'), 'utf8')));
  const items: ItemInput[] = seed.rows.map((row) => ({
    platform: row.platform,
    remoteId: row.remoteId,
    kind: row.kind,
    community: { remoteId: `demo:${row.community}`, name: row.community },
    author: row.author ? { remoteId: row.author, name: row.author } : null,
    body: row.body,
    createdAt: row.createdAt,
    raw: { demo: true, source: row.source },
  }));
  ctx.db.transaction(() => {
    upsertItems(ctx.db, items, ctx.clock);
    setSetting(ctx.db, 'demo', true);
    appendAudit(ctx.db, { ...ctx.who, action: 'workspace.seed_demo', details: { rows: items.length } }, ctx.clock);
  })();
  ctx.events.emit({ type: 'items.changed', count: items.length });
  return items.length;
}

/** Seeds an empty workspace; returns how many rows it added (0 when the workspace had items). */
export function ensureDemoWorkspace(ctx: BackendContext, resourcesDir = ctx.resourcesDir): number {
  return countItems(ctx.db) === 0 ? seedDemoWorkspace(ctx, resourcesDir) : 0;
}
