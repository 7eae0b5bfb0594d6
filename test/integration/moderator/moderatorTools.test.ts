// Profiles, saved views, the what-if tester and the audit log view through the real contract
// (in-process transport, on-disk SQLite): the active profile is stamped on decisions, notes and
// audit entries with the device id; views count and age what the queue shows; what-if reads the
// decisions moderators made (an undone one no longer counts); the log pages, filters and exports.
import { parse } from 'csv-parse/sync';
import { afterEach, describe, expect, it } from 'vitest';
import { callOrThrow } from '../../../src/api/client.ts';
import { verifyAudit } from '../../../src/store/audit.ts';
import { upsertItems } from '../../../src/store/items.ts';
import { upsertScores } from '../../../src/store/scores.ts';
import { sampleItem } from '../../support/sampleItems.ts';
import { useTempDir } from '../../support/tempDir.ts';
import { openTestWorkspace, type TestWorkspace } from '../../support/workspace.ts';

const tempDir = useTempDir();
let workspace: TestWorkspace | null = null;

afterEach(async () => {
  await workspace?.close();
  workspace = null;
});

const SPAM = [0.9, 0.8, 0.7, 0.4, 0.2, 0.1];

async function seeded() {
  workspace = await openTestWorkspace(tempDir(), 'in-process');
  const { backend, client } = workspace;
  const db = backend.context.db;
  upsertItems(
    db,
    SPAM.map((_, n) => sampleItem(n, { platform: 'reddit', community: n % 2 === 0 ? { remoteId: 'v1', name: 'Launch video' } : { remoteId: 'v2', name: 'Tutorial' } })),
    backend.context.clock,
  );
  const ids = db.prepare('SELECT id FROM items ORDER BY remote_id').pluck().all() as string[];
  upsertScores(db, ids.map((itemId, n) => ({ itemId, model: 'spam', modelVersion: 't', score: SPAM[n] ?? 0, evidence: [] })), backend.context.clock);
  return { client, backend, ids };
}

describe('moderator profiles', () => {
  it('stamps the active profile and the device id on decisions, notes and audit entries', async () => {
    const { client, backend, ids } = await seeded();
    const before = await callOrThrow(client, 'profiles.list', {});
    expect(before.profiles).toEqual([]);
    const ana = await callOrThrow(client, 'profiles.create', { name: 'Ana', handle: '@ana_mod' });
    expect(ana.handle).toBe('ana_mod');
    const ben = await callOrThrow(client, 'profiles.create', { name: 'Ben' });
    // The first profile made is the active one.
    expect((await callOrThrow(client, 'profiles.list', {})).actor).toBe('Ana');
    await callOrThrow(client, 'queue.decide', { itemId: ids[0] ?? '', action: 'remove' });
    await callOrThrow(client, 'profiles.setActive', { id: ben.id });
    await callOrThrow(client, 'items.addNote', { itemId: ids[1] ?? '', body: 'seen before' });
    await callOrThrow(client, 'queue.decide', { itemId: ids[1] ?? '', action: 'approve' });

    const first = await callOrThrow(client, 'items.get', { id: ids[0] ?? '' });
    const second = await callOrThrow(client, 'items.get', { id: ids[1] ?? '' });
    expect(first.decisions.map((d) => d.actor)).toEqual(['Ana']);
    expect(second.decisions.map((d) => d.actor)).toEqual(['Ben']);
    expect(second.notes.map((n) => n.actor)).toEqual(['Ben']);
    const deviceId = backend.context.who.deviceId;
    const stamped = backend.context.db.prepare("SELECT actor, device_id FROM decisions UNION ALL SELECT actor, device_id FROM notes").all() as { actor: string; device_id: string }[];
    expect(stamped.every((r) => r.device_id === deviceId)).toBe(true);

    const log = await callOrThrow(client, 'auditLog.list', { actor: 'Ben' });
    expect(log.entries.map((e) => e.action)).toEqual(['decision.approve', 'note.add', 'profile.activate']);
    expect(log.entries.every((e) => e.deviceId === deviceId)).toBe(true);
  });

  it('refuses a second profile with the same name and an unknown one to switch to', async () => {
    const { client } = await seeded();
    await callOrThrow(client, 'profiles.create', { name: 'Ana' });
    const again = await client.call('profiles.create', { name: 'ana' });
    expect(again.ok ? null : again.error).toMatchObject({ code: 'invalid_input', message: 'A moderator profile named "ana" already exists.' });
    const missing = await client.call('profiles.setActive', { id: 'nobody' });
    expect(missing.ok ? null : missing.error.code).toBe('invalid_input');
  });
});

describe('saved views', () => {
  it('keeps views per profile with live counts and the oldest open item', async () => {
    const { client, ids } = await seeded();
    await callOrThrow(client, 'profiles.create', { name: 'Ana' });
    const open = await callOrThrow(client, 'views.save', { name: 'Open on Reddit', filter: { platform: 'reddit', state: 'open', sort: 'oldest' } });
    expect([open.count, open.oldestOpenAt]).toEqual([6, sampleItem(0).createdAt]);
    await callOrThrow(client, 'views.save', { name: 'Palette', filter: { query: 'palette', sort: 'newest' } });
    await callOrThrow(client, 'queue.decide', { itemId: ids[0] ?? '', action: 'remove' });

    const views = await callOrThrow(client, 'views.list', {});
    expect(views.map((v) => [v.name, v.count, v.oldestOpenAt])).toEqual([
      ['Open on Reddit', 5, sampleItem(1).createdAt],
      ['Palette', 6, sampleItem(1).createdAt],
    ]);
    const ben = await callOrThrow(client, 'profiles.create', { name: 'Ben' });
    await callOrThrow(client, 'profiles.setActive', { id: ben.id });
    expect(await callOrThrow(client, 'views.list', {})).toEqual([]);
    expect(await callOrThrow(client, 'views.count', { filter: { state: 'removed' } })).toEqual({ count: 1, oldestOpenAt: null });
  });
});

describe('what-if tester', () => {
  it('measures a threshold against decisions, ignoring an undone one, and keeps rules as suggestions', async () => {
    const { client, ids } = await seeded();
    const decide = (i: number, action: 'remove' | 'spam' | 'approve') => callOrThrow(client, 'queue.decide', { itemId: ids[i] ?? '', action });
    await decide(0, 'remove'); // 0.9 positive
    await decide(1, 'approve'); // 0.8 negative
    await decide(3, 'spam'); // 0.4 positive
    await decide(4, 'approve'); // 0.2 negative
    const undone = await decide(5, 'spam'); // 0.1, then undone: undecided
    await callOrThrow(client, 'queue.undo', { decisionId: undone.decisionId });

    const result = await callOrThrow(client, 'whatIf.run', { model: 'spam', threshold: 0.5 });
    // By hand: flagged 0.9, 0.8, 0.7 → 3; TP 1 (0.9), FP 1 (0.8), FN 1 (0.4), TN 1 (0.2).
    expect(result).toMatchObject({ total: 6, flagged: 3, labeled: 4, truePositives: 1, falsePositives: 1, falseNegatives: 1, trueNegatives: 1, precision: 0.5, recall: 0.5 });
    expect(result.communities.map((c) => [c.community, c.flagged, c.truePositives, c.falsePositives])).toEqual([
      ['Launch video', 2, 1, 0],
      ['Tutorial', 1, 0, 1],
    ]);
    expect(result.histogram.reduce((n, b) => n + b.positive + b.negative + b.undecided, 0)).toBe(6);

    const rule = await callOrThrow(client, 'whatIf.rules.save', { model: 'spam', threshold: 0.75, suggestion: 'hold' });
    expect(await callOrThrow(client, 'whatIf.rules.list', {})).toEqual([rule]);
    // A rule is only a suggestion: no item changed state because of it.
    expect((await callOrThrow(client, 'items.get', { id: ids[2] ?? '' })).state).toBe('open');
    await callOrThrow(client, 'whatIf.rules.remove', { id: rule.id });
    expect(await callOrThrow(client, 'whatIf.rules.list', {})).toEqual([]);
  });
});

describe('audit log view', () => {
  it('pages newest first, filters by action family, community and date, and exports CSV', async () => {
    const { client, backend, ids } = await seeded();
    await callOrThrow(client, 'profiles.create', { name: 'Ana' });
    for (const id of ids) await callOrThrow(client, 'queue.decide', { itemId: id, action: 'remove', reason: 'spam, "obvious"' });
    await callOrThrow(client, 'items.addNote', { itemId: ids[1] ?? '', body: 'seen before' });

    const all = await callOrThrow(client, 'auditLog.list', {});
    expect(all.total).toBe(8);
    const first = await callOrThrow(client, 'auditLog.list', { limit: 3 });
    const second = await callOrThrow(client, 'auditLog.list', { limit: 3, beforeSeq: first.nextBeforeSeq });
    const third = await callOrThrow(client, 'auditLog.list', { limit: 3, beforeSeq: second.nextBeforeSeq });
    expect([...first.entries, ...second.entries, ...third.entries].map((e) => e.seq)).toEqual(all.entries.map((e) => e.seq));
    expect(third.nextBeforeSeq).toBeNull();

    const decisions = await callOrThrow(client, 'auditLog.list', { action: 'decision' });
    expect(decisions.total).toBe(6);
    const tutorial = await callOrThrow(client, 'auditLog.list', { action: 'decision.remove', community: 'Tutorial' });
    expect(tutorial.entries.map((e) => e.subject).sort()).toEqual([ids[1], ids[3], ids[5]].sort());
    expect((await callOrThrow(client, 'auditLog.list', { text: 'obvious' })).total).toBe(6);
    expect((await callOrThrow(client, 'auditLog.list', { to: '2026-11-24' })).total).toBe(0);
    expect((await callOrThrow(client, 'auditLog.list', { from: '2026-11-25', to: '2026-11-25' })).total).toBe(8);
    const facets = await callOrThrow(client, 'auditLog.facets', {});
    // The first profile is made before any profile exists: the OS user is stamped on that one entry.
    expect(facets.actors).toContain('Ana');
    expect(facets.actors).toHaveLength(2);
    expect(facets).toMatchObject({ actions: ['decision.remove', 'note.add', 'profile.create'], communities: ['Launch video', 'Tutorial'] });

    const exported = await callOrThrow(client, 'auditLog.exportCsv', { community: 'Tutorial' });
    expect(exported.rows).toBe(4);
    const rows = parse(exported.csv, { columns: true }) as Record<string, string>[];
    expect(rows.map((r) => r.action)).toEqual(['decision.remove', 'decision.remove', 'decision.remove', 'note.add']);
    expect(JSON.parse(rows[0]?.details ?? '{}')).toMatchObject({ reason: 'spam, "obvious"' });
    expect(rows.every((r) => r.actor === 'Ana' && r.community === 'Tutorial')).toBe(true);
    expect(verifyAudit(backend.context.db).ok).toBe(true);
  });
});
