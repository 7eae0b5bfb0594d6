// Checks that the spec copies in the repository are unchanged parts of the saved upstream specs
// (../shared/specs, or the folder given): the Discourse and Pinterest OpenAPI subsets beside their connectors, the
// YouTube discovery excerpt and the Meta Graph node specs in test/fixtures/specs. The tests read
// only the copies, so a clone stands alone; this is how a copy is checked against its source.
// Run: npx tsx scripts/check-spec-copies.ts [specsDir]   (exit 1 on a difference)
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { isDeepStrictEqual } from 'node:util';

const root = resolve(import.meta.dirname, '..');
const specs = resolve(process.argv[2] ?? join(root, '../shared/specs'));
if (!existsSync(specs)) {
  console.log(`spec copies: not checked, no saved specs at ${specs}`);
  process.exit(0);
}

type Json = Record<string, unknown>;
const read = (file: string): Json => JSON.parse(readFileSync(file, 'utf8')) as Json;
const at = (value: unknown, key: string): unknown => (value && typeof value === 'object' ? (value as Json)[key] : undefined);
const differences: string[] = [];
const same = (what: string, copy: unknown, upstream: unknown): void => {
  if (!isDeepStrictEqual(copy, upstream)) differences.push(what);
};

const discourse = read(join(specs, 'discourse/openapi.json'));
const subset = read(join(root, 'src/platforms/discourse/openapi.subset.json'));
for (const [path, operations] of Object.entries(subset['paths'] as Json)) {
  for (const [method, operation] of Object.entries(operations as Json)) same(`discourse ${method} ${path}`, operation, at(at(discourse['paths'], path), method));
}

const pinterest = read(join(specs, 'pinterest/openapi.json'));
const pinSubset = read(join(root, 'src/platforms/pinterest/openapi.subset.json'));
for (const [path, operations] of Object.entries(pinSubset['paths'] as Json)) {
  for (const [method, operation] of Object.entries(operations as Json)) same(`pinterest ${method} ${path}`, operation, at(at(pinterest['paths'], path), method));
}
for (const [kind, entries] of Object.entries(pinSubset['components'] as Json)) {
  for (const [name, value] of Object.entries(entries as Json)) same(`pinterest components.${kind}.${name}`, value, at(at(pinterest['components'], kind), name));
}

const youtube = read(join(specs, 'youtube/youtube.v3.discovery.json'));
const excerpt = read(join(root, 'test/fixtures/specs/youtube/youtube.v3.discovery.excerpt.json'));
for (const [key, value] of Object.entries(excerpt)) {
  if (key !== 'resources') same(`youtube ${key}`, value, youtube[key]);
}
for (const [resource, body] of Object.entries(excerpt['resources'] as Json)) {
  for (const [method, spec] of Object.entries(at(body, 'methods') as Json)) same(`youtube ${resource}.${method}`, spec, at(at(at(youtube['resources'], resource), 'methods'), method));
}

for (const node of ['IGComment', 'IGCommentFromUser', 'IGMedia', 'IGUser', 'IGRefreshAccessTokenForIGOnlyAPI']) {
  same(`meta-graph ${node}`, read(join(root, 'test/fixtures/specs/meta-graph', `${node}.json`)), read(join(specs, 'meta-graph/api_specs/specs', `${node}.json`)));
}

if (differences.length > 0) {
  console.error(`spec copies differ from ${specs}: ${differences.join(', ')}`);
  process.exit(1);
}
console.log(`spec copies: unchanged against ${specs}`);
