import { randomUUID } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import pino from 'pino';
import { DEMO_TERRITORY_CODE } from '../demo/demoTerritory';
import type { Deps } from '../kernel/deps';
import { FakeSmsSender, type MessageSenders, StoredOnlySender } from '../kernel/messaging';
import { deliverNotifications } from '../modules/notifications';
import { recomputeTerritory, reevaluatePeople } from '../modules/review';
import type { BenchResult, BenchSession } from './benchContracts';

/**
 * Issue 6's benches (contract/src/review, contract/src/campaigns) on the scale data:
 * - in the bench process, before the server holds the database: the full recompute of every
 *   rule for the territory (3 runs, each reported) and the incremental re-evaluation of one person
 *   after an event (`AppointmentStatusChanged`, 200 followed people drawn at random);
 * - over HTTP: « Ma file active » of the référent with the biggest caseload (whole caseload of
 *   about 300 people, and the default view), the territory counts by alert type (territory admin),
 *   and a campaign to at least 5,000 people lost from view queued by one request (server without
 *   worker, so that the messages wait);
 * - in the bench process again: the worker's delivery of that campaign to the fake SMS provider
 *   (and the stored-only e-mail and letter channels) until nothing is pending, in messages/s.
 */

export type ReviewBenchResult = BenchResult & {
  budget: BenchResult['budget'] & { throughput_per_s?: number };
  runs_ms?: number[];
  details?: Record<string, unknown>;
};
type Scenario = [string, BenchResult['budget'], () => Promise<Response>];

const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
const round = (n: number) => Math.round(n * 100) / 100;
const rssMb = () => round(process.memoryUsage().rss / 1024 / 1024);
const json = { 'content-type': 'application/json' };

/** What the HTTP scenarios need, read from the database before the server starts. */
export interface ReviewBenchPrep {
  territoryId: string;
  /** The référent with the biggest caseload (référent or co-référent) and its size. */
  caseload: { accountId: string; name: string; people: number } | null;
  /** People lost from view (open alert), and the communes that select 5,000–10,000 of them (none: all). */
  lost: number;
  campaignCommunes: string[];
}

/**
 * Worker passes in this process until no event and no due message is left: the day's jobs (the
 * nightly review pass, the people's daily checks, the appointment reminders) then do not run in
 * the measured server meanwhile.
 */
async function settle(deps: Deps): Promise<void> {
  const { createWorker } = await import('../compose');
  const db = deps.database.db;
  const worker = createWorker(deps);
  const t = performance.now();
  const left = async () => {
    const events = await db
      .selectFrom('outbox_events')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('status', '=', 'pending')
      .executeTakeFirstOrThrow();
    const messages = await db
      .selectFrom('notifications')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('status', '=', 'pending')
      .where('next_attempt_at', '<=', new Date())
      .executeTakeFirstOrThrow();
    return Number(events.n) + Number(messages.n);
  };
  let passes = 0;
  for (; passes < 200; passes++) {
    await worker.runOnce();
    if ((await left()) === 0) break;
  }
  console.log(
    `Préparation : ${passes + 1} passe(s) du worker (tâches du jour, événements, messages) en ${((performance.now() - t) / 1000).toFixed(1)} s.`,
  );
}

/** Opens the configured database as the server would, runs `fn`, closes it (PGlite serves one process). */
async function withDeps<T>(fn: (deps: Deps) => Promise<T>, senders?: MessageSenders): Promise<T> {
  const { openConfiguredDatabase } = await import('./cliSupport');
  const { composeDeps, prepareDatabase } = await import('../compose');
  const { config, database } = await openConfiguredDatabase();
  try {
    await prepareDatabase(database);
    const deps = composeDeps({ config, database, logger: pino({ level: 'warn' }) });
    return await fn(senders ? { ...deps, senders } : deps);
  } finally {
    await database.close();
  }
}

async function prepare(deps: Deps): Promise<ReviewBenchPrep> {
  const db = deps.database.db;
  const territory = await db
    .selectFrom('territories')
    .select('id')
    .where('code', '=', DEMO_TERRITORY_CODE)
    .executeTakeFirstOrThrow();
  const territoryId = territory.id;
  const biggest = await db
    .selectFrom('follow_ups as f')
    .innerJoin('accounts as a', 'a.id', 'f.account_id')
    .select(['a.id', 'a.first_name', 'a.last_name', (eb) => eb.fn.countAll<number>().as('n')])
    .where('f.territory_id', '=', territoryId)
    .where('f.status', '=', 'active')
    .where('f.role', 'in', ['referent', 'co_referent'])
    .groupBy(['a.id', 'a.first_name', 'a.last_name'])
    .orderBy('n', 'desc')
    .limit(1)
    .executeTakeFirst();
  const communes = await db
    .selectFrom('alerts as a')
    .innerJoin('persons as p', (j) =>
      j.onRef('p.territory_id', '=', 'a.territory_id').onRef('p.id', '=', 'a.person_id'),
    )
    .select(['p.commune_code', (eb) => eb.fn.countAll<number>().as('n')])
    .where('a.territory_id', '=', territoryId)
    .where('a.rule_id', '=', 'lost_contact')
    .where('a.status', '<>', 'resolue')
    .groupBy('p.commune_code')
    .orderBy('n', 'desc')
    .execute();
  const lost = communes.reduce((sum, c) => sum + Number(c.n), 0);
  const campaignCommunes: string[] = [];
  if (lost > 10_000) {
    let n = 0;
    for (const c of communes) {
      if (n >= 5_000) break;
      if (!c.commune_code || n + Number(c.n) > 10_000) continue;
      campaignCommunes.push(c.commune_code);
      n += Number(c.n);
    }
  }
  return {
    territoryId,
    caseload: biggest
      ? {
          accountId: biggest.id,
          name: `${biggest.first_name} ${biggest.last_name}`,
          people: Number(biggest.n),
        }
      : null,
    lost,
    campaignCommunes,
  };
}

/** 200 followed people drawn at random (the same draw for the whole run). */
async function followedSample(deps: Deps, territoryId: string, n: number): Promise<string[]> {
  const rows = await deps.database.db
    .selectFrom('follow_ups')
    .select('person_id')
    .where('territory_id', '=', territoryId)
    .where('role', '=', 'referent')
    .where('status', '=', 'active')
    .orderBy((eb) => eb.fn('random', []))
    .limit(n)
    .execute();
  return rows.map((r) => r.person_id);
}

/**
 * The in-process review scenarios, before the server starts: the full recompute (3 runs) and the
 * incremental re-evaluation; also prepares what the HTTP scenarios need.
 */
export async function reviewInProcess(
  dbKind: 'pglite' | 'postgres',
  want: (name: string) => boolean,
): Promise<{ prep: ReviewBenchPrep; results: ReviewBenchResult[] }> {
  return withDeps(async (deps) => {
    await settle(deps);
    const prep = await prepare(deps);
    const results: ReviewBenchResult[] = [];
    if (want('review.recomputeFull')) {
      const budget = { ms: dbKind === 'postgres' ? 10_000 : 30_000 };
      const runs: number[] = [];
      let last: Awaited<ReturnType<typeof recomputeTerritory>> | null = null;
      for (let i = 0; i < 3; i++) {
        const t = performance.now();
        last = await recomputeTerritory(deps, prep.territoryId);
        runs.push(round(performance.now() - t));
        console.log(
          `review.recomputeFull : passe ${i + 1} en ${Math.round(runs[i] ?? 0)} ms (${last.people} personnes, ${last.opened} ouvertes, ${last.resolved} résolues)`,
        );
      }
      const sorted = [...runs].sort((a, b) => a - b);
      results.push({
        name: 'review.recomputeFull',
        p50_ms: percentile(sorted, 50),
        p95_ms: sorted[sorted.length - 1] ?? 0,
        throughput_per_s: round(
          ((last?.people ?? 0) * runs.length) / (runs.reduce((a, b) => a + b, 0) / 1000),
        ),
        rss_mb: rssMb(),
        samples: runs.length,
        budget,
        ok: (sorted[sorted.length - 1] ?? Infinity) <= budget.ms,
        runs_ms: runs,
        details: { people: last?.people ?? 0, opened: last?.opened ?? 0, resolved: last?.resolved ?? 0 },
      });
    }
    if (want('review.incremental')) {
      const budget = { p95_ms: 20 };
      const people = await followedSample(deps, prep.territoryId, 220);
      const run = (id: string) => reevaluatePeople(deps, prep.territoryId, [id], 'AppointmentStatusChanged');
      for (const id of people.slice(0, 20)) await run(id); // warm-up
      const durations: number[] = [];
      const t0 = performance.now();
      for (const id of people.slice(20)) {
        const t = performance.now();
        await run(id);
        durations.push(performance.now() - t);
      }
      const seconds = (performance.now() - t0) / 1000;
      durations.sort((a, b) => a - b);
      const p95 = percentile(durations, 95);
      results.push({
        name: 'review.incremental',
        p50_ms: round(percentile(durations, 50)),
        p95_ms: round(p95),
        throughput_per_s: round(durations.length / seconds),
        rss_mb: rssMb(),
        samples: durations.length,
        budget,
        ok: p95 <= budget.p95_ms,
      });
    }
    return { prep, results };
  });
}

/** Logs a session in as the account (demo login). */
async function loginById(session: BenchSession, accountId: string): Promise<void> {
  await (await session.fetch('/api/auth/session')).arrayBuffer();
  const res = await session.fetch('/api/auth/demo/login', {
    method: 'POST',
    headers: json,
    body: JSON.stringify({ accountId }),
  });
  await res.arrayBuffer();
  if (!res.ok) throw new Error(`login failed ${res.status}`);
}

/** GET scenarios measured by the common loop of bench.ts. */
export async function reviewScenarios(
  prep: ReviewBenchPrep,
  referent: BenchSession,
  admin: BenchSession,
): Promise<Scenario[]> {
  if (!prep.caseload) return [];
  await loginById(referent, prep.caseload.accountId);
  console.log(
    `« Ma file active » mesurée pour ${prep.caseload.name} (${prep.caseload.people} personnes suivies, la plus grande file).`,
  );
  return [
    ['review.caseload', { p95_ms: 50 }, () => referent.fetch('/api/review/caseload?show=tous&limit=300')],
    ['review.caseload.default', { p95_ms: 50 }, () => referent.fetch('/api/review/caseload')],
    ['review.territoryCounts', { p95_ms: 200 }, () => admin.fetch('/api/review/overview?scope=territory')],
  ];
}

const MESSAGE =
  'Bonjour {prenom}, votre référent·e de {structure} souhaite reprendre contact avec vous. Choisissez un rendez-vous ou demandez à être rappelé·e : {lien}';

/**
 * A campaign to the people lost from view (at least 5,000, at most 10,000: whole territory or
 * the biggest communes), launched by the territory admin in one request; the server runs
 * without worker so that its messages stay pending for `campaignDelivery`.
 */
export async function campaignQueueScenario(
  prep: ReviewBenchPrep,
  admin: BenchSession,
  rss: () => number,
): Promise<ReviewBenchResult> {
  const budget = { ms: 10_000 };
  const skipped = (why: string): ReviewBenchResult => ({
    name: 'campaigns.queue5000',
    p50_ms: 0,
    p95_ms: 0,
    throughput_per_s: 0,
    rss_mb: 0,
    samples: 0,
    budget,
    ok: false,
    skipped: why,
  });
  const selection = { ruleIds: ['lost_contact'], communeCodes: prep.campaignCommunes };
  const preview = await admin.fetch('/api/campaigns/preview', {
    method: 'POST',
    headers: json,
    body: JSON.stringify({ selection, message: MESSAGE }),
  });
  const previewText = await preview.text();
  if (!preview.ok) return skipped(`aperçu : HTTP ${preview.status} ${previewText.slice(0, 160)}`);
  const { people, tooMany } = JSON.parse(previewText) as { people: number; tooMany: boolean };
  if (people < 5_000 || tooMany)
    return skipped(`sélection de ${people} personnes (5 000 à 10 000 attendues)`);
  const t0 = performance.now();
  const res = await admin.fetch('/api/campaigns', {
    method: 'POST',
    headers: json,
    body: JSON.stringify({
      idempotencyKey: randomUUID().replace(/-/g, ''),
      name: `Banc d’essai — perdu·es de vue (${new Date().toISOString().slice(0, 16)})`,
      selection,
      message: MESSAGE,
      appointmentType: 'accompagnement',
      slots: [],
      allowCallback: true,
    }),
  });
  const text = await res.text();
  const ms = performance.now() - t0;
  if (!res.ok) return skipped(`HTTP ${res.status} ${text.slice(0, 200)}`);
  const body = JSON.parse(text) as { id: string; counts: { people: number } };
  console.log(`campaigns.queue5000 : ${body.counts.people} personnes en ${Math.round(ms)} ms`);
  return {
    name: 'campaigns.queue5000',
    p50_ms: round(ms),
    p95_ms: round(ms),
    throughput_per_s: round(body.counts.people / (ms / 1000)),
    rss_mb: rss(),
    samples: 1,
    budget,
    ok: ms <= budget.ms,
    details: { campaignId: body.id, people: body.counts.people, communes: prep.campaignCommunes.length },
  };
}

/**
 * The worker's delivery of the pending campaign messages (after `campaignQueueScenario`, server
 * stopped): `deliverNotifications` as a worker pass calls it, to the fake SMS provider and the
 * stored-only e-mail and letter channels, until no campaign message is pending.
 */
export async function campaignDelivery(): Promise<ReviewBenchResult> {
  const budget = { throughput_per_s: 200 };
  const sms = new FakeSmsSender();
  const local = new StoredOnlySender();
  return withDeps(
    async (deps) => {
      const db = deps.database.db;
      const pending = async () =>
        Number(
          (
            await db
              .selectFrom('notifications')
              .select((eb) => eb.fn.countAll<number>().as('n'))
              .where('related_kind', '=', 'campaign_recipient')
              .where('status', '=', 'pending')
              .executeTakeFirstOrThrow()
          ).n,
        );
      const before = await pending();
      const passes: number[] = [];
      let sent = 0;
      let undeliverable = 0;
      const t0 = performance.now();
      for (let guard = 0; guard < 10_000; guard++) {
        const t = performance.now();
        const r = await deliverNotifications(db, deps.senders, deps.clock);
        passes.push(performance.now() - t);
        sent += r.sent;
        undeliverable += r.undeliverable;
        if (r.sent + r.failed + r.undeliverable === 0 || (await pending()) === 0) break;
      }
      const seconds = (performance.now() - t0) / 1000;
      const left = await pending();
      // Every message handed to a provider counts, the invalid numbers' too.
      const rate = (sent + undeliverable) / Math.max(seconds, 0.001);
      passes.sort((a, b) => a - b);
      console.log(
        `campaigns.deliver : ${sent} messages (${sms.messages.length} SMS au faux fournisseur, ${undeliverable} destinataires invalides) en ${seconds.toFixed(1)} s, ${left} en attente`,
      );
      return {
        name: 'campaigns.deliver',
        // Per worker pass (up to 20 batches of 250).
        p50_ms: round(percentile(passes, 50)),
        p95_ms: round(percentile(passes, 95)),
        throughput_per_s: round(rate),
        rss_mb: rssMb(),
        samples: passes.length,
        budget,
        ok: before > 0 && left === 0 && rate >= budget.throughput_per_s,
        total_ms: round(seconds * 1000),
        ...(before === 0 ? { skipped: 'aucun message de campagne en attente' } : {}),
        details: { pendingBefore: before, sent, sms: sms.messages.length, undeliverable },
      };
    },
    { email: local, sms, letter: local },
  );
}
