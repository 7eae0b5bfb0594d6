// The simulator validates Instagram requests against a hand-copied slice of Meta's codegen specs;
// this keeps the copy honest against the saved node specs (test/fixtures/specs/meta-graph, verbatim copies).
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkOperation, IG_COMMENT_FIELDS, IG_COMMENT_FROM_FIELDS, IG_MEDIA_FIELDS, OPERATIONS, parseFields } from '../../../src/platforms/instagram/graphSpec.ts';

interface NodeSpec {
  apis: { name?: string; method: string; endpoint?: string; params: { name: string; required: boolean; type: string }[] }[];
  fields: { name: string }[];
}
const specDir = path.resolve(import.meta.dirname, '../../fixtures/specs/meta-graph');
const node = (name: string) => JSON.parse(readFileSync(path.join(specDir, `${name}.json`), 'utf8')) as NodeSpec;

function paramsOf(spec: NodeSpec, method: string, endpointOrName: string) {
  const api = spec.apis.find((a) => a.method === method && (a.endpoint === endpointOrName || a.name === endpointOrName));
  return Object.fromEntries((api?.params ?? []).map((p) => [p.name, { type: p.type, required: p.required }]));
}

describe('Instagram Graph spec slice', () => {
  it('copies the node field lists exactly', () => {
    expect([...IG_COMMENT_FIELDS]).toEqual(node('IGComment').fields.map((f) => f.name));
    expect([...IG_COMMENT_FROM_FIELDS]).toEqual(node('IGCommentFromUser').fields.map((f) => f.name));
    expect([...IG_MEDIA_FIELDS]).toEqual(node('IGMedia').fields.map((f) => f.name));
  });

  it('copies the operations the connector uses exactly', () => {
    expect(OPERATIONS['IGComment#update']).toEqual(paramsOf(node('IGComment'), 'POST', '#update'));
    expect(OPERATIONS['IGComment#delete']).toEqual(paramsOf(node('IGComment'), 'DELETE', '#delete'));
    expect(OPERATIONS['IGUser/media#get']).toEqual(paramsOf(node('IGUser'), 'GET', 'media'));
    expect(OPERATIONS['IGMedia/comments#get']).toEqual(paramsOf(node('IGMedia'), 'GET', 'comments'));
    expect(OPERATIONS['IGRefreshAccessToken#get']).toEqual(paramsOf(node('IGRefreshAccessTokenForIGOnlyAPI'), 'GET', '#get'));
  });

  it('checks required and typed parameters like Graph (code 100 messages)', () => {
    expect(checkOperation('IGComment#update', new URLSearchParams(''))).toEqual({ message: '(#100) The parameter hide is required' });
    expect(checkOperation('IGComment#update', new URLSearchParams('hide=maybe'))).toEqual({ message: '(#100) Param hide must be a boolean' });
    expect(checkOperation('IGComment#update', new URLSearchParams('hide=true'))).toBeNull();
    expect(checkOperation('IGUser/media#get', new URLSearchParams('since=1732000000'))).toBeNull();
  });

  it('parses field expansions and refuses broken syntax', () => {
    expect(parseFields('id,text,from{id,username}')).toEqual([
      { name: 'id', sub: [] },
      { name: 'text', sub: [] },
      { name: 'from', sub: ['id', 'username'] },
    ]);
    expect(parseFields('id,from{id')).toBeNull();
  });
});
