// Snapshots carry the post's media thumbnail: read over real HTTP from a local server (and from a
// file: URL), made into a small JPEG by the media room, its SHA-256 part of the snapshot hash, shown
// by compliance.posts.get and embedded in the HTML and PDF reports. A post whose media cannot be
// read gets a snapshot without one, and the audit log says why. Changing the stored thumbnail
// behind the triggers' back is reported by the snapshot check.
import { createHash } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import sharp from 'sharp';
import { afterEach, describe, expect, it } from 'vitest';
import { useTempDir } from '../../support/tempDir.ts';
import { openTestWorkspace, type TestWorkspace } from '../../support/workspace.ts';

const tempDir = useTempDir();
let ws: TestWorkspace | null = null;
let server: Server | null = null;
afterEach(async () => {
  await ws?.close();
  await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
  ws = null;
  server = null;
});

const picture = (w: number, h: number, color: string) => sharp({ create: { width: w, height: h, channels: 3, background: color } }).png().toBuffer();

describe('snapshot media thumbnails', () => {
  it('captures a small JPEG per reviewed post, hashes it into the snapshot and puts it in the reports', async () => {
    const dir = tempDir();
    const served = await picture(1600, 1200, '#c03060');
    let hits = 0;
    server = createServer((req, res) => {
      hits++;
      if (req.url === '/media/serum.png') res.writeHead(200, { 'content-type': 'image/png' }).end(served);
      else res.writeHead(404).end();
    });
    await new Promise<void>((resolve) => server?.listen(0, '127.0.0.1', resolve));
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    const localFile = join(dir, 'local.png');
    writeFileSync(localFile, await picture(300, 900, '#2060c0'));

    ws = await openTestWorkspace(join(dir, 'ws'), 'in-process');
    const c = ws.client;
    const audit = await c.call('compliance.audits.create', { name: 'Thumbs', jurisdiction: 'ftc', periodFrom: '2026-10-01', periodTo: '2026-12-31' });
    if (!audit.ok) throw new Error(audit.error.message);
    const auditId = audit.value.id;
    await c.call('compliance.creators.add', { auditId, platform: 'instagram', handle: 'mayaglows' });
    await c.call('compliance.brands.add', { auditId, name: 'Glowco', handles: ['glowco'], discountCodes: ['GLOW20'] });
    const post = (id: string, media: string[]) => ({ creator: 'mayaglows', id, caption: 'Loving the @glowco serum, code GLOW20 for 20% off!', timestamp: '2026-10-11T17:40:00Z', media_urls: media });
    const text = JSON.stringify([post('p-http', [`${base}/media/serum.png`]), post('p-file', [pathToFileURL(localFile).href]), post('p-gone', [`${base}/media/deleted.png`])]);
    const imported = await c.call('compliance.posts.import', { auditId, format: 'json', text, platform: 'instagram' });
    expect(imported.ok && imported.value.newPosts).toBe(3);
    const scan = await c.call('compliance.scan', { auditId, useModels: false });
    if (!scan.ok) throw new Error(scan.error.message);
    expect(scan.value).toMatchObject({ byVerdict: { non_compliant: 3 }, snapshots: 3 });
    expect(hits).toBe(2);

    const list = await c.call('compliance.posts.list', { auditId });
    if (!list.ok) throw new Error(list.error.message);
    const byRemote = new Map(list.value.map((p) => [p.remoteId, p.postId]));
    const get = async (remoteId: string) => {
      const detail = await c.call('compliance.posts.get', { postId: byRemote.get(remoteId) ?? '' });
      if (!detail.ok) throw new Error(detail.error.message);
      const snap = detail.value.snapshots[0];
      if (!snap) throw new Error(`no snapshot for ${remoteId}`);
      return snap;
    };
    const http = await get('p-http');
    const jpeg = Buffer.from(http.thumbnailJpegBase64 ?? '', 'base64');
    expect(jpeg.subarray(0, 3)).toEqual(Buffer.from([0xff, 0xd8, 0xff]));
    expect(await sharp(jpeg).metadata()).toMatchObject({ format: 'jpeg', width: 240, height: 180 });
    expect(http.thumbnailSha256).toBe(createHash('sha256').update(jpeg).digest('hex'));
    expect(jpeg.length).toBeLessThan(20_000);
    const file = await get('p-file');
    expect(await sharp(Buffer.from(file.thumbnailJpegBase64 ?? '', 'base64')).metadata()).toMatchObject({ width: 80, height: 240 });
    const gone = await get('p-gone');
    expect(gone).toMatchObject({ hasThumbnail: false, thumbnailSha256: null, thumbnailJpegBase64: null });
    const logged = ws.backend.context.db.prepare("SELECT details FROM audit_log WHERE action = 'compliance.snapshot' AND subject = ?").pluck().get(byRemote.get('p-gone')) as string;
    expect(JSON.parse(logged)).toMatchObject({ thumbnailSha256: null, thumbnailProblem: expect.stringContaining('HTTP 404') });

    // Reviewing keeps the snapshot (immutable): same hash, no second fetch.
    const reviewed = await c.call('compliance.review', { postId: byRemote.get('p-http') ?? '', verdict: 'non_compliant', reason: 'code without disclosure' });
    expect(reviewed.ok && reviewed.value.snapshotSha256).toBe(http.sha256);
    expect(hits).toBe(2);

    const html = await c.call('compliance.report', { auditId, format: 'html' });
    if (!html.ok) throw new Error(html.error.message);
    const page = Buffer.from(html.value.contentBase64, 'base64').toString('utf8');
    expect(page).toContain(`src="data:image/jpeg;base64,${http.thumbnailJpegBase64 ?? ''}"`);
    expect(page).toContain(`Thumbnail SHA-256 <code>${http.thumbnailSha256 ?? ''}</code>`);
    expect(page).toContain("img-src data:");
    const pdf = await c.call('compliance.report', { auditId, format: 'pdf' });
    if (!pdf.ok) throw new Error(pdf.error.message);
    const bytes = Buffer.from(pdf.value.contentBase64, 'base64').toString('latin1');
    expect(bytes.match(/\/Subtype \/Image/g)?.length).toBe(2);
    const csv = await c.call('compliance.report', { auditId, format: 'csv' });
    expect(csv.ok && Buffer.from(csv.value.contentBase64, 'base64').toString('utf8')).toContain(http.thumbnailSha256 ?? 'missing');

    // A thumbnail swapped behind the triggers' back no longer matches the snapshot hash.
    const db = ws.backend.context.db;
    db.exec('DROP TRIGGER compliance_snapshots_no_update');
    db.prepare('UPDATE compliance_snapshots SET thumbnail = ? WHERE id = ?').run(await picture(10, 10, '#000000'), http.id);
    const verified = await c.call('compliance.snapshots.verify', { auditId });
    expect(verified.ok && verified.value.problems).toEqual([expect.objectContaining({ snapshotId: http.id, problem: expect.stringContaining('thumbnail') })]);
  });
});
