// The read side for compliance audits — a channel's uploads playlist walked with playlistItems.list,
// then videos.list for full titles and descriptions — as the same hand-copied discovery slice as
// discovery.ts (rev 20180511, Apache-2.0 like test/fixtures/specs/youtube). Kept in its own file so
// the moderation surface's slice and its test stay as they are;
// test/unit/compliance/youtube-reads-discovery.test.ts compares this copy with the saved excerpt.
import { checkValue, GLOBAL_PARAMETERS, type MethodSpec, type ParamViolation } from './discovery.ts';

export const READ_METHODS = {
  'playlistItems.list': {
    httpMethod: 'GET',
    path: 'playlistItems',
    parameters: {
      id: { type: 'string' },
      maxResults: { type: 'integer', minimum: 0, maximum: 50 },
      onBehalfOfContentOwner: { type: 'string' },
      pageToken: { type: 'string' },
      part: { type: 'string', required: true },
      playlistId: { type: 'string' },
      videoId: { type: 'string' },
    },
  },
  'videos.list': {
    httpMethod: 'GET',
    path: 'videos',
    parameters: {
      chart: { type: 'string', enum: ['mostPopular'] },
      hl: { type: 'string' },
      id: { type: 'string' },
      locale: { type: 'string' },
      maxHeight: { type: 'integer', minimum: 72, maximum: 8192 },
      maxResults: { type: 'integer', minimum: 1, maximum: 50 },
      maxWidth: { type: 'integer', minimum: 72, maximum: 8192 },
      myRating: { type: 'string', enum: ['dislike', 'like'] },
      onBehalfOfContentOwner: { type: 'string' },
      pageToken: { type: 'string' },
      part: { type: 'string', required: true },
      regionCode: { type: 'string' },
      videoCategoryId: { type: 'string' },
    },
  },
} as const satisfies Readonly<Record<string, MethodSpec>>;
export type ReadMethodName = keyof typeof READ_METHODS;

/** The first way `query` breaks a read method's documented parameters, or null when it does not. */
export function checkReadParams(method: ReadMethodName, query: URLSearchParams): ParamViolation | null {
  const params: Readonly<Record<string, MethodSpec['parameters'][string]>> = READ_METHODS[method].parameters;
  for (const [name, spec] of Object.entries(params)) {
    if (spec.required && !query.has(name)) return { reason: 'required', message: `Required parameter: ${name}`, location: name };
  }
  for (const [name, value] of query) {
    const spec = params[name] ?? GLOBAL_PARAMETERS[name];
    if (!spec) return { reason: 'unknownParameter', message: `Unknown parameter: '${name}'`, location: name };
    const violation = checkValue(name, value, spec);
    if (violation) return violation;
  }
  return null;
}
