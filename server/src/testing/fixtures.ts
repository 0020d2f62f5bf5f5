import type { SessionInfo } from '@spie/contract/auth';
import type { Role } from '@spie/contract/territories';
import { defaultTerritorySettings } from '@spie/contract/territories';
import { TestClient } from './httpClient';
import type { TestContext } from './testContext';

export async function accountIdByLastName(ctx: TestContext, lastName: string): Promise<string> {
  const row = await ctx.deps.database.db
    .selectFrom('accounts')
    .select('id')
    .where('last_name', '=', lastName)
    .executeTakeFirstOrThrow();
  return row.id;
}

/** Signs in through the demo login, then picks the membership with `role` when there are several. */
export async function loginAs(ctx: TestContext, lastName: string, role?: Role): Promise<TestClient> {
  const client = new TestClient(ctx.app);
  const accountId = await accountIdByLastName(ctx, lastName);
  const login = await client.request<SessionInfo>('POST', '/api/auth/demo/login', { accountId });
  if (login.status !== 200) throw new Error(`login failed: ${login.status} ${JSON.stringify(login.body)}`);
  const wanted = role ? login.body.memberships.find((m) => m.role === role) : login.body.memberships[0];
  if (!wanted) throw new Error(`${lastName} has no ${role} membership`);
  if (login.body.activeMembership?.id !== wanted.id) {
    const chosen = await client.request('POST', '/api/auth/membership', { membershipId: wanted.id });
    if (chosen.status !== 200) throw new Error(`membership choice failed: ${chosen.status}`);
  }
  return client;
}

export interface OtherTerritory {
  territoryId: string;
  organisationId: string;
  professionalId: string;
  adminId: string;
}

/** A second, unrelated territory with its own organisation, professional and admin. */
export async function createOtherTerritory(ctx: TestContext): Promise<OtherTerritory> {
  const db = ctx.deps.database.db;
  const { id: territoryId } = await db
    .insertInto('territories')
    .values({ code: '95', name: "Val-d'Oise (test)", settings: JSON.stringify(defaultTerritorySettings) })
    .returning('id')
    .executeTakeFirstOrThrow();
  const { id: organisationId } = await db
    .insertInto('organisations')
    .values({
      territory_id: territoryId,
      kind: 'mission_locale',
      name: 'Mission locale de Cergy (test)',
      commune_code: '95127',
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const make = async (lastName: string, role: Role) => {
    const { id } = await db
      .insertInto('accounts')
      .values({
        email: `${lastName.toLowerCase()}@autre.example.org`,
        first_name: 'Test',
        last_name: lastName,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await db
      .insertInto('memberships')
      .values({ territory_id: territoryId, account_id: id, organisation_id: organisationId, role })
      .execute();
    return id;
  };
  return {
    territoryId,
    organisationId,
    professionalId: await make('Ailleurs', 'professional'),
    adminId: await make('Autreadmin', 'territory_admin'),
  };
}
