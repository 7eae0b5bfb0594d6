// Chooses the transport at start-up: IPC inside Electron, HTTP in a browser. The token arrives in
// the URL fragment once; it is kept for this tab and removed from the address bar.
import { createClient, type StoaClient } from '../../api/client.ts';
import { httpTransport } from './http.ts';
import { ipcTransport } from './ipc.ts';

const TOKEN_KEY = 'stoa.token';

export function takeLaunchToken(): string | null {
  const match = /(?:^|[#&])token=([^&]+)/.exec(window.location.hash);
  if (match?.[1]) {
    sessionStorage.setItem(TOKEN_KEY, decodeURIComponent(match[1]));
    history.replaceState(null, '', window.location.pathname + window.location.search);
  }
  return sessionStorage.getItem(TOKEN_KEY);
}

export type PickedTransport =
  | { kind: 'ipc' | 'http'; client: StoaClient }
  | { kind: 'no-token'; client: null };

export function pickTransport(onConnection: (online: boolean) => void): PickedTransport {
  if (window.stoa) return { kind: 'ipc', client: createClient(ipcTransport(window.stoa)) };
  const token = takeLaunchToken();
  if (!token) return { kind: 'no-token', client: null };
  return { kind: 'http', client: createClient(httpTransport(token, onConnection)) };
}
