// The simulator validates requests against a hand-copied slice of the saved discovery document;
// this keeps the copy honest against the saved discovery document (test/fixtures/specs/youtube: a
// verbatim excerpt of the global parameters and the methods the simulator serves).
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkParams, GLOBAL_PARAMETERS, METHODS } from '../../../src/platforms/youtube/discovery.ts';

const specPath = path.resolve(import.meta.dirname, '../../fixtures/specs/youtube/youtube.v3.discovery.excerpt.json');

interface DiscoveryParam {
  type: string;
  required?: boolean;
  enum?: string[];
  minimum?: string;
  maximum?: string;
}
interface Discovery {
  parameters: Record<string, DiscoveryParam>;
  resources: Record<string, { methods: Record<string, { httpMethod: string; path: string; parameters: Record<string, DiscoveryParam> }> }>;
}

describe('YouTube discovery slice', () => {
  const doc = JSON.parse(readFileSync(specPath, 'utf8')) as Discovery;

  it.each(Object.keys(METHODS))('%s matches the saved discovery document', (name) => {
    const [resource = '', method = ''] = name.split('.');
    const spec = doc.resources[resource]?.methods[method];
    const mine = METHODS[name as keyof typeof METHODS];
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

  it('knows every global parameter of the document', () => {
    for (const name of Object.keys(doc.parameters)) expect(GLOBAL_PARAMETERS[name], name).toBeDefined();
  });

  it('reports the first violation the way Google names it', () => {
    expect(checkParams('commentThreads.list', new URLSearchParams('part=snippet&maxResults=101'))).toMatchObject({ reason: 'invalidParameter', location: 'maxResults' });
    expect(checkParams('commentThreads.list', new URLSearchParams('maxResults=10'))).toMatchObject({ reason: 'required', location: 'part' });
    expect(checkParams('comments.setModerationStatus', new URLSearchParams('id=a&moderationStatus=rejected&banAuthor=yes'))).toMatchObject({ reason: 'invalidParameter', location: 'banAuthor' });
    expect(checkParams('commentThreads.list', new URLSearchParams('part=snippet&videoId=v&prettyPrint=false'))).toBeNull();
  });
});
