// compliance.dashboard over the real HTTP server on the e2e fixture's seven posts: after a scan and
// one reviewer verdict, every aggregate equals a count made independently from compliance.posts.list
// (per creator, platform and week, and per brand from each post's own evidence), and the brand the
// captions tag (Glowco) carries the posts that name it.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { OutputOf } from '../../../src/api/endpoints.ts';
import { useTempDir } from '../../support/tempDir.ts';
import { openTestWorkspace, type TestWorkspace } from '../../support/workspace.ts';

const FIXTURE = join(import.meta.dirname, '../../fixtures/compliance/creator-posts.json');
const tempDir = useTempDir();
let ws: TestWorkspace | null = null;
afterEach(async () => {
  await ws?.close();
  ws = null;
});

describe('compliance.dashboard', () => {
  it('aggregates per creator, brand, platform and week exactly as a count from the posts', async () => {
    ws = await openTestWorkspace(tempDir(), 'http');
    const c = ws.client;
    const audit = await c.call('compliance.audits.create', { name: 'Q4', jurisdiction: 'ftc', periodFrom: '2026-10-01', periodTo: '2026-12-31' });
    if (!audit.ok) throw new Error(audit.error.message);
    const auditId = audit.value.id;
    for (const [platform, handle] of [['instagram', 'mayaglows'], ['instagram', 'theo.trails'], ['youtube', 'theo.trails']] as const) await c.call('compliance.creators.add', { auditId, platform, handle });
    await c.call('compliance.brands.add', { auditId, name: 'Glowco', handles: ['glowco'], discountCodes: ['GLOW20'] });
    await c.call('compliance.brands.add', { auditId, name: 'Nobody Inc' });
    await c.call('compliance.posts.import', { auditId, format: 'json', text: readFileSync(FIXTURE, 'utf8') });
    await c.call('compliance.scan', { auditId, useModels: false });
    const posts = await c.call('compliance.posts.list', { auditId });
    if (!posts.ok) throw new Error(posts.error.message);
    const first = posts.value[0];
    if (!first) throw new Error('no posts');
    await c.call('compliance.review', { postId: first.postId, verdict: 'non_compliant', reason: 'hand check' });
    const after = await c.call('compliance.posts.list', { auditId });
    const dash = await c.call('compliance.dashboard', { auditId });
    if (!after.ok || !dash.ok) throw new Error('call failed');

    const count = (keyOf: (p: OutputOf<'compliance.posts.list'>[number]) => string[]) => {
      const m = new Map<string, { posts: number; nonCompliant: number; compliant: number }>();
      for (const p of after.value) {
        const v = p.reviewerVerdict ?? p.scanVerdict;
        for (const k of keyOf(p)) {
          const g = m.get(k) ?? { posts: 0, nonCompliant: 0, compliant: 0 };
          g.posts++;
          if (v === 'non_compliant') g.nonCompliant++;
          if (v === 'compliant') g.compliant++;
          m.set(k, g);
        }
      }
      return [...m.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([key, g]) => ({ key, ...g }));
    };
    const view = (rates: { key: string; posts: number; nonCompliant: number; compliant: number }[]) => rates.filter((r) => r.posts > 0).map(({ key, posts: n, nonCompliant, compliant }) => ({ key, posts: n, nonCompliant, compliant }));
    const monday = (iso: string | null) => {
      const d = new Date(iso ?? '');
      d.setUTCDate(d.getUTCDate() - ((d.getUTCDay() + 6) % 7));
      return d.toISOString().slice(0, 10);
    };
    const brandsOf = (e: unknown) => [...new Set(((e as { commercial?: { brand: string | null }[] }).commercial ?? []).map((x) => x.brand).filter((b): b is string => b !== null))];
    expect(view(dash.value.byCreator)).toEqual(count((p) => [p.handle]));
    expect(view(dash.value.byPlatform)).toEqual(count((p) => [p.platform]));
    expect(view(dash.value.byWeek)).toEqual(count((p) => [monday(p.postedAt)]));
    expect(view(dash.value.byBrand)).toEqual(count((p) => brandsOf(p.evidence)));
    expect(dash.value.byBrand.map((b) => b.key)).toEqual(['Glowco', 'Nobody Inc']);
    expect(dash.value.byBrand[0]?.posts).toBeGreaterThanOrEqual(4);
    expect(dash.value.byWeek.map((w) => w.key)).toEqual(['2026-09-28', '2026-10-05', '2026-10-12', '2026-10-19', '2026-11-02', '2026-11-09', '2026-11-16']);
    expect(dash.value.totals.posts).toBe(7);
    const unknown = await c.call('compliance.dashboard', { auditId: 'nope' });
    expect(unknown.ok ? null : unknown.error.code).toBe('not_found');
  });
});
