// dispatch(): the single entry behind every transport. Validates input, runs the handler,
// validates output, and turns every failure into a typed ApiError value.
import type { z } from 'zod';
import { endpoints, isMethod, type Method, type OutputOf, type ParsedInputOf } from './endpoints.ts';
import { ApiFailure, apiError, type ApiReply } from './errors.ts';

export type Handlers = {
  [M in Method]: (input: ParsedInputOf<M>) => OutputOf<M> | Promise<OutputOf<M>>;
};

export type BugReporter = (method: string, error: unknown) => void;

const issuesOf = (error: z.ZodError) =>
  error.issues.map((issue) => ({ path: issue.path.join('.') || '(input)', message: issue.message }));

export async function dispatch(
  handlers: Handlers,
  method: string,
  rawInput: unknown,
  reportBug: BugReporter = () => undefined,
): Promise<ApiReply<unknown>> {
  if (!isMethod(method)) {
    return { ok: false, error: apiError('unknown_method', `There is no method called "${method}".`) };
  }
  return run(handlers, method, rawInput, reportBug);
}

async function run<M extends Method>(
  handlers: Handlers,
  method: M,
  rawInput: unknown,
  reportBug: BugReporter,
): Promise<ApiReply<OutputOf<M>>> {
  const endpoint = endpoints[method];
  const parsed = endpoint.input.safeParse(rawInput ?? {});
  if (!parsed.success) {
    return {
      ok: false,
      error: apiError('invalid_input', `The input to ${method} is not valid.`, issuesOf(parsed.error)),
    };
  }
  try {
    const handler = handlers[method] as (input: ParsedInputOf<M>) => OutputOf<M> | Promise<OutputOf<M>>;
    const value = await handler(parsed.data as ParsedInputOf<M>);
    const checked = endpoint.output.safeParse(value);
    if (!checked.success) {
      reportBug(method, checked.error);
      return { ok: false, error: apiError('internal', `Stoa produced an invalid reply to ${method}.`) };
    }
    return { ok: true, value: checked.data as OutputOf<M> };
  } catch (error) {
    if (error instanceof ApiFailure) return { ok: false, error: error.apiError };
    reportBug(method, error);
    return { ok: false, error: apiError('internal', `Stoa hit an unexpected problem while running ${method}.`) };
  }
}
