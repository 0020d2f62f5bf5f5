import { reviewRoutes as r } from '@spie/contract/review';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { loginAs } from '../../testing/fixtures';
import { createPersonFixture } from '../../testing/peopleFixtures';
import { createTestContext, type TestContext } from '../../testing/testContext';
import { reevaluatePeople } from './review.passes';
import { ALI_BOBIGNY, DAY, evaluateNow, followedPerson, orgId, territoryId } from './review.testkit';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestContext();
});
afterAll(() => ctx.close());

const db = () => ctx.deps.database.db;

interface Row {
  personId: string;
  displayName: string;
  role: string;
  topSeverity: string | null;
  alerts: { ruleId: string }[];
  reviewDueOn: string | null;
}
interface Page {
  items: Row[];
  next: string | null;
  total: number;
  countsByRule: { ruleId: string; count: number }[];
  withAlerts: number;
  snoozed: number;
}

/**
 * Girard's caseload: A (lost from view, RSA suspended), E (lost from view for longer, Girard is
 * co-référent, Moreau référent), B (no contact, in Montreuil), C (review due), D (nothing to do).
 */
async function caseload() {
  const t = await territoryId(ctx);
  const a = await followedPerson(ctx, { lastContactDaysAgo: 100, followedDaysAgo: 30, birthName: 'Aubert' });
  await db()
    .insertInto('person_statuses')
    .values({ territory_id: t, person_id: a, kind: 'rsa', value: '3', start_date: '2026-10-15' })
    .execute();
  const b = await followedPerson(ctx, { lastContactDaysAgo: 61, followedDaysAgo: 80, birthName: 'Bernier' });
  await db().updateTable('persons').set({ commune_code: '93048' }).where('id', '=', b).execute();
  const c = await followedPerson(ctx, {
    lastContactDaysAgo: 1,
    followedDaysAgo: 100,
    birthName: 'Carpentier',
  });
  const d = await followedPerson(ctx, { lastContactDaysAgo: 1, followedDaysAgo: 10, birthName: 'Dumas' });
  const e = await createPersonFixture(
    ctx,
    [
      { lastName: 'Moreau', role: 'referent' },
      { lastName: 'Girard', role: 'co_referent' },
    ],
    { birthName: 'Étienne' },
  );
  await db()
    .updateTable('persons')
    .set({ last_contact_at: new Date(ctx.clock.now().getTime() - 120 * DAY) })
    .where('id', '=', e)
    .execute();
  await db()
    .updateTable('follow_ups')
    .set({ started_at: new Date(ctx.clock.now().getTime() - 30 * DAY) })
    .where('person_id', '=', e)
    .execute();
  await evaluateNow(ctx);
  return { a, b, c, d, e };
}

let people: Awaited<ReturnType<typeof caseload>>;
beforeEach(async () => {
  await ctx.reset();
  people = await caseload();
});

describe('« Ma file active »', () => {
  it('lists the caller’s people by urgency with counts per rule; the whole caseload with `tous`', async () => {
    const girard = await loginAs(ctx, 'Girard');
    const res = await girard.call<Page>(r.caseload, { query: {} });
    expect(res.status).toBe(200);
    const { a, b, c, d, e } = people;
    expect(res.body.items.map((i) => i.personId)).toEqual([a, e, b, c]);
    expect(res.body.items[0]).toMatchObject({
      displayName: 'Alice AUBERT',
      role: 'referent',
      topSeverity: 'haute',
      alerts: [{ ruleId: 'lost_contact' }, { ruleId: 'rsa_suspended_or_closed' }],
      reviewDueOn: '2027-01-01',
    });
    expect(res.body.items[1]).toMatchObject({ role: 'co_referent' });
    expect(res.body).toMatchObject({ total: 4, withAlerts: 4, snoozed: 0, next: null });
    expect(Object.fromEntries(res.body.countsByRule.map((x) => [x.ruleId, x.count]))).toEqual({
      lost_contact: 2,
      no_contact: 1,
      rsa_suspended_or_closed: 1,
      periodic_review_due: 1,
    });
    const all = await girard.call<Page>(r.caseload, { query: { show: 'tous' } });
    expect(all.body.items.map((i) => i.personId)).toEqual([a, e, b, c, d]);
    expect(all.body.items[4]).toMatchObject({ topSeverity: null, alerts: [] });

    // Moreau sees E only; a professional of another organisation, nobody.
    const moreau = await loginAs(ctx, 'Moreau');
    expect((await moreau.call<Page>(r.caseload, { query: {} })).body.items.map((i) => i.personId)).toEqual([
      e,
    ]);
    const petit = await loginAs(ctx, 'Petit');
    expect((await petit.call<Page>(r.caseload, { query: { show: 'tous' } })).body).toMatchObject({
      items: [],
      total: 0,
    });
  });

  it('filters by rule, severity, commune and name, and pages with a cursor', async () => {
    const girard = await loginAs(ctx, 'Girard');
    const ids = async (query: Record<string, string>) =>
      (await girard.call<Page>(r.caseload, { query })).body.items.map((i) => i.personId);
    const { a, b, c, e } = people;
    expect(await ids({ ruleId: 'lost_contact' })).toEqual([a, e]);
    expect(await ids({ severity: 'basse' })).toEqual([c]);
    expect(await ids({ communeCode: '93048' })).toEqual([b]);
    expect(await ids({ q: 'carp' })).toEqual([c]);
    expect(await ids({ q: 'etien' })).toEqual([e]);
    expect(await ids({ q: 'alice', show: 'tous' })).toHaveLength(5);

    const first = await girard.call<Page>(r.caseload, { query: { limit: '3' } });
    expect(first.body.items.map((i) => i.personId)).toEqual([a, e, b]);
    expect(first.body.total).toBe(4);
    const second = await girard.call<Page>(r.caseload, {
      query: { limit: '3', after: first.body.next ?? '' },
    });
    expect(second.body).toMatchObject({ next: null, total: 4 });
    expect(second.body.items.map((i) => i.personId)).toEqual([c]);
    const forged = await girard.call(r.caseload, { query: { after: 'bm9wZQ' } });
    expect(forged.body).toMatchObject({ error: { code: 'pagination.invalid_cursor' } });
  });

  it('exports the same list as a CSV file (BOM, `;`, French headers) and audits it', async () => {
    const girard = await loginAs(ctx, 'Girard');
    const res = await girard.request<string>('GET', '/api/review/caseload.csv?ruleId=lost_contact');
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(res.headers['content-disposition']).toBe(
      "attachment; filename*=UTF-8''file-active-2026-11-02.csv",
    );
    const text = res.body;
    expect(text.charCodeAt(0)).toBe(0xfeff);
    const lines = text.slice(1).trim().split('\r\n');
    expect(lines[0]).toBe(
      'Personne;Commune;Rôle;Priorité;Nombre d’alertes;Alertes;Détail des alertes;Dernier contact;Point de situation à faire avant le',
    );
    expect(lines).toHaveLength(3);
    expect(lines[1]).toBe(
      'Alice AUBERT;Bobigny;Référent·e unique;Urgent;2;"Perdu·e de vue ; RSA suspendu ou clos";Dernier contact le 25 juillet 2026 (100 jours). | Droit ouvert et suspendu depuis le 15 octobre 2026.;25/07/2026;01/01/2027',
    );
    const audit = await db()
      .selectFrom('audit_log')
      .select('details')
      .where('action', '=', 'review.caseloadCsv')
      .executeTakeFirstOrThrow();
    expect(audit.details).toMatchObject({ count: 2, personIds: [people.a, people.e] });
  });
});

describe('structure and territory views', () => {
  it('a structure manager sees her organisation by référent, counts only', async () => {
    const haddad = await loginAs(ctx, 'Haddad');
    const res = await haddad.call<{
      scope: string;
      byRule: { ruleId: string; count: number }[];
      byGroup: { name: string; people: number; withAlerts: number; counts: Record<string, number> }[];
      total: { people: number; withAlerts: number; alerts: number };
    }>(r.overview, { query: {} });
    expect(res.status).toBe(200);
    expect(res.body.scope).toBe('organisation');
    expect(res.body.total).toEqual({ people: 5, withAlerts: 4, alerts: 5 });
    expect(res.body.byGroup).toEqual([
      {
        id: expect.any(String),
        name: 'Thomas Girard',
        people: 4,
        withAlerts: 3,
        counts: { lost_contact: 1, rsa_suspended_or_closed: 1, no_contact: 1, periodic_review_due: 1 },
      },
      { id: expect.any(String), name: 'Inès Moreau', people: 1, withAlerts: 1, counts: { lost_contact: 1 } },
    ]);
    expect(res.body.byRule.find((x) => x.ruleId === 'lost_contact')?.count).toBe(2);
    expect(JSON.stringify(res.body)).not.toMatch(/AUBERT|Aubert|Bernier|Carpentier/);
    const filtered = await haddad.call<{ total: { alerts: number } }>(r.overview, {
      query: { ruleId: 'no_contact' },
    });
    expect(filtered.body.total.alerts).toBe(1);
    expect((await haddad.call(r.overview, { query: { scope: 'territory' } })).status).toBe(403);

    // Girard becomes E's référent (Moreau leaves): after the team event, E counts under Girard.
    const girardId = (
      await db()
        .selectFrom('accounts')
        .select('id')
        .where('last_name', '=', 'Girard')
        .executeTakeFirstOrThrow()
    ).id;
    await db().deleteFrom('follow_ups').where('person_id', '=', people.e).execute();
    await db()
      .insertInto('follow_ups')
      .values({
        territory_id: await territoryId(ctx),
        person_id: people.e,
        organisation_id: await orgId(ctx, ALI_BOBIGNY),
        account_id: girardId,
        role: 'referent',
        status: 'active',
        started_at: ctx.clock.now(),
      })
      .execute();
    await reevaluatePeople(ctx.deps, await territoryId(ctx), [people.e], 'ReferentDesignated');
    const moved = await haddad.call<{
      byGroup: { name: string; people: number; counts: Record<string, number> }[];
    }>(r.overview, { query: {} });
    expect(moved.body.byGroup).toMatchObject([
      { name: 'Thomas Girard', people: 5, counts: { lost_contact: 2 } },
    ]);
  });

  it('territory admins and steering see the territory by organisation; admins drill down; professionals are refused', async () => {
    const fontaine = await loginAs(ctx, 'Fontaine');
    const res = await fontaine.call<{
      byGroup: { name: string; people: number; withAlerts: number }[];
      total: { people: number };
    }>(r.overview, { query: { scope: 'territory' } });
    expect(res.status).toBe(200);
    expect(res.body.total.people).toBe(5);
    expect(res.body.byGroup).toMatchObject([{ name: ALI_BOBIGNY, people: 5, withAlerts: 4 }]);
    const drill = await fontaine.call<{ organisation: { name: string }; byGroup: unknown[] }>(r.overview, {
      query: { scope: 'organisation', organisationId: await orgId(ctx, ALI_BOBIGNY) },
    });
    expect(drill.body.organisation.name).toBe(ALI_BOBIGNY);
    expect(drill.body.byGroup).toHaveLength(2);

    const lambert = await loginAs(ctx, 'Lambert');
    expect((await lambert.call(r.overview, { query: { scope: 'territory' } })).status).toBe(200);
    expect(
      (
        await lambert.call(r.overview, {
          query: { scope: 'organisation', organisationId: await orgId(ctx, ALI_BOBIGNY) },
        })
      ).status,
    ).toBe(403);
    const girard = await loginAs(ctx, 'Girard');
    expect((await girard.call(r.overview, { query: {} })).status).toBe(403);
  });
});

describe('« point de situation » and coverage', () => {
  it('the référent records a review: timeline without the free text, a contact, the alert resolves, coverage rises', async () => {
    const girard = await loginAs(ctx, 'Girard');
    const before = await girard.call<{ total: { people: number; reviewedOnTime: number; rate: number } }>(
      r.coverage,
      {
        query: {},
      },
    );
    // A (30 days), D (10 days) are within the period; B (80 days) too; C (100 days) is late.
    expect(before.body.total).toEqual({ people: 4, reviewedOnTime: 3, rate: 75 });

    const past = await girard.call(r.addSituationReview, {
      params: { id: people.c },
      body: { situation: 'Cherche un emploi de cariste', nextStep: 'CACES', nextStepOn: '2026-10-01' },
    });
    expect(past.body).toMatchObject({ error: { code: 'review.next_step_in_past' } });
    const res = await girard.call<{ reviewedOn: string; by: { name: string }; withPerson: boolean }>(
      r.addSituationReview,
      {
        params: { id: people.c },
        body: {
          situation: 'Cherche un emploi de cariste',
          nextStep: 'Formation CACES',
          nextStepOn: '2026-11-20',
        },
      },
    );
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      reviewedOn: '2026-11-02',
      by: { name: 'Thomas Girard' },
      withPerson: true,
    });
    await ctx.runWorker();
    const timeline = await db()
      .selectFrom('timeline_events')
      .select('summary')
      .where('person_id', '=', people.c)
      .where('type', '=', 'SituationReviewed')
      .execute();
    expect(timeline).toEqual([
      {
        summary:
          "Point de situation fait par Thomas Girard (Agence locale d'insertion de Bobigny – Drancy) avec la personne ; prochaine étape le 20 novembre 2026",
      },
    ]);
    const contacts = await db()
      .selectFrom('person_contacts')
      .select('kind')
      .where('person_id', '=', people.c)
      .execute();
    expect(contacts).toEqual([{ kind: 'visite' }]);
    const alert = await db()
      .selectFrom('alerts')
      .select(['status', 'resolution'])
      .where('person_id', '=', people.c)
      .where('rule_id', '=', 'periodic_review_due')
      .executeTakeFirstOrThrow();
    expect(alert).toEqual({ status: 'resolue', resolution: 'condition_levee' });

    const list = await girard.call<{ situation: string }[]>(r.situationReviews, { params: { id: people.c } });
    expect(list.body.map((x) => x.situation)).toEqual(['Cherche un emploi de cariste']);
    const after = await girard.call<{ total: { rate: number }; rows: { name: string; rate: number }[] }>(
      r.coverage,
      { query: {} },
    );
    expect(after.body.total.rate).toBe(100);
    expect(after.body.rows).toEqual([
      { id: expect.any(String), name: 'Thomas Girard', people: 4, reviewedOnTime: 4, rate: 100 },
    ]);

    const haddad = await loginAs(ctx, 'Haddad');
    const org = await haddad.call<{ rows: { name: string }[] }>(r.coverage, {
      query: { scope: 'organisation' },
    });
    expect(org.body.rows.map((x) => x.name)).toEqual(['Thomas Girard', 'Inès Moreau']);
    expect((await haddad.call(r.situationReviews, { params: { id: people.c } })).status).toBe(403);
    const petit = await loginAs(ctx, 'Petit');
    expect((await petit.call(r.coverage, { query: { scope: 'territory' } })).status).toBe(403);
    const fontaine = await loginAs(ctx, 'Fontaine');
    const territory = await fontaine.call<{ rows: { name: string; people: number }[] }>(r.coverage, {
      query: { scope: 'territory' },
    });
    expect(territory.body.rows).toEqual([
      { id: expect.any(String), name: ALI_BOBIGNY, people: 5, reviewedOnTime: 5, rate: 100 },
    ]);
  });
});

describe('rules and their parameters', () => {
  it('any member reads the rules; the territory admin sets parameters, refused when absurd', async () => {
    const girard = await loginAs(ctx, 'Girard');
    const rules = await girard.call<
      { id: string; params: { key: string; value: number; setting: string | null }[]; openCount: number }[]
    >(r.rules);
    expect(rules.status).toBe(200);
    expect(rules.body).toHaveLength(14);
    expect(rules.body.find((x) => x.id === 'no_contact')).toMatchObject({
      params: [{ key: 'days', value: 60, setting: 'noContactWarningDays' }],
      openCount: 1,
    });
    expect(
      (await girard.call(r.updateRule, { params: { ruleId: 'journey_gap' }, body: { params: { days: 20 } } }))
        .status,
    ).toBe(403);

    const fontaine = await loginAs(ctx, 'Fontaine');
    const negative = await fontaine.call(r.updateRule, {
      params: { ruleId: 'journey_gap' },
      body: { params: { days: -5 } },
    });
    expect(negative.status).toBe(400);
    expect(negative.body).toMatchObject({
      error: {
        code: 'review.invalid_param',
        fields: [{ path: 'params.days', message: 'Sans étape suivante depuis plus de : au moins 1 jours.' }],
      },
    });
    const unknown = await fontaine.call(r.updateRule, {
      params: { ruleId: 'journey_gap' },
      body: { params: { weeks: 2 } },
    });
    expect(unknown.body).toMatchObject({ error: { code: 'review.invalid_param' } });
    const crossed = await fontaine.call(r.updateRule, {
      params: { ruleId: 'no_contact' },
      body: { params: { days: 120 } },
    });
    expect(crossed.body).toMatchObject({ error: { code: 'review.invalid_param' } });

    const ok = await fontaine.call<{ params: { value: number }[] }>(r.updateRule, {
      params: { ruleId: 'journey_gap' },
      body: { params: { days: 20 } },
    });
    expect(ok.status).toBe(200);
    expect(ok.body.params[0]?.value).toBe(20);
    await fontaine.call(r.updateRule, { params: { ruleId: 'no_contact' }, body: { params: { days: 45 } } });
    const { settings } = await db()
      .selectFrom('territories')
      .select('settings')
      .where('code', '=', '93')
      .executeTakeFirstOrThrow();
    expect(settings).toMatchObject({
      noContactWarningDays: 45,
      alertRuleParams: { journey_gap: { days: 20 } },
    });

    // Re-evaluated now: with 45 days, C and D are still fine; nobody gets a second « sans contact ».
    const res = await fontaine.call<{ people: number; opened: number; resolved: number }>(r.recompute);
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ people: 5, opened: 0, resolved: 0 });
    expect((await girard.call(r.recompute)).status).toBe(403);
  });
});
