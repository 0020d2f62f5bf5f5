import type { Appointment } from '@spie/contract/appointments';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { accountIdByLastName, loginAs } from '../../testing/fixtures';
import { createTestContext, type TestContext } from '../../testing/testContext';
import { book, ok, type PersonAppointments, r, setStatus, world } from './appointments.testkit';

/**
 * Who may see and handle appointments, role by role: the person's team (référent, co-référent,
 * intervenant), the structure manager of an organisation that follows the person, the
 * orientation manager and the territory admin (no journey), a professional of another organisation.
 */
let ctx: TestContext;
let personId: string;
let appointment: Appointment;

beforeAll(async () => {
  ctx = await createTestContext();
  const w = await world(ctx);
  personId = w.personId;
  appointment = ok(await book(w.girard, personId), 201);
});
afterAll(() => ctx.close());

const expectRefused = (status: number) => expect([403, 404]).toContain(status);

describe('reading', () => {
  it.each([
    ['Girard', 'référent'],
    ['Moreau', 'co-référent'],
    ['Sow', 'intervenant (PLIE)'],
    ['Haddad', 'structure manager of ALI Bobigny, which follows the person'],
  ])('%s (%s) sees the person’s appointments and each one', async (lastName) => {
    const client = await loginAs(ctx, lastName);
    const list = ok(await client.call<PersonAppointments>(r.ofPerson, { params: { id: personId } }));
    expect(list.upcoming.map((a) => a.id)).toEqual([appointment.id]);
    expect(list.next?.id).toBe(appointment.id);
    ok(await client.call(r.get, { params: { id: appointment.id } }));
    const ics = await client.call(r.ics, { params: { id: appointment.id } });
    expect(ics.status).toBe(200);
  });

  it.each([
    ['Petit', 'professional of ALI Saint-Denis, not in the team'],
    ['Benali', 'orientation manager (no journey)'],
    ['Fontaine', 'territory admin (identity only)'],
    ['Mansouri', 'structure manager of ALI Saint-Denis, which does not follow the person'],
  ])('%s (%s) sees nothing', async (lastName) => {
    const client = await loginAs(ctx, lastName);
    expectRefused((await client.call(r.ofPerson, { params: { id: personId } })).status);
    expectRefused((await client.call(r.get, { params: { id: appointment.id } })).status);
    expectRefused((await client.call(r.ics, { params: { id: appointment.id } })).status);
  });

  it('audits each read of a person’s appointments', async () => {
    const rows = await ctx.deps.database.db
      .selectFrom('audit_log')
      .select(['action', 'person_id', 'section', 'outcome'])
      .where('action', 'in', ['appointments.ofPerson', 'appointments.get', 'appointments.ics'])
      .where('outcome', '=', 'success')
      .execute();
    expect(rows.length).toBeGreaterThanOrEqual(12);
    expect(rows.every((row) => row.person_id === personId && row.section === 'journey')).toBe(true);
  });
});

describe('booking', () => {
  it.each([
    ['Moreau', 201],
    ['Sow', 201],
    ['Haddad', 403],
    ['Petit', 403],
    ['Benali', 403],
    ['Fontaine', 403],
  ])('%s books: %i', async (lastName, status) => {
    const client = await loginAs(ctx, lastName);
    const res = await book(client, personId, { startsAt: '2026-11-12T14:00' });
    expect(res.status, JSON.stringify(res.body)).toBe(status);
    if (status === 201) {
      const a = res.body as Appointment;
      // For the booker's organisation, held by the booker.
      const me = await accountIdByLastName(ctx, lastName);
      expect(a.professionals.map((p) => p.accountId)).toEqual([me]);
      expect(a.allowedActions).toContain('cancel');
    }
  });

  it('names only professionals of the organisation or of the person’s team', async () => {
    const girard = await loginAs(ctx, 'Girard');
    const sow = await accountIdByLastName(ctx, 'Sow'); // intervenant of the team (PLIE)
    const haddad = await accountIdByLastName(ctx, 'Haddad'); // ALI Bobigny
    const petit = await accountIdByLastName(ctx, 'Petit'); // elsewhere
    const both = ok(await book(girard, personId, { professionalAccountIds: [sow, haddad] }), 201);
    expect(both.professionals.map((p) => p.accountId).sort()).toEqual([sow, haddad].sort());
    const refused = await book(girard, personId, { professionalAccountIds: [petit] });
    expect(refused.status).toBe(400);
    expect(refused.body).toMatchObject({ error: { code: 'appointments.professional_unknown' } });
  });
});

describe('handling', () => {
  it('an intervenant of another organisation may not handle the référent’s appointment; the structure manager may not either', async () => {
    for (const lastName of ['Sow', 'Haddad', 'Petit']) {
      const client = await loginAs(ctx, lastName);
      const res = await setStatus(client, appointment, { action: 'cancel', reason: 'Test' });
      expectRefused(res.status);
      const moved = await client.call(r.update, {
        params: { id: appointment.id },
        body: { revision: appointment.revision, startsAt: '2026-11-11T10:00' },
      });
      expectRefused(moved.status);
    }
    // They see it without the actions they cannot take.
    const sow = await loginAs(ctx, 'Sow');
    const seen = ok(await sow.call<Appointment>(r.get, { params: { id: appointment.id } }));
    expect(seen.allowedActions).toEqual([]);
  });

  it('a co-référent may handle it, a professional who holds it too', async () => {
    const moreau = await loginAs(ctx, 'Moreau');
    const seen = ok(await moreau.call<Appointment>(r.get, { params: { id: appointment.id } }));
    expect(seen.allowedActions).toEqual(['reschedule', 'markExcused', 'cancel']);
    const moved = ok(
      await moreau.call<Appointment>(r.update, {
        params: { id: appointment.id },
        body: { revision: seen.revision, startsAt: '2026-11-10T11:00' },
      }),
    );
    expect(moved.startsAtLocal).toBe('2026-11-10T11:00');
    // Held by Haddad (ALI Bobigny) who is not in the team: the holder may act on it.
    const girard = await loginAs(ctx, 'Girard');
    const haddad = await accountIdByLastName(ctx, 'Haddad');
    const held = ok(await book(girard, personId, { professionalAccountIds: [haddad] }), 201);
    const manager = await loginAs(ctx, 'Haddad');
    ok(await setStatus(manager, held, { action: 'cancel', reason: 'Indisponible' }));
  });
});

describe('agenda', () => {
  const week = { from: '2026-11-09', to: '2026-11-15' };

  it('shows one’s own appointments, and to the structure manager those of a professional of the organisation', async () => {
    const girardId = await accountIdByLastName(ctx, 'Girard');
    const girard = await loginAs(ctx, 'Girard');
    const own = ok(
      await girard.call<{ items: Appointment[]; professional: { accountId: string } }>(r.agenda, {
        query: week,
      }),
    );
    expect(own.professional.accountId).toBe(girardId);
    expect(own.items.length).toBeGreaterThan(0);
    expect(own.items.every((a) => a.professionals.some((p) => p.accountId === girardId))).toBe(true);
    const starts = own.items.map((a) => a.startsAt);
    expect(starts).toEqual([...starts].sort());
    const manager = await loginAs(ctx, 'Haddad');
    const seen = ok(
      await manager.call<{ items: Appointment[] }>(r.agenda, { query: { ...week, accountId: girardId } }),
    );
    expect(seen.items.map((a) => a.id)).toEqual(own.items.map((a) => a.id));
  });

  it('refuses someone else’s agenda to a professional, and a professional of another organisation to a manager', async () => {
    const girardId = await accountIdByLastName(ctx, 'Girard');
    const petitId = await accountIdByLastName(ctx, 'Petit');
    const moreau = await loginAs(ctx, 'Moreau');
    expect((await moreau.call(r.agenda, { query: { ...week, accountId: girardId } })).status).toBe(403);
    const manager = await loginAs(ctx, 'Haddad');
    expect((await manager.call(r.agenda, { query: { ...week, accountId: petitId } })).status).toBe(403);
    const otherManager = await loginAs(ctx, 'Mansouri');
    expect((await otherManager.call(r.agenda, { query: { ...week, accountId: girardId } })).status).toBe(403);
  });

  it('covers 31 days at most', async () => {
    const girard = await loginAs(ctx, 'Girard');
    ok(await girard.call(r.agenda, { query: { from: '2026-11-01', to: '2026-12-01' } }));
    const tooLong = await girard.call(r.agenda, { query: { from: '2026-11-01', to: '2026-12-02' } });
    expect(tooLong.status).toBe(400);
    expect(tooLong.body).toMatchObject({ error: { code: 'appointments.agenda_range' } });
    const backwards = await girard.call(r.agenda, { query: { from: '2026-11-10', to: '2026-11-09' } });
    expect(backwards.status).toBe(400);
  });
});
