// A post export over the browser-mode server's 1 MB body cap reaches compliance.posts.import in
// staged parts, through the UI's own helper over real HTTP: every post arrives intact (multi-byte
// characters that straddle a part boundary included), the staging file is gone afterwards, an
// unknown upload id is refused with a clear message, and the same export sent inline is refused by
// the server — which is why the parts exist.
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { POST_UPLOAD_PART_BYTES } from '../../../src/api/complianceEndpoints.ts';
import { importPostExport } from '../../../src/ui/features/audit/postUpload.ts';
import { useTempDir } from '../../support/tempDir.ts';
import { openTestWorkspace, type TestWorkspace } from '../../support/workspace.ts';

const tempDir = useTempDir();
let ws: TestWorkspace | null = null;
afterEach(async () => {
  await ws?.close();
  ws = null;
});

describe('staged post-export upload', () => {
  it('imports a 2 MB export in parts and leaves no staging file behind', async () => {
    const dataDir = tempDir();
    ws = await openTestWorkspace(dataDir, 'http');
    const c = ws.client;
    const audit = await c.call('compliance.audits.create', { name: 'Big export', jurisdiction: 'eu-ucpd', periodFrom: '2026-01-01', periodTo: '2026-12-31' });
    if (!audit.ok) throw new Error(audit.error.message);
    await c.call('compliance.creators.add', { auditId: audit.value.id, platform: 'youtube', handle: 'café.crème' });
    const posts = Array.from({ length: 1600 }, (_, i) => ({ platform: 'youtube', creator: 'café.crème', id: `v${i}`, caption: `Épisode ${i} — crème brûlée 🍮 `.repeat(40), timestamp: '2026-05-01T10:00:00Z' }));
    const bytes = new TextEncoder().encode(JSON.stringify(posts));
    expect(bytes.length).toBeGreaterThan(2 * 1024 * 1024);
    const progress: number[] = [];
    const reply = await importPostExport(c, bytes, { auditId: audit.value.id, format: 'json', ocr: false }, (sent) => progress.push(sent));
    if (!reply.ok) throw new Error(reply.error.message);
    expect(reply.value).toMatchObject({ read: 1600, newPosts: 1600, problems: [], skipped: [] });
    expect(progress).toHaveLength(Math.ceil(bytes.length / POST_UPLOAD_PART_BYTES));
    const stored = await c.call('compliance.posts.list', { auditId: audit.value.id });
    if (!stored.ok) throw new Error(stored.error.message);
    const last = stored.value.find((p) => p.remoteId === 'v1599');
    const detail = await c.call('compliance.posts.get', { postId: last?.postId ?? '' });
    expect(detail.ok && detail.value.versions[0]?.caption).toBe(posts[1599]?.caption);
    const staging = join(dataDir, 'compliance-uploads');
    expect(existsSync(staging) ? readdirSync(staging) : []).toEqual([]);

    const gone = await c.call('compliance.posts.import', { auditId: audit.value.id, format: 'json', uploadId: 'f'.repeat(32) });
    expect(gone.ok ? null : gone.error).toMatchObject({ code: 'not_found', message: expect.stringMatching(/start the upload again/) });
    const both = await c.call('compliance.posts.import', { auditId: audit.value.id, format: 'json', text: '[]', uploadId: 'f'.repeat(32) });
    expect(both.ok ? null : both.error.code).toBe('invalid_input');
    const inline = await c.call('compliance.posts.import', { auditId: audit.value.id, format: 'json', text: new TextDecoder().decode(bytes) });
    expect(inline.ok).toBe(false);
  });
});
