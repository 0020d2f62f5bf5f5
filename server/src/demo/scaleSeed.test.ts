import { diagnosticContent, recommendPath } from '@spie/contract/diagnostics';
import { checkNir, maskNir } from '@spie/contract/people';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, T0, type TestContext } from '../testing/testContext';
import { counsellorPlan } from './scale/scaleTerritory';
import {
  alertCountsByRule,
  countScaleRows,
  demoTerritoryId,
  type ScaleSeedReport,
  seedScale,
} from './scaleSeed';

const PEOPLE = 2000;
const today = new Date(T0);

let ctx: TestContext;
let report: ScaleSeedReport;
let territoryId: string;

const one = async <T>(query: ReturnType<typeof sql<T>>) => {
  const r = await query.execute(ctx.deps.database.db);
  return r.rows[0] as T;
};

/** Everything that must not change from one run to the next with the same seed. */
const digest = () =>
  one<{
    people: string;
    timeline: string;
    statuses: string;
    teams: string;
    orientations: string;
    diagnostics: string;
    contracts: string;
    review: string;
  }>(sql`
    select
      (select md5(string_agg(id::text || birth_name || array_to_string(first_names, ' ') || birth_date::text
        || coalesce(partner_id::text, '') || coalesce(benefit_matricule, ''), ',' order by id)) from persons) as people,
      (select md5(string_agg(id::text || summary || occurred_at::text, ',' order by id)) from timeline_events) as timeline,
      (select md5(string_agg(id::text || kind || coalesce(value, '') || start_date::text, ',' order by id)) from person_statuses) as statuses,
      (select md5(string_agg(f.person_id::text || a.email || f.role || f.status, ',' order by f.id))
        from follow_ups f left join accounts a on a.id = f.account_id) as teams,
      (select md5(string_agg(id::text || status || coalesce(deadline::text, '') || coalesce(decided_at::text, ''), ',' order by id))
        from orientations) as orientations,
      (select md5(string_agg(id::text || content::text || coalesce(completed_at::text, ''), ',' order by id))
        from diagnostics) as diagnostics,
      (select md5(string_agg(c.id::text || c.status || c.start_on::text || (select count(*) from weekly_hours h
        where h.contract_id = c.id)::text, ',' order by c.id)) from engagement_contracts c) as contracts,
      (select md5(coalesce((select string_agg(id::text || status || starts_at::text, ',' order by id) from appointments), '')
        || coalesce((select string_agg(id::text || kind || occurred_at::text, ',' order by id) from person_contacts), '')
        || coalesce((select string_agg(id::text || reviewed_on::text || with_person::text, ',' order by id) from situation_reviews), '')
        || coalesce((select string_agg(id::text || coalesce(last_contact_at::text, ''), ',' order by id) from persons), ''))) as review`);

beforeAll(async () => {
  ctx = await createTestContext();
  report = await seedScale(ctx.deps, { people: PEOPLE, seed: 42, today });
  territoryId = await demoTerritoryId(ctx.deps);
}, 600_000);
afterAll(() => ctx.close());

describe('scale seed (2,000 people)', () => {
  it('writes every table in the expected proportions', () => {
    expect(report.seeded).toBe(true);
    const r = report.rows;
    expect(r.persons).toBe(PEOPLE);
    expect(r.organisations).toBe(30);
    // 25 demo accounts + 340 counsellors (12 of them demo) + 16 SIAE staff (2 of them demo).
    expect(r.accounts).toBe(25 + 340 - 12 + 16 - 2);
    const per = (table: string) => (r[table] ?? 0) / PEOPLE;
    expect(per('timeline_events')).toBeGreaterThan(17);
    expect(per('timeline_events')).toBeLessThan(23);
    expect(per('person_statuses')).toBeGreaterThan(3);
    expect(per('person_statuses')).toBeLessThan(6);
    expect(per('follow_ups')).toBeGreaterThan(1.5);
    expect(per('follow_ups')).toBeLessThan(2.5);
    expect(per('documents')).toBeGreaterThan(1.2);
    expect(per('documents')).toBeLessThan(1.8);
    expect(per('person_information')).toBeGreaterThan(0.6);
    expect(per('person_information')).toBeLessThan(0.8);
    expect(r.person_consents).toBeGreaterThan(0);
    expect(r.sensitive_notes).toBeGreaterThan(0);
    expect(counsellorPlan.reduce((a, p) => a + p.count, 0)).toBe(340);
  });

  it('gives every person exactly one active référent, a member of the organisation', async () => {
    const r = await one<{ wrong: number; outsider: number }>(sql`
      select
        (select count(*)::int from persons p where (select count(*) from follow_ups f
          where f.person_id = p.id and f.role = 'referent' and f.status = 'active') <> 1) as wrong,
        (select count(*)::int from follow_ups f where f.account_id is not null and not exists (
          select 1 from memberships m where m.account_id = f.account_id and m.organisation_id = f.organisation_id
            and m.ended_at is null)) as outsider`);
    expect(r).toEqual({ wrong: 0, outsider: 0 });
  });

  it('shares people among counsellors in proportion, Girard included (about 300 at 100,000)', async () => {
    const loads = await sql<{ n: number }>`
      select count(*)::int as n from follow_ups
      where territory_id = ${territoryId} and role = 'referent' and status = 'active' group by account_id`.execute(
      ctx.deps.database.db,
    );
    expect(loads.rows.length).toBe(340);
    const avg = PEOPLE / 340;
    for (const { n } of loads.rows) {
      expect(n).toBeGreaterThanOrEqual(Math.floor(avg * 0.6));
      expect(n).toBeLessThanOrEqual(Math.ceil(avg * 1.4));
    }
    const girard = await one<{ referent: number; all: number }>(sql`
      select count(*) filter (where f.role = 'referent')::int as referent, count(*)::int as all
      from follow_ups f join accounts a on a.id = f.account_id
      where a.last_name = 'Girard' and a.first_name = 'Thomas' and f.status = 'active'`);
    // 285 référent + some co-référent per 100,000: the same share of 2,000 people.
    expect(girard.referent).toBe(Math.round((285 * PEOPLE) / 100_000));
    expect(girard.all / PEOPLE).toBeGreaterThan(0.002);
    expect(girard.all / PEOPLE).toBeLessThan(0.0045);
  });

  it('stores NIRs encrypted, with a matching blind index and mask', async () => {
    const rows = await ctx.deps.database.db
      .selectFrom('persons')
      .select(['nir_encrypted', 'nir_index', 'nir_masked', 'sex'])
      .where('nir_encrypted', 'is not', null)
      .execute();
    expect(rows.length).toBeGreaterThan(PEOPLE * 0.9);
    for (const row of rows) {
      const nir = ctx.deps.crypto.decrypt(row.nir_encrypted as string);
      expect(checkNir(nir).ok).toBe(true);
      expect(row.nir_index).toBe(ctx.deps.crypto.blindIndex(nir));
      expect(row.nir_masked).toBe(maskNir(nir));
      expect(nir.slice(0, 1)).toBe(row.sex === 'M' ? '1' : '2');
    }
  });

  it('links RSA households: partners point to each other and share the matricule', async () => {
    const r = await one<{ couples: number; broken: number; roles: number }>(sql`
      select
        count(*)::int as couples,
        count(*) filter (where q.partner_id <> p.id or q.benefit_matricule is distinct from p.benefit_matricule)::int as broken,
        count(*) filter (where p.household_role = q.household_role)::int as roles
      from persons p join persons q on q.id = p.partner_id`);
    expect(r.couples).toBeGreaterThan(PEOPLE * 0.1);
    expect(r.broken).toBe(0);
    expect(r.roles).toBe(0);
  });

  it('keeps statuses coherent with who the person is', async () => {
    const r = await one<{
      oldYouth: number;
      twoRsa: number;
      siaeAlone: number;
      youthMl: number;
      youth: number;
    }>(sql`
      select
        (select count(*)::int from person_statuses s join persons p on p.id = s.person_id
          where s.kind in ('cej', 'pacea') and p.birth_date <= date '2000-11-02') as "oldYouth",
        (select count(*)::int from (select person_id from person_statuses where kind = 'rsa' and end_date is null
          group by person_id having count(*) > 1) x) as "twoRsa",
        (select count(*)::int from person_statuses s where s.kind = 'siae_contract' and not exists (
          select 1 from follow_ups f join organisations o on o.id = f.organisation_id
          where f.person_id = s.person_id and o.kind like 'siae_%')) as "siaeAlone",
        (select count(*)::int from persons p join follow_ups f on f.person_id = p.id and f.role = 'referent' and f.status = 'active'
          join organisations o on o.id = f.organisation_id
          where p.birth_date > date '2000-11-02' and o.kind = 'mission_locale') as "youthMl",
        (select count(*)::int from persons p where p.birth_date > date '2000-11-02') as youth`);
    expect(r.oldYouth).toBe(0);
    expect(r.twoRsa).toBe(0);
    expect(r.siaeAlone).toBe(0);
    expect(r.youthMl / r.youth).toBeGreaterThan(0.6);
    const future = await one<{ n: number }>(sql`
      select count(*)::int as n from timeline_events where occurred_at > ${today.toISOString()}::timestamptz`);
    expect(future.n).toBe(0);
  });

  it('orients about 90 % of people, queues about 4 % with a third late, keeps replaced orientations', async () => {
    const r = await one<{
      oriented: number;
      queue: number;
      overdue: number;
      replaced: number;
      toAssign: number;
      referentMismatch: number;
      twoOpen: number;
    }>(sql`
      select
        (select count(distinct person_id)::int from orientations where decided_at is not null) as oriented,
        (select count(*)::int from orientations where status in ('a_orienter', 'proposee')) as queue,
        (select count(*)::int from orientations where status in ('a_orienter', 'proposee')
          and deadline < ${today.toISOString().slice(0, 10)}::date) as overdue,
        (select count(*)::int from orientations o join orientations n on n.previous_orientation_id = o.id
          where o.status = 'remplacee' and o.ended_at = n.decided_at) as replaced,
        (select count(*)::int from orientations where status = 'notifiee' and referent_account_id is null) as "toAssign",
        (select count(*)::int from orientations o where o.status = 'referent_designe' and not exists (
          select 1 from follow_ups f where f.person_id = o.person_id and f.account_id = o.referent_account_id
            and f.organisation_id = o.organisation_id and f.role = 'referent' and f.status = 'active')) as "referentMismatch",
        (select count(*)::int from (select person_id from orientations
          where status in ('a_orienter', 'proposee', 'decidee', 'notifiee', 'referent_designe')
          group by person_id having count(*) > 1) x) as "twoOpen"`);
    expect(r.oriented / PEOPLE).toBeGreaterThan(0.86);
    expect(r.oriented / PEOPLE).toBeLessThan(0.94);
    expect(r.queue / PEOPLE).toBeGreaterThan(0.03);
    expect(r.queue / PEOPLE).toBeLessThan(0.05);
    expect(r.overdue / r.queue).toBeGreaterThan(0.2);
    expect(r.overdue / r.queue).toBeLessThan(0.5);
    expect(r.replaced / PEOPLE).toBeGreaterThan(0.07);
    expect(r.replaced / PEOPLE).toBeLessThan(0.13);
    expect(r.toAssign).toBeGreaterThan(0);
    expect(r.referentMismatch).toBe(0);
    expect(r.twoOpen).toBe(0);
    const requests = await sql<{ status: string; n: number }>`
      select status, count(*)::int as n from reorientation_requests group by status`.execute(
      ctx.deps.database.db,
    );
    const by = Object.fromEntries(requests.rows.map((x) => [x.status, x.n]));
    expect(Object.keys(by).sort()).toEqual(['acceptee', 'demandee', 'refusee']);
    const total = requests.rows.reduce((a, x) => a + x.n, 0);
    expect(total / PEOPLE).toBeGreaterThan(0.012);
    expect(total / PEOPLE).toBeLessThan(0.03);
    const caf = await one<{ n: number }>(
      sql`select count(distinct person_id)::int as n from person_caf_socio_pro`,
    );
    expect(caf.n / PEOPLE).toBeGreaterThan(0.25);
    expect(caf.n / PEOPLE).toBeLessThan(0.35);
  });

  it('gives about 60 % of people 1–3 diagnostic versions the contract reads, with their recommendation', async () => {
    const rows = await ctx.deps.database.db
      .selectFrom('diagnostics')
      .select([
        'person_id',
        'version',
        'status',
        'content',
        'recommendation',
        'recommended_path',
        'completed_at',
        'chosen_path',
        'chosen_path_reason',
      ])
      .execute();
    const completed = rows.filter((d) => d.status === 'completed');
    const people = new Set(completed.map((d) => d.person_id));
    expect(people.size / PEOPLE).toBeGreaterThan(0.55);
    expect(people.size / PEOPLE).toBeLessThan(0.65);
    expect(Math.max(...completed.map((d) => d.version ?? 0))).toBe(3);
    expect(rows.some((d) => d.status === 'draft')).toBe(true);
    expect(new Set(completed.map((d) => d.recommended_path))).toEqual(
      new Set(['emploi', 'socio_professionnel', 'social']),
    );
    expect(completed.some((d) => d.chosen_path !== null && d.chosen_path_reason)).toBe(true);
    for (const d of completed) {
      const content = diagnosticContent.parse(d.content);
      const day = new Date(`${new Date(d.completed_at as Date).toISOString().slice(0, 10)}T00:00:00Z`);
      expect(recommendPath(content, day)).toEqual(d.recommendation);
      expect(day.getTime()).toBeLessThan(today.getTime());
    }
    const authors = await one<{ missing: number; joint: number; girard: number }>(sql`
      select
        (select count(*)::int from diagnostics d where d.status = 'completed'
          and not exists (select 1 from diagnostic_authors a where a.diagnostic_id = d.id)) as missing,
        (select count(*)::int from (select diagnostic_id from diagnostic_authors group by 1
          having count(distinct field) = 2) x) as joint,
        (select count(*)::int from diagnostic_authors da join accounts a on a.id = da.account_id
          where a.last_name = 'Girard') as girard`);
    expect(authors.missing).toBe(0);
    expect(authors.joint).toBeGreaterThan(0);
    expect(authors.girard).toBeGreaterThan(0);
  });

  it('gives about 55 % of the people with a référent an engagement contract, one open at most', async () => {
    const r = await one<{
      withReferent: number;
      engaged: number;
      legacy: number;
      twoOpen: number;
      renewed: number;
      brokenChain: number;
      noOrientation: number;
      statuses: Record<string, number>;
    }>(sql`
      select
        (select count(*)::int from orientations where status = 'referent_designe') as "withReferent",
        (select count(distinct person_id)::int from engagement_contracts where kind = 'engagement'
          and status in ('brouillon', 'propose', 'signe', 'actif', 'en_revision', 'termine')) as engaged,
        (select count(*)::int from engagement_contracts where kind in ('cer', 'ppae')) as legacy,
        (select count(*)::int from (select person_id from engagement_contracts where kind = 'engagement'
          and status in ('brouillon', 'propose', 'signe', 'actif', 'en_revision') group by 1 having count(*) > 1) x) as "twoOpen",
        (select count(*)::int from engagement_contracts where status = 'renouvele') as renewed,
        (select count(*)::int from engagement_contracts p join engagement_contracts n on n.id = p.next_contract_id
          where p.status = 'renouvele' and (n.previous_contract_id <> p.id or n.person_id <> p.person_id
            or n.start_on <= p.start_on)) as "brokenChain",
        (select count(*)::int from engagement_contracts c where c.kind = 'engagement' and not exists (
          select 1 from orientations o where o.id = c.orientation_id and o.person_id = c.person_id
            and o.referent_account_id = c.referent_account_id)) as "noOrientation",
        (select jsonb_object_agg(status, n) from (select status, count(*)::int as n from engagement_contracts
          where kind = 'engagement' group by 1) s) as statuses`);
    expect(r.engaged / r.withReferent).toBeGreaterThan(0.45);
    expect(r.engaged / r.withReferent).toBeLessThan(0.6);
    expect(r.legacy / r.withReferent).toBeGreaterThan(0.02);
    expect(r.legacy / r.withReferent).toBeLessThan(0.05);
    expect(r.twoOpen).toBe(0);
    expect(r.renewed).toBeGreaterThan(0);
    expect(r.brokenChain).toBe(0);
    expect(r.noOrientation).toBe(0);
    expect(Object.keys(r.statuses).sort()).toEqual([
      'actif',
      'brouillon',
      'en_revision',
      'propose',
      'renouvele',
      'termine',
    ]);
    expect((r.statuses.actif ?? 0) / r.engaged).toBeGreaterThan(0.5);
    // Review dates on running contracts, some past due; signed contracts have their versions.
    const d = await one<{
      noReview: number;
      overdue: number;
      actif: number;
      unversioned: number;
      links: number;
    }>(sql`
      select
        (select count(*)::int from engagement_contracts where status = 'actif' and kind = 'engagement'
          and review_due_on is null) as "noReview",
        (select count(*)::int from engagement_contracts where status = 'actif' and kind = 'engagement'
          and review_due_on < ${today.toISOString().slice(0, 10)}::date) as overdue,
        (select count(*)::int from engagement_contracts where status = 'actif' and kind = 'engagement') as actif,
        (select count(*)::int from engagement_contracts c where c.version > 0 and (select count(*) from contract_versions v
          where v.contract_id = c.id) <> c.version) as unversioned,
        (select count(*)::int from signature_links) as links`);
    expect(d.noReview).toBe(0);
    expect(d.overdue / d.actif).toBeGreaterThan(0.03);
    expect(d.overdue / d.actif).toBeLessThan(0.2);
    expect(d.unversioned).toBe(0);
    expect(d.links).toBeGreaterThan(0);
  });

  it('plans 2–4 objectives and 3–8 actions per contract, from the shipped list', async () => {
    const r = await one<{
      minO: number;
      maxO: number;
      minA: number;
      maxA: number;
      uncoded: number;
      wrongTheme: number;
    }>(sql`
      select min(o)::int as "minO", max(o)::int as "maxO", min(a)::int as "minA", max(a)::int as "maxA",
        (select count(*)::int from contract_actions where code is null) as uncoded,
        (select count(*)::int from contract_actions a join contract_objectives o on o.id = a.objective_id
          where o.contract_id <> a.contract_id) as "wrongTheme"
      from (select c.id, (select count(*) from contract_objectives o where o.contract_id = c.id) as o,
        (select count(*) from contract_actions a where a.contract_id = c.id) as a
        from engagement_contracts c where c.kind = 'engagement') x`);
    expect(r).toEqual({ minO: 2, maxO: 4, minA: 3, maxA: 8, uncoded: 0, wrongTheme: 0 });
  });

  it('records weekly hours on Mondays, in the past, at most 60 h, within the contract, over up to 104 weeks', async () => {
    const monday = new Date(today.getTime() - ((today.getUTCDay() + 6) % 7) * 86_400_000)
      .toISOString()
      .slice(0, 10);
    const r = await one<{
      rows: number;
      notMonday: number;
      future: number;
      over60: number;
      beforeStart: number;
      wrongPerson: number;
      oldest: string;
      declared: number;
      weeksMax: number;
      adjustments: number;
      signed: number;
    }>(sql`
      select count(*)::int as rows,
        count(*) filter (where extract(isodow from h.week_start) <> 1)::int as "notMonday",
        count(*) filter (where h.week_start > ${monday}::date or h.recorded_at > ${today.toISOString()}::timestamptz)::int as future,
        count(*) filter (where h.hours > 60 or h.hours < 0)::int as over60,
        count(*) filter (where h.week_start < c.start_on)::int as "beforeStart",
        count(*) filter (where h.person_id <> c.person_id or a.contract_id <> h.contract_id)::int as "wrongPerson",
        min(h.week_start)::text as oldest,
        count(*) filter (where h.source = 'person')::int as declared,
        (select max(n)::int from (select count(distinct week_start) as n from weekly_hours group by person_id) x) as "weeksMax",
        (select count(*)::int from activity_adjustments) as adjustments,
        (select count(*)::int from engagement_contracts where version > 0) as signed
      from weekly_hours h
      join engagement_contracts c on c.id = h.contract_id
      join contract_actions a on a.id = h.action_id`);
    expect(r.rows).toBeGreaterThan(0);
    expect(r.notMonday).toBe(0);
    expect(r.future).toBe(0);
    expect(r.over60).toBe(0);
    expect(r.beforeStart).toBe(0);
    expect(r.wrongPerson).toBe(0);
    expect(r.oldest >= new Date(Date.parse(monday) - 103 * 7 * 86_400_000).toISOString().slice(0, 10)).toBe(
      true,
    );
    expect(r.declared / r.rows).toBeGreaterThan(0.1);
    expect(r.weeksMax).toBeGreaterThan(80);
    expect(r.weeksMax).toBeLessThanOrEqual(104);
    expect(r.adjustments / r.signed).toBeGreaterThan(0.04);
    expect(r.adjustments / r.signed).toBeLessThan(0.12);
  });

  it('gives Girard contracts to sign, most of the proposed people reachable by SMS or e-mail', async () => {
    const r = await one<{ contracts: number; proposed: number; reachable: number }>(sql`
      select count(*)::int as contracts, count(*) filter (where c.status = 'propose')::int as proposed,
        count(*) filter (where c.status = 'propose' and (p.phone_mobile is not null or p.email is not null))::int as reachable
      from engagement_contracts c join accounts a on a.id = c.referent_account_id
      join persons p on p.id = c.person_id
      where a.first_name = 'Thomas' and a.last_name = 'Girard' and c.kind = 'engagement'`);
    expect(r.contracts).toBeGreaterThan(0);
    expect(r.proposed).toBeGreaterThan(0);
    // Links go by SMS or e-mail: almost every person proposed a contract can receive one.
    expect(r.reachable / r.proposed).toBeGreaterThan(0.85);
  });

  it('adds only the contracts to data seeded before them (issue 4), the same ones', async () => {
    const before = await digest();
    await sql`truncate signature_links, activity_adjustments, weekly_hours, contract_actions, contract_objectives,
      contract_versions, engagement_contracts`.execute(ctx.deps.database.db);
    const topUp = await seedScale(ctx.deps, { people: PEOPLE, seed: 42, today });
    expect(topUp.seeded).toBe(true);
    expect(topUp.phases.map((p) => p.name)).not.toContain('personnes');
    expect(await digest()).toEqual(before);
  }, 240_000);

  it('gives each followed person about 3 appointments over two years (70 % held), the next ones within two weeks', async () => {
    const r = await one<{
      followed: number;
      total: number;
      past: number;
      held: number;
      absent: number;
      excused: number;
      cancelled: number;
      upcoming: number;
      farthest: string;
      oldest: string;
      noPro: number;
      weekend: number;
      noAddress: number;
    }>(sql`
      select (select count(*)::int from follow_ups where role = 'referent' and status = 'active') as followed,
        count(*)::int as total,
        count(*) filter (where a.starts_at <= ${T0}::timestamptz)::int as past,
        count(*) filter (where a.status = 'honore')::int as held,
        count(*) filter (where a.status = 'absent')::int as absent,
        count(*) filter (where a.status = 'excuse')::int as excused,
        count(*) filter (where a.status = 'annule')::int as cancelled,
        count(*) filter (where a.status = 'prevu' and a.starts_at > ${T0}::timestamptz)::int as upcoming,
        max(a.starts_at)::text as farthest, min(a.starts_at)::text as oldest,
        count(*) filter (where not exists (select 1 from appointment_professionals p where p.appointment_id = a.id
          and p.starts_at = a.starts_at))::int as "noPro",
        count(*) filter (where extract(isodow from a.starts_at at time zone 'Europe/Paris') > 5)::int as weekend,
        count(*) filter (where a.mode = 'sur_place' and a.address is null)::int as "noAddress"
      from appointments a`);
    expect(r.total / r.followed).toBeGreaterThan(2.6);
    expect(r.total / r.followed).toBeLessThan(3.6);
    const share = (n: number) => n / r.past;
    expect(share(r.held)).toBeGreaterThan(0.64);
    expect(share(r.held)).toBeLessThan(0.76);
    expect(share(r.absent)).toBeGreaterThan(0.11);
    expect(share(r.absent)).toBeLessThan(0.19);
    expect(share(r.excused)).toBeGreaterThan(0.07);
    expect(share(r.excused)).toBeLessThan(0.13);
    expect(share(r.cancelled)).toBeGreaterThan(0.03);
    expect(share(r.cancelled)).toBeLessThan(0.07);
    expect(r.upcoming / r.followed).toBeGreaterThan(0.12);
    expect(Date.parse(r.farthest)).toBeLessThan(Date.parse(T0) + 16 * 86_400_000);
    expect(Date.parse(r.oldest)).toBeGreaterThan(Date.parse(T0) - 734 * 86_400_000);
    expect(r).toMatchObject({ noPro: 0, weekend: 0, noAddress: 0 });
  });

  it('keeps « last contact » = the latest contact: about 8 % lost from view, 5–6 % without contact', async () => {
    const r = await one<{
      people: number;
      wrong: number;
      lost: number;
      silent: number;
      held: number;
      contacts: number;
    }>(sql`
      select count(*)::int as people,
        count(*) filter (where p.last_contact_at is distinct from (select max(c.occurred_at) from person_contacts c
          where c.person_id = p.id))::int as wrong,
        count(*) filter (where p.last_contact_at < ${T0}::timestamptz - interval '90 days')::int as lost,
        count(*) filter (where p.last_contact_at >= ${T0}::timestamptz - interval '90 days'
          and p.last_contact_at < ${T0}::timestamptz - interval '60 days')::int as silent,
        (select count(*)::int from appointments where status = 'honore') as held,
        (select count(*)::int from person_contacts where kind = 'rendez_vous') as contacts
      from persons p`);
    expect(r.wrong).toBe(0);
    expect(r.contacts).toBe(r.held);
    expect(r.lost / r.people).toBeGreaterThan(0.06);
    expect(r.lost / r.people).toBeLessThan(0.11);
    expect(r.silent / r.people).toBeGreaterThan(0.035);
    expect(r.silent / r.people).toBeLessThan(0.08);
  });

  it('reviews about 60 % of the people within 90 days, with the person at the last appointment for most', async () => {
    const r = await one<{ people: number; recent: number; withPerson: number; atAppointment: number }>(sql`
      select (select count(*)::int from persons) as people,
        count(distinct s.person_id) filter (where s.reviewed_on > ${T0}::date - 90)::int as recent,
        count(*) filter (where s.with_person)::int as "withPerson",
        count(*) filter (where s.with_person and exists (select 1 from appointments a where a.person_id = s.person_id
          and a.status = 'honore' and a.type = 'point_de_situation'
          and (a.starts_at at time zone 'Europe/Paris')::date = s.reviewed_on))::int as "atAppointment"
      from situation_reviews s`);
    expect(r.recent / r.people).toBeGreaterThan(0.52);
    expect(r.recent / r.people).toBeLessThan(0.68);
    expect(r.atAppointment).toBe(r.withPerson);
  });

  it('computes the alerts once with the review engine: realistic counts, one per episode', async () => {
    const by = Object.fromEntries(
      (await alertCountsByRule(ctx.deps, territoryId)).map((r) => [r.ruleId, r.share / 100]),
    );
    expect(by.lost_contact).toBeGreaterThan(0.06);
    expect(by.lost_contact).toBeLessThan(0.11);
    expect(by.no_contact).toBeGreaterThan(0.035);
    expect(by.no_contact).toBeLessThan(0.08);
    expect(by.periodic_review_due).toBeGreaterThan(0.25);
    expect(by.periodic_review_due).toBeLessThan(0.45);
    expect(by.rsa_suspended_or_closed).toBeGreaterThan(0.03);
    expect(by.siae_contract_ending).toBeGreaterThan(0);
    expect(by.activity_below_plan).toBeLessThan(0.15);
    const dupes = await one<{ n: number }>(sql`
      select count(*)::int as n from (select person_id, rule_id, episode_key from alerts
        group by 1, 2, 3 having count(*) > 1) d`);
    expect(dupes.n).toBe(0);
  });

  it('adds only the review data to data seeded before it (issue 6), the same ones', async () => {
    const before = await digest();
    await sql`truncate alert_history, alerts, situation_reviews, person_contacts, appointment_professionals,
      appointments`.execute(ctx.deps.database.db);
    await sql`update persons set last_contact_at = null`.execute(ctx.deps.database.db);
    await sql`update person_statuses set details = details - 'endDate' - 'siaeType' where kind = 'siae_contract'`.execute(
      ctx.deps.database.db,
    );
    const topUp = await seedScale(ctx.deps, { people: PEOPLE, seed: 42, today });
    expect(topUp.seeded).toBe(true);
    expect(topUp.phases.map((p) => p.name)).not.toContain('personnes');
    expect(topUp.phases.map((p) => p.name)).not.toContain('contrats d’engagement (SQL)');
    expect(await digest()).toEqual(before);
  }, 240_000);

  it('is deterministic and refuses to seed twice', async () => {
    const first = await digest();
    const again = await seedScale(ctx.deps, { people: PEOPLE, seed: 42, today });
    expect(again.seeded).toBe(false);
    expect(again.rows.persons).toBe(PEOPLE);

    await ctx.reset();
    await seedScale(ctx.deps, { people: PEOPLE, seed: 42, today });
    expect(await digest()).toEqual(first);

    await ctx.reset();
    await seedScale(ctx.deps, { people: PEOPLE, seed: 7, today });
    const other = await digest();
    expect(other.people).not.toBe(first.people);
    expect((await countScaleRows(ctx.deps, await demoTerritoryId(ctx.deps))).persons).toBe(PEOPLE);
  }, 360_000);
});

describe('scale seed: catalogue and referrals (issue 7, 2,000 people)', () => {
  const db = () => ctx.deps.database.db;
  const catalogueDigest = () =>
    one<{ services: string; referrals: string }>(sql`
      select
        (select md5(string_agg(id || nom || coalesce(capacity::text, '') || coalesce(latitude::text, '') || status, ',' order by id))
          from catalogue_services) as services,
        (select md5(coalesce((select string_agg(id::text || status || service_id || created_at::text, ',' order by id) from referrals), '')
          || coalesce((select string_agg(referral_id::text || week_start::text || hours::text, ',' order by referral_id, week_start)
            from referral_attendance), ''))) as referrals`);

  it('writes 80 structures, 400 services across six départements, sessions and 4,000 referrals', async () => {
    // The test above may have rebuilt the territory (new id).
    const r = await countScaleRows(ctx.deps, await demoTerritoryId(ctx.deps));
    expect(r.catalogue_structures).toBe(80);
    expect(r.catalogue_services).toBe(400);
    expect(r.referrals).toBe(4000);
    const deps = await one<{
      deps: string[];
      d93: number;
      remote: number;
      capacity: number;
      places93: number;
    }>(sql`
      select array_agg(distinct substr(st.code_insee, 1, 2) order by substr(st.code_insee, 1, 2)) as deps,
        (count(*) filter (where st.code_insee like '93%'))::float / count(*) as d93,
        (count(*) filter (where s.modes_accueil = array['a-distance']))::float / count(*) as remote,
        (count(*) filter (where s.capacity is not null))::float / count(*) as capacity,
        coalesce(sum(s.capacity) filter (where s.code_insee like '93%'), 0)::int as places93
      from catalogue_services s join catalogue_structures st on st.territory_id = s.territory_id and st.id = s.structure_id`);
    expect(deps.deps).toEqual(['75', '77', '92', '93', '94', '95']);
    expect(deps.d93).toBeGreaterThan(0.2);
    expect(deps.d93).toBeLessThan(0.4);
    expect(deps.remote).toBeGreaterThan(0.08);
    expect(deps.remote).toBeLessThan(0.22);
    expect(deps.capacity).toBeGreaterThan(0.6);
    expect(deps.capacity).toBeLessThan(0.8);
    // About 12,600 places at 100,000 people in the Seine-Saint-Denis (252 here).
    expect(deps.places93).toBeGreaterThan(150);
    expect(deps.places93).toBeLessThan(360);
    const sessions = await one<{ services: number; min: number; max: number; withCapacity: number }>(sql`
      select count(*)::int as services, min(n)::int as min, max(n)::int as max,
        count(*) filter (where capacity is not null)::int as "withCapacity"
      from (select s.id, s.capacity, count(ss.id) as n from catalogue_services s
        join catalogue_sessions ss on ss.territory_id = s.territory_id and ss.service_id = s.id group by s.territory_id, s.id) x`);
    expect(sessions.services).toBeGreaterThan(35);
    expect(sessions.services).toBeLessThan(90);
    expect(sessions.min).toBeGreaterThanOrEqual(1);
    expect(sessions.max).toBeLessThanOrEqual(4);
    expect(sessions.withCapacity).toBe(0);
    const themes = await one<{ min: number; max: number; unknown: number }>(sql`
      select min(cardinality(thematiques))::int as min, max(cardinality(thematiques))::int as max,
        count(*) filter (where search_text !~ '^[a-z0-9 ]+$')::int as unknown from catalogue_services`);
    expect(themes).toEqual({ min: 1, max: 4, unknown: 0 });
  });

  it('places services within 2 km of their commune’s centroid', async () => {
    const far = await one<{ n: number; max: number }>(sql`
      select count(*) filter (where d > 2000)::int as n, max(d)::float as max from (
        select earth_distance(ll_to_earth(c.latitude, c.longitude), ll_to_earth(s.latitude, s.longitude)) as d
        from catalogue_services s join communes c on c.code = s.code_insee where s.latitude is not null) x`);
    expect(far.n).toBe(0);
  });

  it('draws realistic referral statuses, dates, history and attendance', async () => {
    const statuses = await sql<{ status: string; share: number }>`
      select status, count(*)::float / 4000 as share from referrals group by status`.execute(db());
    const share = Object.fromEntries(statuses.rows.map((s) => [s.status, s.share]));
    const expected: Record<string, number> = {
      envoyee: 0.15,
      en_liste_d_attente: 0.05,
      acceptee: 0.1,
      terminee: 0.35,
      en_cours: 0.15,
      refusee: 0.1,
      expiree: 0.05,
      annulee: 0.05,
    };
    for (const [status, target] of Object.entries(expected)) {
      expect(share[status] ?? 0).toBeGreaterThan(target - 0.03);
      expect(share[status] ?? 0).toBeLessThan(target + 0.03);
    }
    const checks = await one<{
      oldest: number;
      unanswered: number;
      noEntry: number;
      badEnd: number;
      staleSent: number;
      wrongHistory: number;
      badSender: number;
    }>(sql`
      select max(${T0}::date - created_at::date)::int as oldest,
        count(*) filter (where status in ('acceptee', 'refusee', 'en_cours', 'terminee', 'en_liste_d_attente') and answered_at is null)::int as unanswered,
        count(*) filter (where status in ('en_cours', 'terminee') and (entry_date is null or entry_date > ${T0}::date))::int as "noEntry",
        count(*) filter (where status = 'terminee' and (end_date is null or end_date < entry_date or outcome is null))::int as "badEnd",
        count(*) filter (where status = 'envoyee' and expires_at < ${T0}::timestamptz)::int as "staleSent",
        count(*) filter (where revision <> (select count(*) from referral_history h where h.referral_id = r.id))::int as "wrongHistory",
        count(*) filter (where not exists (select 1 from follow_ups f where f.person_id = r.person_id
          and f.account_id = r.sender_account_id and f.role = 'referent'))::int as "badSender"
      from referrals r`);
    expect(checks.oldest).toBeLessThanOrEqual(731);
    expect(checks.oldest).toBeGreaterThan(600);
    expect(checks).toMatchObject({
      unanswered: 0,
      noEntry: 0,
      badEnd: 0,
      staleSent: 0,
      wrongHistory: 0,
      badSender: 0,
    });
    const attendance = await one<{ rows: number; referrals: number; bad: number }>(sql`
      select count(*)::int as rows, count(distinct a.referral_id)::int as referrals,
        count(*) filter (where extract(isodow from a.week_start) <> 1 or a.hours > 60 or a.week_start + 7 > ${T0}::date
          or a.week_start > coalesce(r.end_date, ${T0}::date)
          or a.week_start < date_trunc('week', r.entry_date::timestamp)::date)::int as bad
      from referral_attendance a join referrals r on r.id = a.referral_id`);
    expect(attendance.bad).toBe(0);
    expect(attendance.rows / attendance.referrals).toBeGreaterThan(2);
    expect(attendance.rows / attendance.referrals).toBeLessThan(12);
  });

  it('adds only the catalogue to data seeded before it (issue 7), the same one', async () => {
    const truncate = () =>
      sql`truncate referral_links, referral_attendance, referral_history, referrals, catalogue_sessions,
      catalogue_services, catalogue_structures`.execute(db());
    // Whatever seed the people came from (the test above reseeds with 7): the catalogue of seed 42, twice.
    await truncate();
    expect((await seedScale(ctx.deps, { people: PEOPLE, seed: 42, today })).seeded).toBe(true);
    const before = await catalogueDigest();
    await truncate();
    const topUp = await seedScale(ctx.deps, { people: PEOPLE, seed: 42, today });
    expect(topUp.seeded).toBe(true);
    expect(topUp.phases.map((p) => p.name)).not.toContain('personnes');
    expect(await catalogueDigest()).toEqual(before);
  }, 240_000);
});
