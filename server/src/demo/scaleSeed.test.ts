import { diagnosticContent, recommendPath } from '@spie/contract/diagnostics';
import { checkNir, maskNir } from '@spie/contract/people';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, T0, type TestContext } from '../testing/testContext';
import { counsellorPlan } from './scale/scaleTerritory';
import { countScaleRows, demoTerritoryId, type ScaleSeedReport, seedScale } from './scaleSeed';

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
        from diagnostics) as diagnostics`);

beforeAll(async () => {
  ctx = await createTestContext();
  report = await seedScale(ctx.deps, { people: PEOPLE, seed: 42, today });
  territoryId = await demoTerritoryId(ctx.deps);
});
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
  }, 180_000);
});
