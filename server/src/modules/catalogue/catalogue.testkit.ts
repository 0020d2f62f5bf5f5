import { catalogueRoutes, type ServiceView } from '@spie/contract/catalogue';
import { expect } from 'vitest';
import type { Answer } from '../../testing/httpClient';
import type { TestContext } from '../../testing/testContext';

export const r = catalogueRoutes;

export const ok = <T>(res: Answer<T>, status = 200): T => {
  expect(res.status, JSON.stringify(res.body)).toBe(status);
  return res.body;
};

export async function orgId(ctx: TestContext, lastName: string): Promise<string> {
  const row = await ctx.deps.database.db
    .selectFrom('memberships as m')
    .innerJoin('accounts as a', 'a.id', 'm.account_id')
    .select(['m.organisation_id'])
    .where('a.last_name', '=', lastName)
    .orderBy('m.created_at')
    .executeTakeFirstOrThrow();
  return row.organisation_id;
}

export async function accountId(ctx: TestContext, lastName: string): Promise<string> {
  const row = await ctx.deps.database.db
    .selectFrom('accounts')
    .select('id')
    .where('last_name', '=', lastName)
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function territoryId(ctx: TestContext): Promise<string> {
  const row = await ctx.deps.database.db
    .selectFrom('territories')
    .select('id')
    .where('code', '=', '93')
    .executeTakeFirstOrThrow();
  return row.id;
}

let structureCount = 0;
/** A structure straight in the database. */
export async function insertStructure(ctx: TestContext, owner: string | null): Promise<string> {
  const t = await territoryId(ctx);
  structureCount += 1;
  const id = `test--structure-${structureCount}`;
  const now = ctx.clock.now();
  await ctx.deps.database.db
    .insertInto('catalogue_structures')
    .values({
      territory_id: t,
      id,
      source: 'test',
      nom: `Structure ${structureCount}`,
      date_maj: '2026-10-01',
      owner_organisation_id: owner,
      created_at: now,
      updated_at: now,
    })
    .execute();
  return id;
}

let serviceCount = 0;
/** A service straight in the database (published unless told otherwise). */
export async function insertService(
  ctx: TestContext,
  structureId: string,
  owner: string | null,
  fields: {
    nom?: string;
    capacity?: number | null;
    status?: string;
    waiting_list_enabled?: boolean;
    thematiques?: string[];
    date_maj?: string;
  } = {},
): Promise<string> {
  const t = await territoryId(ctx);
  serviceCount += 1;
  const id = `test--service-${serviceCount}`;
  const now = ctx.clock.now();
  await ctx.deps.database.db
    .insertInto('catalogue_services')
    .values({
      territory_id: t,
      id,
      structure_id: structureId,
      source: 'test',
      nom: fields.nom ?? `Service ${serviceCount}`,
      description: 'Un service pour les tests du catalogue.',
      date_maj: fields.date_maj ?? '2026-10-01',
      thematiques: fields.thematiques ?? ['mobilite--preparer-un-permis'],
      modes_accueil: ['en-presentiel'],
      owner_organisation_id: owner,
      status: fields.status ?? 'publie',
      capacity: fields.capacity === undefined ? 10 : fields.capacity,
      waiting_list_enabled: fields.waiting_list_enabled ?? true,
      created_at: now,
      updated_at: now,
    })
    .execute();
  return id;
}

export async function insertSession(
  ctx: TestContext,
  serviceId: string,
  fields: { places: number | null; status?: string; start_date?: string; end_date?: string | null },
): Promise<string> {
  const t = await territoryId(ctx);
  const now = ctx.clock.now();
  const row = await ctx.deps.database.db
    .insertInto('catalogue_sessions')
    .values({
      territory_id: t,
      service_id: serviceId,
      start_date: fields.start_date ?? '2026-12-01',
      end_date: fields.end_date ?? null,
      places: fields.places,
      status: fields.status ?? 'ouverte',
      created_at: now,
      updated_at: now,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

let personCount = 0;
/** A person and a referral to `serviceId` sent by Girard (ALI Bobigny). */
export async function insertReferral(
  ctx: TestContext,
  serviceId: string,
  status: string,
  opts: {
    sessionId?: string | null;
    createdAt?: string;
    answeredAfterDays?: number | null;
    waitlistedAt?: string | null;
    lastName?: string;
  } = {},
): Promise<{ referralId: string; personId: string }> {
  const db = ctx.deps.database.db;
  const t = await territoryId(ctx);
  personCount += 1;
  const { id: personId } = await db
    .insertInto('persons')
    .values({
      territory_id: t,
      sex: 'F',
      birth_name: opts.lastName ?? `Personne${personCount}`,
      first_names: [`Prénom${personCount}`],
      birth_date: '1990-01-01',
      commune_code: '93008',
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const createdAt = new Date(opts.createdAt ?? '2026-10-01T09:00:00Z');
  const answeredAt =
    opts.answeredAfterDays === undefined || opts.answeredAfterDays === null
      ? null
      : new Date(createdAt.getTime() + opts.answeredAfterDays * 86_400_000);
  const service = await db
    .selectFrom('catalogue_services')
    .select('owner_organisation_id')
    .where('id', '=', serviceId)
    .executeTakeFirstOrThrow();
  const { id: referralId } = await db
    .insertInto('referrals')
    .values({
      territory_id: t,
      person_id: personId,
      service_id: serviceId,
      session_id: opts.sessionId ?? null,
      sender_account_id: await accountId(ctx, 'Girard'),
      sender_organisation_id: await orgId(ctx, 'Girard'),
      receiving_organisation_id: service.owner_organisation_id,
      status,
      reason: 'Test',
      consent_at: createdAt,
      answered_at: answeredAt,
      waitlisted_at: opts.waitlistedAt ? new Date(opts.waitlistedAt) : null,
      created_at: createdAt,
      updated_at: createdAt,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return { referralId, personId };
}

export type { ServiceView };
