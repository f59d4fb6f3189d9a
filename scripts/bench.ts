/**
 * `npm run bench`: how much the application's pipeline costs next to a bare Node HTTP server, on this machine.
 *
 * A child process serves (a) a bare `http` hello-world server and (b) the application itself (createApp, the
 * same pipeline as `npm start` minus the admin panel) on an embedded SQLite file in a temp dir with demo data,
 * cron off, rate limit raised out of the way. The parent process logs in as `demo-partner` and drives the load
 * with autocannon — in its own process, so the load generator does not share the servers' event loop —
 * against the bare server, `GET /health` (a database round trip) and `GET /api/v1/info/company` (token
 * check, access guard, a read). It prints requests/s, p50/p99 latency, non-2xx counts and the ratio to the bare
 * server, and writes the same as JSON to var/bench/latest.json (autocannon's latency percentiles are whole
 * milliseconds). Figures only: nothing here asserts a timing.
 * Loopback only; it stops by itself (a guard timer ends everything if a step hangs).
 *
 *   BENCH_CONNECTIONS (10), BENCH_DURATION (5 s per target), BENCH_WARMUP (1 s per target)
 */
import autocannon, { type Result } from 'autocannon';
import { fork, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { cpus, tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadConfig } from '../config/app.config.js';
import { createApp } from '../src/app.factory.js';

const HOST = '127.0.0.1';
const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const OUT = join(ROOT, 'var/bench/latest.json');
const DEMO_ACCOUNT = 'demo-partner';
const DEMO_PASSWORD = 'Demo@12345';

interface Ports {
  bare: number;
  app: number;
}

interface Target {
  name: string;
  method: 'GET';
  path: string;
  port: number;
  headers: Record<string, string>;
}

interface Row {
  target: string;
  method: string;
  path: string;
  requests_per_s: number;
  requests_total: number;
  latency_avg_ms: number;
  latency_p50_ms: number;
  latency_p99_ms: number;
  non_2xx: number;
  errors: number;
  timeouts: number;
  ratio_to_bare: number;
}

function envInt(name: string, fallback: number, min: number): number {
  const raw = process.env[name];
  const n = raw === undefined || raw === '' ? fallback : Number(raw);
  if (!Number.isInteger(n) || n < min) throw new Error(`${name} must be an integer >= ${min}`);
  return n;
}

function listen(server: http.Server): Promise<number> {
  return new Promise((ok, fail) => {
    server.once('error', fail);
    server.listen(0, HOST, () => ok((server.address() as AddressInfo).port));
  });
}

/** Child process: the two servers, until the parent says stop (or goes away). */
async function serve(): Promise<void> {
  const send = process.send?.bind(process);
  if (!send) throw new Error('--serve runs only as a child of the bench');
  const dir = await mkdtemp(join(tmpdir(), 'pc-bench-'));
  const bare = http.createServer((_req, res) => {
    res.writeHead(200, { 'content-type': 'text/plain' });
    res.end('hello world');
  });
  const barePort = await listen(bare);
  const cfg = loadConfig({
    NODE_ENV: 'production',
    SESSION_SECRET: randomBytes(24).toString('hex'),
    DB_TYPE: 'sqlite',
    SQLITE_PATH: join(dir, 'bench.sqlite'),
    DEMO_DATA: 'true',
    TEST_HOOKS: 'false',
    CRON_ENABLED: 'false',
    LOG_LEVEL: 'error',
    RATE_LIMIT_PER_SECOND: '1000000',
  });
  const app = await createApp(cfg);
  await app.listen(0, HOST);
  const appPort = (app.getHttpServer().address() as AddressInfo).port;

  let stopping = false;
  const stop = async (): Promise<void> => {
    if (stopping) return;
    stopping = true;
    bare.closeAllConnections();
    bare.close();
    await app.close();
    await rm(dir, { recursive: true, force: true });
    process.exit(0);
  };
  process.on('message', (m) => {
    if (m === 'stop') void stop();
  });
  process.on('disconnect', () => void stop());
  send({ bare: barePort, app: appPort } satisfies Ports);
}

function startServers(): Promise<{ child: ChildProcess; ports: Ports }> {
  const child = fork(fileURLToPath(import.meta.url), ['--serve'], {
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  return new Promise((ok, fail) => {
    child.once('message', (m) => ok({ child, ports: m as Ports }));
    child.once('exit', (code) => fail(new Error(`the server process exited early (code ${code})`)));
    child.once('error', fail);
  });
}

async function stopServers(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return;
  const exited = new Promise<void>((ok) => child.once('exit', () => ok()));
  child.send('stop');
  const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
  await exited;
  clearTimeout(timer);
}

async function login(port: number): Promise<string> {
  const res = await fetch(`http://${HOST}:${port}/api/v1/auth/tokens`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ account: DEMO_ACCOUNT, password: DEMO_PASSWORD }),
  });
  const body = (await res.json()) as { token?: unknown };
  if (!res.ok || typeof body.token !== 'string') {
    throw new Error(`login as ${DEMO_ACCOUNT} failed: ${res.status} ${JSON.stringify(body)}`);
  }
  return body.token;
}

/** One request before the load: a target that does not answer 2xx would measure an error path. */
async function probe(t: Target): Promise<void> {
  const res = await fetch(`http://${HOST}:${t.port}${t.path}`, { method: t.method, headers: t.headers });
  await res.arrayBuffer();
  if (!res.ok) throw new Error(`${t.name}: ${t.method} ${t.path} answered ${res.status} before the load`);
}

const round = (n: number, digits = 2): number => Number(n.toFixed(digits));

function toRow(t: Target, r: Result, bareRps: number): Row {
  return {
    target: t.name,
    method: t.method,
    path: t.path,
    requests_per_s: round(r.requests.average, 1),
    requests_total: r.requests.total,
    latency_avg_ms: round(r.latency.average),
    latency_p50_ms: round(r.latency.p50),
    latency_p99_ms: round(r.latency.p99),
    non_2xx: r.non2xx,
    errors: r.errors,
    timeouts: r.timeouts,
    ratio_to_bare: bareRps > 0 ? round(r.requests.average / bareRps, 3) : 0,
  };
}

function table(rows: Row[]): string {
  const head = ['target', 'req/s', 'p50 ms', 'p99 ms', 'non-2xx', 'errors', 'vs bare'];
  const body = rows.map((r) => [
    `${r.target} (${r.method} ${r.path})`,
    r.requests_per_s.toFixed(1),
    r.latency_p50_ms.toFixed(0),
    r.latency_p99_ms.toFixed(0),
    String(r.non_2xx),
    String(r.errors + r.timeouts),
    `${(r.ratio_to_bare * 100).toFixed(1)} %`,
  ]);
  const widths = head.map((h, i) => Math.max(h.length, ...body.map((b) => b[i].length)));
  const line = (cells: string[]): string =>
    cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('  ');
  return [line(head), widths.map((w) => '-'.repeat(w)).join('  '), ...body.map(line)].join('\n');
}

async function main(): Promise<void> {
  const connections = envInt('BENCH_CONNECTIONS', 10, 1);
  const duration = envInt('BENCH_DURATION', 5, 1);
  const warmup = envInt('BENCH_WARMUP', 1, 0);
  // a safety net: whatever hangs, the bench ends (3 targets × (warm-up + run) plus start-up slack)
  const guard = setTimeout(
    () => {
      process.stderr.write('bench: timed out\n');
      process.exit(1);
    },
    (3 * (duration + warmup) + 120) * 1000,
  );
  guard.unref();

  const { child, ports } = await startServers();
  const rows: Row[] = [];
  try {
    const token = await login(ports.app);
    const targets: Target[] = [
      { name: 'bare node http', method: 'GET', path: '/', port: ports.bare, headers: {} },
      { name: 'health', method: 'GET', path: '/health', port: ports.app, headers: {} },
      {
        name: 'info company',
        method: 'GET',
        path: '/api/v1/info/company',
        port: ports.app,
        headers: { 'X-Auth-Token': token },
      },
    ];
    let bareRps = 0;
    for (const t of targets) {
      await probe(t);
      process.stderr.write(`bench: ${t.name} — ${connections} connections, ${warmup} s + ${duration} s\n`);
      const result = await autocannon({
        url: `http://${HOST}:${t.port}${t.path}`,
        method: t.method,
        headers: t.headers,
        connections,
        duration,
        ...(warmup > 0 ? { warmup: { connections, duration: warmup } } : {}),
      });
      if (t.port === ports.bare) bareRps = result.requests.average;
      rows.push(toRow(t, result, bareRps));
    }
  } finally {
    await stopServers(child);
  }

  const report = {
    generated_at: new Date().toISOString(),
    node: process.version,
    platform: `${process.platform}/${process.arch}`,
    cpus: cpus().length,
    settings: { connections, duration_s: duration, warmup_s: warmup, database: 'sqlite (file, demo data)' },
    results: rows,
  };
  await mkdir(dirname(OUT), { recursive: true });
  await writeFile(OUT, `${JSON.stringify(report, null, 2)}\n`);
  process.stdout.write(`\n${table(rows)}\n\n${JSON.stringify(report, null, 2)}\n\nwritten to ${OUT}\n`);
  for (const r of rows) {
    if (r.non_2xx + r.errors + r.timeouts > 0) {
      process.stderr.write(
        `bench: warning: ${r.target} had ${r.non_2xx} non-2xx answers, ${r.errors} errors, ${r.timeouts} timeouts\n`,
      );
    }
  }
  clearTimeout(guard);
}

const entry = process.argv.includes('--serve') ? serve : main;
entry().catch((err: unknown) => {
  process.stderr.write(`bench failed: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
  process.exit(1);
});
