import { queuePage } from '@spie/contract/orientations';
import { sql } from 'kysely';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { verifyAuditLog } from '../../kernel/audit';
import { loginAs } from '../../testing/fixtures';
import { createPersonFixture } from '../../testing/peopleFixtures';
import { createTestContext, type TestContext } from '../../testing/testContext';
import { ALI_BOBIGNY, decisionTo, orgId, startOrientation, territoryId } from './orientations.testkit';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestContext();
});
afterAll(() => ctx.close());
beforeEach(() => ctx.reset());

type Client = Awaited<ReturnType<typeof loginAs>>;
async function queue(client: Client, query = '') {
  const res = await client.request('GET', `/api/orientations/queue${query}`);
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return queuePage.parse(res.body);
}

describe('« À orienter » queue', () => {
  it('lists overdue first in deadline order, filters, counts the whole filtered queue, pages by keyset', async () => {
    const db = ctx.deps.database.db;
    const benali = await loginAs(ctx, 'Benali');
    const people: string[] = [];
    for (const info of ['2026-11-01', '2026-09-15', '2026-10-20', '2026-09-01']) {
      const personId = await createPersonFixture(ctx);
      people.push(personId);
      await startOrientation(benali, personId, info);
    }
    await db
      .updateTable('persons')
      .set({ household_role: 'conjoint', commune_code: '93066' })
      .where('id', '=', people[1] as string)
      .execute();
    await db
      .updateTable('orientations')
      .set({ recommended_path: 'social' })
      .where('person_id', '=', people[2] as string)
      .execute();

    const first = await queue(benali, '?limit=2');
    expect(first.items.map((i) => i.deadline)).toEqual(['2026-10-13', '2026-10-27']);
    expect(first.items.map((i) => i.daysLeft)).toEqual([-20, -6]);
    expect(first).toMatchObject({ total: 4, overdue: 2 });
    expect(first.next).not.toBeNull();
    const second = await queue(benali, `?limit=2&after=${first.next}`);
    expect(second.items.map((i) => [i.deadline, i.daysLeft])).toEqual([
      ['2026-12-01', 29],
      ['2026-12-13', 41],
    ]);
    expect(second.next).toBeNull();

    const rows = await db
      .selectFrom('orientations')
      .select(['person_id', 'deadline_past_at_creation'])
      .execute();
    expect(
      rows
        .filter((r) => r.deadline_past_at_creation)
        .map((r) => r.person_id)
        .sort(),
    ).toEqual([people[1], people[3]].sort());

    expect((await queue(benali, '?overdueOnly=true')).items.map((i) => i.personId)).toEqual([
      people[3],
      people[1],
    ]);
    expect(await queue(benali, '?recommendedPath=social')).toMatchObject({ total: 1, overdue: 0 });
    expect((await queue(benali, '?recommendedPath=none')).total).toBe(3);
    const conjoint = await queue(benali, '?householdRole=conjoint');
    expect(conjoint.items.map((i) => [i.personId, i.communeCode])).toEqual([[people[1], '93066']]);
    expect((await queue(benali, '?communeCode=93008')).total).toBe(3);
    expect((await queue(benali, '?source=rsa')).total).toBe(0);
    expect((await queue(benali, '?status=proposee')).total).toBe(0);

    const girard = await loginAs(ctx, 'Girard');
    expect((await girard.request('GET', '/api/orientations/queue')).status).toBe(403);
  });

  it('RSA « droit ouvert » puts a person subject to droits et devoirs in the queue; RSA closed closes it', async () => {
    const db = ctx.deps.database.db;
    const girard = await loginAs(ctx, 'Girard');
    const benali = await loginAs(ctx, 'Benali');
    const subject = await createPersonFixture(ctx, [{ lastName: 'Girard', role: 'referent' }]);
    const exempt = await createPersonFixture(ctx, [{ lastName: 'Girard', role: 'referent' }]);
    const rsa = (value: string, details = {}) => ({ kind: 'rsa', value, details, startDate: '2026-10-01' });
    expect((await girard.request('POST', `/api/people/${subject}/statuses`, rsa('2'))).status).toBe(201);
    expect(
      (
        await girard.request(
          'POST',
          `/api/people/${exempt}/statuses`,
          rsa('2', { soumisDroitsEtDevoirs: false }),
        )
      ).status,
    ).toBe(201);
    await ctx.runWorker();
    await ctx.runWorker();
    const q = await queue(benali);
    expect(q.items.map((i) => [i.personId, i.source, i.informationReceivedOn, i.deadline])).toEqual([
      [subject, 'rsa', '2026-11-02', '2026-12-14'],
    ]);

    ctx.clock.advance(60_000);
    await girard.request('POST', `/api/people/${subject}/statuses`, { ...rsa('5'), startDate: '2026-11-02' });
    await ctx.runWorker();
    await ctx.runWorker(); // the close's own timeline event
    expect((await queue(benali)).total).toBe(0);
    const closed = await db
      .selectFrom('orientations')
      .selectAll()
      .where('person_id', '=', subject)
      .executeTakeFirstOrThrow();
    expect(closed).toMatchObject({ status: 'classee', end_reason: 'Droit RSA clos' });
    const summaries = (
      await db.selectFrom('timeline_events').select('summary').where('person_id', '=', subject).execute()
    ).map((e) => e.summary);
    expect(summaries).toContain('Orientation classée sans suite : Droit RSA clos');
    expect(summaries.some((s) => s.startsWith('À orienter (Information RSA'))).toBe(true);
  });

  it('a completed diagnostic updates the recommended path of the waiting orientation', async () => {
    const benali = await loginAs(ctx, 'Benali');
    const personId = await createPersonFixture(ctx);
    await startOrientation(benali, personId);
    const db = ctx.deps.database.db;
    await db
      .insertInto('outbox_events')
      .values({
        territory_id: await territoryId(ctx),
        type: 'DiagnosticCompleted',
        payload: JSON.stringify({
          personId,
          diagnosticId: personId,
          version: 1,
          recommendedPath: 'emploi',
          chosenPath: null,
        }),
        occurred_at: ctx.clock.now(),
        available_at: ctx.clock.now(),
      })
      .execute();
    await ctx.runWorker();
    expect((await queue(benali, '?recommendedPath=emploi')).items.map((i) => i.personId)).toEqual([personId]);
  });
});

/** Many people « à orienter » at once, straight in the database. */
async function waitingPeople(n: number): Promise<string[]> {
  const t = await territoryId(ctx);
  const now = ctx.clock.now();
  const rows = await sql<{ id: string }>`
    with p as (
      insert into persons (territory_id, sex, birth_name, first_names, birth_date, commune_code)
      select ${t}::uuid, 'F', 'Groupe' || i, array['Lina'], date '1990-01-01', '93008' from generate_series(1, ${n}) i
      returning id)
    insert into orientations (territory_id, person_id, status, source, information_received_on, deadline, created_at, updated_at)
    select ${t}::uuid, p.id, 'a_orienter', 'rsa', date '2026-10-01', date '2026-11-12', ${now}, ${now} from p
    returning id`.execute(ctx.deps.database.db);
  return rows.rows.map((r) => r.id);
}

describe('bulk decision', () => {
  it('decides 500 orientations in one go, one audit row per person, the chain intact', async () => {
    const ids = await waitingPeople(500);
    const benali = await loginAs(ctx, 'Benali');
    const started = performance.now();
    const res = await benali.request('POST', '/api/orientations/decisions', {
      ...(await decisionTo(ctx)),
      orientationIds: ids,
    });
    console.info(`bulk decision of 500: ${Math.round(performance.now() - started)} ms`);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body).toEqual({ decided: 500 });
    const db = ctx.deps.database.db;
    const statuses = await db
      .selectFrom('orientations')
      .select(sql<number>`count(*)::int`.as('n'))
      .where('status', '=', 'decidee')
      .executeTakeFirstOrThrow();
    expect(statuses.n).toBe(500);
    const audits = await db
      .selectFrom('audit_log')
      .select(sql<number>`count(distinct person_id)::int`.as('n'))
      .where('action', '=', 'orientations.decide')
      .executeTakeFirstOrThrow();
    expect(audits.n).toBe(500);
    const follows = await db
      .selectFrom('follow_ups')
      .select(sql<number>`count(*)::int`.as('n'))
      .where('organisation_id', '=', await orgId(ctx, ALI_BOBIGNY))
      .where('account_id', 'is', null)
      .executeTakeFirstOrThrow();
    expect(follows.n).toBe(500);
    expect((await verifyAuditLog(db)).problems).toEqual([]);
  }, 60_000);

  it('is all or nothing: one orientation in the wrong state fails the whole request and names it', async () => {
    const ids = await waitingPeople(3);
    const db = ctx.deps.database.db;
    await db
      .updateTable('orientations')
      .set({
        status: 'decidee',
        path: 'emploi',
        organisation_id: await orgId(ctx, ALI_BOBIGNY),
        decided_at: ctx.clock.now(),
      })
      .where('id', '=', ids[1] as string)
      .execute();
    const benali = await loginAs(ctx, 'Benali');
    const res = await benali.request<{
      error: { kind: string; message: string; details: { count: number; orientationIds: string[] } };
    }>('POST', '/api/orientations/decisions', { ...(await decisionTo(ctx)), orientationIds: ids });
    expect(res.status).toBe(409);
    expect(res.body.error.kind).toBe('invalid_transition');
    expect(res.body.error.details).toMatchObject({ count: 1, orientationIds: [ids[1]] });
    expect(res.body.error.message).toContain('1 des 3');
    const waiting = await db
      .selectFrom('orientations')
      .select('id')
      .where('status', '=', 'a_orienter')
      .execute();
    expect(waiting).toHaveLength(2);
    expect(
      await db.selectFrom('audit_log').select('seq').where('action', '=', 'orientations.decide').execute(),
    ).toEqual([]);
  });
});

describe('indicators', () => {
  it('counts decisions of the period, the median delay, those within the delay, splits and reorientations', async () => {
    const db = ctx.deps.database.db;
    const t = await territoryId(ctx);
    const ali = await orgId(ctx, ALI_BOBIGNY);
    const ft = await orgId(ctx, 'France Travail');
    const [p1, p2, p3, p4] = [
      await createPersonFixture(ctx),
      await createPersonFixture(ctx),
      await createPersonFixture(ctx),
      await createPersonFixture(ctx),
    ];
    const row = (person: string, status: string, o: Record<string, unknown>) => ({
      territory_id: t,
      person_id: person,
      status,
      source: 'rsa',
      created_at: new Date('2026-09-01T08:00:00Z'),
      updated_at: new Date('2026-09-01T08:00:00Z'),
      ...o,
    });
    const social = { path: 'social', lead_kind: 'departement', organisation_id: ali };
    const emploi = { path: 'emploi', lead_kind: 'france_travail', organisation_id: ft };
    const inserted = await db
      .insertInto('orientations')
      .values([
        row(p1 as string, 'notifiee', {
          ...social,
          information_received_on: '2026-09-01',
          deadline: '2026-10-13',
          decided_at: new Date('2026-10-10T10:00:00Z'),
        }),
        row(p2 as string, 'remplacee', {
          ...emploi,
          information_received_on: '2026-09-01',
          deadline: '2026-10-13',
          decided_at: new Date('2026-10-20T10:00:00Z'),
        }),
        row(p3 as string, 'referent_designe', {
          ...social,
          information_received_on: '2026-10-01',
          deadline: '2026-10-12',
          decided_at: new Date('2026-10-11T22:30:00Z'),
        }),
        row(p2 as string, 'notifiee', {
          ...emploi,
          source: 'reorientation',
          decided_at: new Date('2026-10-25T10:00:00Z'),
        }),
        row(p4 as string, 'decidee', {
          ...social,
          information_received_on: '2026-10-01',
          deadline: '2026-11-12',
          decided_at: new Date('2026-11-01T10:00:00Z'),
        }),
      ])
      .returning('id')
      .execute();
    const girard = await db
      .selectFrom('accounts')
      .select('id')
      .where('last_name', '=', 'Bernard')
      .executeTakeFirstOrThrow();
    await db
      .insertInto('reorientation_requests')
      .values({
        territory_id: t,
        orientation_id: inserted[1]?.id as string,
        person_id: p2 as string,
        status: 'acceptee',
        reason: 'Projet',
        proposed_path: 'emploi',
        requested_by_account_id: girard.id,
        requested_by_organisation_id: ft,
        requested_at: new Date('2026-10-22T10:00:00Z'),
        answered_at: new Date('2026-10-25T10:00:00Z'),
      })
      .execute();
    const lambert = await loginAs(ctx, 'Lambert');
    const res = await lambert.request('GET', '/api/orientations/indicators?from=2026-10-01&to=2026-10-31');
    expect(res.status).toBe(200);
    // 2026-10-11T22:30Z is 12 October 00:30 in Paris: 11 days, on the deadline (within).
    expect(res.body).toMatchObject({
      oriented: 4,
      medianDaysToOrientation: 39,
      withinDelay: 2,
      withinDelayRate: 66.7,
      reorientationsRequested: 1,
      reorientationsAccepted: 1,
      medianDaysToFirstAppointment: null,
    });
    const body = res.body as {
      byPath: { key: string; oriented: number; withinDelay: number }[];
      byOrganisation: { key: string; oriented: number }[];
    };
    expect(body.byPath.map((s) => [s.key, s.oriented, s.withinDelay]).sort()).toEqual([
      ['emploi', 2, 0],
      ['social', 2, 2],
    ]);
    expect(body.byOrganisation.map((s) => [s.key, s.oriented]).sort()).toEqual(
      [
        [ali, 2],
        [ft, 2],
      ].sort(),
    );

    const haddad = await loginAs(ctx, 'Haddad');
    const own = await haddad.request('GET', '/api/orientations/indicators?from=2026-10-01&to=2026-10-31');
    expect(own.body).toMatchObject({
      organisationId: ali,
      oriented: 2,
      medianDaysToOrientation: 25,
      reorientationsRequested: 0,
    });
    expect(
      (
        await haddad.request(
          'GET',
          `/api/orientations/indicators?from=2026-10-01&to=2026-10-31&organisationId=${ft}`,
        )
      ).status,
    ).toBe(403);
    expect(
      (
        await (
          await loginAs(ctx, 'Girard')
        ).request('GET', '/api/orientations/indicators?from=2026-10-01&to=2026-10-31')
      ).status,
    ).toBe(403);
  });
});
