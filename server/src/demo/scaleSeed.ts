import { performance } from 'node:perf_hooks';
import { type AlertRuleId, alertRules } from '@spie/contract/review';
import { territorySettings } from '@spie/contract/territories';
import { sql } from 'kysely';
import type { Deps } from '../kernel/deps';
import { recomputeTerritory } from '../modules/review';
import { DEMO_TERRITORY_CODE, demoEmail, ensureDemoTerritory, withLuhnKey } from './demoTerritory';
import { demoAccounts, demoOrganisations } from './demoTerritory.data';
import { createRng, femaleFirstNames, lastNames, maleFirstNames } from './fictionalIdentities';
import { type CatalogueSeedInput, insertCatalogue, insertReferrals } from './scale/scaleCatalogue';
import {
  type ContractSeedInput,
  createHoursIndex,
  dropHoursIndex,
  HOURS_BATCHES,
  insertContractExtras,
  insertContracts,
  insertPlans,
  insertWeeklyHours,
} from './scale/scaleContracts';
import {
  insertCafCodes,
  insertDiagnostics,
  insertOrientations,
  insertReorientationRequests,
  type OrientationSeedInput,
} from './scale/scaleOrientations';
import { buildScalePlan, type Counsellor, type SiaeStaff } from './scale/scalePlan';
import {
  APPOINTMENT_BATCHES,
  createReviewPlan,
  insertAppointmentProfessionals,
  insertAppointments,
  insertContacts,
  insertSituationReviews,
  planSiaeContractEnds,
  type ReviewSeedInput,
} from './scale/scaleReview';
import {
  createTimelineIndex,
  dropTimelineIndex,
  insertDocuments,
  insertJsonRows,
  insertTimeline,
} from './scale/scaleSql';
import {
  BENCH_COUNSELLOR,
  BENCH_COUNSELLOR_REFERENT_PER_100K,
  counsellorPlan,
  partnerOrganisations,
  scaleOrganisations,
  siaeStaffPlan,
} from './scale/scaleTerritory';

/**
 * The scale seed: the demo territory 93 grown to a realistic size (100,000 people by default,
 * 340 counsellors in 30 organisations, two years of statuses and about 20 timeline entries per
 * person). Deterministic from the seed number; fictional people only. Used by
 * `npm run seed:scale` and by the benches.
 */
export interface ScaleSeedOptions {
  people: number;
  seed: number;
  /** Reference day of the histories (default: the clock's today). */
  today?: Date;
  /** Progress lines (French), e.g. console.log. */
  log?: (line: string) => void;
}

export interface ScaleSeedReport {
  /** False when the territory already held people: nothing was written. */
  seeded: boolean;
  phases: { name: string; seconds: number }[];
  rows: Record<string, number>;
  totalSeconds: number;
}

/** Tables whose rows the report counts (territory 93 only for tenant tables). */
export const SCALE_TABLES = [
  'organisations',
  'memberships',
  'persons',
  'person_statuses',
  'follow_ups',
  'person_information',
  'person_consents',
  'sensitive_notes',
  'timeline_events',
  'documents',
  'person_caf_socio_pro',
  'diagnostics',
  'diagnostic_authors',
  'orientations',
  'reorientation_requests',
  'engagement_contracts',
  'contract_versions',
  'contract_objectives',
  'contract_actions',
  'weekly_hours',
  'activity_adjustments',
  'signature_links',
  'appointments',
  'appointment_professionals',
  'person_contacts',
  'situation_reviews',
  'alerts',
  'catalogue_structures',
  'catalogue_services',
  'catalogue_sessions',
  'referrals',
  'referral_history',
  'referral_attendance',
] as const;

const JOURNEY_BATCH = 5000;

export async function demoTerritoryId(deps: Deps): Promise<string> {
  const row = await deps.database.db
    .selectFrom('territories')
    .select('id')
    .where('code', '=', DEMO_TERRITORY_CODE)
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function countScaleRows(deps: Deps, territoryId: string): Promise<Record<string, number>> {
  const rows: Record<string, number> = {};
  for (const table of SCALE_TABLES) {
    const r = await sql<{
      n: number;
    }>`select count(*)::int as n from ${sql.table(table)} where territory_id = ${territoryId}`.execute(
      deps.database.db,
    );
    rows[table] = Number(r.rows[0]?.n ?? 0);
  }
  const accounts = await sql<{ n: number }>`
    select count(distinct account_id)::int as n from memberships where territory_id = ${territoryId} and ended_at is null`.execute(
    deps.database.db,
  );
  rows.accounts = Number(accounts.rows[0]?.n ?? 0);
  return rows;
}

const slug = (s: string) =>
  s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');

export async function seedScale(deps: Deps, options: ScaleSeedOptions): Promise<ScaleSeedReport> {
  const log = options.log ?? (() => {});
  const db = deps.database.db;
  const started = performance.now();
  const phases: ScaleSeedReport['phases'] = [];
  const phase = async <T>(name: string, run: () => Promise<T>): Promise<T> => {
    const t = performance.now();
    const result = await run();
    const seconds = Math.round((performance.now() - t) / 10) / 100;
    phases.push({ name, seconds });
    log(`  ${name.padEnd(34)} ${seconds.toFixed(2).padStart(8)} s`);
    return result;
  };

  await ensureDemoTerritory(deps);
  const territoryId = await demoTerritoryId(deps);
  const existing = await db
    .selectFrom('persons')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('territory_id', '=', territoryId)
    .executeTakeFirstOrThrow();
  const now = options.today ?? deps.clock.now();
  const today = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()));
  if (Number(existing.n) > 0) {
    const count = async (table: 'engagement_contracts' | 'orientations' | 'appointments') =>
      Number(
        (
          await db
            .selectFrom(table)
            .select((eb) => eb.fn.countAll<number>().as('n'))
            .where('territory_id', '=', territoryId)
            .executeTakeFirstOrThrow()
        ).n,
      );
    const contracts = await count('engagement_contracts');
    const orientations = await count('orientations');
    const appointments = await count('appointments');
    const addContracts = contracts === 0 && orientations > 0;
    // Data seeded before the systematic review (issue 6): appointments, contacts, reviews, alerts.
    const addReview = appointments === 0 && (contracts > 0 || addContracts);
    // Data seeded before the catalogue (issue 7): structures, services, sessions and referrals.
    const services = await db
      .selectFrom('catalogue_services')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('territory_id', '=', territoryId)
      .executeTakeFirstOrThrow();
    const referrals = await db
      .selectFrom('referrals')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('territory_id', '=', territoryId)
      .executeTakeFirstOrThrow();
    const addCatalogue = Number(services.n) === 0 || Number(referrals.n) === 0;
    if (!addContracts && !addReview && !addCatalogue)
      return { seeded: false, phases, rows: await countScaleRows(deps, territoryId), totalSeconds: 0 };
    const { settings } = await db
      .selectFrom('territories')
      .select('settings')
      .where('id', '=', territoryId)
      .executeTakeFirstOrThrow();
    if (addContracts) {
      // Data seeded before the engagement contracts (issue 4): add them, the rest stays as it is.
      log('  (personnes et orientations déjà là : ajout des contrats d’engagement)');
      const bench = await db
        .selectFrom('accounts')
        .select('id')
        .where('first_name', '=', BENCH_COUNSELLOR.firstName)
        .where('last_name', '=', BENCH_COUNSELLOR.lastName)
        .executeTakeFirst();
      await seedContracts(deps, phase, {
        territoryId,
        today,
        now,
        benchAccountId: bench?.id ?? null,
        settings: territorySettings.parse(settings ?? {}),
      });
    }
    if (addReview) {
      log(
        '  (personnes et contrats déjà là : ajout des rendez-vous, contacts, points de situation et alertes)',
      );
      await seedReview(deps, phase, { territoryId, today, now }, log);
    }
    if (addCatalogue) {
      log('  (données déjà là : ajout du catalogue des offres et des prescriptions)');
      await seedCatalogue(
        deps,
        phase,
        { territoryId, today, now, people: options.people, seed: options.seed },
        log,
        Number(services.n) === 0,
      );
    }
    await phase('analyse des tables (ANALYZE)', () => sql`analyze`.execute(db));
    const rows = await phase('comptage', () => countScaleRows(deps, territoryId));
    return { seeded: true, phases, rows, totalSeconds: Math.round((performance.now() - started) / 10) / 100 };
  }

  // --- Organisations and professionals (idempotent: a crashed run may be resumed) ---
  const orgIds = await phase('structures et professionnel·les', () =>
    db.transaction().execute(async (trx) => {
      const allOrgs = [...demoOrganisations, ...scaleOrganisations];
      const ids = new Map<string, string>();
      const existingOrgs = await trx
        .selectFrom('organisations')
        .select(['id', 'name'])
        .where('territory_id', '=', territoryId)
        .execute();
      for (const o of existingOrgs) {
        const key = allOrgs.find((d) => d.name === o.name)?.key;
        if (key) ids.set(key, o.id);
      }
      for (const org of scaleOrganisations) {
        if (ids.has(org.key)) continue;
        const { id } = await trx
          .insertInto('organisations')
          .values({
            territory_id: territoryId,
            kind: org.kind,
            name: org.name,
            siret: org.siretBase ? withLuhnKey(org.siretBase) : null,
            safir_code: org.safirCode ?? null,
            address_line: org.addressLine,
            postal_code: org.postalCode,
            commune_code: org.communeCode,
            email: `contact@${org.key}.demo.example.org`,
            parent_id: org.parent ? (ids.get(org.parent) ?? null) : null,
          })
          .returning('id')
          .executeTakeFirstOrThrow();
        ids.set(org.key, id);
      }
      return ids;
    }),
  );
  const orgId = (key: string) => {
    const id = orgIds.get(key);
    if (!id) throw new Error(`Structure inconnue dans le territoire de démonstration : ${key}`);
    return id;
  };

  const { counsellors, siaeStaff, benchAccountId } = await phase('comptes des professionnel·les', () =>
    db.transaction().execute(async (trx) => {
      const accountRng = createRng(options.seed ^ 0xacc0);
      const accountIdByEmail = new Map<string, string>();
      const demoRows = await trx.selectFrom('accounts').select(['id', 'email']).execute();
      for (const a of demoRows) accountIdByEmail.set(a.email, a.id);
      const demoAccountId = (firstName: string, lastName: string) => {
        const account = demoAccounts.find((a) => a.firstName === firstName && a.lastName === lastName);
        const org = account?.memberships[0]?.org ?? 'demo';
        return accountIdByEmail.get(demoEmail(firstName, lastName, org));
      };
      // Demo accounts count once, in the first organisation where they accompany people.
      const demoIn = new Map<string, { accountId: string; role: string }[]>();
      for (const a of demoAccounts) {
        const m = a.memberships.find((x) => x.role === 'professional' || x.role === 'social_worker');
        const id = demoAccountId(a.firstName, a.lastName);
        if (!m || !id) continue;
        demoIn.set(m.org, [...(demoIn.get(m.org) ?? []), { accountId: id, role: m.role }]);
      }
      let serial = 0;
      const newAccounts: { id?: string; email: string; first_name: string; last_name: string }[] = [];
      const newMemberships: { email: string; org: string; role: string }[] = [];
      const fictional = (org: string, role: string) => {
        serial++;
        const female = accountRng.chance(0.6);
        const first = accountRng.pick(female ? femaleFirstNames : maleFirstNames);
        const last = accountRng.pick(lastNames);
        const email = `${slug(first)}.${slug(last)}.${serial}@${org}.demo.example.org`;
        newAccounts.push({ email, first_name: first, last_name: last });
        newMemberships.push({ email, org, role });
        return email;
      };
      const counsellorEmails: { email: string; org: string; cls: Counsellor['cls'] }[] = [];
      const counsellorDemo: { accountId: string; org: string; cls: Counsellor['cls'] }[] = [];
      for (const plan of counsellorPlan) {
        const demo = demoIn.get(plan.org) ?? [];
        for (const d of demo) counsellorDemo.push({ accountId: d.accountId, org: plan.org, cls: plan.cls });
        for (let n = demo.length; n < plan.count; n++)
          counsellorEmails.push({ email: fictional(plan.org, plan.role), org: plan.org, cls: plan.cls });
      }
      const staffEmails: { email: string; org: string; siaeType: SiaeStaff['siaeType'] }[] = [];
      const staffDemo: { accountId: string; org: string; siaeType: SiaeStaff['siaeType'] }[] = [];
      for (const plan of siaeStaffPlan) {
        const demo = demoIn.get(plan.org) ?? [];
        for (const d of demo)
          staffDemo.push({ accountId: d.accountId, org: plan.org, siaeType: plan.siaeType });
        for (let n = demo.length; n < plan.count; n++)
          staffEmails.push({
            email: fictional(plan.org, 'professional'),
            org: plan.org,
            siaeType: plan.siaeType,
          });
      }
      await insertJsonRows(
        trx,
        'accounts',
        newAccounts.filter((a) => !accountIdByEmail.has(a.email)),
      );
      const created = await trx
        .selectFrom('accounts')
        .select(['id', 'email'])
        .where(
          'email',
          'in',
          newAccounts.map((a) => a.email),
        )
        .execute();
      for (const a of created) accountIdByEmail.set(a.email, a.id);
      const idOf = (email: string) => {
        const id = accountIdByEmail.get(email);
        if (!id) throw new Error(`compte manquant : ${email}`);
        return id;
      };
      const memberships = newMemberships.map((m) => ({
        territory_id: territoryId,
        account_id: idOf(m.email),
        organisation_id: orgId(m.org),
        role: m.role,
      }));
      await sql`
        insert into memberships (territory_id, account_id, organisation_id, role)
        select territory_id, account_id, organisation_id, role
        from json_populate_recordset(null::memberships, ${JSON.stringify(memberships)}::json)
        on conflict (account_id, organisation_id, role) where ended_at is null do nothing`.execute(trx);

      const benchId = demoAccountId(BENCH_COUNSELLOR.firstName, BENCH_COUNSELLOR.lastName);
      if (!benchId) throw new Error('Compte de démonstration de Thomas Girard introuvable.');
      const weight = () => accountRng.int(255, 300);
      const counsellorList: Counsellor[] = [
        ...counsellorDemo.map((c) => ({
          accountId: c.accountId,
          organisationId: orgId(c.org),
          cls: c.cls,
          weight: weight(),
        })),
        ...counsellorEmails.map((c) => ({
          accountId: idOf(c.email),
          organisationId: orgId(c.org),
          cls: c.cls,
          weight: weight(),
        })),
      ];
      const orgName = (key: string) =>
        [...demoOrganisations, ...scaleOrganisations].find((o) => o.key === key)?.name ?? key;
      const staff: SiaeStaff[] = [
        ...staffDemo.map((s) => ({
          accountId: s.accountId,
          organisationId: orgId(s.org),
          siaeType: s.siaeType,
          organisationName: orgName(s.org),
        })),
        ...staffEmails.map((s) => ({
          accountId: idOf(s.email),
          organisationId: orgId(s.org),
          siaeType: s.siaeType,
          organisationName: orgName(s.org),
        })),
      ];
      return { counsellors: counsellorList, siaeStaff: staff, benchAccountId: benchId };
    }),
  );

  // --- People, teams and statuses, computed in JavaScript ---
  const plan = await phase('génération (identités, équipes, statuts)', async () => {
    const communes = await sql<{ code: string; postal: string | null; n: number }>`
      select code, postal_codes[1] as postal from communes where code like '93%' order by code`.execute(db);
    const known = await db.selectFrom('communes').select('code').execute();
    return buildScalePlan({
      seed: options.seed,
      people: options.people,
      territoryId,
      today,
      communes: communes.rows.map((c) => ({ code: c.code, postalCode: c.postal ?? '93000' })),
      knownCommunes: new Set(known.map((c) => c.code)),
      counsellors,
      benchCounsellor: {
        accountId: benchAccountId,
        quota: Math.round((BENCH_COUNSELLOR_REFERENT_PER_100K * options.people) / 100_000),
      },
      siaeStaff,
      partners: partnerOrganisations.map((p) => ({ organisationId: orgId(p.org), weight: p.weight })),
      plieOrganisationId: orgId('plie'),
      crypto: deps.crypto,
    });
  });
  log(
    `  personnes : ${plan.categories.rsa} foyers RSA (dont conjoint·es), ${plan.categories.youth} jeunes, ${plan.categories.rqth} RQTH, ${plan.categories.siae} salarié·es de SIAE`,
  );

  await phase('personnes', () =>
    db.transaction().execute(async (trx) => {
      // Batches never split a household: partners reference each other within one statement.
      let from = 0;
      while (from < plan.persons.length) {
        let to = Math.min(plan.persons.length, from + 5000);
        for (let i = from; i < to; i++) to = Math.max(to, (plan.partnerIndex[i] ?? -1) + 1);
        await insertJsonRows(trx, 'persons', plan.persons.slice(from, to), to - from);
        from = to;
      }
    }),
  );
  await phase('équipes (follow_ups)', () =>
    db.transaction().execute((trx) => insertJsonRows(trx, 'follow_ups', plan.followUps)),
  );
  await phase('statuts administratifs', () =>
    db.transaction().execute((trx) => insertJsonRows(trx, 'person_statuses', plan.statuses)),
  );
  await phase('information, consentements, notes', () =>
    db.transaction().execute(async (trx) => {
      await insertJsonRows(trx, 'person_information', plan.information);
      await insertJsonRows(trx, 'person_consents', plan.consents);
      await insertJsonRows(trx, 'sensitive_notes', plan.notes);
    }),
  );
  await phase('parcours (timeline_events, SQL)', () =>
    db.transaction().execute(async (trx) => {
      await dropTimelineIndex(trx);
      for (let i = 0; i < plan.journeys.length; i += JOURNEY_BATCH)
        await insertTimeline(trx, territoryId, plan.journeys.slice(i, i + JOURNEY_BATCH));
    }),
  );
  await phase('index du parcours', () => db.transaction().execute((trx) => createTimelineIndex(trx)));
  await phase('documents (métadonnées, SQL)', () =>
    db.transaction().execute(async (trx) => {
      for (let i = 0; i < plan.journeys.length; i += JOURNEY_BATCH)
        await insertDocuments(trx, territoryId, plan.journeys.slice(i, i + JOURNEY_BATCH));
    }),
  );
  // The set-based phases below join people, teams and organisations: plan them with statistics.
  await phase('statistiques avant orientations', () =>
    sql`analyze persons, follow_ups, organisations, memberships`.execute(db),
  );
  const { settings } = await db
    .selectFrom('territories')
    .select('settings')
    .where('id', '=', territoryId)
    .executeTakeFirstOrThrow();
  const delays = territorySettings.parse(settings ?? {});
  const orientationInput: OrientationSeedInput = {
    territoryId,
    today,
    now,
    seed: options.seed,
    orientationDelayDays: delays.orientationDelayDays,
    contractSignatureDelayDays: delays.contractSignatureDelayDays,
  };
  await phase('orientations (SQL)', () =>
    db.transaction().execute((trx) => insertOrientations(trx, orientationInput)),
  );
  await phase('demandes de réorientation (SQL)', () =>
    db.transaction().execute((trx) => insertReorientationRequests(trx, orientationInput)),
  );
  await phase('diagnostics (SQL)', () =>
    db.transaction().execute((trx) => insertDiagnostics(trx, orientationInput)),
  );
  await phase('codes socio-professionnels CAF (SQL)', () =>
    db.transaction().execute((trx) => insertCafCodes(trx, orientationInput)),
  );
  await seedContracts(deps, phase, { territoryId, today, now, benchAccountId, settings: delays });
  await seedCatalogue(
    deps,
    phase,
    { territoryId, today, now, people: options.people, seed: options.seed },
    log,
  );
  await seedReview(deps, phase, { territoryId, today, now }, log);
  await phase('analyse des tables (ANALYZE)', () => sql`analyze`.execute(db));
  const rows = await phase('comptage', () => countScaleRows(deps, territoryId));
  const totalSeconds = Math.round((performance.now() - started) / 10) / 100;
  return { seeded: true, phases, rows, totalSeconds };
}

/** Engagement contracts, action plans and two years of weekly hours (scaleContracts.ts), phase by phase. */
async function seedContracts(
  deps: Deps,
  phase: <T>(name: string, run: () => Promise<T>) => Promise<T>,
  input: {
    territoryId: string;
    today: Date;
    now: Date;
    benchAccountId: string | null;
    settings: ReturnType<typeof territorySettings.parse>;
  },
): Promise<void> {
  const db = deps.database.db;
  const delays = input.settings;
  const { territoryId, today, now, benchAccountId } = input;
  const contractInput: ContractSeedInput = {
    territoryId,
    today,
    now,
    benchAccountId,
    weeklyActivityHours: delays.weeklyActivityHours,
    contractReviewMonths: delays.contractReviewMonths,
    socialPathReviewMonths: delays.socialPathReviewMonths,
    socialPathReviewExtendedMonths: delays.socialPathReviewExtendedMonths,
    signatureLinkDays: delays.signatureLinkDays,
  };
  await phase('statistiques avant contrats', () => sql`analyze orientations, persons`.execute(db));
  await phase('contrats d’engagement (SQL)', () =>
    db.transaction().execute((trx) => insertContracts(trx, contractInput)),
  );
  await phase('plans d’action (SQL)', () =>
    db.transaction().execute((trx) => insertPlans(trx, contractInput)),
  );
  await phase('statistiques avant heures', () =>
    sql`analyze engagement_contracts, contract_objectives, contract_actions`.execute(db),
  );
  await phase('heures hebdomadaires (SQL)', () =>
    db.transaction().execute(async (trx) => {
      await dropHoursIndex(trx);
      for (let batch = 0; batch < HOURS_BATCHES; batch++) await insertWeeklyHours(trx, contractInput, batch);
    }),
  );
  await phase('index des heures', () => db.transaction().execute((trx) => createHoursIndex(trx)));
  await phase('versions, aménagements, liens (SQL)', () =>
    db.transaction().execute((trx) => insertContractExtras(trx, contractInput)),
  );
}

/**
 * Issue 6: appointments, contacts and « points de situation » (scaleReview.ts), then one full
 * pass of the review engine, as the nightly job does; prints the open alerts by rule.
 */
async function seedReview(
  deps: Deps,
  phase: <T>(name: string, run: () => Promise<T>) => Promise<T>,
  input: ReviewSeedInput,
  log: (line: string) => void,
): Promise<void> {
  const db = deps.database.db;
  await phase('statistiques avant rendez-vous', () =>
    sql`analyze follow_ups, persons, organisations, person_statuses`.execute(db),
  );
  // One transaction: the plan (a temporary table) serves every statement.
  await db.transaction().execute(async (trx) => {
    await phase('plan des contacts (SQL)', () => createReviewPlan(trx, input));
    await phase('rendez-vous (SQL)', async () => {
      for (let batch = 0; batch < APPOINTMENT_BATCHES; batch++) await insertAppointments(trx, input, batch);
      await insertAppointmentProfessionals(trx, input);
    });
    await phase('contacts et dernier contact (SQL)', () => insertContacts(trx, input));
    await phase('points de situation (SQL)', () => insertSituationReviews(trx, input));
    await phase('fins prévues des contrats SIAE (SQL)', () => planSiaeContractEnds(trx, input));
  });
  await phase('statistiques avant alertes', () =>
    sql`analyze appointments, person_contacts, situation_reviews, persons, person_statuses`.execute(db),
  );
  const result = await phase('alertes (réévaluation complète)', () =>
    recomputeTerritory(deps, input.territoryId),
  );
  log(
    `  alertes : ${result.opened.toLocaleString('fr-FR')} ouvertes pour ${result.people.toLocaleString('fr-FR')} personnes suivies (${result.durationMs} ms)`,
  );
  const byRule = await alertCountsByRule(deps, input.territoryId);
  for (const r of byRule)
    log(`    ${r.label.padEnd(44)} ${r.count.toLocaleString('fr-FR').padStart(8)}  (${r.share} %)`);
}

/** Open alerts by rule, with the share of the people followed (the seed's and the bench's report). */
export async function alertCountsByRule(
  deps: Deps,
  territoryId: string,
): Promise<{ ruleId: string; label: string; count: number; share: number }[]> {
  const { rows } = await sql<{ rule_id: AlertRuleId; n: number }>`
    select rule_id, count(*)::int as n from alerts
    where territory_id = ${territoryId}::uuid and status <> 'resolue' group by rule_id`.execute(
    deps.database.db,
  );
  const followed = await sql<{ n: number }>`
    select count(*)::int as n from follow_ups
    where territory_id = ${territoryId}::uuid and role = 'referent' and status = 'active'`.execute(
    deps.database.db,
  );
  const people = Math.max(1, Number(followed.rows[0]?.n ?? 0));
  const counts = new Map(rows.map((r) => [r.rule_id, Number(r.n)]));
  return alertRules.map((rule) => {
    const count = counts.get(rule.id) ?? 0;
    return { ruleId: rule.id, label: rule.label, count, share: Math.round((count / people) * 1000) / 10 };
  });
}

/**
 * Issue 7: the catalogue (structures, services, sessions across six départements) and the
 * referrals with their history and attendance (scaleCatalogue.ts); prints the counts.
 */
async function seedCatalogue(
  deps: Deps,
  phase: <T>(name: string, run: () => Promise<T>) => Promise<T>,
  input: CatalogueSeedInput,
  log: (line: string) => void,
  withServices = true,
): Promise<void> {
  const db = deps.database.db;
  // A run stopped after the services (committed apart) resumes with the referrals.
  if (withServices)
    await phase('catalogue : structures, services, sessions (SQL)', () =>
      db.transaction().execute((trx) => insertCatalogue(trx, input)),
    );
  await phase('statistiques avant prescriptions', () =>
    sql`analyze follow_ups, catalogue_services, catalogue_sessions`.execute(db),
  );
  await phase('prescriptions, historique, présences (SQL)', () =>
    db.transaction().execute((trx) => insertReferrals(trx, input)),
  );
  const { rows } = await sql<{ label: string; n: number }>`
    select 'structures' as label, count(*)::int as n from catalogue_structures where territory_id = ${input.territoryId}::uuid
    union all select 'services', count(*)::int from catalogue_services where territory_id = ${input.territoryId}::uuid
    union all select 'services avec places (93)', count(*)::int from catalogue_services
      where territory_id = ${input.territoryId}::uuid and capacity is not null and code_insee like '93%'
    union all select 'places (capacité, 93)', coalesce(sum(capacity), 0)::int from catalogue_services
      where territory_id = ${input.territoryId}::uuid and code_insee like '93%'
    union all select 'sessions', count(*)::int from catalogue_sessions where territory_id = ${input.territoryId}::uuid
    union all select 'prescriptions', count(*)::int from referrals where territory_id = ${input.territoryId}::uuid
    union all select 'historique des prescriptions', count(*)::int from referral_history where territory_id = ${input.territoryId}::uuid
    union all select 'semaines de présence', count(*)::int from referral_attendance where territory_id = ${input.territoryId}::uuid`.execute(
    db,
  );
  for (const r of rows) log(`    ${r.label.padEnd(32)} ${Number(r.n).toLocaleString('fr-FR').padStart(10)}`);
}
