// One HTTP server on loopback that mounts every platform simulator under its prefix
// (/reddit, /discourse, /youtube, /instagram, /pinterest) plus the /__sim control API:
//   GET  /__sim/state                 {"platforms": {name: {"items": {state: n}, "writes": [...]}}}
//   GET  /__sim/accounts              {name: {baseUrl, credentials, options}} for `stoa init --demo`
//   POST /__sim/clock                 {"advance": "25h"} | {"set": ISO}  → {"now": ISO}
//   POST /__sim/faults                a FaultRule (path as a substring) or {"rules": [...]}
//   POST /__sim/faults/rate           {"rate": 0.05}
//   DELETE /__sim/faults              clears scripted rules
//   POST /__sim/{name}/external       {"target", "action"}: another moderator acts (queue drift)
//   POST /__sim/{name}/insert         {"count"}: new items arrive at the head of the queue
//   GET  /__sim/media/{name}/{path}.png  post media the simulators hand out (simMedia.ts), so no
//                                     URL they return points at a real CDN
//   PUT|HEAD|GET /__sim/media-host/{name}  a public media host Stoa uploads renditions to and the
//                                     Instagram simulator fetches image_url from (simMediaHost.ts)
// Faults are chosen here and rendered by the simulator; a `drop` reply destroys the socket.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { z } from 'zod';
import { createRealtimeClock, parseDuration, type VirtualClock } from './clock.ts';
import { createFaultController, type FaultController } from './faults.ts';
import { SIMULATOR_FACTORIES } from './registry.ts';
import { createRng } from './rng.ts';
import { SIM_MEDIA_PREFIX, simMediaReply } from './simMedia.ts';
import { createSimMediaHost, SIM_MEDIA_HOST_PREFIX, type SimMediaHost } from './simMediaHost.ts';
import { defaultSeedCorpus } from './bundledSeed.ts';
import type { SeedCorpus } from './seed.ts';
import { FAULT_KINDS, type DemoAccount, type PlatformSimState, type PlatformSimulator, type SimReply, type SimulatorFactory } from './types.ts';

export interface SimulatorOptions {
  /** 0 (default) picks a free port. */
  readonly port?: number | undefined;
  readonly host?: string | undefined;
  readonly seed?: number | string | undefined;
  /** Probability in 0..1 that any platform request gets a random fault. */
  readonly faultRate?: number | undefined;
  /**
   * Default: real time plus an offset (what `stoa sim` wants: waits pass on their own). Tests pass
   * createVirtualClock() so time moves only when they say.
   */
  readonly clock?: VirtualClock | undefined;
  /** Rows to seed from; default: the full datasets when present, else the bundled sample. */
  readonly corpus?: SeedCorpus | undefined;
  /** Which simulators to mount; default every registered one. */
  readonly simulators?: Readonly<Record<string, SimulatorFactory>> | undefined;
}

export interface RecordedRequest {
  readonly platform: string;
  readonly method: string;
  readonly path: string;
  readonly query: string;
  readonly headers: Readonly<Record<string, string | undefined>>;
  readonly body: string;
  readonly fault: string | null;
  readonly at: string;
}

export interface SimState {
  readonly platforms: Readonly<Record<string, PlatformSimState>>;
}

export interface RunningSimulators {
  /** http://127.0.0.1:PORT (no trailing slash); a platform lives at `${url}/${name}`. */
  readonly url: string;
  readonly port: number;
  readonly clock: VirtualClock;
  readonly faults: FaultController;
  /** The media host at /__sim/media-host (what was uploaded to it). */
  readonly mediaHost: SimMediaHost;
  state(): SimState;
  simulator(name: string): PlatformSimulator;
  accounts(): Readonly<Record<string, DemoAccount & { readonly baseUrl: string }>>;
  /** The most recent requests (up to 5000), oldest first, for wire-format assertions. */
  requests(platform?: string): readonly RecordedRequest[];
  close(): Promise<void>;
}

const REQUEST_LOG_LIMIT = 5000;

const faultRuleSchema = z.object({
  platform: z.string().optional(),
  method: z.string().optional(),
  path: z.string().optional(),
  kind: z.enum(FAULT_KINDS),
  times: z.number().int().positive().optional(),
  options: z.record(z.string(), z.union([z.string(), z.number(), z.boolean()])).optional(),
});
const faultsBodySchema = z.union([faultRuleSchema, z.object({ rules: z.array(faultRuleSchema) })]);
const clockBodySchema = z.union([z.object({ advance: z.union([z.string(), z.number()]) }), z.object({ set: z.iso.datetime() })]);

function readBody(request: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => resolve(Buffer.concat(chunks)));
    request.on('error', reject);
  });
}

function send(response: ServerResponse, reply: SimReply): void {
  if ('drop' in reply) {
    response.socket?.destroy();
    return;
  }
  const body = reply.body === undefined ? undefined : typeof reply.body === 'string' || Buffer.isBuffer(reply.body) ? reply.body : JSON.stringify(reply.body);
  response.writeHead(reply.status, { ...reply.headers });
  response.end(body);
}

const jsonReply = (status: number, body: unknown): SimReply => ({ status, headers: { 'content-type': 'application/json' }, body });

function parseJson(body: string): unknown {
  try {
    return body === '' ? {} : JSON.parse(body);
  } catch {
    return undefined;
  }
}

export async function startSimulators(options: SimulatorOptions = {}): Promise<RunningSimulators> {
  const seed = options.seed ?? 1;
  const rng = createRng(seed);
  const clock = options.clock ?? createRealtimeClock();
  const corpus = options.corpus ?? defaultSeedCorpus().corpus;
  const faults = createFaultController(rng.fork('faults'), options.faultRate ?? 0);
  const factories = options.simulators ?? SIMULATOR_FACTORIES;
  // Filled once the server listens: simulators are built knowing the host's URL (their media URLs).
  const sims = new Map<string, PlatformSimulator>();
  const log: RecordedRequest[] = [];
  const mediaHost = createSimMediaHost();
  let url = '';

  const state = (): SimState => ({ platforms: Object.fromEntries([...sims].map(([name, sim]) => [name, sim.state()])) });
  const accounts = () => Object.fromEntries([...sims].map(([name, sim]) => [name, { baseUrl: `${url}/${name}`, ...sim.demoAccount() }]));

  async function control(method: string, parts: readonly string[], body: string): Promise<SimReply> {
    const [first, second] = parts;
    const input = parseJson(body);
    if (method === 'GET' && first === 'state') return jsonReply(200, state());
    if (method === 'GET' && first === 'accounts') return jsonReply(200, accounts());
    if (method === 'POST' && first === 'clock') {
      const parsed = clockBodySchema.safeParse(input);
      if (!parsed.success) return jsonReply(400, { error: 'expected {"advance": "25h"} or {"set": ISO}' });
      if ('advance' in parsed.data) {
        const ms = parseDuration(parsed.data.advance);
        if (ms === null) return jsonReply(400, { error: `unreadable duration ${String(parsed.data.advance)}` });
        clock.advance(ms);
      } else {
        clock.set(new Date(parsed.data.set));
      }
      return jsonReply(200, { now: clock.now().toISOString() });
    }
    if (first === 'faults' && method === 'DELETE') {
      faults.clear();
      return jsonReply(200, { cleared: true });
    }
    if (first === 'faults' && method === 'POST' && second === 'rate') {
      const parsed = z.object({ rate: z.number().min(0).max(1) }).safeParse(input);
      if (!parsed.success) return jsonReply(400, { error: 'expected {"rate": 0..1}' });
      faults.setRate(parsed.data.rate);
      return jsonReply(200, { rate: faults.rate() });
    }
    if (first === 'faults' && method === 'POST') {
      const parsed = faultsBodySchema.safeParse(input);
      if (!parsed.success) return jsonReply(400, { error: parsed.error.message });
      for (const rule of 'rules' in parsed.data ? parsed.data.rules : [parsed.data]) faults.inject(rule);
      return jsonReply(200, { pending: faults.pending().length });
    }
    const sim = first === undefined ? undefined : sims.get(first);
    if (sim && method === 'POST' && second === 'external') {
      const parsed = z.object({ target: z.string(), action: z.string() }).safeParse(input);
      if (!parsed.success) return jsonReply(400, { error: 'expected {"target", "action"}' });
      return jsonReply(sim.externalAction(parsed.data.target, parsed.data.action) ? 200 : 404, { ok: true });
    }
    if (sim && method === 'POST' && second === 'insert') {
      const parsed = z.object({ count: z.number().int().min(1).max(10_000) }).safeParse(input);
      if (!parsed.success) return jsonReply(400, { error: 'expected {"count": 1..10000}' });
      return jsonReply(200, { ids: sim.insertItems(parsed.data.count) });
    }
    return jsonReply(404, { error: `no control endpoint ${method} /__sim/${parts.join('/')}` });
  }

  async function route(request: IncomingMessage): Promise<SimReply> {
    const parsedUrl = new URL(request.url ?? '/', 'http://sim.invalid');
    const method = (request.method ?? 'GET').toUpperCase();
    const raw = await readBody(request);
    const body = raw.toString('utf8');
    const segments = parsedUrl.pathname.split('/').filter((part) => part !== '');
    const [prefix, ...rest] = segments;
    if (`/${prefix ?? ''}/${rest[0] ?? ''}` === SIM_MEDIA_HOST_PREFIX) {
      const contentType = request.headers['content-type'];
      return mediaHost.reply(method, rest.slice(1).join('/'), raw, { 'content-type': contentType });
    }
    if (`/${prefix ?? ''}/${rest[0] ?? ''}` === SIM_MEDIA_PREFIX) {
      const headers = { 'if-none-match': typeof request.headers['if-none-match'] === 'string' ? request.headers['if-none-match'] : undefined };
      return simMediaReply(method, rest.slice(1), parsedUrl.searchParams, headers, new Set(sims.keys()));
    }
    if (prefix === '__sim') return control(method, rest, body);
    const sim = prefix === undefined ? undefined : sims.get(prefix);
    if (!sim || prefix === undefined) return jsonReply(404, { error: `no simulator mounted at /${prefix ?? ''}` });
    const path = `/${rest.join('/')}`;
    const headers: Record<string, string | undefined> = {};
    for (const [key, value] of Object.entries(request.headers)) headers[key] = Array.isArray(value) ? value.join(', ') : value;
    const fault = faults.choose(prefix, method, path, sim.isWrite(method, path), sim.randomFaults);
    log.push({ platform: prefix, method, path, query: parsedUrl.search, headers, body, fault: fault?.kind ?? null, at: clock.now().toISOString() });
    if (log.length > REQUEST_LOG_LIMIT) log.splice(0, log.length - REQUEST_LOG_LIMIT);
    return sim.handle({ method, path, query: parsedUrl.searchParams, headers, body, fault });
  }

  const server = createServer((request, response) => {
    route(request).then(
      (reply) => send(response, reply),
      // A throw inside a simulator is a simulator bug: answer 500 with the message so the test shows it.
      (error: unknown) => send(response, jsonReply(500, { error: `simulator bug: ${error instanceof Error ? error.message : String(error)}` })),
    );
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, options.host ?? '127.0.0.1', () => resolve());
  });
  const address = server.address() as AddressInfo;
  url = `http://${address.family === 'IPv6' ? `[${address.address}]` : address.address}:${address.port}`;
  try {
    for (const [name, factory] of Object.entries(factories)) sims.set(name, factory({ clock, rng: rng.fork(name), corpus, baseUrl: url }));
  } catch (error) {
    server.close();
    throw error;
  }

  return {
    url,
    port: address.port,
    clock,
    faults,
    mediaHost,
    state,
    accounts,
    simulator(name) {
      const sim = sims.get(name);
      if (!sim) throw new Error(`no simulator named ${name}`);
      return sim;
    },
    requests: (platform) => (platform === undefined ? log.slice() : log.filter((entry) => entry.platform === platform)),
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      }),
  };
}
