import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createPersonFixture } from '../../testing/peopleFixtures';
import { createTestContext, type TestContext } from '../../testing/testContext';
import { addContact } from './contacts';
import {
  ALI_BOBIGNY,
  accountId,
  alertsOf,
  DAY,
  daysAgo,
  evaluateNow,
  followedPerson,
  ML_MONTREUIL,
  openRules,
  orgId,
  territoryId,
} from './review.testkit';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestContext();
});
afterAll(() => ctx.close());
beforeEach(() => ctx.reset());

const db = () => ctx.deps.database.db;
const contact = async (personId: string, at: Date) =>
  addContact(db(), {
    territoryId: await territoryId(ctx),
    personId,
    kind: 'appel',
    occurredAt: at,
    accountId: null,
    organisationId: null,
    note: null,
    appointmentId: null,
    recordedAt: ctx.clock.now(),
  });

async function orientation(
  personId: string,
  values: Partial<{
    status: string;
    deadline: string | null;
    decided_at: Date | null;
    notified_at: Date | null;
    contract_deadline: string | null;
  }>,
) {
  const now = ctx.clock.now();
  const decided = values.status && !['a_orienter', 'proposee'].includes(values.status);
  const { id } = await db()
    .insertInto('orientations')
    .values({
      territory_id: await territoryId(ctx),
      person_id: personId,
      status: values.status ?? 'a_orienter',
      source: 'rsa',
      information_received_on: '2026-09-01',
      deadline: values.deadline ?? '2026-10-13',
      ...(decided
        ? {
            path: 'socio_professionnel',
            lead_kind: 'departement',
            organisation_id: await orgId(ctx, ALI_BOBIGNY),
            decided_at: values.decided_at ?? now,
          }
        : {}),
      notified_at: values.notified_at ?? null,
      contract_deadline: values.contract_deadline ?? null,
      created_at: now,
      updated_at: now,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return id;
}

async function contract(personId: string, values: Record<string, unknown> = {}) {
  const now = ctx.clock.now();
  const { id } = await db()
    .insertInto('engagement_contracts')
    .values({
      territory_id: await territoryId(ctx),
      person_id: personId,
      kind: 'engagement',
      status: 'actif',
      organisation_id: await orgId(ctx, ALI_BOBIGNY),
      start_on: '2026-09-07',
      end_on: '2027-03-06',
      weekly_target_hours: 15,
      created_at: now,
      updated_at: now,
      ...values,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return id;
}

async function action(contractId: string, personId: string, values: Record<string, unknown> = {}) {
  const now = ctx.clock.now();
  const t = await territoryId(ctx);
  const objective = await db()
    .insertInto('contract_objectives')
    .values({
      territory_id: t,
      contract_id: contractId,
      person_id: personId,
      position: 1,
      label: 'Retrouver un emploi',
      theme: 'trouver_un_emploi',
      created_at: now,
      updated_at: now,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const { id } = await db()
    .insertInto('contract_actions')
    .values({
      territory_id: t,
      contract_id: contractId,
      objective_id: objective.id,
      person_id: personId,
      position: 1,
      label: 'Atelier CV',
      planned_start: '2026-09-07',
      planned_weekly_hours: 10,
      status: 'en_cours',
      created_at: now,
      updated_at: now,
      ...values,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return id;
}

async function status(
  personId: string,
  kind: string,
  value: string | null,
  values: Record<string, unknown> = {},
) {
  const { id } = await db()
    .insertInto('person_statuses')
    .values({
      territory_id: await territoryId(ctx),
      person_id: personId,
      kind,
      value,
      start_date: '2026-01-01',
      ...values,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return id;
}

const CONTACT_RULES = ['lost_contact', 'no_contact'] as const;

describe('no contact and lost contact', () => {
  it('« sans contact » opens past 60 days without contact and resolves when a contact is recorded', async () => {
    const personId = await followedPerson(ctx, { lastContactDaysAgo: 61, followedDaysAgo: 200 });
    const fresh = await followedPerson(ctx, { lastContactDaysAgo: 59, followedDaysAgo: 200 });
    expect(await evaluateNow(ctx, null, CONTACT_RULES)).toMatchObject({ opened: 1, resolved: 0 });
    const [alert] = await alertsOf(ctx, personId);
    expect(alert).toMatchObject({
      rule_id: 'no_contact',
      status: 'ouverte',
      severity: 'moyenne',
      since: '2026-11-01',
    });
    expect(await openRules(ctx, fresh)).toEqual([]);

    await contact(personId, ctx.clock.now());
    expect(await evaluateNow(ctx, [personId], CONTACT_RULES)).toMatchObject({ opened: 0, resolved: 1 });
    const [resolved] = await alertsOf(ctx, personId);
    expect(resolved).toMatchObject({ status: 'resolue', resolution: 'condition_levee' });
    const history = await db()
      .selectFrom('alert_history')
      .select('action')
      .where('alert_id', '=', resolved?.id as string)
      .orderBy('at')
      .execute();
    expect(history.map((h) => h.action)).toEqual(['ouverte', 'resolue']);
  });

  it('an absence at an appointment with no contact since opens « sans contact » at once', async () => {
    const personId = await followedPerson(ctx, { lastContactDaysAgo: 10, followedDaysAgo: 200 });
    await db()
      .insertInto('appointments')
      .values({
        territory_id: await territoryId(ctx),
        person_id: personId,
        organisation_id: await orgId(ctx, ALI_BOBIGNY),
        type: 'suivi',
        starts_at: daysAgo(ctx, 3),
        duration_minutes: 30,
        mode: 'telephone',
        status: 'absent',
        created_at: ctx.clock.now(),
        updated_at: ctx.clock.now(),
      })
      .execute();
    await evaluateNow(ctx, [personId]);
    const [alert] = await alertsOf(ctx, personId);
    expect(alert?.rule_id).toBe('no_contact');
    expect(alert?.details).toMatchObject({ absentOn: '2026-10-30' });
  });

  it('is raised once per episode, gives way to « perdu·e de vue » (remplacee) and is not raised again', async () => {
    const personId = await followedPerson(ctx, { lastContactDaysAgo: 61, followedDaysAgo: 300 });
    await evaluateNow(ctx, null, CONTACT_RULES);
    await evaluateNow(ctx, null, CONTACT_RULES);
    expect(await alertsOf(ctx, personId)).toHaveLength(1);

    ctx.clock.advance(30 * DAY);
    expect(await evaluateNow(ctx, null, CONTACT_RULES)).toMatchObject({ opened: 1, resolved: 1 });
    const rows = await alertsOf(ctx, personId);
    expect(rows.map((r) => [r.rule_id, r.status, r.resolution])).toEqual([
      ['no_contact', 'resolue', 'remplacee'],
      ['lost_contact', 'ouverte', null],
    ]);
    expect(rows[1]?.severity).toBe('haute');
    // Same silence: the same episode key for both rules; the « sans contact » does not come back.
    expect(rows[0]?.episode_key).toBe(rows[1]?.episode_key);
    await evaluateNow(ctx, null, CONTACT_RULES);
    expect(await alertsOf(ctx, personId)).toHaveLength(2);

    await contact(personId, ctx.clock.now());
    await evaluateNow(ctx, [personId], CONTACT_RULES);
    expect(await openRules(ctx, personId)).toEqual([]);
  });

  it('a person never contacted counts from the start of the follow-up; no référent any more → suivi_termine', async () => {
    const personId = await followedPerson(ctx, { lastContactDaysAgo: null, followedDaysAgo: 70 });
    await evaluateNow(ctx, [personId]);
    const [alert] = await alertsOf(ctx, personId, 'no_contact');
    expect(alert?.episode_key).toMatch(/^suivi:/);
    await db()
      .updateTable('follow_ups')
      .set({ status: 'ended', ended_at: ctx.clock.now() })
      .where('person_id', '=', personId)
      .execute();
    await evaluateNow(ctx, [personId]);
    expect((await alertsOf(ctx, personId, 'no_contact'))[0]).toMatchObject({
      status: 'resolue',
      resolution: 'suivi_termine',
    });
    // The same référent comes back: the same silence is not raised a second time.
    await db()
      .updateTable('follow_ups')
      .set({ status: 'active', ended_at: null })
      .where('person_id', '=', personId)
      .execute();
    await evaluateNow(ctx, [personId]);
    expect(await alertsOf(ctx, personId, 'no_contact')).toHaveLength(1);
  });

  it('a merged record has no alert', async () => {
    const kept = await followedPerson(ctx, { lastContactDaysAgo: 100, followedDaysAgo: 300 });
    const merged = await followedPerson(ctx, { lastContactDaysAgo: 100, followedDaysAgo: 300 });
    await db()
      .updateTable('persons')
      .set({ merged_into_id: kept, merged_at: ctx.clock.now() })
      .where('id', '=', merged)
      .execute();
    await evaluateNow(ctx);
    expect(await openRules(ctx, kept)).toEqual(['lost_contact', 'periodic_review_due']);
    expect(await openRules(ctx, merged)).toEqual([]);
  });
});

describe('orientation and référent', () => {
  it('« orientation en retard » opens past the deadline and resolves once decided', async () => {
    const personId = await createPersonFixture(ctx);
    const id = await orientation(personId, { status: 'a_orienter', deadline: '2026-10-30' });
    const onTime = await createPersonFixture(ctx);
    await orientation(onTime, { status: 'a_orienter', deadline: '2026-11-02' });
    await evaluateNow(ctx);
    expect(await alertsOf(ctx, personId)).toMatchObject([
      { rule_id: 'orientation_overdue', episode_key: id, since: '2026-10-30' },
    ]);
    expect(await openRules(ctx, onTime)).toEqual([]);
    await db()
      .updateTable('orientations')
      .set({
        status: 'decidee',
        path: 'emploi',
        lead_kind: 'france_travail',
        organisation_id: await orgId(ctx, ALI_BOBIGNY),
        decided_at: ctx.clock.now(),
      })
      .where('id', '=', id)
      .execute();
    await evaluateNow(ctx, [personId]);
    expect((await alertsOf(ctx, personId, 'orientation_overdue'))[0]).toMatchObject({
      status: 'resolue',
      resolution: 'condition_levee',
    });
  });

  it('« pas de référent » opens 15 days after the decision and resolves when a référent is designated', async () => {
    const personId = await createPersonFixture(ctx);
    await orientation(personId, {
      status: 'notifiee',
      decided_at: daysAgo(ctx, 16),
      notified_at: daysAgo(ctx, 16),
      contract_deadline: '2026-12-31',
    });
    const recent = await createPersonFixture(ctx);
    await orientation(recent, { status: 'decidee', decided_at: daysAgo(ctx, 14) });
    await evaluateNow(ctx);
    expect(await openRules(ctx, personId)).toEqual(['referent_missing']);
    expect(await openRules(ctx, recent)).toEqual([]);
    await db()
      .insertInto('follow_ups')
      .values({
        territory_id: await territoryId(ctx),
        person_id: personId,
        organisation_id: await orgId(ctx, ALI_BOBIGNY),
        account_id: await accountId(ctx, 'Girard'),
        role: 'referent',
        status: 'active',
        started_at: ctx.clock.now(),
      })
      .execute();
    await evaluateNow(ctx, [personId]);
    expect((await alertsOf(ctx, personId, 'referent_missing'))[0]).toMatchObject({
      status: 'resolue',
      resolution: 'condition_levee',
    });
  });

  it('« contrat non signé » opens past the contract deadline and resolves when a contract is signed', async () => {
    const personId = await followedPerson(ctx, { lastContactDaysAgo: 1 });
    await orientation(personId, {
      status: 'referent_designe',
      decided_at: daysAgo(ctx, 40),
      notified_at: daysAgo(ctx, 40),
      contract_deadline: '2026-10-25',
    });
    await evaluateNow(ctx, [personId]);
    expect(await openRules(ctx, personId)).toEqual(['contract_unsigned']);
    await contract(personId, { status: 'signe', signed_at: ctx.clock.now() });
    await evaluateNow(ctx, [personId]);
    expect(await openRules(ctx, personId)).toEqual([]);
  });
});

describe('contracts', () => {
  it('« révision à faire » opens 15 days before the review date and resolves when the review is opened', async () => {
    const personId = await createPersonFixture(ctx);
    const id = await contract(personId, { review_due_on: '2026-11-12' });
    const later = await createPersonFixture(ctx);
    await contract(later, { review_due_on: '2026-11-30' });
    await evaluateNow(ctx);
    expect(await alertsOf(ctx, personId)).toMatchObject([
      { rule_id: 'contract_review_due', episode_key: `${id}:2026-11-12` },
    ]);
    expect(await openRules(ctx, later)).toEqual([]);
    await db()
      .updateTable('engagement_contracts')
      .set({ status: 'en_revision' })
      .where('id', '=', id)
      .execute();
    await evaluateNow(ctx, [personId]);
    expect(await openRules(ctx, personId)).toEqual([]);
  });

  it('« contrat terminé sans nouveau contrat » opens after 15 days (not for a lasting job) and resolves with a new contract', async () => {
    const personId = await followedPerson(ctx, { lastContactDaysAgo: 1 });
    await contract(personId, { status: 'termine', ended_at: daysAgo(ctx, 20), end_reason: 'abandon' });
    const employed = await followedPerson(ctx, { lastContactDaysAgo: 1 });
    await contract(employed, { status: 'termine', ended_at: daysAgo(ctx, 20), end_reason: 'emploi_durable' });
    await evaluateNow(ctx);
    expect(await openRules(ctx, personId)).toEqual(['contract_ended_no_successor']);
    expect(await openRules(ctx, employed)).toEqual([]);
    await contract(personId, { status: 'brouillon' });
    await evaluateNow(ctx, [personId]);
    expect(await openRules(ctx, personId)).toEqual([]);
  });

  it('« rupture de parcours » opens 30 days after the last action ended and resolves when a next step is planned', async () => {
    const personId = await followedPerson(ctx, { lastContactDaysAgo: 1 });
    const c = await contract(personId, { weekly_target_hours: 0 });
    const a = await action(c, personId, {
      status: 'realisee',
      planned_end: '2026-09-30',
      updated_at: daysAgo(ctx, 31),
    });
    await evaluateNow(ctx, [personId]);
    const [alert] = await alertsOf(ctx, personId, 'journey_gap');
    expect(alert).toMatchObject({ episode_key: a, status: 'ouverte', since: '2026-10-30' });
    await action(c, personId, { status: 'prevue', planned_start: '2026-11-16', label: 'Immersion' });
    await evaluateNow(ctx, [personId]);
    expect((await alertsOf(ctx, personId, 'journey_gap'))[0]?.status).toBe('resolue');
  });

  it('« activité en dessous du plan » opens after 3 weeks below, keeps its episode, resolves when a week meets the plan', async () => {
    const personId = await createPersonFixture(ctx);
    const c = await contract(personId, { weekly_target_hours: 15 });
    const a = await action(c, personId, { planned_weekly_hours: 10 });
    const t = await territoryId(ctx);
    const hours = async (week: string, h: number) =>
      db()
        .insertInto('weekly_hours')
        .values({
          territory_id: t,
          action_id: a,
          week_start: week,
          person_id: personId,
          contract_id: c,
          hours: h,
          source: 'referent',
          recorded_at: ctx.clock.now(),
        })
        .onConflict((oc) => oc.columns(['territory_id', 'action_id', 'week_start']).doUpdateSet({ hours: h }))
        .execute();
    await hours('2026-10-12', 2);
    await hours('2026-10-19', 4);
    await hours('2026-10-26', 3);
    await evaluateNow(ctx, [personId]);
    const [alert] = await alertsOf(ctx, personId, 'activity_below_plan');
    expect(alert).toMatchObject({ episode_key: `${c}:2026-10-12`, since: '2026-10-12' });
    expect(alert?.details).toMatchObject({
      weeks: [{ weekStart: '2026-10-12', expected: 10, done: 2 }, {}, {}],
    });

    // A week later, still below: the same episode (not raised again).
    ctx.clock.advance(7 * DAY);
    await hours('2026-11-02', 1);
    await evaluateNow(ctx, [personId]);
    expect(await alertsOf(ctx, personId, 'activity_below_plan')).toHaveLength(1);
    expect(await openRules(ctx, personId)).toEqual(['activity_below_plan']);

    // The last week meets the plan: resolved.
    await hours('2026-11-02', 10);
    await evaluateNow(ctx, [personId]);
    expect(await openRules(ctx, personId)).toEqual([]);
  });

  it('a waiver week expects nothing: no « activité en dessous du plan »', async () => {
    const personId = await createPersonFixture(ctx);
    const c = await contract(personId, { weekly_target_hours: 15 });
    await action(c, personId, { planned_weekly_hours: 10 });
    await db()
      .insertInto('activity_adjustments')
      .values({
        territory_id: await territoryId(ctx),
        contract_id: c,
        person_id: personId,
        kind: 'dispense',
        ground: 'sante',
        hours: 0,
        start_on: '2026-10-19',
        end_on: '2026-10-25',
        recorded_by_account_id: await accountId(ctx, 'Girard'),
        recorded_at: ctx.clock.now(),
      })
      .execute();
    await evaluateNow(ctx, [personId]);
    expect(await openRules(ctx, personId)).toEqual([]);
  });
});

describe('statuses and age', () => {
  it('« 26 ans bientôt » for a person followed by a mission locale, resolved when the mission locale leaves', async () => {
    const personId = await createPersonFixture(ctx, [{ lastName: 'Cohen', role: 'referent' }], {
      birthDate: '2000-12-20',
    });
    const older = await createPersonFixture(ctx, [{ lastName: 'Cohen', role: 'referent' }], {
      birthDate: '2001-06-20',
    });
    const notMl = await createPersonFixture(ctx, [{ lastName: 'Girard', role: 'referent' }], {
      birthDate: '2000-12-20',
    });
    await db().updateTable('persons').set({ last_contact_at: ctx.clock.now() }).execute();
    await evaluateNow(ctx);
    const [alert] = await alertsOf(ctx, personId, 'turning_26');
    expect(alert).toMatchObject({ episode_key: 'anniversaire:2026-12-20', since: '2026-10-21' });
    expect(alert?.details).toMatchObject({ organisationName: ML_MONTREUIL });
    expect(await openRules(ctx, older)).toEqual([]);
    expect(await openRules(ctx, notMl)).toEqual([]);
    await db()
      .updateTable('follow_ups')
      .set({ status: 'ended', ended_at: ctx.clock.now() })
      .where('person_id', '=', personId)
      .execute();
    await evaluateNow(ctx, [personId]);
    expect((await alertsOf(ctx, personId, 'turning_26'))[0]).toMatchObject({
      status: 'resolue',
      resolution: 'condition_levee',
    });
  });

  it('« RSA suspendu ou clos » opens on a suspended right and resolves when it is open again', async () => {
    const personId = await followedPerson(ctx, { lastContactDaysAgo: 1 });
    const s = await status(personId, 'rsa', '3', { start_date: '2026-10-01' });
    await evaluateNow(ctx, [personId]);
    expect(await alertsOf(ctx, personId)).toMatchObject([
      { rule_id: 'rsa_suspended_or_closed', episode_key: s },
    ]);
    await db().updateTable('person_statuses').set({ end_date: '2026-10-31' }).where('id', '=', s).execute();
    await status(personId, 'rsa', '2', { start_date: '2026-11-01' });
    await evaluateNow(ctx, [personId]);
    expect(await openRules(ctx, personId)).toEqual([]);
  });

  it('« fin de contrat SIAE proche » opens 60 days before the end and resolves when the end is postponed', async () => {
    const personId = await createPersonFixture(ctx);
    const s = await status(personId, 'siae_contract', 'aci', {
      start_date: '2026-05-01',
      end_date: '2026-12-01',
    });
    const fromDetails = await createPersonFixture(ctx);
    await status(fromDetails, 'siae_contract', 'ei', { details: JSON.stringify({ endDate: '2026-12-15' }) });
    await evaluateNow(ctx);
    expect(await alertsOf(ctx, personId)).toMatchObject([
      { rule_id: 'siae_contract_ending', episode_key: `${s}:2026-12-01`, since: '2026-10-02' },
    ]);
    expect(await openRules(ctx, fromDetails)).toEqual(['siae_contract_ending']);
    await db().updateTable('person_statuses').set({ end_date: '2027-06-01' }).where('id', '=', s).execute();
    await evaluateNow(ctx, [personId]);
    expect(await openRules(ctx, personId)).toEqual([]);
  });

  it('« point de suivi dans l’emploi » opens one month after a job start and resolves with a contact', async () => {
    const personId = await followedPerson(ctx, { lastContactDaysAgo: 40 });
    const s = await status(personId, 'work_situation', 'cdd', { start_date: '2026-09-25' });
    await evaluateNow(ctx, [personId], ['employment_checkpoint']);
    expect(await alertsOf(ctx, personId)).toMatchObject([
      { rule_id: 'employment_checkpoint', episode_key: `${s}:1`, since: '2026-10-25' },
    ]);
    await contact(personId, ctx.clock.now());
    await evaluateNow(ctx, [personId], ['employment_checkpoint']);
    expect(await openRules(ctx, personId)).toEqual([]);
    // Three months after the start, the second checkpoint is a new episode.
    ctx.clock.set('2026-12-26T09:00:00Z');
    await evaluateNow(ctx, [personId], ['employment_checkpoint']);
    expect(
      (await alertsOf(ctx, personId, 'employment_checkpoint')).map((a) => [a.episode_key, a.status]),
    ).toEqual([
      [`${s}:1`, 'resolue'],
      [`${s}:2`, 'ouverte'],
    ]);
  });

  it('« point de situation à faire » opens 90 days after the start of the follow-up and resolves with a review', async () => {
    const personId = await followedPerson(ctx, { lastContactDaysAgo: 1, followedDaysAgo: 91 });
    await evaluateNow(ctx, [personId]);
    expect(await alertsOf(ctx, personId)).toMatchObject([
      { rule_id: 'periodic_review_due', severity: 'basse' },
    ]);
    await db()
      .insertInto('situation_reviews')
      .values({
        territory_id: await territoryId(ctx),
        person_id: personId,
        account_id: await accountId(ctx, 'Girard'),
        organisation_id: await orgId(ctx, ALI_BOBIGNY),
        reviewed_on: '2026-11-02',
        situation: 'Recherche active',
        next_step: 'Atelier',
        next_step_on: '2026-11-20',
        with_person: false,
        created_at: ctx.clock.now(),
      })
      .execute();
    await evaluateNow(ctx, [personId]);
    expect((await alertsOf(ctx, personId))[0]).toMatchObject({
      status: 'resolue',
      resolution: 'condition_levee',
    });
  });
});

describe('referrals (issue 7)', () => {
  /** A referral of the person to a fresh service, in `status`, created `createdDaysAgo` days ago. */
  async function referral(personId: string, status: string, createdDaysAgo: number) {
    const t = await territoryId(ctx);
    const at = daysAgo(ctx, createdDaysAgo);
    const org = await orgId(ctx, ALI_BOBIGNY);
    await db()
      .insertInto('catalogue_structures')
      .values({
        territory_id: t,
        id: 'spie-93--gapst',
        source: 'spie-93',
        nom: 'Structure',
        date_maj: '2026-10-01',
        created_at: at,
        updated_at: at,
      })
      .onConflict((oc) => oc.doNothing())
      .execute();
    await db()
      .insertInto('catalogue_services')
      .values({
        territory_id: t,
        id: 'spie-93--gapsv',
        structure_id: 'spie-93--gapst',
        source: 'spie-93',
        nom: 'Permis',
        description: 'Permis B',
        date_maj: '2026-10-01',
        status: 'publie',
        created_at: at,
        updated_at: at,
      })
      .onConflict((oc) => oc.doNothing())
      .execute();
    await db()
      .insertInto('referrals')
      .values({
        territory_id: t,
        person_id: personId,
        service_id: 'spie-93--gapsv',
        sender_account_id: await accountId(ctx, 'Girard'),
        sender_organisation_id: org,
        status,
        reason: 'Passer le permis',
        consent_at: at,
        created_at: at,
        updated_at: at,
      })
      .execute();
  }

  it('« rupture de parcours » is not raised while a referral is alive, nor when one was sent within the window', async () => {
    const personId = await followedPerson(ctx, { lastContactDaysAgo: 1 });
    const c = await contract(personId, { weekly_target_hours: 0 });
    await action(c, personId, {
      status: 'realisee',
      planned_end: '2026-09-30',
      updated_at: daysAgo(ctx, 31),
    });
    await referral(personId, 'en_cours', 20);
    await evaluateNow(ctx, [personId]);
    expect(await alertsOf(ctx, personId, 'journey_gap')).toEqual([]);
    // Ended, but sent within 30 days after the action's end: still a next step.
    await db()
      .updateTable('referrals')
      .set({ status: 'refusee' })
      .where('person_id', '=', personId)
      .execute();
    await evaluateNow(ctx, [personId]);
    expect(await alertsOf(ctx, personId, 'journey_gap')).toEqual([]);
    // Closed and sent before the action ended: the gap opens.
    await db()
      .updateTable('referrals')
      .set({ created_at: daysAgo(ctx, 60) })
      .where('person_id', '=', personId)
      .execute();
    await evaluateNow(ctx, [personId]);
    expect((await alertsOf(ctx, personId, 'journey_gap'))[0]?.status).toBe('ouverte');
  });
});
