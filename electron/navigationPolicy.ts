// Which addresses the desktop window may show and which frames may call the API: decisions only, as
// pure functions over URLs, so they are tested without Electron. Trusted means the exact origin the
// UI was loaded from (app://stoa, or the dev server when unpackaged); file:// is never trusted.

/** scheme://host[:port], or null for a URL that does not parse or has no host (about:, data:, file:). */
export function originOf(url: string): string | null {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  // URL.origin is "null" for custom schemes such as app://, so build it from its parts.
  return parsed.host === '' ? null : `${parsed.protocol}//${parsed.host}`;
}

export function isAllowedNavigation(url: string, trustedOrigins: readonly string[]): boolean {
  const origin = originOf(url);
  return origin !== null && trustedOrigins.includes(origin);
}

/**
 * An IPC call is accepted only from the window's main frame showing a trusted page: not from an
 * iframe, and not after the page has somehow navigated elsewhere.
 */
export function isTrustedSender(frameUrl: string | null | undefined, isMainFrame: boolean, trustedOrigins: readonly string[]): boolean {
  return isMainFrame && typeof frameUrl === 'string' && isAllowedNavigation(frameUrl, trustedOrigins);
}

/** Links the app opens in the system browser: https only (never file:, javascript:, custom schemes). */
export function externalLinkTarget(url: string): string | null {
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'https:' && parsed.username === '' && parsed.password === '' ? parsed.href : null;
  } catch {
    return null;
  }
}
