import { weekDetail, weeklyActivity } from '@spie/contract/contracts';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { accountIdByLastName, loginAs } from '../../testing/fixtures';
import type { TestClient } from '../../testing/httpClient';
import { createPersonFixture } from '../../testing/peopleFixtures';
import { createTestContext, type TestContext } from '../../testing/testContext';
import { mondayOf } from './activity.queries';
import { weekRefusal } from './weekDetail';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestContext();
});
afterAll(() => ctx.close());
beforeEach(() => ctx.reset());

const orgIdOf = async (nameStart: string) =>
  (
    await ctx.deps.database.db
      .selectFrom('organisations')
      .select('id')
      .where('name', 'like', `${nameStart}%`)
      .executeTakeFirstOrThrow()
  ).id;

interface World {
  personId: string;
  contractId: string;
  /** Cours de français, asso-francais, 7/9 → 18/10, 6 h. */
  french: string;
  /** Immersion, ALI Bobigny, from 21/9, 10 h. */
  immersion: string;
  /** Abandoned by the person, 5 h (never counts in the plan). */
  abandoned: string;
}

/**
 * A person followed by Girard (référent, ALI Bobigny), Martin (intervenante, Apprendre le
 * français) and Sow (intervenante, PLIE), with an active contract from 7/9/2026 to 5/9/2027
 * (15 h a week), three actions and two adjustments: a reduction to 8 h (santé, 5/10 → 18/10)
 * and a waiver (parent isolé, 12/10 → 25/10) that wins where both apply.
 */
async function world(status = 'actif'): Promise<World> {
  const db = ctx.deps.database.db;
  const personId = await createPersonFixture(ctx, [
    { lastName: 'Girard', role: 'referent' },
    { lastName: 'Martin', role: 'intervenant' },
    { lastName: 'Sow', role: 'intervenant' },
  ]);
  const { territory_id: t } = await db
    .selectFrom('persons')
    .select('territory_id')
    .where('id', '=', personId)
    .executeTakeFirstOrThrow();
  const now = ctx.clock.now();
  const girard = await accountIdByLastName(ctx, 'Girard');
  const ali = await orgIdOf("Agence locale d'insertion de Bobigny");
  const { id: contractId } = await db
    .insertInto('engagement_contracts')
    .values({
      territory_id: t,
      person_id: personId,
      kind: 'engagement',
      status,
      version: status === 'brouillon' ? 0 : 1,
      organisation_id: ali,
      referent_account_id: girard,
      start_on: '2026-09-07',
      end_on: '2027-09-05',
      weekly_target_hours: 15,
      created_by_account_id: girard,
      created_at: now,
      updated_at: now,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const { id: objectiveId } = await db
    .insertInto('contract_objectives')
    .values({
      territory_id: t,
      contract_id: contractId,
      person_id: personId,
      position: 1,
      label: 'Trouver un emploi dans la logistique',
      theme: 'trouver_un_emploi',
      created_at: now,
      updated_at: now,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const action = async (
    position: number,
    label: string,
    org: string,
    plannedStart: string,
    plannedEnd: string | null,
    hours: number,
    actionStatus = 'en_cours',
  ) =>
    (
      await db
        .insertInto('contract_actions')
        .values({
          territory_id: t,
          contract_id: contractId,
          objective_id: objectiveId,
          person_id: personId,
          position,
          label,
          responsible_organisation_id: org,
          planned_start: plannedStart,
          planned_end: plannedEnd,
          planned_weekly_hours: hours,
          status: actionStatus,
          created_at: now,
          updated_at: now,
        })
        .returning('id')
        .executeTakeFirstOrThrow()
    ).id;
  const french = await action(
    1,
    'Inscription cours de français',
    await orgIdOf('Apprendre le français'),
    '2026-09-07',
    '2026-10-18',
    6,
  );
  const immersion = await action(2, 'Immersion en entreprise (PMSMP)', ali, '2026-09-21', null, 10);
  const abandoned = await action(3, 'Atelier CV', ali, '2026-09-07', null, 5, 'abandonnee_personne');
  for (const a of [
    { kind: 'reduction', ground: 'sante', hours: 8, start_on: '2026-10-05', end_on: '2026-10-18' },
    {
      kind: 'dispense',
      ground: 'parent_isole_sans_garde',
      hours: 0,
      start_on: '2026-10-12',
      end_on: '2026-10-25',
    },
  ])
    await db
      .insertInto('activity_adjustments')
      .values({
        territory_id: t,
        contract_id: contractId,
        person_id: personId,
        ...a,
        recorded_by_account_id: girard,
        recorded_at: now,
      })
      .execute();
  return { personId, contractId, french, immersion, abandoned };
}

const record = (client: TestClient, actionId: string, body: Record<string, unknown>) =>
  client.request<{
    source: string;
    hours: number;
    error?: { code: string; message: string; fields?: { path: string; message: string }[] };
  }>('PUT', `/api/contract-actions/${actionId}/hours`, body);

describe('weekly activity', () => {
  it('aggregates planned, done and declared hours across actions and weeks, with reductions and waivers', async () => {
    const w = await world();
    const girard = await loginAs(ctx, 'Girard');
    const martin = await loginAs(ctx, 'Martin');

    expect((await record(girard, w.immersion, { weekStart: '2026-09-21', hours: 10 })).status).toBe(200);
    const byOrg = await record(martin, w.french, { weekStart: '2026-09-21', hours: 5.5 });
    expect(byOrg.status).toBe(200);
    expect(byOrg.body.source).toBe('organisation');
    // Declared by the person, then replaced by the référent's entry.
    const declared = await record(girard, w.immersion, {
      weekStart: '2026-09-28',
      hours: 4,
      declaredByPerson: true,
    });
    expect(declared.body.source).toBe('person');
    expect((await record(girard, w.immersion, { weekStart: '2026-09-28', hours: 6 })).body.source).toBe(
      'referent',
    );
    expect(
      (await record(girard, w.french, { weekStart: '2026-10-05', hours: 3, declaredByPerson: true })).status,
    ).toBe(200);
    // Hours of the abandoned action still count as done (it was carried out before).
    expect((await record(girard, w.abandoned, { weekStart: '2026-09-14', hours: 2 })).status).toBe(200);

    const res = await girard.request(
      'GET',
      `/api/people/${w.personId}/weekly-activity?from=2026-09-07&to=2026-11-02`,
    );
    expect(res.status).toBe(200);
    const activity = weeklyActivity.parse(res.body);
    expect(activity.contractId).toBe(w.contractId);
    const rows = activity.weeks.map((x) => [
      x.weekStart,
      x.targetHours,
      x.plannedHours,
      x.doneHours,
      x.declaredHours,
      x.adjustment?.kind ?? null,
    ]);
    expect(rows).toEqual([
      ['2026-09-07', 15, 6, 0, 0, null],
      ['2026-09-14', 15, 6, 2, 0, null],
      ['2026-09-21', 15, 16, 15.5, 0, null],
      ['2026-09-28', 15, 16, 6, 0, null],
      ['2026-10-05', 8, 16, 3, 3, 'reduction'],
      ['2026-10-12', 0, 16, 0, 0, 'dispense'],
      ['2026-10-19', 0, 10, 0, 0, 'dispense'],
      ['2026-10-26', 15, 10, 0, 0, null],
      ['2026-11-02', 15, 10, 0, 0, null],
    ]);
    expect(activity.weeks[5]?.adjustment).toEqual({
      kind: 'dispense',
      ground: 'parent_isole_sans_garde',
      endOn: '2026-10-25',
    });
    expect(activity.weeks[4]?.adjustment?.endOn).toBe('2026-10-18');

    // Default: the 12 weeks ending with the current one; before the contract's start nothing is expected.
    const byDefault = weeklyActivity.parse(
      (await girard.request('GET', `/api/people/${w.personId}/weekly-activity`)).body,
    );
    expect(byDefault.from).toBe('2026-08-17');
    expect(byDefault.to).toBe('2026-11-02');
    expect(byDefault.weeks).toHaveLength(12);
    expect(byDefault.weeks[0]).toMatchObject({ weekStart: '2026-08-17', targetHours: 0, plannedHours: 0 });

    const audited = await ctx.deps.database.db
      .selectFrom('audit_log')
      .select(['section', 'person_id'])
      .where('action', '=', 'contracts.weeklyActivity')
      .execute();
    expect(audited.length).toBe(2);
    expect(audited[0]).toEqual({ section: 'journey', person_id: w.personId });
  });

  it('refuses more than two years, a period upside down, and answers an empty list for a person without contract', async () => {
    const w = await world();
    const girard = await loginAs(ctx, 'Girard');
    const tooLong = await girard.request<{ error: { code: string; message: string } }>(
      'GET',
      `/api/people/${w.personId}/weekly-activity?from=2024-10-21&to=2026-11-02`,
    );
    expect(tooLong.status).toBe(400);
    expect(tooLong.body.error.code).toBe('contract.activity_period');
    expect(tooLong.body.error.message).toBe(
      'Période trop longue : 2 ans au plus (106 semaines). Raccourcissez la période.',
    );
    const twoYears = await girard.request(
      'GET',
      `/api/people/${w.personId}/weekly-activity?from=2024-11-04&to=2026-11-02`,
    );
    expect(twoYears.status).toBe(200);
    expect(weeklyActivity.parse(twoYears.body).weeks).toHaveLength(105);
    const upsideDown = await girard.request<{ error: { code: string } }>(
      'GET',
      `/api/people/${w.personId}/weekly-activity?from=2026-11-02&to=2026-10-05`,
    );
    expect(upsideDown.status).toBe(400);
    const notMonday = await girard.request(
      'GET',
      `/api/people/${w.personId}/weekly-activity?from=2026-11-03`,
    );
    expect(notMonday.status).toBe(400);

    const nobody = await createPersonFixture(ctx, [{ lastName: 'Girard', role: 'referent' }]);
    const empty = weeklyActivity.parse(
      (await girard.request('GET', `/api/people/${nobody}/weekly-activity`)).body,
    );
    expect(empty).toMatchObject({ contractId: null, weeks: [] });

    const petit = await loginAs(ctx, 'Petit');
    expect((await petit.request('GET', `/api/people/${w.personId}/weekly-activity`)).status).toBe(403);
  });

  it('shows a week: each running action, its entry, and who may record it', async () => {
    const w = await world();
    const girard = await loginAs(ctx, 'Girard');
    const martin = await loginAs(ctx, 'Martin');
    await record(martin, w.french, { weekStart: '2026-09-21', hours: 5.5 });
    const res = await martin.request('GET', `/api/contracts/${w.contractId}/weeks/2026-09-21`);
    expect(res.status).toBe(200);
    const week = weekDetail.parse(res.body);
    expect(week.targetHours).toBe(15);
    expect(
      week.actions.map((a) => [
        a.label,
        a.plannedHours,
        a.entry?.hours ?? null,
        a.entry?.source ?? null,
        a.canRecord,
      ]),
    ).toEqual([
      ['Inscription cours de français', 6, 5.5, 'organisation', true],
      ['Immersion en entreprise (PMSMP)', 10, null, null, false],
    ]);
    expect(week.actions[0]?.entry?.recordedBy?.name).toBe('Lucie Martin');
    expect(week.actions[0]?.objectiveLabel).toBe('Trouver un emploi dans la logistique');
    const asReferent = weekDetail.parse(
      (await girard.request('GET', `/api/contracts/${w.contractId}/weeks/2026-09-21`)).body,
    );
    expect(asReferent.actions.every((a) => a.canRecord)).toBe(true);
    // A future week: nobody may record it.
    const future = weekDetail.parse(
      (await girard.request('GET', `/api/contracts/${w.contractId}/weeks/2026-11-09`)).body,
    );
    expect(future.actions.some((a) => a.canRecord)).toBe(false);
    expect(
      (await (await loginAs(ctx, 'Petit')).request('GET', `/api/contracts/${w.contractId}/weeks/2026-09-21`))
        .status,
    ).toBe(403);
  });
});

describe('recording hours', () => {
  it('refuses a future week, more than 60 hours, a week before the start, and a declaration over a professional entry', async () => {
    const w = await world();
    const girard = await loginAs(ctx, 'Girard');
    const future = await record(girard, w.immersion, { weekStart: '2026-11-09', hours: 5 });
    expect(future.status).toBe(400);
    expect(future.body.error?.code).toBe('contract.hours_future_week');
    expect(future.body.error?.message).toBe(
      'Vous ne pouvez pas saisir d’heures pour une semaine qui n’a pas commencé.',
    );
    expect(future.body.error?.fields?.[0]?.path).toBe('weekStart');
    // The current week may be recorded.
    expect((await record(girard, w.immersion, { weekStart: '2026-11-02', hours: 5 })).status).toBe(200);

    const tooMany = await record(girard, w.immersion, { weekStart: '2026-10-26', hours: 61 });
    expect(tooMany.status).toBe(400);
    expect(tooMany.body.error?.fields).toEqual([
      { path: 'hours', message: 'Heures réalisées : au plus 60 heures par semaine.' },
    ]);
    const quarter = await record(girard, w.immersion, { weekStart: '2026-10-26', hours: 2.3 });
    expect(quarter.body.error?.fields?.[0]?.message).toBe('Heures réalisées : par quart d’heure (0,25).');
    expect((await record(girard, w.immersion, { weekStart: '2026-10-26', hours: 60 })).status).toBe(200);

    const before = await record(girard, w.immersion, { weekStart: '2026-08-31', hours: 3 });
    expect(before.status).toBe(400);
    expect(before.body.error?.code).toBe('contract.hours_before_start');
    expect(before.body.error?.message).toBe(
      'Cette semaine est avant le début du contrat (le 07/09/2026) : vous ne pouvez pas y saisir d’heures.',
    );
    const notMonday = await record(girard, w.immersion, { weekStart: '2026-10-27', hours: 3 });
    expect(notMonday.body.error?.fields?.[0]).toEqual({
      path: 'weekStart',
      message: 'La semaine commence un lundi (date du lundi attendue).',
    });

    await record(girard, w.immersion, { weekStart: '2026-10-19', hours: 7 });
    const over = await record(girard, w.immersion, {
      weekStart: '2026-10-19',
      hours: 9,
      declaredByPerson: true,
    });
    expect(over.status).toBe(409);
    expect(over.body.error?.code).toBe('contract.hours_declared_over_professional');
    expect(over.body.error?.message).toBe(
      'Des heures ont déjà été saisies par un·e professionnel·le pour cette action et cette semaine : une déclaration de la personne ne les remplace pas.',
    );
    const kept = await ctx.deps.database.db
      .selectFrom('weekly_hours')
      .select(['hours', 'source'])
      .where('action_id', '=', w.immersion)
      .where('week_start', '=', '2026-10-19')
      .executeTakeFirstOrThrow();
    expect({ hours: Number(kept.hours), source: kept.source }).toEqual({ hours: 7, source: 'referent' });
  });

  it('knows the weeks after the contract’s end (one week of grace)', () => {
    const c = { start_on: '2026-01-05', end_on: '2026-06-28' };
    const now = new Date('2026-11-02T09:00:00Z');
    // The end (Sunday 28/06) is in the week of 22/06; the week after it may still be recorded.
    expect(weekRefusal('2026-06-29', c, now)).toBeNull();
    expect(weekRefusal('2026-07-06', c, now)?.code).toBe('contract.hours_after_end');
    expect(weekRefusal('2026-07-06', c, now)?.message).toBe(
      'Cette semaine est plus d’une semaine après la fin du contrat (le 28/06/2026) : vous ne pouvez pas y saisir d’heures.',
    );
    expect(weekRefusal('2025-12-29', c, now)?.code).toBe('contract.hours_before_start');
    // The week holding the start day is allowed.
    expect(weekRefusal('2025-12-29', { start_on: '2026-01-01', end_on: null }, now)).toBeNull();
    expect(mondayOf('2026-11-08')).toBe('2026-11-02');
  });

  it('lets the référent and the organisation running the action record, nobody else', async () => {
    const w = await world();
    const week = { weekStart: '2026-10-26', hours: 4 };
    expect((await record(await loginAs(ctx, 'Girard'), w.french, week)).body.source).toBe('referent');
    const martin = await loginAs(ctx, 'Martin');
    expect((await record(martin, w.french, week)).status).toBe(200);
    // Intervenante of Apprendre le français: not on the ALI's action.
    const notHers = await record(martin, w.immersion, week);
    expect(notHers.status).toBe(403);
    expect(notHers.body.error?.code).toBe('contract.action_forbidden');
    expect(notHers.body.error?.message).toBe(
      '« Saisir des heures réalisées » ne fait pas partie de vos actions sur ce contrat.',
    );
    // Intervenante of another organisation (PLIE).
    expect((await record(await loginAs(ctx, 'Sow'), w.french, week)).status).toBe(403);
    // Outside the team.
    const outsider = await record(await loginAs(ctx, 'Petit'), w.french, week);
    expect(outsider.status).toBe(403);
    // Not on a draft.
    const draft = await world('brouillon');
    const onDraft = await record(await loginAs(ctx, 'Girard'), draft.french, week);
    expect(onDraft.status).toBe(409);
    expect(onDraft.body.error?.code).toBe('contract.invalid_transition');
  });

  it('emits WeeklyHoursRecorded without a timeline entry, and audits the entry', async () => {
    const w = await world();
    await record(await loginAs(ctx, 'Girard'), w.french, { weekStart: '2026-10-12', hours: 6 });
    const db = ctx.deps.database.db;
    const event = await db
      .selectFrom('outbox_events')
      .select('payload')
      .where('type', '=', 'WeeklyHoursRecorded')
      .executeTakeFirstOrThrow();
    expect(event.payload).toMatchObject({
      personId: w.personId,
      contractId: w.contractId,
      weekStart: '2026-10-12',
      hours: 6,
    });
    await ctx.runWorker();
    const timeline = await db
      .selectFrom('timeline_events')
      .select('type')
      .where('person_id', '=', w.personId)
      .execute();
    expect(timeline.map((e) => e.type)).not.toContain('WeeklyHoursRecorded');
    const audit = await db
      .selectFrom('audit_log')
      .select(['subject_id', 'person_id', 'section', 'details'])
      .where('action', '=', 'contracts.recordHours')
      .executeTakeFirstOrThrow();
    expect(audit).toMatchObject({ subject_id: w.french, person_id: w.personId, section: 'journey' });
    expect(audit.details).toMatchObject({ weekStart: '2026-10-12', hours: 6, source: 'referent' });
  });
});
