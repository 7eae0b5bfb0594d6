// One mutation the compliance room runs from a button or form: calls the API, keeps the error to
// show, says whether it is running, and reports success so the caller can refresh what it lists.
import { useCallback, useState } from 'react';
import type { InputOf, Method, OutputOf } from '../../../api/endpoints.ts';
import { useClient } from '../../apiContext.tsx';

export interface Action<M extends Method> {
  run(input: InputOf<M>): Promise<OutputOf<M> | null>;
  readonly error: string | null;
  readonly busy: boolean;
}

export function useAction<M extends Method>(method: M, onDone?: (value: OutputOf<M>) => void): Action<M> {
  const client = useClient();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const run = useCallback(
    async (input: InputOf<M>) => {
      setBusy(true);
      setError(null);
      const reply = await client.call(method, input);
      setBusy(false);
      if (!reply.ok) {
        setError(reply.error.message);
        return null;
      }
      onDone?.(reply.value);
      return reply.value;
    },
    [client, method, onDone],
  );
  return { run, error, busy };
}
