import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { loginAs } from '../../testing/fixtures';
import { createTestContext, type TestContext } from '../../testing/testContext';
import { book, notificationsOf, ok, r, setContact, setStatus, world } from './appointments.testkit';
import { sendAppointmentReminders } from './reminders';

/**
 * The D-2 reminder with a controllable clock: not before 48 hours ahead, exactly once, by SMS or
 * e-mail only, none for an appointment cancelled or booked inside the window.
 */
let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestContext();
});
afterAll(() => ctx.close());
beforeEach(async () => {
  await ctx.reset(); // T0 = 2026-11-02T09:00Z
});

const remindersOf = async (appointmentId: string) =>
  (await notificationsOf(ctx, appointmentId)).filter((n) => n.subject.startsWith('Rappel'));
const reminderSentAt = async (id: string) =>
  (
    await ctx.deps.database.db
      .selectFrom('appointments')
      .select('reminder_sent_at')
      .where('id', '=', id)
      .executeTakeFirstOrThrow()
  ).reminder_sent_at;

describe('D-2 reminder', () => {
  it('is queued 48 hours before, not a minute earlier, and only once', async () => {
    const { personId, girard } = await world(ctx);
    // mardi 10 novembre 2026 à 10 h 30 = 09:30Z
    const a = ok(await book(girard, personId), 201);
    ctx.clock.set('2026-11-08T09:29:00Z');
    await ctx.runWorker();
    expect(await remindersOf(a.id)).toEqual([]);
    expect(await reminderSentAt(a.id)).toBeNull();
    ctx.clock.set('2026-11-08T09:30:00Z');
    expect(await sendAppointmentReminders(ctx.deps)).toEqual({ reminded: 1 });
    const [reminder, ...more] = await remindersOf(a.id);
    expect(more).toEqual([]);
    expect(reminder).toMatchObject({
      channel: 'sms',
      recipient: '0612345678',
      person_id: personId,
      status: 'pending',
    });
    expect(reminder?.body).toContain('Rappel : vous avez rendez-vous le mardi 10 novembre 2026 à 10 h 30');
    expect(new Date((await reminderSentAt(a.id)) as Date).toISOString()).toBe('2026-11-08T09:30:00.000Z');
    // Later passes, and the worker itself, do not send it again.
    ctx.clock.set('2026-11-09T08:00:00Z');
    expect(await sendAppointmentReminders(ctx.deps)).toEqual({ reminded: 0 });
    await ctx.runWorker();
    await ctx.runWorker();
    const after = await remindersOf(a.id);
    expect(after.length).toBe(1);
    expect(after[0]?.status).toBe('sent');
  });

  it('follows the territory setting', async () => {
    const { personId, girard } = await world(ctx);
    const a = ok(await book(girard, personId), 201);
    const t = await ctx.deps.database.db
      .selectFrom('persons')
      .select('territory_id')
      .where('id', '=', personId)
      .executeTakeFirstOrThrow();
    await ctx.deps.database.db
      .updateTable('territories')
      .set({ settings: JSON.stringify({ appointmentReminderDaysBefore: 3 }) })
      .where('id', '=', t.territory_id)
      .execute();
    ctx.clock.set('2026-11-07T09:29:00Z');
    expect((await sendAppointmentReminders(ctx.deps)).reminded).toBe(0);
    ctx.clock.set('2026-11-07T09:30:00Z');
    expect((await sendAppointmentReminders(ctx.deps)).reminded).toBe(1);
    expect((await remindersOf(a.id)).length).toBe(1);
  });

  it('goes by SMS or e-mail only: no reminder letter, nothing for someone who prefers a call', async () => {
    const { personId: byLetter, girard } = await world(ctx, {
      preferred_channel: 'letter',
      phone_mobile: null,
    });
    const { personId: byMail } = await world(ctx, {
      preferred_channel: 'letter',
      phone_mobile: null,
      email: 'b@example.org',
    });
    const { personId: byPhone } = await world(ctx, { preferred_channel: 'phone' });
    const letter = ok(await book(girard, byLetter), 201);
    const mail = ok(await book(girard, byMail), 201);
    const phone = ok(await book(girard, byPhone), 201);
    ctx.clock.set('2026-11-09T09:00:00Z');
    expect((await sendAppointmentReminders(ctx.deps)).reminded).toBe(1);
    expect(await remindersOf(letter.id)).toEqual([]);
    expect(await remindersOf(phone.id)).toEqual([]);
    const [email] = await remindersOf(mail.id);
    expect(email).toMatchObject({ channel: 'email', recipient: 'b@example.org' });
    expect(await reminderSentAt(letter.id)).toBeNull();
    // A phone number found invalid is not used either.
    await setContact(ctx, byPhone, { preferred_channel: 'sms', phone_invalid_at: new Date() });
    expect((await sendAppointmentReminders(ctx.deps)).reminded).toBe(0);
  });

  it('skips cancelled appointments and those booked inside the window (the confirmation was the reminder)', async () => {
    const { personId, girard } = await world(ctx);
    const cancelled = ok(await book(girard, personId), 201);
    ok(await setStatus(girard, cancelled, { action: 'cancel', reason: 'Congés' }));
    const soon = ok(await book(girard, personId, { startsAt: '2026-11-03T15:00' }), 201);
    ctx.clock.set('2026-11-03T08:00:00Z');
    expect((await sendAppointmentReminders(ctx.deps)).reminded).toBe(0);
    ctx.clock.set('2026-11-08T10:00:00Z');
    expect((await sendAppointmentReminders(ctx.deps)).reminded).toBe(0);
    expect(await remindersOf(cancelled.id)).toEqual([]);
    expect(await remindersOf(soon.id)).toEqual([]);
  });

  it('is due again for the new date when the appointment moves', async () => {
    let { personId, girard } = await world(ctx);
    const a = ok(await book(girard, personId), 201);
    ctx.clock.set('2026-11-08T10:00:00Z');
    expect((await sendAppointmentReminders(ctx.deps)).reminded).toBe(1);
    girard = await loginAs(ctx, 'Girard');
    const moved = ok(
      await girard.call<{ revision: number }>(r.update, {
        params: { id: a.id },
        body: { revision: a.revision, startsAt: '2026-11-20T10:30' },
      }),
    );
    expect(moved.revision).toBe(2);
    ctx.clock.set('2026-11-18T09:29:00Z');
    expect((await sendAppointmentReminders(ctx.deps)).reminded).toBe(0);
    ctx.clock.set('2026-11-18T09:30:00Z');
    expect((await sendAppointmentReminders(ctx.deps)).reminded).toBe(1);
    const reminders = await remindersOf(a.id);
    expect(reminders.map((n) => n.body.includes('vendredi 20 novembre 2026 à 10 h 30'))).toEqual([
      false,
      true,
    ]);
  });

  it('works through batches, claiming each appointment once', async () => {
    const { personId, girard } = await world(ctx);
    const db = ctx.deps.database.db;
    const first = ok(await book(girard, personId), 201);
    const row = await db
      .selectFrom('appointments')
      .selectAll()
      .where('id', '=', first.id)
      .executeTakeFirstOrThrow();
    // 1,200 more appointments at the same hour (3 batches of 500), straight into the table.
    const { id: _id, ...template } = row;
    for (let i = 0; i < 3; i++) {
      await db
        .insertInto('appointments')
        .values(Array.from({ length: 400 }, () => ({ ...template, reminder_sent_at: null })))
        .execute();
    }
    ctx.clock.set('2026-11-08T10:00:00Z');
    const [once, twice] = await Promise.all([
      sendAppointmentReminders(ctx.deps),
      sendAppointmentReminders(ctx.deps),
    ]);
    expect(once.reminded + twice.reminded).toBe(1201);
    const n = await db
      .selectFrom('notifications')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('related_kind', '=', 'appointment')
      .where('subject', 'like', 'Rappel%')
      .executeTakeFirstOrThrow();
    expect(Number(n.n)).toBe(1201);
  });
});
