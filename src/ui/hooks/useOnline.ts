// Online means: the browser has a network and the backend's event stream is connected (in
// browser mode). Either going away shows "Offline" in the status bar.
import { useEffect, useState } from 'react';

export interface ConnectionSignal {
  current: boolean;
  listeners: Set<(connected: boolean) => void>;
}

export const createConnectionSignal = (initial: boolean): ConnectionSignal => ({ current: initial, listeners: new Set() });

export function setConnected(signal: ConnectionSignal, connected: boolean): void {
  signal.current = connected;
  for (const listener of signal.listeners) listener(connected);
}

export function useOnline(signal: ConnectionSignal): boolean {
  const [backend, setBackend] = useState(signal.current);
  const [network, setNetwork] = useState(navigator.onLine);
  useEffect(() => {
    signal.listeners.add(setBackend);
    const up = () => setNetwork(true);
    const down = () => setNetwork(false);
    window.addEventListener('online', up);
    window.addEventListener('offline', down);
    return () => {
      signal.listeners.delete(setBackend);
      window.removeEventListener('online', up);
      window.removeEventListener('offline', down);
    };
  }, [signal]);
  return backend && network;
}
