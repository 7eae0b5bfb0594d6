// Runs one API call when its inputs change; keeps the last value while a new one loads.
import { useEffect, useState } from 'react';
import type { InputOf, Method, OutputOf } from '../../api/endpoints.ts';
import type { ApiError } from '../../api/errors.ts';
import { useClient } from '../apiContext.tsx';

export interface CallState<T> {
  readonly value: T | null;
  readonly error: ApiError | null;
  readonly loading: boolean;
}

export function useCall<M extends Method>(method: M, input: InputOf<M>, refreshKey = 0): CallState<OutputOf<M>> {
  const client = useClient();
  const [state, setState] = useState<CallState<OutputOf<M>>>({ value: null, error: null, loading: true });
  const inputKey = JSON.stringify(input);
  useEffect(() => {
    let cancelled = false;
    setState((previous) => ({ ...previous, loading: true }));
    void client.call(method, JSON.parse(inputKey) as InputOf<M>).then((reply) => {
      if (cancelled) return;
      setState(reply.ok ? { value: reply.value, error: null, loading: false } : { value: null, error: reply.error, loading: false });
    });
    return () => {
      cancelled = true;
    };
  }, [client, method, inputKey, refreshKey]);
  return state;
}
