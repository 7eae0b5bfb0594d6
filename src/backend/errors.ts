// Problems a person must fix (a damaged database, a bad flag value): shown as one sentence, no trace.
export class StoaUserError extends Error {
  constructor(
    message: string,
    readonly exitCode = 2,
  ) {
    super(message);
    this.name = 'StoaUserError';
  }
}
