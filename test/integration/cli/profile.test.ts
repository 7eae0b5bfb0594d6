// `stoa profile add|use|list` on a real workspace: the first profile becomes active, `use` switches
// by name (any case), an unknown name is one sentence and exit 2, and the active profile is the
// actor the backend stamps.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../support/runCli.ts';
import { useTempDir } from '../../support/tempDir.ts';

const tempDir = useTempDir('stoa-cli-profile-');
// Run the sources: the bundle in out/ may be older than this working tree.
const env = { STOA_FROM_SOURCE: '1' };

describe('stoa profile', () => {
  it('adds profiles, switches between them and lists who is stamped', async () => {
    const dataDir = join(tempDir(), 'ws');
    const ana = await runCli(['profile', 'add', 'Ana', '--handle', '@ana', '-d', dataDir], { env, timeoutMs: 60_000 });
    expect(ana.code).toBe(0);
    expect(JSON.parse(ana.stdout)).toMatchObject({ name: 'Ana', handle: 'ana' });
    expect((await runCli(['profile', 'add', 'Ben', '-d', dataDir], { env, timeoutMs: 60_000 })).code).toBe(0);
    expect(JSON.parse((await runCli(['profile', 'list', '-d', dataDir], { env, timeoutMs: 60_000 })).stdout)).toMatchObject({ actor: 'Ana' });

    expect((await runCli(['profile', 'use', 'ben', '-d', dataDir], { env, timeoutMs: 60_000 })).code).toBe(0);
    const listed = JSON.parse((await runCli(['profile', 'list', '-d', dataDir], { env, timeoutMs: 60_000 })).stdout) as { actor: string; profiles: { name: string }[] };
    expect(listed.actor).toBe('Ben');
    expect(listed.profiles.map((p) => p.name)).toEqual(['Ana', 'Ben']);

    const missing = await runCli(['profile', 'use', 'Zed', '-d', dataDir], { env, timeoutMs: 60_000 });
    expect(missing.code).toBe(2);
    expect(missing.stderr).toBe('stoa: There is no moderator profile "Zed"; create it in Settings first.\n');
  });
});
