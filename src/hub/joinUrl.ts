// A join URL is what a member pastes into Stoa to connect a workspace to the hub: the desks' login
// (deskLogin.ts) plus the member's token in one line, as `stoa hub add-member` prints it:
// postgres://desk-user:password@host:5432/db?sslmode=require&stoa_token=stoa_hub_…
// pg must never see stoa_token (it would send it to the server as a setting), so parsing splits it off.
import { HubError } from './errors.ts';

const TOKEN_PARAM = 'stoa_token';
const TOKEN_SHAPE = /^stoa_hub_[A-Za-z0-9_-]{20,200}$/;
const SHAPE = 'postgres://user:password@host:5432/database?stoa_token=…';

function parsePostgresUrl(url: string, what: string): URL {
  let parsed: URL;
  try {
    parsed = new URL(url.trim());
  } catch {
    throw new HubError('bad_url', `The ${what} is not a URL; it looks like ${SHAPE}, as \`stoa hub add-member\` prints it.`);
  }
  if (parsed.protocol !== 'postgres:' && parsed.protocol !== 'postgresql:') {
    throw new HubError('bad_url', `The ${what} must start with postgres:// (it starts with ${parsed.protocol}//).`);
  }
  if (!parsed.hostname) throw new HubError('bad_url', `The ${what} names no host; it looks like ${SHAPE}.`);
  if (!parsed.username) throw new HubError('bad_url', `The ${what} names no database user; it looks like ${SHAPE}.`);
  if (parsed.pathname.length <= 1 || parsed.pathname.slice(1).includes('/')) {
    throw new HubError('bad_url', `The ${what} must name one database after the host (…:5432/stoa_hub).`);
  }
  return parsed;
}

/** postgres://desk-user:password@host:port/db?sslmode=…&stoa_token=… → the URL pg gets (stoa_token removed) and the token. */
export function parseJoinUrl(url: string): { readonly databaseUrl: string; readonly token: string } {
  const parsed = parsePostgresUrl(url, 'join URL');
  const tokens = parsed.searchParams.getAll(TOKEN_PARAM);
  if (tokens.length === 0) throw new HubError('bad_url', `The join URL carries no member token (…&${TOKEN_PARAM}=stoa_hub_…); copy the whole line \`stoa hub add-member\` printed.`);
  if (tokens.length > 1) throw new HubError('bad_url', `The join URL carries ${tokens.length} member tokens; it must carry exactly one.`);
  const token = tokens[0] ?? '';
  if (!TOKEN_SHAPE.test(token)) throw new HubError('bad_url', 'The member token in the join URL is cut short or mistyped (it starts with stoa_hub_); copy the whole line again.');
  parsed.searchParams.delete(TOKEN_PARAM);
  return { databaseUrl: parsed.toString(), token };
}

/** The join URL for a member: the desks' database URL with their token added. */
export function formatJoinUrl(databaseUrl: string, token: string): string {
  const parsed = parsePostgresUrl(databaseUrl, 'hub database URL');
  if (!TOKEN_SHAPE.test(token)) throw new HubError('bad_url', 'A join URL needs a member token as the hub made it (stoa_hub_…).');
  parsed.searchParams.delete(TOKEN_PARAM);
  parsed.searchParams.append(TOKEN_PARAM, token);
  return parsed.toString();
}
