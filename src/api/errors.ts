// Stable error codes: the UI and scripts branch on `code`; `message` is a sentence a person can act on.
export const ERROR_CODES = [
  'bad_request', // body is not JSON, or not the shape the transport expects
  'unknown_method',
  'invalid_input', // input failed the endpoint's schema
  'not_found',
  'conflict',
  'unauthorized',
  'forbidden',
  'unavailable', // a dependency (store, model, stored secret) cannot serve right now
  'reauth_required', // a platform refused the account's credentials: a person must reconnect it
  'rate_limited', // a platform asked us to wait; the message says until when
  'platform_refused', // a platform will never accept the request as sent
  'internal', // a bug: logged with detail on the host, shown plainly to the user
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

export interface ApiError {
  readonly code: ErrorCode;
  readonly message: string;
  /** Field-level detail for invalid_input: path → problem. */
  readonly issues?: readonly { readonly path: string; readonly message: string }[];
}

export type ApiReply<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: ApiError };

export const apiError = (code: ErrorCode, message: string, issues?: ApiError['issues']): ApiError =>
  issues ? { code, message, issues } : { code, message };

/** Handlers throw this for expected failures that carry a code (not found, conflict). */
export class ApiFailure extends Error {
  constructor(readonly apiError: ApiError) {
    super(apiError.message);
    this.name = 'ApiFailure';
  }
}

export const fail = (code: ErrorCode, message: string): never => {
  throw new ApiFailure(apiError(code, message));
};
