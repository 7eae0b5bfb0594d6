// Desktop composition root: open the backend in the user's data folder, one hardened window,
// the IPC adapter. Logic lives in src/backend; this file only wires it to Electron.
import { app, BrowserWindow, safeStorage } from 'electron';
import { join } from 'node:path';
import { openBackend, type Backend } from '../src/backend/openBackend.ts';
import { safeStorageCipher } from './safeStorageCipher.ts';
import { connectIpc } from './ipc.ts';
import { guardAllWebContents, guardNavigation, hardenSession, SECURE_WEB_PREFERENCES } from './security.ts';

app.setName('Stoa');
let backend: Backend | null = null;

async function createWindow(): Promise<void> {
  // models/ and resources/ ship outside the asar (electron-builder extraResources).
  const shipped = app.isPackaged ? process.resourcesPath : app.getAppPath();
  backend = openBackend({
    dataDir: process.env.STOA_DATA_DIR ?? app.getPath('userData'),
    host: 'electron',
    modelsDir: join(shipped, 'models'),
    resourcesDir: join(shipped, 'resources'),
    ...(process.env.STOA_SQLITE_BINDING ? { sqliteBinding: process.env.STOA_SQLITE_BINDING } : {}),
    ...(safeStorage.isEncryptionAvailable() ? { cipher: safeStorageCipher(safeStorage) } : {}),
  });
  backend.sync.startBackground();
  const window = new BrowserWindow({
    width: 1400,
    height: 900,
    show: false,
    title: 'Stoa',
    webPreferences: { ...SECURE_WEB_PREFERENCES, preload: join(import.meta.dirname, '../preload/preload.cjs') },
  });
  const devUrl = process.env.ELECTRON_RENDERER_URL;
  const appUrl = devUrl ?? `file://${join(import.meta.dirname, '../renderer/index.html')}`;
  guardNavigation(window.webContents, appUrl);
  const disconnect = connectIpc(backend.handlers, backend.events, window.webContents);
  window.on('closed', disconnect);
  window.once('ready-to-show', () => window.show());
  await (devUrl ? window.loadURL(devUrl) : window.loadFile(join(import.meta.dirname, '../renderer/index.html')));
}

guardAllWebContents();
app.whenReady().then(async () => {
  hardenSession();
  await createWindow();
});
app.on('window-all-closed', () => {
  const closing = backend?.close() ?? Promise.resolve();
  backend = null;
  void closing.finally(() => app.quit());
});
