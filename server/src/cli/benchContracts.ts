import { performance } from 'node:perf_hooks';
import type { SignatureChannel, SignatureMode } from '@spie/contract/contracts';
import { buildSnapshot, type ContractSnapshot, renderContractPdf } from '../modules/contracts';

/**
 * Issue 5's benches (contract/src/contracts/contracts.routes.ts), as Thomas Girard on the people
 * he follows in the scale data: the « Contrat & plan d'action » tab, two years of weekly
 * activity, 1,000 remote-signature links issued in batches, and the contract PDF rendering time
 * (the worker's render function timed in the bench process on real contracts).
 */

export interface BenchResult {
  name: string;
  p50_ms: number;
  p95_ms: number;
  throughput_per_s: number;
  rss_mb: number;
  samples: number;
  budget: { p95_ms?: number; ms?: number; rss_mb?: number };
  ok: boolean;
  skipped?: string;
  total_ms?: number;
}

export interface BenchSession {
  fetch(pathname: string, init?: RequestInit): Promise<Response>;
}

type Scenario = [string, BenchResult['budget'], () => Promise<Response>];

const DAY_MS = 86_400_000;
const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
const round = (n: number) => Math.round(n * 100) / 100;
const isoDay = (d: Date) => d.toISOString().slice(0, 10);
const mondayOf = (d: Date) => new Date(d.getTime() - ((d.getUTCDay() + 6) % 7) * DAY_MS);

interface CurrentContract {
  id: string;
  status: string;
  startOn: string | null;
}
interface PersonContracts {
  current: CurrentContract | null;
  history: { status: string; startOn: string | null }[];
}

export interface GirardContracts {
  /** People with a contract in force (actif). */
  active: string[];
  /** People whose contracts (with the renewed ones) started two years ago or more. */
  twoYears: string[];
  /** Contracts proposed to the person (links can be issued). */
  proposed: string[];
}

/** Reads the contracts of Girard's people once (also a check that the route answers). */
export async function girardContracts(
  girard: BenchSession,
  personIds: readonly string[],
  today: Date,
): Promise<GirardContracts | { skipped: string }> {
  const out: GirardContracts = { active: [], twoYears: [], proposed: [] };
  const twoYearsAgo = isoDay(new Date(today.getTime() - 640 * DAY_MS));
  for (const id of personIds) {
    const res = await girard.fetch(`/api/people/${id}/contracts`);
    if (res.status === 404) {
      const body = (await res.json().catch(() => null)) as { error?: { code?: string } } | null;
      // The route itself is missing (not a person out of reach).
      if (body?.error?.code === 'route.not_found') return { skipped: 'HTTP 404 route.not_found' };
      continue;
    }
    if (!res.ok) {
      await res.arrayBuffer();
      continue;
    }
    const body = (await res.json()) as PersonContracts;
    const c = body.current;
    if (!c) continue;
    if (c.status === 'actif') {
      out.active.push(id);
      const starts = [c.startOn, ...body.history.map((h) => h.startOn)].filter((s): s is string => !!s);
      if (starts.some((s) => s <= twoYearsAgo)) out.twoYears.push(id);
    }
    if (c.status === 'propose') out.proposed.push(c.id);
  }
  return out;
}

/** GET scenarios measured by the common loop of bench.ts. */
export function contractScenarios(girard: BenchSession, found: GirardContracts, today: Date): Scenario[] {
  const cycle = <T>(items: readonly T[]) => {
    let i = 0;
    return () => items[i++ % Math.max(1, items.length)] as T;
  };
  const tab = cycle(found.active);
  const twoYears = cycle(found.twoYears.length > 0 ? found.twoYears : found.active);
  const to = mondayOf(today);
  const from = new Date(to.getTime() - 103 * 7 * DAY_MS);
  return [
    ['contracts.planTab', { p95_ms: 40 }, () => girard.fetch(`/api/people/${tab()}/contracts`)],
    [
      'contracts.weeklyActivity2y',
      { p95_ms: 30 },
      () => girard.fetch(`/api/people/${twoYears()}/weekly-activity?from=${isoDay(from)}&to=${isoDay(to)}`),
    ],
    [
      'contracts.worklist',
      {},
      () => girard.fetch('/api/contracts/worklist?list=a_signer&scope=mine&limit=50'),
    ],
  ];
}

const json = { 'content-type': 'application/json' };
export const LINKS_TOTAL = 1000;
const LINKS_BATCH = 100;

/**
 * 1,000 remote-signature links issued through POST /api/contracts/signature-links in batches of
 * 100 over Girard's proposed contracts (issuing again for the same contract replaces its link
 * and still counts as one issued link). Total wall time against the 5 s budget.
 */
export async function issueLinksScenario(
  girard: BenchSession,
  proposed: readonly string[],
  rss: () => number,
): Promise<BenchResult> {
  const budget = { ms: 5_000 };
  const skipped = (why: string): BenchResult => ({
    name: 'contracts.issueLinks1000',
    p50_ms: 0,
    p95_ms: 0,
    throughput_per_s: 0,
    rss_mb: 0,
    samples: 0,
    budget,
    ok: false,
    skipped: why,
  });
  if (proposed.length === 0) return skipped('aucun contrat « proposé » dans la file de Thomas Girard');
  const batchOf = (start: number, size: number) =>
    Array.from({ length: size }, (_, k) => proposed[(start + k) % proposed.length] as string).filter(
      // A batch never names a contract twice.
      (id, k, all) => all.indexOf(id) === k,
    );
  // Warm-up: one small batch (not counted).
  const warm = await girard.fetch('/api/contracts/signature-links', {
    method: 'POST',
    headers: json,
    body: JSON.stringify({ contractIds: batchOf(0, Math.min(10, proposed.length)) }),
  });
  const warmBody = await warm.text();
  if (!warm.ok) return skipped(`HTTP ${warm.status} ${warmBody.slice(0, 120)}`);
  const durations: number[] = [];
  let issued = 0;
  let offset = 0;
  const skippedReasons = new Map<string, number>();
  const t0 = performance.now();
  while (issued < LINKS_TOTAL) {
    const size = Math.min(LINKS_BATCH, LINKS_TOTAL - issued, proposed.length);
    const ids = batchOf(offset, size);
    offset += ids.length;
    const t = performance.now();
    const res = await girard.fetch('/api/contracts/signature-links', {
      method: 'POST',
      headers: json,
      body: JSON.stringify({ contractIds: ids }),
    });
    const text = await res.text();
    durations.push(performance.now() - t);
    if (!res.ok) return skipped(`HTTP ${res.status} ${text.slice(0, 120)}`);
    const body = JSON.parse(text) as { issued: number; skipped: { reason: string }[] };
    for (const s of body.skipped) skippedReasons.set(s.reason, (skippedReasons.get(s.reason) ?? 0) + 1);
    if (body.issued === 0) return skipped(`aucun lien émis (${[...skippedReasons.keys()].join(' ; ')})`);
    issued += body.issued;
  }
  const totalMs = performance.now() - t0;
  durations.sort((a, b) => a - b);
  if (skippedReasons.size > 0)
    console.warn(
      `contracts.issueLinks1000 : contrats écartés : ${[...skippedReasons].map(([r, n]) => `${n} × ${r}`).join(' ; ')}`,
    );
  return {
    name: 'contracts.issueLinks1000',
    // Per batch request of 100 links.
    p50_ms: round(percentile(durations, 50)),
    p95_ms: round(percentile(durations, 95)),
    throughput_per_s: round(issued / (totalMs / 1000)),
    rss_mb: rss(),
    samples: durations.length,
    budget,
    ok: totalMs <= budget.ms,
    total_ms: round(totalMs),
  };
}

/**
 * The contract PDF as the worker renders it: snapshots of real signed contracts built by the
 * contracts module (`buildSnapshot`), then `renderContractPdf` timed 100 times in this process.
 * Needs the database (run before the server starts: PGlite serves one process).
 */
export async function pdfScenario(renders = 100): Promise<BenchResult> {
  const budget = { p95_ms: 300 };
  const skipped = (why: string): BenchResult => ({
    name: 'contracts.pdf',
    p50_ms: 0,
    p95_ms: 0,
    throughput_per_s: 0,
    rss_mb: 0,
    samples: 0,
    budget,
    ok: false,
    skipped: why,
  });
  const { openConfiguredDatabase } = await import('./cliSupport');
  const { prepareDatabase } = await import('../compose');
  const { database } = await openConfiguredDatabase();
  const snapshots: ContractSnapshot[] = [];
  try {
    await prepareDatabase(database);
    const rows = await database.db
      .selectFrom('engagement_contracts as c')
      .innerJoin('contract_versions as v', (j) =>
        j
          .onRef('v.territory_id', '=', 'c.territory_id')
          .onRef('v.contract_id', '=', 'c.id')
          .onRef('v.version', '=', 'c.version'),
      )
      .selectAll('c')
      .select(['v.signature_mode', 'v.channel', 'v.signed_at as version_signed_at'])
      .where('c.status', '=', 'actif')
      .where('c.kind', '=', 'engagement')
      .orderBy('c.id')
      .limit(renders)
      .execute();
    for (const r of rows) {
      const { signature_mode, channel, version_signed_at, ...row } = r;
      snapshots.push(
        await buildSnapshot(database.db, row, row.version, {
          mode: signature_mode as SignatureMode,
          channel: channel as SignatureChannel | null,
          signedAt: new Date(version_signed_at).toISOString(),
        }),
      );
    }
  } finally {
    await database.close();
  }
  if (snapshots.length === 0) return skipped('aucun contrat actif signé dans la base');
  for (let i = 0; i < 5; i++) await renderContractPdf(snapshots[i % snapshots.length] as ContractSnapshot); // warm-up (fonts, pdfkit)
  const durations: number[] = [];
  let bytes = 0;
  const t0 = performance.now();
  for (let i = 0; i < renders; i++) {
    const t = performance.now();
    const pdf = await renderContractPdf(snapshots[i % snapshots.length] as ContractSnapshot);
    durations.push(performance.now() - t);
    bytes += pdf.length;
  }
  const totalMs = performance.now() - t0;
  durations.sort((a, b) => a - b);
  const p95 = percentile(durations, 95);
  console.log(
    `contracts.pdf : ${renders} rendus, ${Math.round(bytes / renders / 1024)} Ko en moyenne, ${snapshots.length} contrats différents`,
  );
  return {
    name: 'contracts.pdf',
    p50_ms: round(percentile(durations, 50)),
    p95_ms: round(p95),
    throughput_per_s: round(renders / (totalMs / 1000)),
    rss_mb: round(process.memoryUsage().rss / 1024 / 1024),
    samples: renders,
    budget,
    ok: p95 <= budget.p95_ms,
    total_ms: round(totalMs),
  };
}
