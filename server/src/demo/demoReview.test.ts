import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { reevaluatePeople } from '../modules/review';
import { createTestContext, T0, type TestContext } from '../testing/testContext';
import { INVALID_PHONES, LOST_GROUP_SIZE } from './demoReview';
import { ensureDemoTerritory } from './demoTerritory';

let ctx: TestContext;
let territoryId = '';
const db = () => ctx.deps.database.db;
const DAY = 86_400_000;
const daysAgo = (n: number) => new Date(Date.parse(T0) - n * DAY);

const rows = async <T>(query: ReturnType<typeof sql<T>>) => (await query.execute(db())).rows;

/** The demo as `npm start` loads it (organisations, accounts, people, then the alerts). */
beforeAll(async () => {
  ctx = await createTestContext();
  await db()
    .transaction()
    .execute(async (trx) => {
      const tables = await sql<{ tablename: string }>`
        select tablename from pg_tables
        where schemaname = 'public' and tablename not in ('communes', 'rome_appellations', 'kysely_migration', 'kysely_migration_lock')`.execute(
        trx,
      );
      await sql`alter table audit_log disable trigger audit_log_no_truncate`.execute(trx);
      await sql.raw(`truncate ${tables.rows.map((t) => `"${t.tablename}"`).join(', ')} cascade`).execute(trx);
      await sql`alter table audit_log enable trigger audit_log_no_truncate`.execute(trx);
    });
  const t = performance.now();
  expect(await ensureDemoTerritory(ctx.deps, { people: true })).toBe(true);
  console.log(`demo territory with people and alerts: ${Math.round(performance.now() - t)} ms`);
  territoryId = (await db().selectFrom('territories').select('id').executeTakeFirstOrThrow()).id;
});
afterAll(() => ctx.close());

/** Open alerts by rule for the people an account follows as référent. */
const openAlerts = (lastName: string) =>
  rows<{ rule_id: string; n: number }>(sql`
    select a.rule_id, count(*)::int as n from alerts a
    join follow_ups f on f.person_id = a.person_id and f.role = 'referent' and f.status = 'active'
    join accounts c on c.id = f.account_id and c.last_name = ${lastName}
    where a.status <> 'resolue' group by a.rule_id order by a.rule_id`);

describe('demo territory: appointments, contacts and alerts (issue 6)', () => {
  it('keeps « last contact » equal to the latest contact, one contact per appointment held', async () => {
    const [check] = await rows<{
      persons: number;
      wrong: number;
      held: number;
      heldContacts: number;
      stray: number;
    }>(sql`
      select
        (select count(*)::int from persons where last_contact_at is not null) as persons,
        (select count(*)::int from persons p where p.last_contact_at is distinct from
          (select max(c.occurred_at) from person_contacts c where c.person_id = p.id)) as wrong,
        (select count(*)::int from appointments where status = 'honore') as held,
        (select count(*)::int from person_contacts c join appointments a on a.id = c.appointment_id
          where a.status = 'honore' and c.occurred_at = a.starts_at and c.kind = 'rendez_vous') as "heldContacts",
        (select count(*)::int from person_contacts c join appointments a on a.id = c.appointment_id
          where a.status <> 'honore') as stray`);
    expect(check?.persons).toBeGreaterThan(240);
    expect(check).toMatchObject({ wrong: 0, stray: 0 });
    expect(check?.heldContacts).toBe(check?.held);
    const kinds = await rows<{ kind: string }>(sql`select distinct kind from person_contacts order by kind`);
    expect(kinds.map((k) => k.kind)).toEqual(['appel', 'rendez_vous']);
  });

  it('gives Thomas Girard past appointments (held, missed, excused) and next ones this week and next, confirmed', async () => {
    const girard = await rows<{
      status: string;
      future: boolean;
      n: number;
      confirmed: number;
      pros: number;
    }>(sql`
      select a.status, a.starts_at > ${T0}::timestamptz as future, count(*)::int as n,
        count(a.confirmation_sent_at)::int as confirmed,
        count(*) filter (where exists (select 1 from appointment_professionals ap
          where ap.appointment_id = a.id and ap.account_id = c.id and ap.starts_at = a.starts_at))::int as pros
      from appointments a join accounts c on c.id = a.created_by_account_id and c.last_name = 'Girard'
      group by 1, 2 order by 1, 2`);
    const n = (status: string, future: boolean) =>
      girard.find((r) => r.status === status && r.future === future)?.n ?? 0;
    expect(n('honore', false)).toBeGreaterThanOrEqual(25);
    expect(n('absent', false)).toBeGreaterThanOrEqual(4);
    expect(n('excuse', false)).toBeGreaterThanOrEqual(3);
    expect(n('prevu', true)).toBeGreaterThanOrEqual(10);
    expect(girard.every((r) => r.confirmed === r.n && r.pros === r.n)).toBe(true);
    const [upcoming] = await rows<{ first: Date; last: Date }>(sql`
      select min(starts_at) as first, max(starts_at) as last from appointments
      where status = 'prevu' and starts_at > ${T0}::timestamptz`);
    expect(new Date(upcoming?.last as Date).getTime()).toBeLessThanOrEqual(Date.parse(T0) + 14 * DAY);
    // Mode « sur place » always with an address.
    const [noAddress] = await rows<{ n: number }>(sql`
      select count(*)::int as n from appointments where mode = 'sur_place' and address is null`);
    expect(noAddress?.n).toBe(0);
  });

  it('has the acceptance person: contacted 20 days ago, an appointment two days ago still « prévu », no alert yet', async () => {
    const past = await rows<{
      person_id: string;
      starts_at: Date;
      last_contact_at: Date;
      referent: string;
    }>(sql`
      select a.person_id, a.starts_at, p.last_contact_at, c.last_name as referent
      from appointments a join persons p on p.id = a.person_id
      join follow_ups f on f.person_id = p.id and f.role = 'referent' and f.status = 'active'
      join accounts c on c.id = f.account_id
      where a.status = 'prevu' and a.starts_at < ${T0}::timestamptz`);
    expect(past).toHaveLength(1);
    const [a] = past;
    expect(a?.referent).toBe('Girard');
    const ago = (d: Date) => Math.round((Date.parse(T0) - new Date(d).getTime()) / DAY);
    expect(ago(a?.starts_at as Date)).toBe(2);
    expect(ago(a?.last_contact_at as Date)).toBe(20);
    const open = await rows<{ rule_id: string }>(sql`
      select rule_id from alerts where person_id = ${a?.person_id} and status <> 'resolue'`);
    expect(open).toEqual([]);

    // The référent marks it « absent »: the person's re-evaluation opens « Sans contact ».
    await db()
      .updateTable('appointments')
      .set({ status: 'absent' })
      .where('person_id', '=', a?.person_id as string)
      .where('status', '=', 'prevu')
      .execute();
    await reevaluatePeople(ctx.deps, territoryId, [a?.person_id as string], 'AppointmentStatusChanged');
    const after = await rows<{ rule_id: string }>(sql`
      select rule_id from alerts where person_id = ${a?.person_id} and status = 'ouverte'`);
    expect(after.map((r) => r.rule_id)).toEqual(['no_contact']);
  });

  it('puts a group of more than 200 people lost from view at ALI Bobigny – Drancy, 3 with invalid numbers', async () => {
    const [group] = await rows<{ lost: number; invalid: number; fictional: number }>(sql`
      select count(*)::int as lost,
        count(*) filter (where p.phone_mobile in (${sql.join([...INVALID_PHONES])}))::int as invalid,
        count(*) filter (where p.phone_mobile like '063998%')::int as fictional
      from persons p
      join follow_ups f on f.person_id = p.id and f.role = 'referent' and f.status = 'active'
      join organisations o on o.id = f.organisation_id and o.name like 'Agence locale d''insertion de Bobigny%'
      where p.last_contact_at < ${daysAgo(90)}`);
    expect(group?.lost).toBeGreaterThanOrEqual(LOST_GROUP_SIZE);
    expect(group?.invalid).toBe(3);
    expect(group?.fictional).toBe((group?.lost ?? 0) - 3);
    const [alerts] = await rows<{ n: number }>(sql`
      select count(*)::int as n from alerts a
      join follow_ups f on f.person_id = a.person_id and f.role = 'referent' and f.status = 'active'
      join organisations o on o.id = f.organisation_id and o.name like 'Agence locale d''insertion de Bobigny%'
      where a.rule_id = 'lost_contact' and a.status = 'ouverte'`);
    expect(alerts?.n).toBeGreaterThanOrEqual(200);
  });

  it('computes realistic alerts for Thomas Girard’s people and the mission locale', async () => {
    const all = await rows<{ rule_id: string; n: number }>(sql`
      select rule_id, count(*)::int as n from alerts where status <> 'resolue' group by 1 order by 1`);
    console.log(`open alerts of the demo territory: ${all.map((r) => `${r.rule_id} ${r.n}`).join(', ')}`);
    const girard = Object.fromEntries((await openAlerts('Girard')).map((r) => [r.rule_id, r.n]));
    console.log(`… of Thomas Girard’s people: ${JSON.stringify(girard)}`);
    expect(girard.lost_contact).toBeGreaterThanOrEqual(2);
    expect(girard.no_contact).toBeGreaterThanOrEqual(1); // the acceptance person adds one above
    expect(girard.rsa_suspended_or_closed).toBeGreaterThanOrEqual(1);
    expect(girard.siae_contract_ending).toBeGreaterThanOrEqual(1);
    expect(girard.employment_checkpoint).toBeGreaterThanOrEqual(1);
    expect(girard.journey_gap).toBeGreaterThanOrEqual(1);
    expect(girard.activity_below_plan).toBeGreaterThanOrEqual(1);
    const cohen = Object.fromEntries((await openAlerts('Cohen')).map((r) => [r.rule_id, r.n]));
    expect(cohen.turning_26).toBe(1);
    // One alert per person × rule × episode, never twice.
    const [dupes] = await rows<{ n: number }>(sql`
      select count(*)::int as n from (select person_id, rule_id from alerts where status <> 'resolue'
        group by 1, 2 having count(*) > 1) d`);
    expect(dupes?.n).toBe(0);
    // A « point de situation » held recently for some of Girard's people, due for others.
    const [reviews] = await rows<{ recent: number }>(sql`
      select count(distinct person_id)::int as recent from situation_reviews where reviewed_on > ${daysAgo(90)}::date`);
    expect(reviews?.recent).toBeGreaterThanOrEqual(8);
  });
});
