// The one Content-Security-Policy both hosts send with the UI (the browser-mode server as a header,
// Electron on every response). src/ui/index.html repeats it in a meta tag, which cannot import.
export const CONTENT_SECURITY_POLICY =
  "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data: blob:; connect-src 'self'; " +
  "font-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'none'";
