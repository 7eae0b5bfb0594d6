// createClient(transport): the typed face of the contract. The UI, tests and scripts call
// `client.call('items.list', {...})` and get a typed reply, whatever carries it.
import type { InputOf, Method, OutputOf } from './endpoints.ts';
import type { ApiReply } from './errors.ts';
import type { EventListener } from './events.ts';

export interface Transport {
  call(method: string, input: unknown): Promise<ApiReply<unknown>>;
  subscribe(listener: EventListener): () => void;
}

export interface StoaClient {
  call<M extends Method>(method: M, input: InputOf<M>): Promise<ApiReply<OutputOf<M>>>;
  subscribe(listener: EventListener): () => void;
}

export function createClient(transport: Transport): StoaClient {
  return {
    call: <M extends Method>(method: M, input: InputOf<M>) =>
      transport.call(method, input) as Promise<ApiReply<OutputOf<M>>>,
    subscribe: (listener) => transport.subscribe(listener),
  };
}

/** Like call() but throws on an error reply; for scripts and tests where failure is fatal. */
export async function callOrThrow<M extends Method>(
  client: StoaClient,
  method: M,
  input: InputOf<M>,
): Promise<OutputOf<M>> {
  const reply = await client.call(method, input);
  if (!reply.ok) throw new Error(`${method} failed (${reply.error.code}): ${reply.error.message}`);
  return reply.value;
}
