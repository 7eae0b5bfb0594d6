// The slice of Meta's codegen node specs (specs/meta-graph/api_specs/specs: IGComment.json,
// IGCommentFromUser.json, IGMedia.json, IGUser.json, IGRefreshAccessTokenForIGOnlyAPI.json) that
// the simulator validates requests against: which fields a node has and which parameters an
// edge or update takes. test/unit/platforms/instagram-graphspec.test.ts compares it with the
// saved files. Graph-wide parameters (paging, fields, token) are not in the node specs; they come
// from the Graph API reference (PLATFORMS.md §4.2).

export const IG_COMMENT_FIELDS = ['from', 'hidden', 'id', 'legacy_instagram_comment_id', 'like_count', 'media', 'parent_id', 'text', 'timestamp', 'user', 'username'] as const;
/** Edges that may be requested through `fields` as well (field expansion). */
export const IG_COMMENT_EDGES = ['replies'] as const;
export const IG_COMMENT_FROM_FIELDS = ['id', 'self_ig_scoped_id', 'username'] as const;

export const IG_MEDIA_FIELDS = [
  'alt_text', 'boost_eligibility_info', 'caption', 'comments_count', 'copyright_check_information', 'current_live_viewer_count',
  'has_poll', 'has_slider', 'id', 'ig_id', 'is_comment_enabled', 'is_shared_to_feed', 'legacy_instagram_media_id', 'like_count',
  'media_product_type', 'media_type', 'media_url', 'owner', 'permalink', 'shortcode', 'thumbnail_url', 'timestamp', 'username',
  'video_title', 'view_count',
] as const;

export interface GraphParam {
  readonly type: 'string' | 'bool' | 'datetime';
  readonly required: boolean;
}

/** Node-level operations, as named in the codegen specs. */
export const OPERATIONS = {
  /** POST /{ig-comment-id}: IGComment #update. */
  'IGComment#update': { ad_id: { type: 'string', required: false }, hide: { type: 'bool', required: true } },
  /** DELETE /{ig-comment-id}: IGComment #delete. */
  'IGComment#delete': { ad_id: { type: 'string', required: false } },
  /** GET /{ig-user-id}/media. */
  'IGUser/media#get': { since: { type: 'datetime', required: false }, until: { type: 'datetime', required: false } },
  /** GET /{ig-media-id}/comments. */
  'IGMedia/comments#get': {},
  /** GET graph.instagram.com/refresh_access_token. */
  'IGRefreshAccessToken#get': { access_token: { type: 'string', required: true }, grant_type: { type: 'string', required: true } },
} as const satisfies Readonly<Record<string, Readonly<Record<string, GraphParam>>>>;
export type OperationName = keyof typeof OPERATIONS;

/** Accepted on every Graph request. */
export const GRAPH_COMMON_PARAMS = ['access_token', 'appsecret_proof', 'fields', 'pretty', 'suppress_http_code', 'method', 'format'] as const;
/** Accepted on every edge read (cursor paging). */
export const GRAPH_PAGING_PARAMS = ['limit', 'after', 'before'] as const;

export interface GraphViolation {
  readonly message: string;
}

/**
 * Checks a request's parameters the way Graph does: unknown parameters are ignored by Graph itself,
 * so only missing required ones and ill-typed values are errors (code 100).
 */
export function checkOperation(op: OperationName, params: URLSearchParams): GraphViolation | null {
  const spec: Readonly<Record<string, GraphParam>> = OPERATIONS[op];
  for (const [name, p] of Object.entries(spec)) {
    const value = params.get(name);
    if (p.required && value === null) return { message: `(#100) The parameter ${name} is required` };
    if (value === null) continue;
    if (p.type === 'bool' && value !== 'true' && value !== 'false' && value !== '1' && value !== '0') return { message: `(#100) Param ${name} must be a boolean` };
    if (p.type === 'datetime' && !/^\d+$/.test(value) && Number.isNaN(Date.parse(value))) return { message: `(#100) Param ${name} must be a valid date/time` };
  }
  return null;
}

export interface FieldSelection {
  readonly name: string;
  readonly sub: readonly string[];
}

/** Parses `fields=id,text,from{id,username}` (one level of nesting is all the connector uses). */
export function parseFields(fields: string): FieldSelection[] | null {
  const out: FieldSelection[] = [];
  const re = /\s*([a-z_]+)\s*(?:\{([^{}]*)\})?\s*(?:,|$)/gy;
  let m: RegExpExecArray | null;
  let consumed = 0;
  while (consumed < fields.length && (m = re.exec(fields)) !== null) {
    out.push({ name: m[1] ?? '', sub: m[2] ? m[2].split(',').map((s) => s.trim()).filter(Boolean) : [] });
    consumed = re.lastIndex;
    if (m[0] === '') break;
  }
  return consumed === fields.length ? out : null;
}
