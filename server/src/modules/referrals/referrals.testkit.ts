import { expect } from 'vitest';
import { accountIdByLastName, loginAs } from '../../testing/fixtures';
import type { TestClient } from '../../testing/httpClient';
import { createPersonFixture } from '../../testing/peopleFixtures';
import type { TestContext } from '../../testing/testContext';

/** Test helpers of referrals: a person followed by Girard (référent, ALI Bobigny) and Sow (intervenante, PLIE). */
export interface RefWorld {
  t: string;
  personId: string;
  /** Owned by « Apprendre le français » (Martin): answered from SPIE. */
  owned: string;
  /** No owner in SPIE: answered through a link sent to contact@asso-mobilite.example.org. */
  unowned: string;
  receiverOrg: string;
  girard: TestClient;
}

export async function orgIdOf(ctx: TestContext, nameStart: string): Promise<string> {
  return (
    await ctx.deps.database.db
      .selectFrom('organisations')
      .select('id')
      .where('name', 'like', `${nameStart}%`)
      .executeTakeFirstOrThrow()
  ).id;
}

let n = 0;
export async function service(
  ctx: TestContext,
  t: string,
  o: {
    owner?: string | null;
    status?: string;
    suspendedUntil?: string | null;
    capacity?: number | null;
    waitingList?: boolean;
    hours?: number | null;
  } = {},
): Promise<string> {
  const db = ctx.deps.database.db;
  const now = ctx.clock.now();
  n++;
  const structureId = `spie-93--st${n}`;
  await db
    .insertInto('catalogue_structures')
    .values({
      territory_id: t,
      id: structureId,
      source: 'spie-93',
      nom: `Structure ${n}`,
      date_maj: '2026-10-01',
      courriel: `structure${n}@example.org`,
      owner_organisation_id: o.owner ?? null,
      created_at: now,
      updated_at: now,
    })
    .execute();
  const id = `spie-93--sv${n}`;
  await db
    .insertInto('catalogue_services')
    .values({
      territory_id: t,
      id,
      structure_id: structureId,
      source: 'spie-93',
      nom: `Permis solidaire ${n}`,
      description: 'Préparer le permis B',
      date_maj: '2026-10-01',
      status: o.status ?? 'publie',
      suspended_until: o.suspendedUntil ?? null,
      status_reason: o.status === 'suspendu' ? 'travaux' : null,
      capacity: o.capacity ?? null,
      waiting_list_enabled: o.waitingList ?? true,
      volume_horaire_hebdomadaire: o.hours ?? 6,
      owner_organisation_id: o.owner ?? null,
      referral_contact_email: o.owner ? null : 'contact@asso-mobilite.example.org',
      created_at: now,
      updated_at: now,
    })
    .execute();
  return id;
}

export async function refWorld(ctx: TestContext): Promise<RefWorld> {
  const personId = await createPersonFixture(ctx, [
    { lastName: 'Girard', role: 'referent' },
    { lastName: 'Sow', role: 'intervenant' },
  ]);
  const { territory_id: t } = await ctx.deps.database.db
    .selectFrom('persons')
    .select('territory_id')
    .where('id', '=', personId)
    .executeTakeFirstOrThrow();
  await ctx.deps.database.db
    .updateTable('persons')
    .set({ phone_mobile: '0611223344', email: 'alice@example.org' })
    .where('id', '=', personId)
    .execute();
  const receiverOrg = await orgIdOf(ctx, 'Apprendre le français');
  return {
    t,
    personId,
    receiverOrg,
    owned: await service(ctx, t, { owner: receiverOrg }),
    unowned: await service(ctx, t, { owner: null }),
    girard: await loginAs(ctx, 'Girard'),
  };
}

type Err = { error?: { code: string; kind: string; message: string } };
export type View = Err & {
  id: string;
  status: string;
  revision: number;
  allowedActions: string[];
  sharedData: {
    phone: string | null;
    email: string | null;
    documents: { name: string }[];
    situation: string[];
  };
  history: { from: string | null; to: string; by: string }[];
  attendance: { week: string; hours: number }[];
  entryDate: string | null;
  canRecordAttendance: boolean;
};

export async function refer(
  client: TestClient,
  personId: string,
  serviceId: string,
  extra: Record<string, unknown> = {},
) {
  return client.request<View>('POST', `/api/people/${personId}/referrals`, {
    serviceId,
    reason: 'Le permis lui ouvrirait des emplois en logistique.',
    shared: ['coordonnees'],
    consent: true,
    ...extra,
  });
}

export async function created(client: TestClient, personId: string, serviceId: string, extra = {}) {
  const res = await refer(client, personId, serviceId, extra);
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body;
}

export const move = (client: TestClient, id: string, body: Record<string, unknown>) =>
  client.request<View>('POST', `/api/referrals/${id}/transitions`, body);

/** The token of the latest link e-mailed for a referral (read from the queued e-mail). */
export async function latestToken(ctx: TestContext): Promise<string> {
  const row = await ctx.deps.database.db
    .selectFrom('notifications')
    .select('body')
    .where('body', 'like', '%/prescription/%')
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .executeTakeFirstOrThrow();
  const m = /\/prescription\/([A-Za-z0-9_-]+)/.exec(row.body);
  if (!m?.[1]) throw new Error('no token');
  return m[1];
}

export { accountIdByLastName, loginAs };
