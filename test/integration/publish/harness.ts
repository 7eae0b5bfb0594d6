// A workspace with a catalog, 4:5 photos and an Instagram demo account on the simulator, for the
// publishing tests: posts are created and queued through the API, the publisher is the sync
// service's, and what Instagram holds is read from GET /__sim/state.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { callOrThrow, createClient, type StoaClient } from '../../../src/api/client.ts';
import { inProcessTransport } from '../../../src/api/inProcess.ts';
import { openBackend, type Backend } from '../../../src/backend/openBackend.ts';
import { initDemoAccounts } from '../../../src/backend/sync/demo.ts';
import { SyncService } from '../../../src/backend/sync/service.ts';
import { createInstagramSimulator, type InstagramSimOptions } from '../../../src/platforms/instagram/simulator.ts';
import type { SimProductTag } from '../../../src/platforms/instagram/simPublish.ts';
import { startSimulators, type RunningSimulators } from '../../../src/platforms/sim/index.ts';
import type { Clock } from '../../../src/store/clock.ts';
import { photo } from '../media/images.ts';

export const CATALOG_SEED = [
  { retailerId: 'LS-S-NAT', name: 'Linen Shirt S' },
  { retailerId: 'MUG-SPK', name: 'Ceramic Mug — Speckled' },
] as const;

export interface PublishedView {
  readonly id: string;
  readonly permalink: string;
  readonly caption: string;
  readonly creation_id: string;
  readonly product_tags: SimProductTag[];
  readonly children: { id: string; product_tags: SimProductTag[] }[];
}

export function startInstagram(seed: string, options: InstagramSimOptions = {}): Promise<RunningSimulators> {
  return startSimulators({ seed, faultRate: 0, simulators: { instagram: (context) => createInstagramSimulator(context, { seedLimit: 40, mediaCount: 4, creatorCount: 0, ...options }) } });
}

export function published(sim: RunningSimulators): PublishedView[] {
  return (sim.state().platforms['instagram']?.published ?? []) as PublishedView[];
}

/** A clock the test can move forward, starting at real time (the simulator's default clock is real time too). */
export function movableClock(): Clock & { advance(ms: number): void } {
  let offset = 0;
  return { now: () => new Date(Date.now() + offset), advance: (ms) => (offset += ms) };
}

export interface PublishWorkspace {
  readonly backend: Backend;
  readonly client: StoaClient;
  readonly service: SyncService;
  readonly assets: string[];
  close(): void;
}

export async function openPublishWorkspace(dataDir: string, sim: RunningSimulators, images = 3, clock: Clock = movableClock()): Promise<PublishWorkspace> {
  const backend = openBackend({ dataDir, host: 'in-process', clock, modelsDir: join(dataDir, 'no-models') });
  const added = await initDemoAccounts(backend.context, sim.url);
  if (!added.ok) throw new Error(added.error.message);
  const client = createClient(inProcessTransport(backend.handlers, backend.events));
  const shopify = readFileSync(join(import.meta.dirname, '../../fixtures/catalog/shopify-export.csv')).toString('base64');
  await callOrThrow(client, 'catalog.import', { name: 'shopify-export.csv', dataBase64: shopify });
  const assets: string[] = [];
  for (let i = 0; i < images; i += 1) {
    const imported = await callOrThrow(client, 'media.import', { name: `look-${i}.jpg`, dataBase64: (await photo(1080, 1350)).toString('base64') });
    assets.push(imported.asset.id);
  }
  return { backend, client, service: new SyncService(backend.context), assets, close: () => backend.close() };
}

export interface TagInput {
  readonly mediaIndex: number;
  readonly productId: string;
  readonly x: number;
  readonly y: number;
}

/** A valid post (disclosed, 4:5 images), queued for publishing; returns its id. */
export async function queuedPost(ws: PublishWorkspace, caption: string, media: readonly string[], productTags: readonly TagInput[] = []): Promise<string> {
  const { post, check } = await callOrThrow(ws.client, 'posts.create', { content: { targets: ['instagram'], caption, media: media.map((assetId) => ({ assetId })), productTags: [...productTags] } });
  if (!check.ok) throw new Error(`post not valid: ${JSON.stringify(check.violations)} ${JSON.stringify(check.findings.map((f) => f.id))}`);
  const queued = await callOrThrow(ws.client, 'posts.publish', { id: post.id });
  if (queued.state !== 'publishing') throw new Error(`post is ${queued.state}`);
  return post.id;
}
