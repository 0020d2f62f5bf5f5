import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { demoAccounts } from '../demo/demoTerritory.data';
import { catalogueImportScenario, catalogueScenarios, peopleWithDiagnostic } from './benchCatalogue';
import {
  type BenchResult,
  contractScenarios,
  girardContracts,
  issueLinksScenario,
  pdfScenario,
} from './benchContracts';
import {
  campaignDelivery,
  campaignQueueScenario,
  type ReviewBenchPrep,
  type ReviewBenchResult,
  reviewInProcess,
  reviewScenarios,
} from './benchReview';
import { argValue, runCli } from './cliSupport';

/**
 * `npm run bench -- [--db pglite|postgres] [--only name] [--people N]`
 * Starts the real server as a child process, measures named scenarios over HTTP with a warm-up,
 * and writes bench/results/latest.json (p50/p95, throughput, server RSS, budgets).
 * With `--people N`, the database first receives the scale seed (`npm run seed:scale`) when it
 * holds fewer people, and the person-record scenarios run as realistic users.
 */
const repoRoot = path.resolve(import.meta.dirname, '..', '..', '..');
const serverDir = path.join(repoRoot, 'server');

type Result = BenchResult | ReviewBenchResult;

/** What `seed:scale --report` writes: row counts and the bench counsellor's people. */
interface ScaleReport {
  seeded: boolean;
  totalSeconds: number;
  phases: { name: string; seconds: number }[];
  rows: Record<string, number>;
  benchCounsellorPersonIds: string[];
}

/** People kept « à orienter » in the bench data (the bulk decision takes 500 of them per run). */
const QUEUE_TARGET = 4000;
const BULK_SIZE = 500;

/** Runs the scale seed in a child process (the server must not hold the PGlite folder meanwhile). */
function runScaleSeed(env: NodeJS.ProcessEnv, people: number, reportFile: string): Promise<ScaleReport> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      [
        '--import',
        'tsx',
        'src/cli/seedScale.ts',
        '--people',
        String(people),
        '--report',
        reportFile,
        // Each run decides 500 people of the « À orienter » queue: put people back in it first.
        '--refill-queue',
        String(QUEUE_TARGET),
      ],
      {
        cwd: serverDir,
        env: { ...process.env, ...env, LOG_LEVEL: 'warn' },
        stdio: ['ignore', 'inherit', 'inherit'],
      },
    );
    child.once('exit', (code) => {
      if (code !== 0) return reject(new Error(`seed:scale a échoué (code ${code})`));
      resolve(JSON.parse(readFileSync(reportFile, 'utf8')) as ScaleReport);
    });
  });
}

/** Seeds if needed: a database with fewer people than asked is rebuilt (PGlite) or refused (PostgreSQL). */
async function ensureScaleData(
  dbKind: 'pglite' | 'postgres',
  env: NodeJS.ProcessEnv,
  people: number,
): Promise<ScaleReport> {
  // The seed and the server share the development key (NIR encryption) of the same data folder.
  const reportFile = path.join(repoRoot, 'bench', 'results', `scale-seed-${dbKind}.json`);
  let report = await runScaleSeed(env, people, reportFile);
  const found = report.rows.persons ?? 0;
  // Data seeded before issue 4 (5, 6) has people but no orientations (contracts, appointments): the
  // seed adds what is missing; without it the data cannot measure them.
  const complete =
    (report.rows.orientations ?? 0) > 0 &&
    (report.rows.engagement_contracts ?? 0) > 0 &&
    (report.rows.appointments ?? 0) > 0;
  if (found >= people && complete) return report;
  if (dbKind === 'postgres')
    throw new Error(
      `La base PostgreSQL contient ${found} personnes (${report.rows.orientations ?? 0} orientations, ${report.rows.engagement_contracts ?? 0} contrats, ${report.rows.appointments ?? 0} rendez-vous), pour ${people} demandées : recréez-la (base vide) puis relancez.`,
    );
  console.log(
    `Le dossier de bench contient ${found} personnes (${people} demandées, avec orientations, contrats et rendez-vous) : il est recréé.`,
  );
  if (env.SPIE_DATA_DIR && existsSync(env.SPIE_DATA_DIR))
    rmSync(env.SPIE_DATA_DIR, { recursive: true, force: true });
  report = await runScaleSeed(env, people, reportFile);
  return report;
}

/** Realistic searches: name prefixes, full names, accents left out, small typos. */
// biome-ignore format: a dense list reads better than one query per line
const searchQueries = [
  'diallo', 'martin', 'traore', 'benali', 'nguyen', 'dos santos', 'da silva', 'haddad', 'kone', 'ben',
  'mar', 'dup', 'ferna', 'lefevre', 'lefebvre', 'garcia', 'diallo fat', 'martin marie', 'mohamed',
  'sylla', 'coulib', 'coulibali', 'yilmaz', 'kaya', 'rossi', 'cisse', 'cissé', 'diop awa', 'mbaye',
  'brahimi', 'mansouri', 'cherif', 'fontaine', 'rousseau', 'dubois', 'moreau', 'girard', 'ouattara',
  'kouassi', 'sivakumar', 'rahman', 'popescu', 'pereira', 'oliveira', 'saidi', 'keita', 'camara',
  'bamba', 'lambert', 'chevalier',
];

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

/** The server is measured as `npm start` runs it: the built bundle, rebuilt from the sources first. */
function buildServer(): void {
  const result = spawnSync(process.execPath, ['build.mjs'], { cwd: serverDir, stdio: 'inherit' });
  if (result.status !== 0) throw new Error('server build failed');
}

function startServer(
  env: NodeJS.ProcessEnv,
  port: number,
  options: { logLevel?: string; onLog?: (line: string) => void; worker?: boolean } = {},
): ChildProcess {
  // The child runs the same entry point as `npm start`, with logs silenced (or read, for the letters).
  const child = spawn(process.execPath, ['--enable-source-maps', 'dist/main.mjs'], {
    cwd: serverDir,
    env: {
      ...process.env,
      ...env,
      PORT: String(port),
      LOG_LEVEL: options.logLevel ?? 'warn',
      SPIE_DEMO: '1',
      WORKER_ENABLED: options.worker === false ? '0' : '1',
    },
    stdio: ['ignore', options.onLog ? 'pipe' : 'ignore', 'inherit'],
  });
  const onLog = options.onLog;
  if (onLog && child.stdout) {
    let rest = '';
    child.stdout.setEncoding('utf8');
    child.stdout.on('data', (chunk: string) => {
      const lines = (rest + chunk).split('\n');
      rest = lines.pop() ?? '';
      for (const line of lines) onLog(line);
    });
  }
  return child;
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
      items: { id: string; firstName: string; lastName: string }[];
    };
    // The scale territory's fictional professionals may share a demo account's last name.
    const firstName = demoAccounts.find((a) => a.lastName === lastName)?.firstName;
    const account = list.items.find(
      (a) => a.lastName === lastName && (!firstName || a.firstName === firstName),
    );
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
  for (let i = 0; i < (n >= 100 ? 30 : 5); i++) await (await run()).arrayBuffer(); // warm-up
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

const skippedResult = (name: string, budget: Result['budget']): Result => ({
  name,
  p50_ms: 0,
  p95_ms: 0,
  throughput_per_s: 0,
  rss_mb: 0,
  samples: 0,
  budget,
  ok: false,
});

type Scenario = [string, Result['budget'], () => Promise<Response>];

/**
 * The person-record scenarios (contract/src/people/people.routes.ts), as an orientation manager
 * (who sees the whole territory) and as Thomas Girard, a référent with about 300 people.
 */
async function peopleScenarios(base: string, scale: ScaleReport): Promise<Scenario[]> {
  const manager = new Session(base);
  await manager.login('Benali');
  const girard = new Session(base);
  await girard.login('Girard');
  let ids = scale.benchCounsellorPersonIds;
  if (ids.length === 0) {
    const res = await girard.fetch('/api/people/caseload?limit=300');
    if (res.ok) ids = ((await res.json()) as { items: { id: string }[] }).items.map((p) => p.id);
  }
  const cycle = <T>(items: readonly T[]) => {
    let i = 0;
    return () => items[i++ % Math.max(1, items.length)] as T;
  };
  const managerQuery = cycle(searchQueries);
  const girardQuery = cycle([...searchQueries].reverse());
  const pageId = cycle(ids);
  const timelineId = cycle([...ids].reverse());
  const q = (text: string) => encodeURIComponent(text);
  return [
    ['people.search', { p95_ms: 30 }, () => manager.fetch(`/api/people?q=${q(managerQuery())}&limit=50`)],
    [
      'people.search.referent',
      { p95_ms: 30 },
      () => girard.fetch(`/api/people?q=${q(girardQuery())}&limit=50`),
    ],
    ['people.page', { p95_ms: 40 }, () => girard.fetch(`/api/people/${pageId()}`)],
    ['people.caseload', { p95_ms: 50 }, () => girard.fetch('/api/people/caseload?limit=300')],
    ['people.timeline', { p95_ms: 30 }, () => girard.fetch(`/api/people/${timelineId()}/timeline?limit=50`)],
  ];
}

/** ROME autocomplete as typed by counsellors: prefixes, words in any order, typos. */
// biome-ignore format: a dense list reads better than one query per line
const romeQueries = [
  'boulang', 'aide soignant', 'cariste', 'devlopeur', "agent d'entretien", 'vendeu', 'serveur',
  'auxiliaire de vie', 'preparateur de commandes', 'chauffeur livreur', 'manutention', 'agent de securite',
  'coiffeu', 'maçon', 'plombie', 'secretaire', 'cuisiner', 'assistante maternelle', 'caissiere', 'magazinier',
  'soignant aide', 'boulenger', 'electricien', 'agent de proprete', 'developpeur web',
];

/** Filters an orientation manager combines on the « À orienter » queue. */
const queueFilters = [
  'communeCode=93008&overdueOnly=true',
  'source=rsa&recommendedPath=social',
  'householdRole=conjoint',
  'recommendedPath=none&communeCode=93066',
  'status=a_orienter&source=france_travail',
  'overdueOnly=true&recommendedPath=socio_professionnel',
];

const json = { 'content-type': 'application/json' };

interface BenchDraft {
  personId: string;
  revision: number;
  content: Record<string, unknown>;
}

/** Drafts Thomas Girard works on: the current draft of a few of his people, started when missing. */
async function girardDrafts(girard: Session, ids: readonly string[]): Promise<BenchDraft[]> {
  const drafts: BenchDraft[] = [];
  for (const personId of ids) {
    if (drafts.length >= 8) break;
    const overview = await girard.fetch(`/api/people/${personId}/diagnostics`);
    if (!overview.ok) {
      await overview.arrayBuffer();
      continue;
    }
    const body = (await overview.json()) as {
      draft: { revision: number; content: Record<string, unknown> } | null;
      versions: unknown[];
    };
    // People with a completed version first: the usual case is updating a diagnostic.
    if (!body.draft && body.versions.length === 0 && drafts.length < 4) continue;
    let draft = body.draft;
    if (!draft) {
      const started = await girard.fetch(`/api/people/${personId}/diagnostics/draft`, {
        method: 'POST',
        headers: json,
        body: JSON.stringify({ from: 'latest' }),
      });
      if (!started.ok) {
        await started.arrayBuffer();
        continue;
      }
      draft = (await started.json()) as { revision: number; content: Record<string, unknown> };
    }
    drafts.push({ personId, revision: draft.revision, content: draft.content });
  }
  return drafts;
}

/**
 * Issue 4's screens (contract/src/orientations, contract/src/diagnostics): the « À orienter »
 * queue as Yacine Benali (orientation manager), ROME autocomplete and diagnostic saves as Thomas
 * Girard on people he follows.
 */
async function orientationScenarios(base: string, scale: ScaleReport): Promise<Scenario[]> {
  const manager = new Session(base);
  await manager.login('Benali');
  const girard = new Session(base);
  await girard.login('Girard');
  const cycle = <T>(items: readonly T[]) => {
    let i = 0;
    return () => items[i++ % Math.max(1, items.length)] as T;
  };
  const filter = cycle(queueFilters);
  const rome = cycle(romeQueries);
  const drafts = await girardDrafts(girard, scale.benchCounsellorPersonIds);
  let saves = 0;
  const saveDraft = async (): Promise<Response> => {
    const draft = drafts[saves++ % Math.max(1, drafts.length)];
    if (!draft) return new Response('{"error":{"code":"no_draft"}}', { status: 404 });
    // Each save changes a part (the observations), as a counsellor typing between two saves.
    const content = { ...draft.content, notes: `Point d’étape n° ${saves} : démarches en cours, à revoir.` };
    const res = await girard.fetch(`/api/people/${draft.personId}/diagnostics/draft`, {
      method: 'PUT',
      headers: json,
      body: JSON.stringify({ content, revision: draft.revision }),
    });
    const text = await res.text();
    if (res.ok) draft.revision = (JSON.parse(text) as { revision: number }).revision;
    else if (res.status === 409) {
      // Concurrent clients of the throughput phase saved the same draft: reload its revision.
      const again = await girard.fetch(`/api/people/${draft.personId}/diagnostics`);
      const body = (await again.json()) as { draft: { revision: number } | null };
      if (body.draft) draft.revision = body.draft.revision;
    }
    return new Response(text, { status: res.status });
  };
  return [
    ['orientations.queue', { p95_ms: 50 }, () => manager.fetch('/api/orientations/queue?limit=50')],
    [
      'orientations.queue.filtered',
      { p95_ms: 50 },
      () => manager.fetch(`/api/orientations/queue?${filter()}&limit=50`),
    ],
    [
      'diagnostics.romeSearch',
      { p95_ms: 20 },
      () => girard.fetch(`/api/rome/appellations?q=${encodeURIComponent(rome())}&limit=15`),
    ],
    ['diagnostics.saveDraft', { p95_ms: 60 }, saveDraft],
  ];
}

/**
 * Bulk decision of 500 people of the queue (one request, letters queued in the outbox), then the
 * worker rendering the 500 letters: the server is restarted with debug logs to read each
 * letter's rendering time ("orientation letter rendered").
 */
async function bulkDecisionScenario(
  env: NodeJS.ProcessEnv,
  port: number,
  base: string,
): Promise<{ child: ChildProcess; results: Result[] }> {
  const rendered = new Map<string, number>();
  let firstLetterAt = 0;
  let lastLetterAt = 0;
  const child = startServer(env, port, {
    logLevel: 'debug',
    onLog: (line) => {
      if (!line.includes('orientation letter rendered')) return;
      try {
        const entry = JSON.parse(line) as { orientationId?: string; ms?: number };
        if (entry.orientationId && typeof entry.ms === 'number') {
          rendered.set(entry.orientationId, entry.ms);
          if (!firstLetterAt) firstLetterAt = performance.now();
          lastLetterAt = performance.now();
        }
      } catch {
        // not a JSON log line
      }
    },
  });
  await waitReady(base, 60_000);
  const decisionBudget = { ms: 5_000 };
  const skip = (why: string): { child: ChildProcess; results: Result[] } => {
    console.warn(`orientations.bulkDecide : non mesuré (${why})`);
    return {
      child,
      results: [{ ...skippedResult('orientations.bulkDecide', decisionBudget), skipped: why }],
    };
  };
  const manager = new Session(base);
  await manager.login('Benali');
  const ids: string[] = [];
  let after: string | null = null;
  while (ids.length < BULK_SIZE) {
    const res = await manager.fetch(
      `/api/orientations/queue?status=a_orienter&limit=200${after ? `&after=${encodeURIComponent(after)}` : ''}`,
    );
    if (!res.ok) return skip(`file : HTTP ${res.status}`);
    const page = (await res.json()) as { items: { orientationId: string }[]; next: string | null };
    ids.push(...page.items.map((i) => i.orientationId));
    if (!page.next) break;
    after = page.next;
  }
  if (ids.length < BULK_SIZE) return skip(`file trop courte (${ids.length} personnes « à orienter »)`);
  const orgs = (await (await manager.fetch('/api/organisations')).json()) as {
    items: { id: string; name: string }[];
  };
  const ali = orgs.items.find((o) => o.name.includes('Bobigny – Drancy'));
  if (!ali) return skip('agence de Bobigny introuvable');
  const chosen = ids.slice(0, BULK_SIZE);
  const t0 = performance.now();
  const res = await manager.fetch('/api/orientations/decisions', {
    method: 'POST',
    headers: json,
    body: JSON.stringify({
      path: 'socio_professionnel',
      leadKind: 'departement',
      organisationId: ali.id,
      reason:
        'Décision groupée de la commission : accompagnement socio-professionnel par l’agence de Bobigny.',
      orientationIds: chosen,
    }),
  });
  const body = await res.text();
  const decisionMs = performance.now() - t0;
  if (!res.ok) return skip(`HTTP ${res.status} ${body.slice(0, 200)}`);
  const results: Result[] = [
    {
      name: 'orientations.bulkDecide',
      p50_ms: round(decisionMs),
      p95_ms: round(decisionMs),
      throughput_per_s: round(BULK_SIZE / (decisionMs / 1000)),
      rss_mb: rssMb(child.pid),
      samples: 1,
      budget: decisionBudget,
      ok: decisionMs <= decisionBudget.ms,
    },
  ];
  // The worker renders the letters in the background (outbox, one pass per interval).
  const wanted = new Set(chosen);
  const deadline = performance.now() + 15 * 60_000;
  const done = () => [...wanted].every((id) => rendered.has(id));
  while (!done() && performance.now() < deadline) await new Promise((r) => setTimeout(r, 250));
  const times = chosen
    .flatMap((id) => (rendered.has(id) ? [rendered.get(id) as number] : []))
    .sort((a, b) => a - b);
  const totalMs = (lastLetterAt || performance.now()) - t0;
  results.push({
    name: 'orientations.letters',
    p50_ms: round(percentile(times, 50)),
    p95_ms: round(percentile(times, 95)),
    throughput_per_s: round(times.length / (totalMs / 1000)),
    rss_mb: rssMb(child.pid),
    samples: times.length,
    budget: {},
    ok: times.length === BULK_SIZE,
    total_ms: round(totalMs),
  });
  return { child, results };
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
  const scale = people > 0 ? await ensureScaleData(dbKind, env, people) : null;
  const port = 3900 + Math.floor(Math.random() * 90);
  const base = `http://127.0.0.1:${port}`;
  const results: Result[] = [];
  const want = (name: string) => !only || name.startsWith(only);

  // The contract PDF, rendered in this process from real contracts: before the server holds the database.
  if (scale && want('contracts.pdf')) {
    if (dbKind === 'pglite') delete process.env.DATABASE_URL;
    Object.assign(process.env, env, { LOG_LEVEL: 'warn' });
    results.push(await pdfScenario());
  }

  // Issue 6: the review engine measured in this process (full recompute, incremental), which also
  // reads what the HTTP scenarios need: before the server holds the database.
  let reviewPrep: ReviewBenchPrep | null = null;
  const wantReview = [
    'review.recomputeFull',
    'review.incremental',
    'review.caseload',
    'review.territoryCounts',
  ];
  if (scale && (wantReview.some(want) || want('campaigns.'))) {
    if (dbKind === 'pglite') delete process.env.DATABASE_URL;
    Object.assign(process.env, env, { LOG_LEVEL: 'warn' });
    const review = await reviewInProcess(dbKind, want);
    reviewPrep = review.prep;
    results.push(...review.results);
  }

  // Cold start (migrations + demo load on an empty folder the first time), then a warm restart.
  buildServer();
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
    const scenarios: Scenario[] = [
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
    if (scale) scenarios.push(...(await peopleScenarios(base, scale)));
    if (scale) scenarios.push(...(await orientationScenarios(base, scale)));
    // Issue 5: Girard's contracts (read once through the API to find who has what).
    const girard = new Session(base);
    let proposed: string[] = [];
    if (
      scale &&
      (want('contracts.planTab') || want('contracts.weeklyActivity2y') || want('contracts.issueLinks'))
    ) {
      await girard.login('Girard');
      const found = await girardContracts(girard, scale.benchCounsellorPersonIds, new Date());
      if ('skipped' in found) {
        for (const name of ['contracts.planTab', 'contracts.weeklyActivity2y', 'contracts.worklist'])
          if (want(name)) results.push({ ...skippedResult(name, {}), skipped: found.skipped });
      } else {
        console.log(
          `Contrats de Thomas Girard : ${found.active.length} actifs (dont ${found.twoYears.length} depuis deux ans), ${found.proposed.length} proposés.`,
        );
        scenarios.push(...contractScenarios(girard, found, new Date()));
        proposed = found.proposed;
      }
    }
    if (reviewPrep && (want('review.caseload') || want('review.territoryCounts')))
      scenarios.push(...(await reviewScenarios(reviewPrep, new Session(base), admin)));
    // Issue 7: catalogue search, offers for a person, occupancy (Girard's people with a diagnostic).
    if (
      scale &&
      (want('catalogue.search') || want('catalogue.personOffers') || want('catalogue.occupancy'))
    ) {
      const catalogueGirard = new Session(base);
      await catalogueGirard.login('Girard');
      const offerPeople = await peopleWithDiagnostic(catalogueGirard, scale.benchCounsellorPersonIds);
      console.log(
        `Offres pour une personne : ${offerPeople.length} personnes de Thomas Girard avec un diagnostic.`,
      );
      scenarios.push(...catalogueScenarios(catalogueGirard, admin, offerPeople));
    }
    for (const [name, budget, run] of scenarios) {
      if (!want(name)) continue;
      const probeStart = performance.now();
      const probe = await run();
      const probeMs = performance.now() - probeStart;
      if (!probe.ok) {
        const body = (await probe.json().catch(() => null)) as { error?: { code?: string } } | null;
        const why = `HTTP ${probe.status} ${body?.error?.code ?? ''}`.trim();
        console.warn(`${name} : non mesuré (${why})`);
        results.push({ ...skippedResult(name, budget), skipped: why });
        continue;
      }
      await probe.arrayBuffer();
      // A route far over its budget is measured on fewer samples (the run stays minutes, not hours).
      const samples = name === 'auth.demoLogin' ? 100 : probeMs > 1_000 ? 40 : 300;
      results.push(await measure(name, child.pid, budget, run, samples));
    }
    if (scale && want('contracts.issueLinks1000'))
      results.push(await issueLinksScenario(girard, proposed, () => rssMb(child.pid)));
    if (scale && want('catalogue.import20000'))
      results.push(await catalogueImportScenario(admin, () => rssMb(child.pid)));
    if (want('server.rss')) {
      // Resident memory of the server once every scenario ran (the 100k-person budget is 400 MB).
      const rss = rssMb(child.pid);
      results.push({
        name: 'server.rss',
        p50_ms: 0,
        p95_ms: 0,
        throughput_per_s: 0,
        rss_mb: rss,
        samples: 1,
        budget: { rss_mb: 400 },
        ok: rss > 0 && rss <= 400,
      });
    }
    if (scale && want('orientations.bulkDecide')) {
      await stop(child);
      const bulk = await bulkDecisionScenario(env, port, base);
      child = bulk.child;
      results.push(...bulk.results);
    }
    // Issue 6: a campaign of 5,000+ people queued by one request (server without worker, so the
    // messages wait), then delivered by the worker's function in this process.
    if (scale && reviewPrep && (want('campaigns.queue5000') || want('campaigns.deliver'))) {
      await stop(child);
      child = startServer(env, port, { worker: false });
      await waitReady(base, 60_000);
      const manager = new Session(base);
      await manager.login('Fontaine');
      const queued = await campaignQueueScenario(reviewPrep, manager, () => rssMb(child.pid));
      if (want('campaigns.queue5000')) results.push(queued);
      await stop(child);
      if (want('campaigns.deliver')) results.push(await campaignDelivery());
    }
  } finally {
    await stop(child);
  }

  const report = {
    date: new Date().toISOString(),
    machine: { cpus: os.cpus().length, memGb: round(os.totalmem() / 1024 ** 3), node: process.version },
    db: dbKind,
    dataset: scale
      ? {
          people: scale.rows.persons ?? 0,
          requestedPeople: people,
          timelineEvents: scale.rows.timeline_events ?? 0,
          followUps: scale.rows.follow_ups ?? 0,
          statuses: scale.rows.person_statuses ?? 0,
          documents: scale.rows.documents ?? 0,
          information: scale.rows.person_information ?? 0,
          consents: scale.rows.person_consents ?? 0,
          organisations: scale.rows.organisations ?? 0,
          accounts: scale.rows.accounts ?? 0,
          benchCounsellorPeople: scale.benchCounsellorPersonIds.length,
          orientations: scale.rows.orientations ?? 0,
          reorientationRequests: scale.rows.reorientation_requests ?? 0,
          diagnostics: scale.rows.diagnostics ?? 0,
          cafCodes: scale.rows.person_caf_socio_pro ?? 0,
          contracts: scale.rows.engagement_contracts ?? 0,
          contractVersions: scale.rows.contract_versions ?? 0,
          contractObjectives: scale.rows.contract_objectives ?? 0,
          contractActions: scale.rows.contract_actions ?? 0,
          weeklyHours: scale.rows.weekly_hours ?? 0,
          activityAdjustments: scale.rows.activity_adjustments ?? 0,
          signatureLinks: scale.rows.signature_links ?? 0,
          appointments: scale.rows.appointments ?? 0,
          personContacts: scale.rows.person_contacts ?? 0,
          situationReviews: scale.rows.situation_reviews ?? 0,
          alerts: scale.rows.alerts ?? 0,
          catalogueStructures: scale.rows.catalogue_structures ?? 0,
          catalogueServices: scale.rows.catalogue_services ?? 0,
          catalogueSessions: scale.rows.catalogue_sessions ?? 0,
          referrals: scale.rows.referrals ?? 0,
          referralHistory: scale.rows.referral_history ?? 0,
          referralAttendance: scale.rows.referral_attendance ?? 0,
          seededNow: scale.seeded,
          ...(scale.seeded ? { seedSeconds: scale.totalSeconds, seedPhases: scale.phases } : {}),
          coldStartMs: round(coldMs),
        }
      : {
          people: 0,
          requestedPeople: 0,
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
          : r.budget.rss_mb !== undefined
            ? `rss ≤ ${r.budget.rss_mb} MB`
            : 'throughput_per_s' in r.budget && r.budget.throughput_per_s !== undefined
              ? `≥ ${r.budget.throughput_per_s}/s`
              : '';
    if (r.skipped) {
      console.log(`SKIP ${r.name.padEnd(24)} ${r.skipped}  ${budget}`);
      continue;
    }
    console.log(
      `${r.ok ? 'OK  ' : 'FAIL'} ${r.name.padEnd(28)} p50 ${String(r.p50_ms).padStart(8)} ms  p95 ${String(r.p95_ms).padStart(8)} ms  ${String(r.throughput_per_s).padStart(8)}/s  rss ${r.rss_mb} MB  ${budget}${r.total_ms !== undefined ? `  (total ${r.total_ms} ms)` : ''}${'runs_ms' in r && r.runs_ms ? `  (passes ${r.runs_ms.map((x) => Math.round(x)).join(' / ')} ms)` : ''}`,
    );
  }
  console.log(`Rapport : ${path.relative(process.cwd(), path.join(outDir, 'latest.json'))}`);
  return results.every((r) => r.ok || r.skipped) ? 0 : 1;
});
