import { describe, expect, it } from 'vitest';
import { dispatch, type Handlers } from '../../../src/api/dispatch.ts';
import { fail } from '../../../src/api/errors.ts';

const info = { version: '1.0.0', schemaVersion: 3, dataDir: '/d', databaseFile: '/d/w.sqlite', host: 'in-process' as const, demo: false, models: [], counts: { items: 0, decisions: 0 } };

function handlers(overrides: Partial<Handlers> = {}): Handlers {
  return {
    'system.info': () => info,
    'items.list': (input) => ({ items: [], nextCursor: null, total: input.limit }),
    'items.search': () => ({ items: [], nextCursor: null }),
    'items.get': ({ id }) => fail('not_found', `no ${id}`),
    'audit.verify': () => ({ ok: true, checked: 0, firstBadSeq: null, problem: null }),
    ...overrides,
  } as Handlers;
}

describe('dispatch', () => {
  it('applies schema defaults before the handler runs', async () => {
    expect(await dispatch(handlers(), 'items.list', {})).toEqual({ ok: true, value: { items: [], nextCursor: null, total: 100 } });
  });

  it('returns expected failures as values with their code', async () => {
    expect(await dispatch(handlers(), 'items.get', { id: 'x' })).toEqual({ ok: false, error: { code: 'not_found', message: 'no x' } });
  });

  it('names the fields that failed validation', async () => {
    const reply = await dispatch(handlers(), 'items.search', { query: '' });
    expect(reply).toMatchObject({ ok: false, error: { code: 'invalid_input', issues: [{ path: 'query' }] } });
  });

  it('hides a handler bug behind an internal error and reports it to the host', async () => {
    const bugs: string[] = [];
    const reply = await dispatch(handlers({ 'system.info': () => { throw new Error('db gone'); } }), 'system.info', {}, (m) => bugs.push(m));
    expect(reply).toMatchObject({ ok: false, error: { code: 'internal' } });
    expect(JSON.stringify(reply)).not.toContain('db gone');
    expect(bugs).toEqual(['system.info']);
  });

  it('refuses a handler reply that breaks the output schema', async () => {
    const reply = await dispatch(handlers({ 'system.info': () => ({ ...info, schemaVersion: 'three' }) as never }), 'system.info', {});
    expect(reply).toMatchObject({ ok: false, error: { code: 'internal' } });
  });

  it('refuses unknown methods, including inherited object keys', async () => {
    for (const method of ['nope', 'constructor', '__proto__', 'toString']) {
      expect(await dispatch(handlers(), method, {})).toMatchObject({ ok: false, error: { code: 'unknown_method' } });
    }
  });
});
