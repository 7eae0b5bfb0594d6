// Hardening for every window: a strict CSP on every response, no navigation, redirect or frame
// navigation away from the trusted origins, no new windows (https links go to the system
// browser), no permissions granted or reported, and the app:// scheme serving the built UI.
import { app, protocol, session, shell, type WebContents } from 'electron';
import { CONTENT_SECURITY_POLICY } from '../src/api/contentSecurityPolicy.ts';
import { APP_SCHEME, APP_SCHEME_PRIVILEGES, serveAppRequest } from './appProtocol.ts';
import { externalLinkTarget, isAllowedNavigation } from './navigationPolicy.ts';

export const SECURE_WEB_PREFERENCES = {
  contextIsolation: true,
  sandbox: true,
  nodeIntegration: false,
  nodeIntegrationInWorker: false,
  webSecurity: true,
  allowRunningInsecureContent: false,
  spellcheck: true,
} as const;

/** Must run before the app is ready: privileges cannot be granted to a scheme later. */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([{ scheme: APP_SCHEME, privileges: APP_SCHEME_PRIVILEGES }]);
}

export function serveAppScheme(rendererDir: string): void {
  protocol.handle(APP_SCHEME, (request) => serveAppRequest(rendererDir, request.url, request.method));
}

export function hardenSession(): void {
  const ses = session.defaultSession;
  // app:// answers carry the CSP themselves; this covers the dev server and anything else loaded.
  ses.webRequest.onHeadersReceived((details, callback) => {
    callback({ responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [CONTENT_SECURITY_POLICY] } });
  });
  ses.setPermissionRequestHandler((_webContents, _permission, callback) => callback(false));
  ses.setPermissionCheckHandler(() => false);
}

export function guardNavigation(contents: WebContents, trustedOrigins: readonly string[]): void {
  const refuseUntrusted = (event: { url: string; preventDefault(): void }): void => {
    if (!isAllowedNavigation(event.url, trustedOrigins)) event.preventDefault();
  };
  contents.on('will-navigate', refuseUntrusted);
  contents.on('will-frame-navigate', refuseUntrusted);
  contents.on('will-redirect', refuseUntrusted);
  contents.setWindowOpenHandler(({ url }) => {
    const external = externalLinkTarget(url);
    if (external !== null) void shell.openExternal(external);
    return { action: 'deny' };
  });
}

export function guardAllWebContents(): void {
  app.on('web-contents-created', (_event, contents) => {
    contents.on('will-attach-webview', (event) => event.preventDefault());
  });
}
