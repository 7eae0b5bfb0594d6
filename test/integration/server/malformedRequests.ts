// A seeded generator of hostile HTTP requests: bad percent-escapes, traversal, odd methods, broken
// and oversized headers, lying Content-Length, bytes outside ASCII. Same seed, same requests, so a
// failure names a case that can be replayed.
import { mulberry32 } from '../../../src/core/seededRandom.ts';

export interface MalformedRequest {
  readonly index: number;
  readonly bytes: Buffer;
  /** First line of the request, for the failure message. */
  readonly summary: string;
}

// Pieces an HTTP parser lets through to the handlers (bad escapes, traversal, odd bytes)...
const PATH_PIECES = [
  '%', '%z', '%zz', '%g0', '%c0%af', '%e0%80', '%ff', '%00', '%0a', '%2e%2e', '..', '%2f', '%5c', '//', '\\', '.', '~',
  'index.html', 'app.js', 'api', 'api/', 'events', 'system.info', 'items.list', ';', '?', '?token=x',
  '%u0041', '%%', '%25', '+', '%E0%A4%A', '%F0%9F%98', 'a.b.c', '.well-known',
];
// ...and pieces that break the request line itself.
const BROKEN_PIECES = ['é', '\u202e', ' ', '"', '<script>', '\u0000', '#x', '\r', '\t', '\u007f'];
const METHODS = ['GET', 'GET', 'GET', 'HEAD', 'POST', 'POST', 'POST', 'PUT', 'DELETE', 'OPTIONS', 'PATCH', 'CONNECT'];
const BROKEN_METHODS = ['BREW', 'get', 'G ET', '', 'GET\u00ff'];
const TARGET_PREFIXES = ['/', '/', '/', '/api/', '/api/', '/api/', '/api/events', '/assets/', 'http://127.0.0.1/', '*', ''];

type Pick = <T>(list: readonly T[]) => T;

function randomPath(pick: Pick, random: () => number): string {
  const parts: string[] = [pick(TARGET_PREFIXES)];
  const count = Math.floor(random() * 6);
  for (let i = 0; i < count; i++) parts.push(pick(random() < 0.05 ? BROKEN_PIECES : PATH_PIECES), random() < 0.4 ? '/' : '');
  if (random() < 0.05) parts.push('a'.repeat(4_000 + Math.floor(random() * 8_000)));
  return parts.join('');
}

function randomHeaders(pick: Pick, random: () => number, port: number, token: string): string[] {
  const host = random() < 0.85 ? `127.0.0.1:${port}` : pick(['', 'attacker.example', `localhost:${port}`, '127.0.0.1', `127.0.0.1:${port}, evil`, '[::1]']);
  const headers = [`Host: ${host}`, 'Connection: close'];
  if (random() < 0.5) headers.push(`Authorization: ${pick([`Bearer ${token}`, `Bearer ${token}`, 'Bearer ', 'Bearer \u00ff\u00fe', 'Basic Og==', token, 'Bearer ' + 'x'.repeat(600)])}`);
  if (random() < 0.3) headers.push(`Origin: ${pick(['null', 'http://', '', `http://127.0.0.1:${port}`, 'file://', 'https://attacker.example', '%zz', 'http://127.0.0.1:0:0'])}`);
  if (random() < 0.25) headers.push(`Content-Length: ${pick(['abc', '-1', '0', '5', '99999999999999999999', '1, 2', ' 3'])}`);
  if (random() < 0.05) headers.push(`Transfer-Encoding: ${pick(['chunked', 'gzip', 'chunked, chunked', 'identity'])}`);
  if (random() < 0.08) headers.push(pick(['Bad Header: x', 'X-Junk: \u0001\u0002', ': empty-name', 'X-Long: ' + 'y'.repeat(20_000), 'NoColon', 'Accept: \u00e9\u00e8']));
  if (random() < 0.05) headers.push('Host: second.example');
  if (random() < 0.05) headers.push(pick(['Upgrade: websocket', 'Expect: 100-continue', 'Range: bytes=999999-', 'If-None-Match: *']));
  return headers;
}

export function malformedRequests(seed: number, count: number, port: number, token: string): MalformedRequest[] {
  const random = mulberry32(seed);
  const pick: Pick = (list) => list[Math.floor(random() * list.length)] as (typeof list)[number];
  const requests: MalformedRequest[] = [];
  for (let index = 0; index < count; index++) {
    const method = random() < 0.05 ? pick(BROKEN_METHODS) : pick(METHODS);
    const version = random() < 0.05 ? pick(['HTTP/9.9', 'HTTP', 'HTTP/1.1 extra']) : pick(['HTTP/1.1', 'HTTP/1.1', 'HTTP/1.0']);
    const requestLine = `${method} ${randomPath(pick, random)} ${version}`;
    const headers = randomHeaders(pick, random, port, token);
    const body = random() < 0.3 ? pick(['{', '{}', '{"limit": -1}', 'null', '\u0000\u0001', '0\r\n\r\n', 'zz\r\nxx\r\n', '[]'.repeat(50)]) : '';
    const text = `${requestLine}\r\n${headers.join('\r\n')}\r\n\r\n${body}`;
    // latin1 keeps one byte per char, so the non-ASCII pieces arrive as raw high bytes.
    requests.push({ index, bytes: Buffer.from(text, random() < 0.5 ? 'latin1' : 'utf8'), summary: JSON.stringify(requestLine.slice(0, 120)) });
  }
  return requests;
}
