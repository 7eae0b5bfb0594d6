import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY } from '../../../src/api/contentSecurityPolicy.ts';

const directives = (policy: string) => policy.split(';').map((d) => d.trim()).filter(Boolean).sort();

describe('content security policy', () => {
  it('is the same in the page meta tag as in the hosts (meta cannot carry frame-ancestors)', () => {
    const html = readFileSync(join(import.meta.dirname, '../../../src/ui/index.html'), 'utf8');
    const meta = /http-equiv="Content-Security-Policy" content="([^"]+)"/.exec(html)?.[1] ?? '';
    expect(directives(meta)).toEqual(directives(CONTENT_SECURITY_POLICY).filter((d) => !d.startsWith('frame-ancestors')));
  });
});
