// Start-up: pick the transport (IPC in Electron, HTTP in a browser) and render the app.
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App.tsx';
import { createConnectionSignal, setConnected } from './hooks/useOnline.ts';
import { pickTransport } from './transport/pick.ts';
import './styles.css';

const connection = createConnectionSignal(true);
const picked = pickTransport((connected) => setConnected(connection, connected));
const root = createRoot(document.getElementById('root') as HTMLElement);

if (picked.client) {
  root.render(
    <StrictMode>
      <App client={picked.client} connection={connection} />
    </StrictMode>,
  );
} else {
  root.render(
    <div className="page" role="alert">
      <h1>Stoa</h1>
      <p>This page needs the address that <code>stoa serve</code> printed (it carries a one-time token). Open that address again.</p>
    </div>,
  );
}
