import { contractsRoutes } from '@spie/contract/contracts';
import { reviewRoutes as r } from '@spie/contract/review';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { writeEvents } from '../../kernel/outbox';
import { loginAs } from '../../testing/fixtures';
import { createTestContext, type TestContext } from '../../testing/testContext';
import {
  ALI_BOBIGNY,
  alertsOf,
  DAY,
  evaluateNow,
  followedPerson,
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

type View = { id: string; status: string; ruleId: string; snoozedUntil: string | null; detail: string };

/** A person Girard follows, lost from view (100 days), with her alert raised. */
async function lostPerson() {
  const personId = await followedPerson(ctx, { lastContactDaysAgo: 100, followedDaysAgo: 30 });
  await evaluateNow(ctx, [personId]);
  const [alert] = await alertsOf(ctx, personId, 'lost_contact');
  if (!alert) throw new Error('no alert');
  ctx.clock.advance(60_000);
  return { personId, alertId: alert.id };
}

describe('alerts of a person', () => {
  it('lists the open alerts with their French detail, the last contact and the next review; the read is audited', async () => {
    const { personId } = await lostPerson();
    const girard = await loginAs(ctx, 'Girard');
    const res = await girard.call<{
      open: View[];
      resolved: View[];
      lastContactAt: string;
      reviewDueOn: string;
    }>(r.personAlerts, { params: { id: personId } });
    expect(res.status).toBe(200);
    expect(res.body.open.map((a) => a.ruleId)).toEqual(['lost_contact']);
    expect(res.body.open[0]?.detail).toBe('Dernier contact le 25 juillet 2026 (100 jours).');
    expect(res.body.reviewDueOn).toBe('2027-01-01');
    expect(res.body.lastContactAt).toBe('2026-07-25T09:00:00.000Z');
    const audit = await db()
      .selectFrom('audit_log')
      .select('action')
      .where('person_id', '=', personId)
      .execute();
    expect(audit.map((a) => a.action)).toContain('review.personAlerts');
  });

  it('a professional of another organisation reads nothing and acts on nothing', async () => {
    const { personId, alertId } = await lostPerson();
    const petit = await loginAs(ctx, 'Petit');
    expect((await petit.call(r.personAlerts, { params: { id: personId } })).status).toBe(403);
    expect((await petit.call(r.alert, { params: { id: alertId } })).status).toBe(403);
    const ack = await petit.call(r.acknowledge, {
      params: { id: alertId },
      body: { note: 'Appel', nextStepOn: '2026-11-10' },
    });
    expect(ack.status).toBe(403);
    expect(
      (
        await petit.call(r.recordContact, {
          params: { id: personId },
          body: { kind: 'appel', occurredOn: '2026-11-02' },
        })
      ).status,
    ).toBe(403);
  });
});

describe('acknowledge and snooze', () => {
  it('acknowledging needs a note and a next step date from today; it keeps the history', async () => {
    const { alertId } = await lostPerson();
    const girard = await loginAs(ctx, 'Girard');
    const past = await girard.call(r.acknowledge, {
      params: { id: alertId },
      body: { note: 'Appel prévu', nextStepOn: '2026-11-01' },
    });
    expect(past.status).toBe(400);
    expect(past.body).toMatchObject({
      error: { code: 'review.next_step_in_past', fields: [{ path: 'nextStepOn' }] },
    });

    const ok = await girard.call<
      View & { note: string; nextStepOn: string; acknowledgedBy: { name: string } }
    >(r.acknowledge, {
      params: { id: alertId },
      body: { note: 'Appel prévu lundi', nextStepOn: '2026-11-09' },
    });
    expect(ok.status).toBe(201);
    expect(ok.body).toMatchObject({
      status: 'prise_en_compte',
      note: 'Appel prévu lundi',
      nextStepOn: '2026-11-09',
      acknowledgedBy: { name: 'Thomas Girard' },
    });

    const detail = await girard.call<{
      history: { action: string; note: string | null; by: { name: string } | null }[];
    }>(r.alert, {
      params: { id: alertId },
    });
    expect(detail.body.history.map((h) => [h.action, h.note, h.by?.name ?? null])).toEqual([
      ['ouverte', null, null],
      ['prise_en_compte', 'Appel prévu lundi', 'Thomas Girard'],
    ]);
  });

  it('a snoozed alert leaves « Ma file active » until its date, shows under « reportées », and comes back', async () => {
    const { personId, alertId } = await lostPerson();
    const girard = await loginAs(ctx, 'Girard');
    const tooFar = await girard.call(r.snooze, {
      params: { id: alertId },
      body: { until: '2027-12-01', reason: 'Formation' },
    });
    expect(tooFar.body).toMatchObject({ error: { code: 'review.snooze_too_long' } });
    const today = await girard.call(r.snooze, {
      params: { id: alertId },
      body: { until: '2026-11-02', reason: 'Formation' },
    });
    expect(today.body).toMatchObject({ error: { code: 'review.snooze_not_future' } });

    const snoozed = await girard.call<View>(r.snooze, {
      params: { id: alertId },
      body: { until: '2026-11-20', reason: 'En formation jusqu’au 20 novembre' },
    });
    expect(snoozed.body).toMatchObject({ status: 'ouverte', snoozedUntil: '2026-11-20' });
    type Page = { items: { personId: string }[]; total: number; withAlerts: number; snoozed: number };
    const list = await girard.call<Page>(r.caseload, { query: {} });
    expect(list.body).toMatchObject({ items: [], total: 0, withAlerts: 0, snoozed: 1 });
    const later = await girard.call<Page>(r.caseload, { query: { show: 'reportees' } });
    expect(later.body.items.map((i) => i.personId)).toEqual([personId]);

    ctx.clock.set('2026-11-20T08:00:00Z');
    const again = await loginAs(ctx, 'Girard'); // the session of 18 days ago has expired
    const back = await again.call<Page>(r.caseload, { query: {} });
    expect(back.body.items.map((i) => i.personId)).toEqual([personId]);

    // Snoozed again, then the snooze is cancelled: back at once, with the history kept.
    await again.call(r.snooze, {
      params: { id: alertId },
      body: { until: '2026-12-20', reason: 'Hospitalisation' },
    });
    ctx.clock.advance(60_000);
    const un = await again.call<View>(r.unsnooze, { params: { id: alertId } });
    expect(un.body.snoozedUntil).toBeNull();
    const detail = await again.call<{ history: { action: string }[] }>(r.alert, { params: { id: alertId } });
    expect(detail.body.history.map((h) => h.action)).toEqual(['ouverte', 'reportee', 'reportee', 'reprise']);
  });

  it('a resolved alert is refused with a clear code; an intervenant may act, a structure manager may only read', async () => {
    const { personId, alertId } = await lostPerson();
    await db()
      .insertInto('follow_ups')
      .values({
        territory_id: await territoryId(ctx),
        person_id: personId,
        organisation_id: await orgId(ctx, ALI_BOBIGNY),
        account_id: (
          await db()
            .selectFrom('accounts')
            .select('id')
            .where('last_name', '=', 'Moreau')
            .executeTakeFirstOrThrow()
        ).id,
        role: 'intervenant',
        status: 'active',
        started_at: ctx.clock.now(),
      })
      .execute();
    const moreau = await loginAs(ctx, 'Moreau');
    expect(
      (
        await moreau.call(r.acknowledge, {
          params: { id: alertId },
          body: { note: 'Vu en atelier', nextStepOn: '2026-11-05' },
        })
      ).status,
    ).toBe(201);
    const haddad = await loginAs(ctx, 'Haddad');
    expect((await haddad.call(r.alert, { params: { id: alertId } })).status).toBe(200);
    expect(
      (
        await haddad.call(r.snooze, {
          params: { id: alertId },
          body: { until: '2026-11-20', reason: 'Formation' },
        })
      ).status,
    ).toBe(403);

    const girard = await loginAs(ctx, 'Girard');
    await girard.call(r.recordContact, {
      params: { id: personId },
      body: { kind: 'appel', occurredOn: '2026-11-02' },
    });
    await ctx.runWorker();
    expect((await alertsOf(ctx, personId, 'lost_contact'))[0]?.status).toBe('resolue');
    const refused = await girard.call(r.snooze, {
      params: { id: alertId },
      body: { until: '2026-11-20', reason: 'Formation' },
    });
    expect(refused.status).toBe(409);
    expect(refused.body).toMatchObject({ error: { code: 'review.alert_resolved' } });
  });
});

describe('contacts and incremental re-evaluation', () => {
  it('a contact noted by hand resets the clock, goes on the timeline and resolves « perdu·e de vue »', async () => {
    const { personId } = await lostPerson();
    await ctx.runWorker(); // the nightly pass of the day is done: what follows is the event's work
    const girard = await loginAs(ctx, 'Girard');
    const future = await girard.call(r.recordContact, {
      params: { id: personId },
      body: { kind: 'appel', occurredOn: '2026-11-03' },
    });
    expect(future.body).toMatchObject({ error: { code: 'review.contact_in_future' } });
    const res = await girard.call(r.recordContact, {
      params: { id: personId },
      body: { kind: 'appel', occurredOn: '2026-11-02', note: 'A répondu, rendez-vous à fixer' },
    });
    expect(res.status).toBe(201);
    const person = await db()
      .selectFrom('persons')
      .select('last_contact_at')
      .where('id', '=', personId)
      .executeTakeFirstOrThrow();
    expect(person.last_contact_at?.toISOString()).toBe(ctx.clock.now().toISOString());
    expect(await openRules(ctx, personId)).toEqual(['lost_contact']);
    await ctx.runWorker();
    expect(await openRules(ctx, personId)).toEqual([]);
    expect((await alertsOf(ctx, personId, 'lost_contact'))[0]).toMatchObject({
      resolution: 'condition_levee',
    });
    const timeline = await db()
      .selectFrom('timeline_events')
      .select(['type', 'summary'])
      .where('person_id', '=', personId)
      .execute();
    expect(timeline).toContainEqual({
      type: 'ContactRecorded',
      summary: 'Contact noté : appel téléphonique',
    });

    // A contact noted late for an older day does not move the last contact back.
    await girard.call(r.recordContact, {
      params: { id: personId },
      body: { kind: 'visite', occurredOn: '2026-10-20' },
    });
    const after = await db()
      .selectFrom('persons')
      .select('last_contact_at')
      .where('id', '=', personId)
      .executeTakeFirstOrThrow();
    expect(after.last_contact_at?.toISOString()).toBe(ctx.clock.now().toISOString());
  });

  it('an appointment marked absent opens « sans contact » after the worker; honoured, it resolves (idempotent contact)', async () => {
    const personId = await followedPerson(ctx, { lastContactDaysAgo: 20, followedDaysAgo: 30 });
    await ctx.runWorker(); // the nightly pass of the day
    expect(await openRules(ctx, personId)).toEqual([]);
    const t = await territoryId(ctx);
    const organisationId = await orgId(ctx, ALI_BOBIGNY);
    const startsAt = new Date(ctx.clock.now().getTime() - 2 * DAY);
    const { id: appointmentId } = await db()
      .insertInto('appointments')
      .values({
        territory_id: t,
        person_id: personId,
        organisation_id: organisationId,
        type: 'suivi',
        starts_at: startsAt,
        duration_minutes: 30,
        mode: 'telephone',
        status: 'absent',
        created_at: ctx.clock.now(),
        updated_at: ctx.clock.now(),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const statusChanged = (status: string, previousStatus: string) =>
      db()
        .transaction()
        .execute((trx) =>
          writeEvents(
            trx,
            [
              {
                type: 'AppointmentStatusChanged',
                territoryId: t,
                payload: {
                  personId,
                  appointmentId,
                  organisationId,
                  status,
                  previousStatus,
                  startsAt: startsAt.toISOString(),
                  campaignId: null,
                },
              },
            ],
            ctx.clock.now(),
          ),
        );
    await statusChanged('absent', 'prevu');
    await ctx.runWorker();
    expect(await openRules(ctx, personId)).toEqual(['no_contact']);

    // Corrected to « honoré » (delivered twice: one contact only), the alert resolves.
    await db()
      .updateTable('appointments')
      .set({ status: 'honore' })
      .where('id', '=', appointmentId)
      .execute();
    await statusChanged('honore', 'absent');
    await statusChanged('honore', 'absent');
    await ctx.runWorker();
    const contacts = await db()
      .selectFrom('person_contacts')
      .selectAll()
      .where('person_id', '=', personId)
      .execute();
    expect(contacts).toMatchObject([{ kind: 'rendez_vous', appointment_id: appointmentId }]);
    expect(contacts[0]?.occurred_at.toISOString()).toBe(startsAt.toISOString());
    expect(await openRules(ctx, personId)).toEqual([]);

    // Corrected away from « honoré »: the contact goes, the last contact is what remains.
    await statusChanged('absent', 'honore');
    await ctx.runWorker();
    expect(
      await db().selectFrom('person_contacts').selectAll().where('person_id', '=', personId).execute(),
    ).toEqual([]);
    const person = await db()
      .selectFrom('persons')
      .select('last_contact_at')
      .where('id', '=', personId)
      .executeTakeFirstOrThrow();
    expect(person.last_contact_at).toBeNull();
  });

  it('a change of the action plan (ContractActionChanged) re-evaluates « rupture de parcours »', async () => {
    const personId = await followedPerson(ctx, { lastContactDaysAgo: 1, followedDaysAgo: 30 });
    const t = await territoryId(ctx);
    const now = ctx.clock.now();
    const { id: contractId } = await db()
      .insertInto('engagement_contracts')
      .values({
        territory_id: t,
        person_id: personId,
        kind: 'engagement',
        status: 'actif',
        version: 1,
        organisation_id: await orgId(ctx, ALI_BOBIGNY),
        start_on: '2026-06-01',
        end_on: '2026-12-31',
        weekly_target_hours: 0,
        signed_at: now,
        created_at: now,
        updated_at: now,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const { id: objectiveId } = await db()
      .insertInto('contract_objectives')
      .values({
        territory_id: t,
        contract_id: contractId,
        person_id: personId,
        position: 1,
        label: 'Emploi',
        theme: 'trouver_un_emploi',
        created_at: now,
        updated_at: now,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const { id: actionId } = await db()
      .insertInto('contract_actions')
      .values({
        territory_id: t,
        contract_id: contractId,
        objective_id: objectiveId,
        person_id: personId,
        position: 1,
        label: 'Atelier CV',
        planned_start: '2026-06-01',
        planned_end: '2026-09-15',
        status: 'realisee',
        created_at: now,
        updated_at: new Date(now.getTime() - 48 * DAY),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await ctx.runWorker(); // the nightly pass of the day opens the gap
    expect(await openRules(ctx, personId)).toEqual(['journey_gap']);

    // The action goes on (back « en cours », no planned end any more): a next step, the gap closes.
    await db()
      .updateTable('contract_actions')
      .set({ planned_end: null })
      .where('id', '=', actionId)
      .execute();
    const girard = await loginAs(ctx, 'Girard');
    const res = await girard.call(contractsRoutes.updateAction, {
      params: { id: actionId },
      body: { status: 'en_cours' },
    });
    expect(res.status, JSON.stringify(res.body)).toBeLessThan(300);
    const event = await db()
      .selectFrom('outbox_events')
      .select('payload')
      .where('type', '=', 'ContractActionChanged')
      .executeTakeFirstOrThrow();
    expect(event.payload).toMatchObject({ personId, contractId, actionId });
    await ctx.runWorker();
    expect(await openRules(ctx, personId)).toEqual([]);
  });

  it('a merge closes the duplicate’s alerts and re-evaluates the kept record', async () => {
    const kept = await followedPerson(ctx, { lastContactDaysAgo: 1, followedDaysAgo: 30 });
    const duplicate = await followedPerson(ctx, { lastContactDaysAgo: 100, followedDaysAgo: 30 });
    await ctx.runWorker(); // the nightly pass of the day
    expect(await openRules(ctx, duplicate)).toEqual(['lost_contact']);
    const t = await territoryId(ctx);
    await db()
      .updateTable('follow_ups')
      .set({ status: 'ended', ended_at: ctx.clock.now() })
      .where('person_id', '=', duplicate)
      .execute();
    await db()
      .updateTable('persons')
      .set({ merged_into_id: kept, merged_at: ctx.clock.now() })
      .where('id', '=', duplicate)
      .execute();
    await db()
      .transaction()
      .execute((trx) =>
        writeEvents(
          trx,
          [
            {
              type: 'PeopleMerged',
              territoryId: t,
              payload: { personId: kept, duplicateId: duplicate, mergeId: kept },
            },
          ],
          ctx.clock.now(),
        ),
      );
    await ctx.runWorker();
    expect((await alertsOf(ctx, duplicate, 'lost_contact'))[0]).toMatchObject({
      status: 'resolue',
      resolution: 'suivi_termine',
    });
    expect(await openRules(ctx, kept)).toEqual([]);
  });
});
