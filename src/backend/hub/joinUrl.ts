// Until src/hub/joinUrl.ts (parseJoinUrl) lands: the member's join URL as `stoa hub add-member`
// prints it, postgres://user:password@host:5432/db?stoa_token=…, split into the database URL and
// the member token.
import { StoaUserError } from '../errors.ts';

export interface JoinUrlParts {
  readonly databaseUrl: string;
  readonly token: string;
}

export function splitJoinUrl(joinUrl: string): JoinUrlParts {
  let parsed: URL;
  try {
    parsed = new URL(joinUrl.trim());
  } catch {
    throw new StoaUserError('A join URL looks like postgres://user:password@host:5432/stoa_hub?stoa_token=… (as `stoa hub add-member` prints it).');
  }
  if (parsed.protocol !== 'postgres:' && parsed.protocol !== 'postgresql:') {
    throw new StoaUserError(`A join URL starts with postgres:// (this one starts with ${parsed.protocol}//).`);
  }
  const token = parsed.searchParams.get('stoa_token');
  if (!token) throw new StoaUserError('The join URL has no stoa_token=… part; copy the whole URL `stoa hub add-member` printed.');
  parsed.searchParams.delete('stoa_token');
  return { databaseUrl: parsed.toString(), token };
}

/** The URL without password or token, for showing. */
export function redactJoinUrl(joinUrl: string): string {
  try {
    const parsed = new URL(joinUrl);
    parsed.password = '';
    parsed.searchParams.delete('stoa_token');
    return parsed.toString();
  } catch {
    return '(unparseable URL)';
  }
}
