import { type ChildProcess, spawn } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { argValue, runCli } from './cliSupport';

/**
 * `npm run bench -- [--db pglite|postgres] [--only name] [--people N]`
 * Starts the real server as a child process, measures named scenarios over HTTP with a warm-up,
 * and writes bench/results/latest.json (p50/p95, throughput, server RSS, budgets).
 */
const repoRoot = path.resolve(import.meta.dirname, '..', '..', '..');
const serverDir = path.join(repoRoot, 'server');

interface Result {
  name: string;
  p50_ms: number;
  p95_ms: number;
  throughput_per_s: number;
  rss_mb: number;
  samples: number;
  budget: { p95_ms?: number; ms?: number; rss_mb?: number };
  ok: boolean;
}

const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
const round = (n: number) => Math.round(n * 100) / 100;

function rssMb(pid: number | undefined): number {
  if (!pid) return 0;
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const kb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0);
    return round(kb / 1024);
  } catch {
    return 0;
  }
}

async function waitReady(base: string, timeoutMs: number): Promise<number> {
  const start = performance.now();
  while (performance.now() - start < timeoutMs) {
    try {
      const res = await fetch(`${base}/readyz`);
      if (res.ok) return performance.now() - start;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`server not ready after ${timeoutMs} ms`);
}

function startServer(env: NodeJS.ProcessEnv, port: number): ChildProcess {
  // The child runs the same entry point as `npm start` (tsx), with logs silenced.
  return spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
    cwd: serverDir,
    env: {
      ...process.env,
      ...env,
      PORT: String(port),
      LOG_LEVEL: 'warn',
      SPIE_DEMO: '1',
      WORKER_ENABLED: '1',
    },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
}

async function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return;
  const exited = new Promise((r) => child.once('exit', r));
  child.kill('SIGTERM');
  await exited;
}

class Session {
  cookies = new Map<string, string>();
  constructor(readonly base: string) {}
  async fetch(pathname: string, init: RequestInit = {}): Promise<Response> {
    const cookie = [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
    const headers = new Headers(init.headers);
    if (cookie) headers.set('cookie', cookie);
    if (init.method && init.method !== 'GET')
      headers.set('x-csrf-token', this.cookies.get('spie_csrf') ?? '');
    const res = await fetch(`${this.base}${pathname}`, { ...init, headers });
    for (const c of res.headers.getSetCookie()) {
      const [pair] = c.split(';');
      const [k, v] = (pair ?? '').split('=');
      if (k) this.cookies.set(k.trim(), v ?? '');
    }
    return res;
  }
  async login(lastName: string): Promise<void> {
    await this.fetch('/api/auth/session');
    const list = (await (await this.fetch('/api/auth/demo/accounts')).json()) as {
      items: { id: string; lastName: string }[];
    };
    const account = list.items.find((a) => a.lastName === lastName);
    if (!account) throw new Error(`demo account ${lastName} missing`);
    const res = await this.fetch('/api/auth/demo/login', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ accountId: account.id }),
    });
    if (!res.ok) throw new Error(`login failed ${res.status}`);
  }
}

async function measure(
  name: string,
  pid: number | undefined,
  budget: Result['budget'],
  run: () => Promise<Response>,
  n = 300,
  concurrency = 4,
): Promise<Result> {
  for (let i = 0; i < 30; i++) await (await run()).arrayBuffer(); // warm-up
  const durations: number[] = [];
  for (let i = 0; i < n; i++) {
    const t = performance.now();
    const res = await run();
    await res.arrayBuffer();
    if (!res.ok) throw new Error(`${name}: HTTP ${res.status}`);
    durations.push(performance.now() - t);
  }
  // Throughput with a few concurrent clients, as several counsellors would.
  const t0 = performance.now();
  let done = 0;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (done < n) {
        done++;
        await (await run()).arrayBuffer();
      }
    }),
  );
  const seconds = (performance.now() - t0) / 1000;
  durations.sort((a, b) => a - b);
  const p95 = percentile(durations, 95);
  const rss = rssMb(pid);
  return {
    name,
    p50_ms: round(percentile(durations, 50)),
    p95_ms: round(p95),
    throughput_per_s: round(n / seconds),
    rss_mb: rss,
    samples: n,
    budget,
    ok:
      (budget.p95_ms === undefined || p95 <= budget.p95_ms) &&
      (budget.rss_mb === undefined || rss <= budget.rss_mb),
  };
}

await runCli(async () => {
  const dbKind = argValue('db', 'pglite') as 'pglite' | 'postgres';
  const only = argValue('only');
  const people = Number(argValue('people', '0'));
  const env: NodeJS.ProcessEnv = {};
  if (dbKind === 'postgres') {
    const url = process.env.BENCH_DATABASE_URL ?? process.env.DATABASE_URL;
    if (!url) throw new Error('--db postgres needs BENCH_DATABASE_URL or DATABASE_URL');
    env.DATABASE_URL = url;
  } else {
    env.DATABASE_URL = '';
    delete env.DATABASE_URL;
    env.SPIE_DATA_DIR = path.join(repoRoot, 'bench', '.data-pglite');
  }
  if (people > 0)
    console.warn(
      `--people ${people}: the person record (and its scale seed) arrives with the shared-record issue; this run measures the foundation routes only.`,
    );
  const port = 3900 + Math.floor(Math.random() * 90);
  const base = `http://127.0.0.1:${port}`;
  const results: Result[] = [];
  const want = (name: string) => !only || name.startsWith(only);

  // Cold start (migrations + demo load on an empty folder the first time), then a warm restart.
  let child = startServer(env, port);
  const coldMs = await waitReady(base, 120_000);
  await stop(child);
  child = startServer(env, port);
  const warmMs = await waitReady(base, 60_000);
  if (want('startup.warm')) {
    results.push({
      name: 'startup.warm',
      p50_ms: round(warmMs),
      p95_ms: round(warmMs),
      throughput_per_s: 0,
      rss_mb: rssMb(child.pid),
      samples: 1,
      budget: { ms: 15_000 },
      ok: warmMs <= 15_000,
    });
  }
  try {
    const admin = new Session(base);
    await admin.login('Fontaine');
    const scenarios: [string, Result['budget'], () => Promise<Response>][] = [
      ['health', { p95_ms: 10 }, () => fetch(`${base}/healthz`)],
      ['auth.session', { p95_ms: 20 }, () => admin.fetch('/api/auth/session')],
      [
        'auth.demoLogin',
        { p95_ms: 50 },
        async () => {
          const s = new Session(base);
          s.cookies = new Map(admin.cookies);
          const accounts = (await (await fetch(`${base}/api/auth/demo/accounts`)).json()) as {
            items: { id: string }[];
          };
          return s.fetch('/api/auth/demo/login', {
            method: 'POST',
            headers: { 'content-type': 'application/json' },
            body: JSON.stringify({ accountId: accounts.items[0]?.id }),
          });
        },
      ],
      ['organisations.list', { p95_ms: 30 }, () => admin.fetch('/api/organisations')],
      ['accounts.page', { p95_ms: 30 }, () => admin.fetch('/api/accounts?limit=50')],
    ];
    for (const [name, budget, run] of scenarios) {
      if (!want(name)) continue;
      results.push(await measure(name, child.pid, budget, run, name === 'auth.demoLogin' ? 100 : 300));
    }
  } finally {
    await stop(child);
  }

  const report = {
    date: new Date().toISOString(),
    machine: { cpus: os.cpus().length, memGb: round(os.totalmem() / 1024 ** 3), node: process.version },
    db: dbKind,
    dataset: {
      people: 0,
      requestedPeople: people,
      note: 'foundation only: demo territory (20 organisations, 25 accounts)',
      coldStartMs: round(coldMs),
    },
    results,
  };
  const outDir = path.join(repoRoot, 'bench', 'results');
  mkdirSync(outDir, { recursive: true });
  writeFileSync(path.join(outDir, 'latest.json'), `${JSON.stringify(report, null, 2)}\n`);
  for (const r of results) {
    const budget =
      r.budget.p95_ms !== undefined
        ? `p95 ≤ ${r.budget.p95_ms} ms`
        : r.budget.ms !== undefined
          ? `≤ ${r.budget.ms} ms`
          : '';
    console.log(
      `${r.ok ? 'OK  ' : 'FAIL'} ${r.name.padEnd(22)} p50 ${String(r.p50_ms).padStart(8)} ms  p95 ${String(r.p95_ms).padStart(8)} ms  ${String(r.throughput_per_s).padStart(8)}/s  rss ${r.rss_mb} MB  ${budget}`,
    );
  }
  console.log(`Rapport : ${path.relative(process.cwd(), path.join(outDir, 'latest.json'))}`);
  return results.every((r) => r.ok) ? 0 : 1;
});
