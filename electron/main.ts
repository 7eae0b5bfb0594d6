// Desktop composition root: open the backend in the user's data folder, one hardened window served
// from app://stoa, the IPC adapter. Decisions live in the pure modules beside this file (launch
// options, navigation policy, cipher choice); this file only wires them to Electron.
import { app, BrowserWindow, dialog, safeStorage } from 'electron';
import { join } from 'node:path';
import { openBackend, type Backend } from '../src/backend/openBackend.ts';
import { chooseCipher } from './cipherChoice.ts';
import { connectIpc } from './ipc.ts';
import { readLaunchOptions } from './launchOptions.ts';
import { safeStorageCipher } from './safeStorageCipher.ts';
import { guardAllWebContents, guardNavigation, hardenSession, registerAppScheme, SECURE_WEB_PREFERENCES, serveAppScheme } from './security.ts';

app.setName('Stoa');
registerAppScheme();
const launch = readLaunchOptions(app.isPackaged, process.env);
let backend: Backend | null = null;

async function createWindow(): Promise<void> {
  // models/ and resources/ ship outside the asar (electron-builder extraResources).
  const shipped = app.isPackaged ? process.resourcesPath : app.getAppPath();
  const secrets = chooseCipher(process.platform, safeStorage.isEncryptionAvailable(), process.platform === 'linux' ? safeStorage.getSelectedStorageBackend() : null);
  backend = openBackend({
    dataDir: launch.dataDir ?? app.getPath('userData'),
    host: 'electron',
    modelsDir: join(shipped, 'models'),
    resourcesDir: join(shipped, 'resources'),
    ...(launch.sqliteBinding ? { sqliteBinding: launch.sqliteBinding } : {}),
    ...(secrets.kind === 'safe-storage' ? { cipher: safeStorageCipher(safeStorage, secrets.source) } : {}),
  });
  backend.sync.startBackground();
  const window = new BrowserWindow({
    width: 1400,
    height: 900,
    show: false,
    title: 'Stoa',
    webPreferences: { ...SECURE_WEB_PREFERENCES, preload: join(import.meta.dirname, '../preload/preload.cjs') },
  });
  guardNavigation(window.webContents, launch.trustedOrigins);
  const disconnect = connectIpc(backend.handlers, backend.events, window.webContents, launch.trustedOrigins);
  window.on('closed', disconnect);
  window.once('ready-to-show', () => {
    window.show();
    if (secrets.kind === 'key-file') {
      console.warn(`stoa: ${secrets.warning}`);
      void dialog.showMessageBox(window, { type: 'warning', title: 'Stoa', message: 'Account secrets are protected by a key file', detail: secrets.warning });
    }
  });
  await window.loadURL(launch.rendererUrl);
}

guardAllWebContents();
app.whenReady().then(async () => {
  hardenSession();
  serveAppScheme(join(import.meta.dirname, '../renderer'));
  await createWindow();
});
app.on('window-all-closed', () => {
  const closing = backend?.close() ?? Promise.resolve();
  backend = null;
  void closing.finally(() => app.quit());
});
