import type { ErrorBody } from '@spie/contract';
import { diagnosticsRoutes as r } from '@spie/contract/diagnostics';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createOtherTerritory, loginAs } from '../../testing/fixtures';
import { createPersonFixture } from '../../testing/peopleFixtures';
import { createTestContext, type TestContext } from '../../testing/testContext';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestContext();
});
afterAll(() => ctx.close());
beforeEach(() => ctx.reset());

const db = () => ctx.deps.database.db;

/** Girard référent, Bernard (France Travail) intervenante; a version 1 and a draft exist. */
async function world() {
  const personId = await createPersonFixture(ctx, [
    { lastName: 'Girard', role: 'referent' },
    { lastName: 'Bernard', role: 'intervenant' },
  ]);
  const girard = await loginAs(ctx, 'Girard');
  const params = { id: personId };
  expect((await girard.call(r.startDraft, { params, body: { from: 'empty' } })).status).toBe(201);
  expect(
    (await girard.call(r.completeDraft, { params, body: { revision: 1, field: 'employment' } })).status,
  ).toBe(200);
  expect((await girard.call(r.startDraft, { params, body: { from: 'latest' } })).status).toBe(201);
  return personId;
}

async function statuses(lastName: string, personId: string) {
  const client = await loginAs(ctx, lastName);
  const params = { id: personId };
  return {
    overview: (await client.call(r.overview, { params })).status,
    version: (await client.call(r.version, { params: { ...params, version: '1' } })).status,
    save: (await client.call(r.saveDraft, { params, body: { content: { notes: 'Essai' }, revision: 1 } }))
      .status,
    confirm: (
      await client.call(r.confirmVersion, { params: { ...params, version: '1' }, body: { field: 'social' } })
    ).status,
    discard: (await client.call(r.discardDraft, { params })).status,
  };
}

describe('who may read and write the diagnostic', () => {
  it('the référent reads and writes', async () => {
    const personId = await world();
    expect(await statuses('Girard', personId)).toEqual({
      overview: 200,
      version: 200,
      save: 200,
      confirm: 409, // already signed it: the write was allowed, the rule refused a second signature
      discard: 200,
    });
  });

  it('an intervenant reads but cannot write', async () => {
    const personId = await world();
    expect(await statuses('Bernard', personId)).toEqual({
      overview: 200,
      version: 200,
      save: 403,
      confirm: 403,
      discard: 403,
    });
  });

  it('an orientation manager reads the diagnostic but cannot write it', async () => {
    const personId = await world();
    expect(await statuses('Benali', personId)).toEqual({
      overview: 200,
      version: 200,
      save: 403,
      confirm: 403,
      discard: 403,
    });
  });

  it('a professional of another organisation outside the team, the territory admin, a steering viewer: nothing', async () => {
    const personId = await world();
    const nothing = { overview: 403, version: 403, save: 403, confirm: 403, discard: 403 };
    expect(await statuses('Petit', personId)).toEqual(nothing);
    expect(await statuses('Fontaine', personId)).toEqual(nothing);
    expect(await statuses('Lambert', personId)).toEqual(nothing);
  });

  it('another territory does not even find the person (404)', async () => {
    const personId = await world();
    await createOtherTerritory(ctx);
    const res = await (await loginAs(ctx, 'Ailleurs')).call(r.overview, { params: { id: personId } });
    expect(res.status).toBe(404);
  });

  it('a professional of another organisation joins the team as co-référent: now writes the shared draft', async () => {
    const personId = await world();
    const m = await db()
      .selectFrom('memberships as m')
      .innerJoin('accounts as a', 'a.id', 'm.account_id')
      .select(['m.territory_id', 'm.organisation_id', 'm.account_id'])
      .where('a.last_name', '=', 'Petit')
      .executeTakeFirstOrThrow();
    await db()
      .insertInto('follow_ups')
      .values({
        territory_id: m.territory_id,
        person_id: personId,
        organisation_id: m.organisation_id,
        account_id: m.account_id,
        role: 'co_referent',
        status: 'active',
        started_at: ctx.clock.now(),
      })
      .execute();
    const petit = await loginAs(ctx, 'Petit');
    const saved = await petit.call(r.saveDraft, {
      params: { id: personId },
      body: { content: { notes: 'Vu à Saint-Denis.' }, revision: 1 },
    });
    expect(saved.status).toBe(200);
  });

  it('refuses writes to a merged record, pointing to the kept one', async () => {
    const personId = await world();
    const kept = await createPersonFixture(ctx, [{ lastName: 'Girard', role: 'referent' }]);
    await db().updateTable('persons').set({ merged_into_id: kept }).where('id', '=', personId).execute();
    const girard = await loginAs(ctx, 'Girard');
    const res = await girard.call(r.saveDraft, {
      params: { id: personId },
      body: { content: {}, revision: 1 },
    });
    expect(res.status).toBe(409);
    expect((res.body as ErrorBody).error).toMatchObject({
      code: 'person.merged',
      details: { mergedInto: kept },
    });
  });
});

describe('traceability', () => {
  it('audits each read of the diagnostic and each command, with the person and the section', async () => {
    const personId = await world();
    await (await loginAs(ctx, 'Benali')).call(r.overview, { params: { id: personId } });
    const rows = await db()
      .selectFrom('audit_log')
      .select(['action', 'section', 'person_id', 'outcome'])
      .where('person_id', '=', personId)
      .orderBy('seq')
      .execute();
    expect(rows.map((a) => [a.action, a.section, a.outcome])).toEqual([
      ['diagnostics.startDraft', 'diagnostic', 'success'],
      ['diagnostics.completeDraft', 'diagnostic', 'success'],
      ['diagnostics.startDraft', 'diagnostic', 'success'],
      ['diagnostics.overview', 'diagnostic', 'success'],
    ]);
  });
});
