// The read side's discovery slice (playlistItems.list, videos.list) against a verbatim excerpt of
// the saved discovery document, so the simulator cannot validate against a drifted copy.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkReadParams, READ_METHODS } from '../../../src/platforms/youtube/discoveryReads.ts';

const specPath = path.resolve(import.meta.dirname, '../../fixtures/compliance/youtube-reads.discovery.excerpt.json');
interface DiscoveryParam {
  type: string;
  required?: boolean;
  enum?: string[];
  minimum?: string;
  maximum?: string;
}
interface Discovery {
  revision: string;
  resources: Record<string, { methods: Record<string, { httpMethod: string; path: string; parameters: Record<string, DiscoveryParam> }> }>;
}

describe('YouTube read-side discovery slice', () => {
  const doc = JSON.parse(readFileSync(specPath, 'utf8')) as Discovery;
  it.each(Object.keys(READ_METHODS))('%s matches the saved discovery document', (name) => {
    const [resource = '', method = ''] = name.split('.');
    const spec = doc.resources[resource]?.methods[method];
    const mine = READ_METHODS[name as keyof typeof READ_METHODS];
    expect(doc.revision).toBe('20180511');
    expect(spec?.httpMethod).toBe(mine.httpMethod);
    expect(spec?.path).toBe(mine.path);
    expect(Object.keys(mine.parameters).sort()).toEqual(Object.keys(spec?.parameters ?? {}).sort());
    for (const [param, p] of Object.entries(mine.parameters) as [string, { type: string; required?: boolean; enum?: readonly string[]; minimum?: number; maximum?: number }][]) {
      const s = spec?.parameters[param];
      expect(p.type, param).toBe(s?.type);
      expect(Boolean(p.required), param).toBe(Boolean(s?.required));
      expect(p.enum ? [...p.enum] : undefined, param).toEqual(s?.enum);
      expect(p.minimum, param).toBe(s?.minimum === undefined ? undefined : Number(s.minimum));
      expect(p.maximum, param).toBe(s?.maximum === undefined ? undefined : Number(s.maximum));
    }
  });

  it('names the first violation as Google does', () => {
    expect(checkReadParams('playlistItems.list', new URLSearchParams('playlistId=UUx&maxResults=51&part=contentDetails'))).toMatchObject({ reason: 'invalidParameter', location: 'maxResults' });
    expect(checkReadParams('videos.list', new URLSearchParams('id=a'))).toMatchObject({ reason: 'required', location: 'part' });
    expect(checkReadParams('videos.list', new URLSearchParams('id=a&part=snippet&channelId=UC1'))).toMatchObject({ reason: 'unknownParameter', location: 'channelId' });
    expect(checkReadParams('videos.list', new URLSearchParams('id=a,b&part=snippet&hl=en'))).toBeNull();
  });
});
