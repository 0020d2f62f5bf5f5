import { type Appointment, appointmentsRoutes, type personAppointments } from '@spie/contract/appointments';
import { expect } from 'vitest';
import type { z } from 'zod';
import { accountIdByLastName, loginAs } from '../../testing/fixtures';
import type { Answer, TestClient } from '../../testing/httpClient';
import { createPersonFixture } from '../../testing/peopleFixtures';
import type { TestContext } from '../../testing/testContext';

/** Test helpers of the appointment tests. */
export const r = appointmentsRoutes;
export type PersonAppointments = z.infer<typeof personAppointments>;

export interface Contact {
  preferred_channel?: 'sms' | 'email' | 'letter' | 'phone' | null;
  phone_mobile?: string | null;
  email?: string | null;
  address_line?: string | null;
  postal_code?: string | null;
  phone_invalid_at?: Date | null;
}

/**
 * A person with Girard as référent (ALI Bobigny), Moreau as co-référent (ALI Bobigny) and Sow as
 * intervenant (PLIE), reachable by SMS unless told otherwise.
 */
export async function world(ctx: TestContext, contact: Contact = {}) {
  const personId = await createPersonFixture(ctx, [
    { lastName: 'Girard', role: 'referent' },
    { lastName: 'Moreau', role: 'co_referent' },
    { lastName: 'Sow', role: 'intervenant' },
  ]);
  await setContact(ctx, personId, {
    preferred_channel: 'sms',
    phone_mobile: '0612345678',
    email: null,
    address_line: '3 allée des Tilleuls',
    postal_code: '93000',
    ...contact,
  });
  const girard = await loginAs(ctx, 'Girard');
  return { personId, girard, girardId: await accountIdByLastName(ctx, 'Girard') };
}

export async function setContact(ctx: TestContext, personId: string, contact: Contact) {
  await ctx.deps.database.db.updateTable('persons').set(contact).where('id', '=', personId).execute();
}

export const ok = <T>(res: Answer<T>, status = 200): T => {
  expect(res.status, JSON.stringify(res.body)).toBe(status);
  return res.body;
};

export function book(
  client: TestClient,
  personId: string,
  body: Record<string, unknown> = {},
): Promise<Answer<Appointment>> {
  return client.call<Appointment>(r.create, {
    params: { id: personId },
    body: {
      type: 'accompagnement',
      startsAt: '2026-11-10T10:30',
      mode: 'sur_place',
      address: '25 rue de l’Exemple, 93000 Bobigny',
      ...body,
    },
  });
}

export function setStatus(
  client: TestClient,
  a: Pick<Appointment, 'id' | 'revision'>,
  body: Record<string, unknown>,
): Promise<Answer<Appointment>> {
  return client.call<Appointment>(r.changeStatus, {
    params: { id: a.id },
    body: { revision: a.revision, ...body },
  });
}

/** Notifications stored about an appointment. */
export function notificationsOf(ctx: TestContext, appointmentId: string) {
  return ctx.deps.database.db
    .selectFrom('notifications')
    .selectAll()
    .where('related_kind', '=', 'appointment')
    .where('related_id', '=', appointmentId)
    .orderBy('created_at')
    .execute();
}
