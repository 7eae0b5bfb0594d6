// Detects "offline": a fetch that could not even connect (refused, no route, DNS down) means the
// network or the platform host is unreachable, which is different from a connection that dropped
// after the request went out (an ambiguous write the outbox must reconcile). The sync engine wraps
// the fetch it hands to connectors with this and asks it after a failed call.
import type { FetchFn } from '../platforms/index.ts';

const CONNECT_CODES = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'ENETUNREACH', 'EHOSTUNREACH', 'ENETDOWN', 'UND_ERR_CONNECT_TIMEOUT']);

/** Whether an error (or any error in its cause chain / AggregateError list) is a connect failure. */
export function isConnectFailure(error: unknown, depth = 0): boolean {
  if (depth > 5 || !(error instanceof Error)) return false;
  const code = (error as { code?: unknown }).code;
  if (typeof code === 'string' && CONNECT_CODES.has(code)) return true;
  if (error instanceof AggregateError && error.errors.some((inner) => isConnectFailure(inner, depth + 1))) return true;
  return isConnectFailure(error.cause, depth + 1);
}

export interface Connectivity {
  readonly fetch: FetchFn;
  /** True after a connect failure, until any request gets a response again. */
  unreachable(): boolean;
  /** Forget the last failure (the next run starts hopeful and finds out). */
  reset(): void;
}

export function trackConnectivity(base: FetchFn): Connectivity {
  let unreachable = false;
  return {
    fetch: async (input, init) => {
      try {
        const response = await base(input, init);
        unreachable = false;
        return response;
      } catch (error) {
        if (isConnectFailure(error)) unreachable = true;
        throw error;
      }
    },
    unreachable: () => unreachable,
    reset: () => {
      unreachable = false;
    },
  };
}
