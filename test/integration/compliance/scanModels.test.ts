// A scan asks the shipped sponsorship model, kept open between scans of one workspace (on the
// worker pool) and closed with it: two scans give every post the model's view with the same
// version, and the workspace closes cleanly afterwards (no worker left running).
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { importPostsIntoAudit, scanAudit } from '../../../src/backend/complianceService.ts';
import { openBackend, type Backend } from '../../../src/backend/openBackend.ts';
import { defaultModelsDir } from '../../../src/backend/paths.ts';
import { listModels } from '../../../src/backend/models/classifierService.ts';
import { postsOfAudit } from '../../../src/store/compliancePosts.ts';
import { addCreator, createAudit } from '../../../src/store/complianceAudits.ts';
import { useTempDir } from '../../support/tempDir.ts';

const tempDir = useTempDir();
let backend: Backend | null = null;
afterEach(async () => {
  await backend?.close();
  backend = null;
});

describe('scan with the sponsorship model', () => {
  const shipped = listModels(defaultModelsDir()).find((m) => m.task === 'sponsorship');
  it.skipIf(!shipped)('keeps the model open across scans and records its view on every post', { timeout: 60_000 }, async () => {
    backend = openBackend({ dataDir: join(tempDir(), 'ws'), host: 'in-process', modelsDir: defaultModelsDir() });
    const ctx = backend.context;
    const audit = createAudit(ctx.db, { name: 'm', jurisdiction: 'ftc', periodFrom: '2026-01-01', periodTo: '2026-12-31' }, ctx.who, ctx.clock);
    addCreator(ctx.db, { auditId: audit.id, platform: 'youtube', handle: 'h' }, ctx.who, ctx.clock);
    const captions = ['Buy SPINNER Aliexpress: http://ali.pub/1hyrr7', 'A quiet week in the mountains, no sponsors.', 'Use code GLOW20 for 20% off #ad'];
    importPostsIntoAudit(ctx, audit.id, captions.map((caption, i) => ({ platform: 'youtube', remoteId: `v${i}`, creatorHandle: 'h', caption, permalink: null, postedAt: '2026-05-01T00:00:00.000Z', mediaType: 'VIDEO', mediaUrls: [], paidPartnership: false, taggedProducts: [], taggedUsers: [], imageText: null })));
    const first = await scanAudit(ctx, audit.id, { thumbnails: false });
    const second = await scanAudit(ctx, audit.id, { thumbnails: false });
    expect(first.modelVersion).toBe(shipped?.version);
    expect(second.modelVersion).toBe(first.modelVersion);
    for (const p of postsOfAudit(ctx.db, audit.id, {})) expect(p.evidence).toMatchObject({ model: { modelVersion: shipped?.version, commercial: expect.any(Number) } });
    const plain = await scanAudit(ctx, audit.id, { useModels: false, thumbnails: false });
    expect(plain.modelVersion).toBeNull();
  });
});
