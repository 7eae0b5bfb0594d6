// Content types of the built UI's files, shared by both hosts that serve it (the browser-mode server
// over HTTP, Electron over app://); anything else is sent as application/octet-stream.
export const UI_ASSET_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.json': 'application/json',
  '.woff2': 'font/woff2',
  '.ico': 'image/x-icon',
  '.wasm': 'application/wasm',
};

export const uiAssetType = (extension: string): string => UI_ASSET_TYPES[extension.toLowerCase()] ?? 'application/octet-stream';
