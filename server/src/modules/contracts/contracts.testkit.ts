import { type Contract, contract as contractSchema } from '@spie/contract/contracts';
import { expect } from 'vitest';
import { loginAs } from '../../testing/fixtures';
import type { TestClient } from '../../testing/httpClient';
import { createPersonFixture } from '../../testing/peopleFixtures';
import type { TestContext } from '../../testing/testContext';

/** Test helpers of the contract tests: a person followed by Girard (ALI Bobigny) with a notified orientation. */
export const ALI_BOBIGNY = "Agence locale d'insertion de Bobigny – Drancy";

export async function orgId(ctx: TestContext, nameStart: string): Promise<string> {
  const row = await ctx.deps.database.db
    .selectFrom('organisations')
    .select('id')
    .where('name', '=', nameStart)
    .executeTakeFirstOrThrow();
  return row.id;
}

export interface World {
  personId: string;
  territoryId: string;
  orientationId: string | null;
  girard: TestClient;
}

/**
 * A person with Girard as référent, Moreau as co-référent (ALI Bobigny), Sow as intervenant
 * (PLIE); with a notified orientation to ALI Bobigny (deadline `deadline`) and a completed
 * diagnostic (housing: strong impact, application: need) unless told otherwise.
 */
export async function world(
  ctx: TestContext,
  o: { orientation?: boolean; diagnostic?: boolean; deadline?: string; path?: string } = {},
): Promise<World> {
  const db = ctx.deps.database.db;
  const personId = await createPersonFixture(ctx, [
    { lastName: 'Girard', role: 'referent' },
    { lastName: 'Moreau', role: 'co_referent' },
    { lastName: 'Sow', role: 'intervenant' },
  ]);
  const { territory_id: territoryId } = await db
    .selectFrom('persons')
    .select('territory_id')
    .where('id', '=', personId)
    .executeTakeFirstOrThrow();
  const now = ctx.clock.now();
  let orientationId: string | null = null;
  if (o.orientation !== false) {
    const row = await db
      .insertInto('orientations')
      .values({
        territory_id: territoryId,
        person_id: personId,
        status: 'referent_designe',
        source: 'rsa',
        information_received_on: '2026-10-01',
        deadline: '2026-11-12',
        path: o.path ?? 'socio_professionnel',
        lead_kind: 'departement',
        organisation_id: await orgId(ctx, ALI_BOBIGNY),
        decision_reason: 'Projet à construire',
        decided_at: now,
        notified_at: now,
        contract_deadline: o.deadline ?? '2026-12-02',
        created_at: now,
        updated_at: now,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    orientationId = row.id;
  }
  if (o.diagnostic !== false) {
    await db
      .insertInto('diagnostics')
      .values({
        territory_id: territoryId,
        person_id: personId,
        status: 'completed',
        version: 1,
        content: JSON.stringify({
          constraints: {
            logement: { impact: 'fort' },
            mobilite: { impact: 'moyen' },
            sante: { impact: 'sans_impact' },
          },
          axes: { preparer_sa_candidature: { level: 'besoin' }, se_former: { level: 'point_fort' } },
        }),
        recommendation: JSON.stringify({
          path: 'socio_professionnel',
          criterion: 'constraints',
          explanation: 'x',
        }),
        recommended_path: 'socio_professionnel',
        completed_at: now,
        created_at: now,
        updated_at: now,
      })
      .execute();
  }
  return { personId, territoryId, orientationId, girard: await loginAs(ctx, 'Girard') };
}

export async function ok(client: TestClient, method: string, url: string, body?: unknown): Promise<Contract> {
  const res = await client.request(method, url, body);
  expect(res.status, `${method} ${url}: ${JSON.stringify(res.body)}`).toBeLessThan(300);
  return contractSchema.parse(res.body);
}

/** A draft with one objective from the list and one action: ready to propose. */
export async function draftWithPlan(
  client: TestClient,
  personId: string,
  dates: { startOn: string; endOn: string } = { startOn: '2026-11-02', endOn: '2027-05-01' },
): Promise<Contract> {
  const c = await ok(client, 'POST', `/api/people/${personId}/contracts`, dates);
  const withObjective = await ok(client, 'POST', `/api/contracts/${c.id}/objectives`, {
    code: 'obj_rediger_un_cv_a_jour',
    label: null,
    theme: 'preparer_sa_candidature',
  });
  const objectiveId = withObjective.objectives[0]?.id as string;
  return ok(client, 'POST', `/api/contracts/${c.id}/objectives/${objectiveId}/actions`, {
    code: 'act_atelier_cv',
    label: null,
    responsibleOrganisationId: null,
    plannedStart: dates.startOn,
    plannedEnd: null,
    plannedWeeklyHours: 0,
  });
}

export const transition = (client: TestClient, id: string, body: Record<string, unknown>) =>
  client.request<{ error?: { code: string; kind: string; message: string; fields?: { path: string }[] } }>(
    'POST',
    `/api/contracts/${id}/transitions`,
    body,
  );
