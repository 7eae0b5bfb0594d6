// The slice of the YouTube discovery document (specs/youtube, rev 20180511) that the simulator
// validates requests against, so a connector that drifts from the contract fails in tests instead
// of passing a lax mock. Copied by hand; test/unit/platforms/youtube-discovery.test.ts compares it
// with the saved document so the copy cannot silently diverge. Deliberate departures from the 2018
// document follow current docs (SOURCE.txt "known drift"): `channelId` is accepted but undocumented.

export interface ParamSpec {
  readonly type: 'string' | 'integer' | 'boolean';
  readonly required?: boolean;
  readonly enum?: readonly string[];
  readonly minimum?: number;
  readonly maximum?: number;
}

export interface MethodSpec {
  readonly httpMethod: 'GET' | 'POST' | 'DELETE';
  readonly path: string;
  readonly parameters: Readonly<Record<string, ParamSpec>>;
}

/** Query parameters every method accepts (discovery `parameters`), plus OAuth's access_token. */
export const GLOBAL_PARAMETERS: Readonly<Record<string, ParamSpec>> = {
  alt: { type: 'string', enum: ['json'] },
  fields: { type: 'string' },
  key: { type: 'string' },
  oauth_token: { type: 'string' },
  access_token: { type: 'string' },
  prettyPrint: { type: 'boolean' },
  quotaUser: { type: 'string' },
  userIp: { type: 'string' },
};

export const METHODS = {
  'commentThreads.list': {
    httpMethod: 'GET',
    path: 'commentThreads',
    parameters: {
      allThreadsRelatedToChannelId: { type: 'string' },
      channelId: { type: 'string' },
      id: { type: 'string' },
      maxResults: { type: 'integer', minimum: 1, maximum: 100 },
      moderationStatus: { type: 'string', enum: ['heldForReview', 'likelySpam', 'published'] },
      order: { type: 'string', enum: ['relevance', 'time'] },
      pageToken: { type: 'string' },
      part: { type: 'string', required: true },
      searchTerms: { type: 'string' },
      textFormat: { type: 'string', enum: ['html', 'plainText'] },
      videoId: { type: 'string' },
    },
  },
  'comments.list': {
    httpMethod: 'GET',
    path: 'comments',
    parameters: {
      id: { type: 'string' },
      maxResults: { type: 'integer', minimum: 1, maximum: 100 },
      pageToken: { type: 'string' },
      parentId: { type: 'string' },
      part: { type: 'string', required: true },
      textFormat: { type: 'string', enum: ['html', 'plainText'] },
    },
  },
  'comments.setModerationStatus': {
    httpMethod: 'POST',
    path: 'comments/setModerationStatus',
    parameters: {
      banAuthor: { type: 'boolean' },
      id: { type: 'string', required: true },
      moderationStatus: { type: 'string', required: true, enum: ['heldForReview', 'published', 'rejected'] },
    },
  },
  'channels.list': {
    httpMethod: 'GET',
    path: 'channels',
    parameters: {
      categoryId: { type: 'string' },
      forUsername: { type: 'string' },
      hl: { type: 'string' },
      id: { type: 'string' },
      managedByMe: { type: 'boolean' },
      maxResults: { type: 'integer', minimum: 0, maximum: 50 },
      mine: { type: 'boolean' },
      mySubscribers: { type: 'boolean' },
      onBehalfOfContentOwner: { type: 'string' },
      pageToken: { type: 'string' },
      part: { type: 'string', required: true },
    },
  },
} as const satisfies Readonly<Record<string, MethodSpec>>;
export type MethodName = keyof typeof METHODS;

export interface ParamViolation {
  /** Google's `errors[].reason`. */
  readonly reason: 'required' | 'invalidParameter' | 'unknownParameter';
  readonly message: string;
  readonly location: string;
}

export function checkValue(name: string, value: string, spec: ParamSpec): ParamViolation | null {
  const bad = (message: string): ParamViolation => ({ reason: 'invalidParameter', message, location: name });
  if (spec.type === 'integer') {
    if (!/^-?\d+$/.test(value)) return bad(`Invalid value '${value}'. Values must be integers.`);
    const n = Number(value);
    if (spec.minimum !== undefined && n < spec.minimum) return bad(`Invalid value '${value}'. Values must be within the range: [${spec.minimum}, ${spec.maximum ?? ''}]`);
    if (spec.maximum !== undefined && n > spec.maximum) return bad(`Invalid value '${value}'. Values must be within the range: [${spec.minimum ?? ''}, ${spec.maximum}]`);
  }
  if (spec.type === 'boolean' && value !== 'true' && value !== 'false') return bad(`Invalid value '${value}'. Values must be true or false.`);
  if (spec.enum && !spec.enum.includes(value)) return bad(`Invalid value '${value}'. Values must match the following values: [${spec.enum.join(', ')}]`);
  return null;
}

/** The first way `query` breaks the method's documented parameters, or null when it does not. */
export function checkParams(method: MethodName, query: URLSearchParams): ParamViolation | null {
  const params: Readonly<Record<string, ParamSpec>> = METHODS[method].parameters;
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
