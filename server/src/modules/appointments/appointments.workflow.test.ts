import type { Appointment } from '@spie/contract/appointments';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { systemActor } from '../../kernel/actor';
import { defineUseCase, execute } from '../../kernel/useCase';
import { accountIdByLastName, loginAs } from '../../testing/fixtures';
import { createTestContext, type TestContext } from '../../testing/testContext';
import {
  book,
  notificationsOf,
  ok,
  type PersonAppointments,
  r,
  setContact,
  setStatus,
  world,
} from './appointments.testkit';
import { bookAppointment } from './bookAppointment';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestContext();
});
afterAll(() => ctx.close());
beforeEach(async () => {
  await ctx.reset(); // clock back to T0 = lundi 2 novembre 2026, 10 h à Paris
});

const db = () => ctx.deps.database.db;
const errorOf = (body: unknown) =>
  (
    body as {
      error: {
        code: string;
        message: string;
        fields?: { path: string; message: string }[];
        details?: Record<string, unknown>;
      };
    }
  ).error;

async function timeline(personId: string) {
  await ctx.runWorker();
  return db()
    .selectFrom('timeline_events')
    .select(['type', 'summary', 'section', 'link'])
    .where('person_id', '=', personId)
    .orderBy('occurred_at')
    .execute();
}

async function eventsOf(type: string) {
  const rows = await db()
    .selectFrom('outbox_events')
    .select(['payload'])
    .where('type', '=', type)
    .orderBy('occurred_at')
    .execute();
  return rows.map(
    (row) =>
      (typeof row.payload === 'string' ? JSON.parse(row.payload) : row.payload) as Record<string, unknown>,
  );
}

describe('booking', () => {
  it('converts the local time of France to an instant, across the change of hour', async () => {
    const { personId, girard } = await world(ctx);
    const winter = ok(await book(girard, personId, { startsAt: '2027-03-26T10:00' }), 201);
    const summer = ok(await book(girard, personId, { startsAt: '2027-03-29T10:00' }), 201);
    expect(winter.startsAt).toBe('2027-03-26T09:00:00.000Z');
    expect(summer.startsAt).toBe('2027-03-29T08:00:00.000Z');
    expect(summer.startsAtLocal).toBe('2027-03-29T10:00');
    const gap = await book(girard, personId, { startsAt: '2027-03-28T02:30' });
    expect(gap.status).toBe(400);
    expect(errorOf(gap.body)).toMatchObject({
      code: 'appointments.no_such_time',
      fields: [{ path: 'startsAt' }],
    });
    // The agenda's days are days of France: 23:30 on the Sunday of the change is in that week, 00:30 on Monday is not.
    const late = ok(await book(girard, personId, { startsAt: '2027-03-28T23:30' }), 201);
    const early = ok(await book(girard, personId, { startsAt: '2027-03-29T00:30' }), 201);
    const week = ok(
      await girard.call<{ items: Appointment[] }>(r.agenda, {
        query: { from: '2027-03-22', to: '2027-03-28' },
      }),
    );
    expect(week.items.map((a) => a.id)).toEqual([winter.id, late.id]);
    const next = ok(
      await girard.call<{ items: Appointment[] }>(r.agenda, {
        query: { from: '2027-03-29', to: '2027-03-29' },
      }),
    );
    expect(next.items.map((a) => a.id)).toEqual([early.id, summer.id]);
  });

  it('refuses the past, an on-site appointment without address, a video one without an https link', async () => {
    const { personId, girard } = await world(ctx);
    const past = await book(girard, personId, { startsAt: '2026-11-02T09:30' });
    expect(past.status).toBe(400);
    expect(errorOf(past.body).code).toBe('appointments.in_the_past');
    expect(errorOf(past.body).fields?.[0]).toMatchObject({ path: 'startsAt' });
    expect(errorOf(past.body).fields?.[0]?.message).toMatch(/déjà passée/);
    const noAddress = await book(girard, personId, { address: undefined });
    expect(noAddress.status).toBe(400);
    expect(errorOf(noAddress.body)).toMatchObject({
      code: 'appointments.place_incomplete',
      fields: [{ path: 'address', message: 'Indiquez l’adresse du rendez-vous.' }],
    });
    const noLink = await book(girard, personId, { mode: 'visio', address: undefined });
    expect(errorOf(noLink.body).fields?.[0]).toMatchObject({ path: 'visioUrl' });
    const http = await book(girard, personId, { mode: 'visio', visioUrl: 'http://visio.example.org/x' });
    expect(http.status).toBe(400);
    expect(JSON.stringify(http.body)).toMatch(/https/);
    const visio = ok(
      await book(girard, personId, { mode: 'visio', visioUrl: 'https://visio.example.org/x' }),
      201,
    );
    expect(visio).toMatchObject({ mode: 'visio', visioUrl: 'https://visio.example.org/x', address: null });
    const phone = ok(await book(girard, personId, { mode: 'telephone' }), 201);
    expect(phone.address).toBeNull();
  });

  it('confirms by SMS, linked to the appointment, and says so on the timeline', async () => {
    const { personId, girard } = await world(ctx);
    const a = ok(await book(girard, personId), 201);
    expect(a.confirmationSentAt).toBe('2026-11-02T09:00:00.000Z');
    const [sms, ...more] = await notificationsOf(ctx, a.id);
    expect(more).toEqual([]);
    expect(sms).toMatchObject({ channel: 'sms', recipient: '0612345678', person_id: personId });
    expect(sms?.body).toContain('mardi 10 novembre 2026 à 10 h 30');
    expect(sms?.body).toContain("Agence locale d'insertion de Bobigny – Drancy");
    expect(sms?.body).toContain('25 rue de l’Exemple');
    expect(sms?.body).toMatch(/Si vous ne pouvez pas venir, prévenez/);
    expect(sms?.body).not.toMatch(/Alice|TÉMOIN/i);
    const entries = await timeline(personId);
    const booked = entries.find((e) => e.type === 'AppointmentBooked');
    expect(booked).toMatchObject({ section: 'journey', link: `/personnes/${personId}/rendez-vous` });
    expect(booked?.summary).toBe(
      'Rendez-vous fixé le mardi 10 novembre 2026 à 10 h 30 (Accompagnement, sur place). Message envoyé par SMS.',
    );
    const [event] = await eventsOf('AppointmentBooked');
    expect(event).toMatchObject({
      appointmentId: a.id,
      personId,
      organisationId: a.organisation.id,
      startsAt: a.startsAt,
      campaignId: null,
    });
  });

  it('for the post: a tagged PDF letter « Convocation / rendez-vous » in the person’s documents and a letter to post', async () => {
    const { personId, girard } = await world(ctx, { preferred_channel: 'letter' });
    const a = ok(await book(girard, personId), 201);
    const [letter] = await notificationsOf(ctx, a.id);
    expect(letter).toMatchObject({
      channel: 'letter',
      subject: 'Convocation / rendez-vous (courrier postal à envoyer)',
    });
    expect(letter?.recipient).toMatch(/^Alice TÉMOIN\d+, 3 allée des Tilleuls, 93000 Bobigny$/);
    const doc = await db()
      .selectFrom('documents')
      .select(['id', 'category', 'section', 'filename', 'content_type', 'content', 'organisation_id'])
      .where('person_id', '=', personId)
      .executeTakeFirstOrThrow();
    expect(doc).toMatchObject({
      category: 'letter',
      section: 'journey',
      filename: 'rendez-vous-2026-11-10.pdf',
      content_type: 'application/pdf',
      organisation_id: a.organisation.id,
    });
    expect(letter?.body).toContain(doc.id);
    const pdf = Buffer.from(doc.content as Uint8Array).toString('latin1');
    expect(pdf.startsWith('%PDF-1.7')).toBe(true);
    expect(pdf).toContain('/StructTreeRoot');
    expect(pdf).toContain('/Lang (fr-FR)');
    expect(pdf).toMatch(/Convocation \/ rendez-vous/);
    // The person sees it among their documents (journey readers).
    const docs = ok(
      await girard.request<{ items: { id: string }[] }>('GET', `/api/people/${personId}/documents`),
    );
    expect(JSON.stringify(docs)).toContain(doc.id);
  });

  it('stores nothing for someone who prefers a call, or who has no usable contact, and says so', async () => {
    const { personId, girard } = await world(ctx, { preferred_channel: 'phone' });
    const byPhone = ok(await book(girard, personId), 201);
    expect(byPhone.confirmationSentAt).toBeNull();
    expect(await notificationsOf(ctx, byPhone.id)).toEqual([]);
    await setContact(ctx, personId, { preferred_channel: 'sms', phone_mobile: null, address_line: null });
    const nobody = ok(await book(girard, personId, { startsAt: '2026-11-11T10:00' }), 201);
    expect(nobody.confirmationSentAt).toBeNull();
    expect(await notificationsOf(ctx, nobody.id)).toEqual([]);
    const quiet = ok(
      await book(girard, personId, { startsAt: '2026-11-12T10:00', notifyPerson: false }),
      201,
    );
    expect(quiet.confirmationSentAt).toBeNull();
    const summaries = (await timeline(personId)).map((e) => e.summary);
    expect(summaries.some((s) => s.includes('La personne préfère le téléphone : appelez-la'))).toBe(true);
    expect(summaries.some((s) => s.includes('Aucun message : pas de coordonnées utilisables'))).toBe(true);
    expect(summaries.some((s) => s.endsWith('Sans message à la personne.'))).toBe(true);
    expect(
      await db().selectFrom('documents').select('id').where('person_id', '=', personId).execute(),
    ).toEqual([]);
  });

  it('books for a system actor (public invitation pages) with the campaign and no creator', async () => {
    const { personId } = await world(ctx, { preferred_channel: 'email', email: 'alice@example.org' });
    const org = await db()
      .selectFrom('organisations')
      .select(['id', 'territory_id'])
      .where('name', '=', "Agence locale d'insertion de Bobigny – Drancy")
      .executeTakeFirstOrThrow();
    const girardId = await accountIdByLastName(ctx, 'Girard');
    const viaSystem = defineUseCase({
      name: 'test.book',
      kind: 'command',
      actors: ['system'],
      input: z.object({}),
      authorize: () => true,
      run: (c) =>
        bookAppointment(c, {
          personId,
          organisationId: org.id,
          type: 'orientation',
          startsAt: new Date('2026-11-16T13:00:00Z'),
          durationMinutes: 30,
          mode: 'telephone',
          address: null,
          visioUrl: null,
          professionalAccountIds: [girardId],
          source: 'campagne',
          campaignId: null,
          notifyPerson: true,
        }),
    });
    const { id } = await execute(
      ctx.deps,
      viaSystem,
      {},
      systemActor('campaigns.invitation', org.territory_id),
    );
    const row = await db()
      .selectFrom('appointments')
      .selectAll()
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    expect(row).toMatchObject({ source: 'campagne', created_by_account_id: null, status: 'prevu' });
    const [mail] = await notificationsOf(ctx, id);
    expect(mail).toMatchObject({
      channel: 'email',
      recipient: 'alice@example.org',
      subject: 'Votre rendez-vous du lundi 16 novembre 2026 à 14 h',
    });
    const [event] = await eventsOf('AppointmentBooked');
    expect(event).toMatchObject({ appointmentId: id, organisationId: org.id, personId });
  });
});

describe('the person’s appointments', () => {
  it('lists the ones to come soonest first, the past ones latest first, and the next planned one', async () => {
    let { personId, girard } = await world(ctx);
    const d12 = ok(await book(girard, personId, { startsAt: '2026-11-12T10:00' }), 201);
    const d05 = ok(await book(girard, personId, { startsAt: '2026-11-05T10:00' }), 201);
    const d03 = ok(await book(girard, personId, { startsAt: '2026-11-03T10:00' }), 201);
    const d04 = ok(await book(girard, personId, { startsAt: '2026-11-04T10:00' }), 201);
    ok(await setStatus(girard, d05, { action: 'cancel', reason: 'Congés' }));
    ctx.clock.set('2026-11-04T12:00:00Z');
    girard = await loginAs(ctx, 'Girard'); // sessions expire while the clock moves
    const list = ok(await girard.call<PersonAppointments>(r.ofPerson, { params: { id: personId } }));
    expect(list.upcoming.map((a) => a.id)).toEqual([d05.id, d12.id]);
    expect(list.past.map((a) => a.id)).toEqual([d04.id, d03.id]);
    expect(list.next?.id).toBe(d12.id);
    expect(list.past[0]?.allowedActions).toEqual(['markHeld', 'markAbsent', 'markExcused']);
  });
});

describe('outcomes and changes', () => {
  it('records that the person came only once the start has passed, then corrects it', async () => {
    let { personId, girard } = await world(ctx);
    let a = ok(await book(girard, personId), 201);
    const early = await setStatus(girard, a, { action: 'markHeld' });
    expect(early.status).toBe(409);
    expect(errorOf(early.body)).toMatchObject({ code: 'appointments.invalid_transition' });
    expect(errorOf(early.body).details?.allowedLabels).toEqual([
      'Déplacer le rendez-vous',
      'La personne s’est excusée',
      'Annuler le rendez-vous',
    ]);
    ctx.clock.set('2026-11-10T09:30:00Z');
    girard = await loginAs(ctx, 'Girard');
    const late = await setStatus(girard, a, { action: 'cancel', reason: 'Trop tard' });
    expect(late.status).toBe(409);
    expect(errorOf(late.body).message).toMatch(/heure de ce rendez-vous est passée/);
    a = ok(await setStatus(girard, a, { action: 'markHeld', outcomeNote: 'CV revu ensemble.' }));
    expect(a).toMatchObject({
      status: 'honore',
      outcomeNote: 'CV revu ensemble.',
      allowedActions: ['correct'],
      revision: 2,
    });
    ctx.clock.advance(60_000); // a minute later, the professional notices the mistake
    const noStatus = await setStatus(girard, a, { action: 'correct' });
    expect(noStatus.status).toBe(400);
    expect(errorOf(noStatus.body).fields?.[0]?.path).toBe('status');
    a = ok(await setStatus(girard, a, { action: 'correct', status: 'absent' }));
    expect(a.status).toBe('absent');
    const events = await eventsOf('AppointmentStatusChanged');
    expect(events.map((e) => [e.previousStatus, e.status])).toEqual([
      ['prevu', 'honore'],
      ['honore', 'absent'],
    ]);
    expect(events[0]).toMatchObject({
      appointmentId: a.id,
      personId,
      organisationId: a.organisation.id,
      startsAt: a.startsAt,
      campaignId: null,
    });
    const summaries = (await timeline(personId))
      .filter((e) => e.type === 'AppointmentStatusChanged')
      .map((e) => e.summary);
    expect(summaries).toEqual([
      'Rendez-vous du mardi 10 novembre 2026 à 10 h 30 : la personne est venue.',
      'Résultat corrigé — rendez-vous du mardi 10 novembre 2026 à 10 h 30 : la personne était absente.',
    ]);
    // No message to the person for an outcome.
    expect((await notificationsOf(ctx, a.id)).length).toBe(1);
  });

  it('marks an excused absence before or after, with a reason', async () => {
    const { personId, girard } = await world(ctx);
    const a = ok(await book(girard, personId), 201);
    const noReason = await setStatus(girard, a, { action: 'markExcused' });
    expect(noReason.status).toBe(400);
    expect(errorOf(noReason.body)).toMatchObject({
      code: 'appointments.missing_fields',
      fields: [{ path: 'reason', message: 'Indiquez un motif.' }],
    });
    const excused = ok(await setStatus(girard, a, { action: 'markExcused', reason: 'Rendez-vous médical' }));
    expect(excused).toMatchObject({ status: 'excuse', statusReason: 'Rendez-vous médical' });
    const summaries = (await timeline(personId)).map((e) => e.summary);
    expect(summaries).toContain(
      'Rendez-vous du mardi 10 novembre 2026 à 10 h 30 : la personne s’est excusée.',
    );
  });

  it('cancelling tells the person, without the reason', async () => {
    const { personId, girard } = await world(ctx);
    const a = ok(await book(girard, personId), 201);
    const cancelled = ok(
      await setStatus(girard, a, { action: 'cancel', reason: 'Référent en arrêt maladie' }),
    );
    expect(cancelled.status).toBe('annule');
    const sent = await notificationsOf(ctx, a.id);
    expect(sent.length).toBe(2);
    const cancel = sent.find((n) => n.subject.startsWith('Rendez-vous annulé'));
    expect(cancel).toMatchObject({ channel: 'sms' });
    expect(cancel?.body).toContain('mardi 10 novembre 2026 à 10 h 30 est annulé');
    expect(cancel?.body).not.toContain('maladie');
    const [event] = await eventsOf('AppointmentStatusChanged');
    expect(event).toMatchObject({ status: 'annule', previousStatus: 'prevu' });
    const entries = await timeline(personId);
    expect(entries.map((e) => e.summary)).toContain(
      'Rendez-vous du mardi 10 novembre 2026 à 10 h 30 : annulé. Message envoyé par SMS.',
    );
  });

  it('moves an appointment with a new confirmation; refuses a stale revision, the past, a finished appointment', async () => {
    const { personId, girard } = await world(ctx);
    const a = ok(await book(girard, personId), 201);
    await db()
      .updateTable('appointments')
      .set({ reminder_sent_at: new Date('2026-11-08T09:30:00Z') })
      .where('id', '=', a.id)
      .execute();
    const moved = ok(
      await girard.call<Appointment>(r.update, {
        params: { id: a.id },
        body: { revision: a.revision, startsAt: '2026-11-17T14:00', mode: 'telephone' },
      }),
    );
    expect(moved).toMatchObject({
      startsAtLocal: '2026-11-17T14:00',
      mode: 'telephone',
      address: null,
      revision: 2,
      reminderSentAt: null,
    });
    const agendaRow = await db()
      .selectFrom('appointment_professionals')
      .select('starts_at')
      .where('appointment_id', '=', a.id)
      .executeTakeFirstOrThrow();
    expect(new Date(agendaRow.starts_at).toISOString()).toBe(moved.startsAt);
    const again = (await notificationsOf(ctx, a.id)).find((n) =>
      n.subject.startsWith('Votre rendez-vous est déplacé'),
    );
    expect(again?.body).toContain('déplacé');
    expect(again?.body).toContain('mardi 17 novembre 2026 à 14 h');
    const stale = await girard.call(r.update, {
      params: { id: a.id },
      body: { revision: 1, durationMinutes: 60 },
    });
    expect(stale.status).toBe(409);
    expect(errorOf(stale.body)).toMatchObject({ code: 'appointments.version_conflict' });
    expect(errorOf(stale.body).message).toMatch(/Quelqu'un a modifié/);
    const toPast = await girard.call(r.update, {
      params: { id: a.id },
      body: { revision: 2, startsAt: '2026-11-01T10:00' },
    });
    expect(errorOf(toPast.body).code).toBe('appointments.in_the_past');
    const staleStatus = await setStatus(girard, { id: a.id, revision: 1 }, { action: 'cancel', reason: 'x' });
    expect(staleStatus.status).toBe(409);
    const cancelled = ok(await setStatus(girard, moved, { action: 'cancel', reason: 'Plus besoin' }));
    const closed = await girard.call(r.update, {
      params: { id: a.id },
      body: { revision: cancelled.revision, durationMinutes: 60 },
    });
    expect(closed.status).toBe(409);
    expect(errorOf(closed.body).code).toBe('appointments.invalid_transition');
    const summaries = (await timeline(personId)).map((e) => e.summary);
    expect(summaries).toContain(
      'Rendez-vous du mardi 10 novembre 2026 à 10 h 30 déplacé au mardi 17 novembre 2026 à 14 h, désormais par téléphone. Message envoyé par SMS.',
    );
  });
});

describe('ICS file', () => {
  it('is a calendar attachment named after the day, with the id, the UTC start, the type, the place and no name', async () => {
    const { personId, girard } = await world(ctx);
    const a = ok(await book(girard, personId, { type: 'signature' }), 201);
    const res = await girard.call(r.ics, { params: { id: a.id } });
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('text/calendar; charset=utf-8');
    expect(res.headers['content-disposition']).toMatch(/^attachment; filename="rendez-vous-2026-11-10\.ics"/);
    const text = res.body as string;
    expect(text).toContain(`UID:${a.id}`);
    expect(text).toContain('DTSTART:20261110T093000Z');
    expect(text).toContain('SUMMARY:Rendez-vous : Signature du contrat');
    expect(text).toContain('LOCATION:25 rue de l’Exemple\\, 93000 Bobigny');
    expect(text).not.toMatch(/Alice|TÉMOIN|0612345678/i);
  });
});
