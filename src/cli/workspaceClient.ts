// The CLI's way into a workspace through the typed API, for commands whose work is a few endpoint
// calls (the same handlers the app calls, so the CLI cannot drift from it): an error reply becomes
// the user's one sentence. The backend loads inside the call, so `--help` stays quick.
import type { InputOf, Method, OutputOf } from '../api/endpoints.ts';
import { StoaUserError } from '../backend/errors.ts';

/** Calls one endpoint of the open workspace; `Allowed` narrows what a command may call. */
export type WorkspaceCall<Allowed extends Method> = <M extends Allowed>(method: M, input: InputOf<M>) => Promise<OutputOf<M>>;

export async function withWorkspaceClient<Allowed extends Method, T>(dataDir: string | undefined, work: (call: WorkspaceCall<Allowed>) => Promise<T>): Promise<T> {
  const { createClient } = await import('../api/client.ts');
  const { inProcessTransport } = await import('../api/inProcess.ts');
  const { openSyncWorkspace } = await import('../backend/sync/workspace.ts');
  const workspace = openSyncWorkspace(dataDir);
  const client = createClient(inProcessTransport(workspace.backend.handlers, workspace.backend.events));
  try {
    return await work(async (method, input) => {
      const reply = await client.call(method, input);
      if (!reply.ok) throw new StoaUserError(reply.error.message);
      return reply.value;
    });
  } finally {
    await workspace.close();
  }
}
