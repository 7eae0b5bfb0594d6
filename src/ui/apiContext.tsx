// Makes the typed client available to every component.
import { createContext, useContext } from 'react';
import type { StoaClient } from '../api/client.ts';

export const ClientContext = createContext<StoaClient | null>(null);

export function useClient(): StoaClient {
  const client = useContext(ClientContext);
  if (!client) throw new Error('useClient() needs a <ClientContext.Provider> above it.');
  return client;
}
