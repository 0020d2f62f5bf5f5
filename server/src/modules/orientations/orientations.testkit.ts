import { accountIdByLastName } from '../../testing/fixtures';
import type { TestClient } from '../../testing/httpClient';
import type { TestContext } from '../../testing/testContext';

/** Test helpers of the orientation tests (ids of the demo territory, a person « à orienter »). */
export async function orgId(ctx: TestContext, nameStart: string): Promise<string> {
  const row = await ctx.deps.database.db
    .selectFrom('organisations')
    .select('id')
    .where('name', 'like', `${nameStart}%`)
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

export const ALI_BOBIGNY = "Agence locale d'insertion de Bobigny";
export const ALI_SAINT_DENIS = "Agence locale d'insertion de Saint-Denis";

export async function startOrientation(
  manager: TestClient,
  personId: string,
  informationReceivedOn = '2026-10-20',
): Promise<string> {
  const res = await manager.request<{ id: string }>('POST', `/api/people/${personId}/orientations`, {
    source: 'manual',
    informationReceivedOn,
  });
  if (res.status !== 201 && res.status !== 200)
    throw new Error(`start failed: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body.id;
}

export async function decisionTo(ctx: TestContext, referentLastName?: string) {
  return {
    path: 'social',
    leadKind: 'departement',
    organisationId: await orgId(ctx, ALI_BOBIGNY),
    reason: 'Freins de logement et de santé à lever d’abord',
    ...(referentLastName ? { referentAccountId: await accountIdByLastName(ctx, referentLastName) } : {}),
  };
}
