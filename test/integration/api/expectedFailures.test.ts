// A problem a person must fix, thrown deep in the backend, reaches the UI as a typed error with its
// one sentence (not dispatch's "unexpected problem"), over both transports.
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { callOrThrow } from '../../../src/api/client.ts';
import { useTempDir } from '../../support/tempDir.ts';
import { openTestWorkspace, type TestWorkspace, type TransportKind } from '../../support/workspace.ts';

const tempDir = useTempDir();
let workspace: TestWorkspace | null = null;
afterEach(async () => {
  await workspace?.close();
  workspace = null;
});

const discourse = (name: string) => ({
  platform: 'discourse' as const,
  baseUrl: 'http://127.0.0.1:9/forum',
  displayName: name,
  credentials: { kind: 'api_key' as const, apiKey: 'k-1', username: 'mod' },
});

describe.each<TransportKind>(['in-process', 'http'])('expected failures over %s', (kind) => {
  it('answers "unavailable" naming secret.key when the key of stored secrets is gone', async () => {
    const dir = tempDir();
    workspace = await openTestWorkspace(dir, kind);
    await callOrThrow(workspace.client, 'accounts.add', discourse('first forum'));
    await workspace.close();
    rmSync(join(dir, 'secret.key'));

    workspace = await openTestWorkspace(dir, kind);
    const reply = await workspace.client.call('accounts.add', discourse('second forum'));
    expect(reply.ok).toBe(false);
    if (reply.ok) return;
    expect(reply.error.code).toBe('unavailable');
    expect(reply.error.message).toContain(join(dir, 'secret.key'));
    expect(reply.error.message).not.toContain('unexpected problem');
  });
});
