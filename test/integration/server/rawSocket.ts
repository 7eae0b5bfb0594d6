// Raw TCP requests for the server tests: they send bytes no HTTP client would (bad escapes, broken
// headers, trickled bodies) and read back whatever the server answers before it closes.
import { connect } from 'node:net';

export interface RawAnswer {
  /** 0 when the connection closed without a status line. */
  readonly status: number;
  readonly headers: Readonly<Record<string, string>>;
  readonly text: string;
}

export function parseAnswer(received: string): RawAnswer {
  // An interim "100 Continue" precedes the real answer.
  const text = received.replace(/^(HTTP\/1\.[01] 1\d\d[^\r]*\r\n(?:[^\r]+\r\n)*\r\n)+/, '');
  const match = /^HTTP\/1\.[01] (\d{3})/.exec(text);
  const head = text.split('\r\n\r\n')[0] ?? '';
  const headers: Record<string, string> = {};
  for (const line of head.split('\r\n').slice(1)) {
    const colon = line.indexOf(':');
    if (colon > 0) headers[line.slice(0, colon).trim().toLowerCase()] = line.slice(colon + 1).trim();
  }
  return { status: match ? Number(match[1]) : 0, headers, text };
}

/**
 * Writes `request` and collects bytes until the server closes the connection (requests should say
 * `Connection: close`) or `waitMs` passes, whichever is first.
 */
export function sendRaw(port: number, request: Buffer | string, waitMs = 10_000): Promise<RawAnswer> {
  return new Promise((resolve) => {
    const socket = connect({ host: '127.0.0.1', port });
    const chunks: Buffer[] = [];
    const finish = (): void => {
      clearTimeout(timer);
      socket.destroy();
      resolve(parseAnswer(Buffer.concat(chunks).toString('latin1')));
    };
    const timer = setTimeout(finish, waitMs);
    socket.on('data', (chunk: Buffer) => chunks.push(chunk));
    socket.on('close', finish);
    // A reset after the server answered still leaves the answer in `chunks`.
    socket.on('error', () => undefined);
    socket.write(request);
  });
}
