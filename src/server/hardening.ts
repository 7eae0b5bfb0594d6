// Headers every answer carries, and the answers written straight to the socket when a request
// never reaches a handler (unparseable, too slow, CONNECT): a hostile page can send any of these
// with an <img> tag, so each gets a plain HTTP answer instead of a dropped connection or a crash.
import { STATUS_CODES, type ServerResponse } from 'node:http';
import type { Duplex } from 'node:stream';
import { CONTENT_SECURITY_POLICY } from '../api/contentSecurityPolicy.ts';

export const SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'content-security-policy': CONTENT_SECURITY_POLICY,
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
  'cross-origin-resource-policy': 'same-origin',
};

export function applySecurityHeaders(res: ServerResponse): void {
  for (const [name, value] of Object.entries(SECURITY_HEADERS)) res.setHeader(name, value);
}

/** A complete HTTP/1.1 answer that closes the connection, as bytes for a bare socket. */
export function rawAnswer(status: number, message: string): string {
  const body = `${message}\n`;
  const headers = {
    ...SECURITY_HEADERS,
    'content-type': 'text/plain; charset=utf-8',
    'content-length': String(Buffer.byteLength(body)),
    connection: 'close',
  };
  const head = Object.entries(headers).map(([name, value]) => `${name}: ${value}`).join('\r\n');
  return `HTTP/1.1 ${status} ${STATUS_CODES[status] ?? ''}\r\n${head}\r\n\r\n${body}`;
}

const CLIENT_ERRORS: Readonly<Record<string, [number, string]>> = {
  ERR_HTTP_REQUEST_TIMEOUT: [408, 'The request took too long to arrive.'],
  HPE_HEADER_OVERFLOW: [431, 'The request headers are too large.'],
  HPE_CHUNK_EXTENSIONS_OVERFLOW: [413, 'The request body is too large.'],
};

/** The server's 'clientError' listener: Node's own answer, plus the security headers. */
export function answerClientError(error: NodeJS.ErrnoException, socket: Duplex): void {
  // Only a connection that has not been answered yet can take a status line; a reset one can take nothing.
  if (error.code === 'ECONNRESET' || !socket.writable || ('bytesWritten' in socket && socket.bytesWritten !== 0)) {
    socket.destroy();
    return;
  }
  const [status, message] = CLIENT_ERRORS[error.code ?? ''] ?? [400, 'The request is not valid HTTP.'];
  // Node stops listening for this socket's errors before it calls us; a peer that vanishes
  // while we answer must not become an uncaught 'error'.
  socket.on('error', () => socket.destroy());
  socket.end(rawAnswer(status, message), () => socket.destroy());
}

/** The server's 'connect' listener: this is not a proxy (without a listener Node drops the socket unanswered). */
export function refuseConnect(socket: Duplex): void {
  socket.on('error', () => socket.destroy());
  socket.end(rawAnswer(405, 'CONNECT is not served here.'), () => socket.destroy());
}
