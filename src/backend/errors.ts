// Problems a person must fix (a damaged database, a bad flag value): shown as one sentence, no trace.
import { SecretUnavailableError } from '../store/secrets.ts';

export { SecretUnavailableError };

export class StoaUserError extends Error {
  constructor(
    message: string,
    readonly exitCode = 2,
  ) {
    super(message);
    this.name = 'StoaUserError';
  }
}

/** What a file system error means for the user, naming the path; null for other errors. */
export function fileProblemSentence(error: unknown): string | null {
  if (!(error instanceof Error) || !('code' in error) || !('path' in error) || typeof error.path !== 'string') return null;
  const reason = FILE_REASONS[String(error.code)];
  return reason ? `Stoa cannot use ${error.path}: ${reason}.` : null;
}

const FILE_REASONS: Readonly<Record<string, string>> = {
  ENOENT: 'it does not exist',
  EACCES: 'permission denied for this user',
  EPERM: 'the operation is not permitted for this user',
  EROFS: 'it is on a read-only file system',
  EISDIR: 'it is a folder, not a file',
  ENOTDIR: 'a part of the path is a file, not a folder',
  ENOSPC: 'the disk is full',
};

/** The known problems, as the one sentence a host shows; null for bugs (those keep their trace). */
export function userFacingMessage(error: unknown): string | null {
  if (error instanceof StoaUserError || error instanceof SecretUnavailableError) return error.message;
  // By name, not instanceof: importing store/open.ts here would load SQLite into every CLI start.
  if (error instanceof Error && (error.name === 'StoreOpenError' || error.name === 'AuditKeyError')) return error.message;
  return fileProblemSentence(error);
}
