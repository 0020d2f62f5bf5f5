import type { ErrorBody } from '@spie/contract';
import { type PersonRecord, peopleRoutes as r } from '@spie/contract/people';
import type { OrganisationKind, Role } from '@spie/contract/territories';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { MemberActor } from '../../kernel/actor';
import { execute } from '../../kernel/useCase';
import { loginAs } from '../../testing/fixtures';
import type { TestClient } from '../../testing/httpClient';
import { createPersonFixture } from '../../testing/peopleFixtures';
import { createTestContext, type TestContext } from '../../testing/testContext';
import { getPerson } from './getPerson';
import { MERGE_END_REASON } from './mergePeople';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestContext();
});
afterAll(() => ctx.close());
beforeEach(() => ctx.reset());

const db = () => ctx.deps.database.db;
const errorOf = (body: unknown) => (body as ErrorBody).error;
const TABLES = [
  'person_statuses',
  'follow_ups',
  'timeline_events',
  'documents',
  'person_consents',
  'person_information',
  'sensitive_notes',
] as const;

async function memberActor(lastName: string): Promise<MemberActor> {
  const m = await db()
    .selectFrom('memberships as m')
    .innerJoin('accounts as a', 'a.id', 'm.account_id')
    .innerJoin('organisations as o', 'o.id', 'm.organisation_id')
    .select([
      'm.id',
      'm.account_id',
      'm.role',
      'm.organisation_id',
      'o.kind',
      'o.sensitive',
      'm.territory_id',
    ])
    .where('a.last_name', '=', lastName)
    .executeTakeFirstOrThrow();
  return {
    kind: 'member',
    accountId: m.account_id,
    sessionIdHash: null,
    membershipId: m.id,
    role: m.role as Role,
    organisationId: m.organisation_id,
    organisationKind: m.kind as OrganisationKind,
    organisationSensitive: m.sensitive,
    territoryId: m.territory_id,
  };
}

/** `GET /api/people/:id`, or the same use case directly while its route is not bound yet. */
async function readRecord(client: TestClient, lastName: string, id: string): Promise<PersonRecord> {
  const res = await client.call<PersonRecord>(r.getPerson, { params: { id } });
  if (res.status === 404 && errorOf(res.body).code === 'route.not_found')
    return execute(ctx.deps, getPerson, { id }, await memberActor(lastName));
  expect(res.status).toBe(200);
  return res.body;
}

/** Every row about the two persons, table by table, sorted: the "before" picture. */
async function snapshot(ids: string[]) {
  const out: Record<string, unknown[]> = {};
  for (const table of TABLES) {
    out[table] = await db()
      .selectFrom(table)
      .selectAll()
      .where('person_id', 'in', ids)
      .orderBy('id')
      .execute();
  }
  out.persons = await db().selectFrom('persons').selectAll().where('id', 'in', ids).orderBy('id').execute();
  return out;
}

async function fillRecord(client: TestClient, personId: string, label: string) {
  const ml = (
    await db()
      .selectFrom('organisations')
      .select('id')
      .where('name', '=', 'Mission locale de Montreuil')
      .executeTakeFirstOrThrow()
  ).id;
  const { territory_id } = await db()
    .selectFrom('persons')
    .select('territory_id')
    .where('id', '=', personId)
    .executeTakeFirstOrThrow();
  await db()
    .insertInto('person_statuses')
    .values({ territory_id, person_id: personId, kind: 'rsa', value: '2', start_date: '2026-01-01' })
    .execute();
  await db()
    .insertInto('sensitive_notes')
    .values({
      territory_id,
      person_id: personId,
      category: 'health',
      text_encrypted: ctx.deps.crypto.encrypt(`note ${label}`),
    })
    .execute();
  expect(
    (
      await client.call(r.uploadDocument, {
        params: { id: personId },
        body: {
          category: 'other',
          filename: `${label}.pdf`,
          contentBase64: Buffer.from('%PDF-1.4\n%%EOF\n').toString('base64'),
        },
      })
    ).status,
  ).toBe(201);
  expect(
    (
      await client.call(r.recordConsent, {
        params: { id: personId },
        body: { section: 'sensitive', organisationId: ml, decision: 'consent' },
      })
    ).status,
  ).toBe(201);
  expect(
    (
      await client.call(r.recordInformation, {
        params: { id: personId },
        body: { informedOn: '2026-10-01', channel: 'letter' },
      })
    ).status,
  ).toBe(201);
}

describe('merging two records', () => {
  it('moves everything to the kept record, leaves a tombstone, audits, and undoes exactly', async () => {
    const kept = await createPersonFixture(ctx, [
      { lastName: 'Girard', role: 'referent' },
      { lastName: 'Cohen', role: 'intervenant' },
    ]);
    const duplicate = await createPersonFixture(ctx, [
      { lastName: 'Petit', role: 'referent' },
      { lastName: 'Cohen', role: 'intervenant' },
    ]);
    const girard = await loginAs(ctx, 'Girard');
    const petit = await loginAs(ctx, 'Petit');
    await fillRecord(girard, kept, 'kept');
    await fillRecord(petit, duplicate, 'dup');
    await ctx.runWorker();
    // Petit reads the duplicate: a consultation under the duplicate's id.
    expect((await petit.call(r.team, { params: { id: duplicate } })).status).toBe(200);
    const before = await snapshot([kept, duplicate]);
    const dupRows = Object.fromEntries(
      TABLES.map((t) => [
        t,
        (before[t] as { id: string; person_id: string }[])
          .filter((x) => x.person_id === duplicate)
          .map((x) => x.id),
      ]),
    );
    expect(dupRows.timeline_events?.length).toBeGreaterThan(0);

    // Petit is référent of the duplicate only: refused. The territory admin may.
    expect(
      (
        await petit.call(r.mergePeople, {
          params: { id: kept },
          body: { duplicateId: duplicate, reason: 'Doublon' },
        })
      ).status,
    ).toBe(403);
    const fontaine = await loginAs(ctx, 'Fontaine');
    const merged = await fontaine.call<{ mergeId: string; kept: PersonRecord }>(r.mergePeople, {
      params: { id: kept },
      body: { duplicateId: duplicate, reason: 'Même NIR, saisi deux fois' },
    });
    expect(merged.status).toBe(200);
    expect(merged.body.kept.id).toBe(kept);
    expect(merged.body.kept.mergedInto).toBeNull();

    // Everything moved.
    for (const table of TABLES) {
      const left = await db().selectFrom(table).select('id').where('person_id', '=', duplicate).execute();
      expect(left, table).toEqual([]);
      const now = await db().selectFrom(table).select('id').where('person_id', '=', kept).execute();
      expect(
        now.map((x) => x.id),
        table,
      ).toEqual(expect.arrayContaining(dupRows[table] as string[]));
    }
    // One référent (Girard's); Petit's follow-up and Cohen's second one ended; the repeated consent withdrawn.
    const followUps = await db()
      .selectFrom('follow_ups as f')
      .innerJoin('accounts as a', 'a.id', 'f.account_id')
      .select(['a.last_name', 'f.role', 'f.status', 'f.end_reason'])
      .where('f.person_id', '=', kept)
      .orderBy('a.last_name')
      .orderBy('f.status')
      .execute();
    expect(followUps).toEqual([
      { last_name: 'Cohen', role: 'intervenant', status: 'active', end_reason: null },
      { last_name: 'Cohen', role: 'intervenant', status: 'ended', end_reason: MERGE_END_REASON },
      { last_name: 'Girard', role: 'referent', status: 'active', end_reason: null },
      { last_name: 'Petit', role: 'referent', status: 'ended', end_reason: MERGE_END_REASON },
    ]);
    const activeConsents = await db()
      .selectFrom('person_consents')
      .select('id')
      .where('person_id', '=', kept)
      .where('withdrawn_at', 'is', null)
      .execute();
    expect(activeConsents).toHaveLength(1);

    // The tombstone resolves to the kept record.
    const tomb = await readRecord(girard, 'Girard', duplicate);
    expect(tomb.mergedInto).toBe(kept);
    const tombRow = await db()
      .selectFrom('persons')
      .select(['merged_into_id', 'merged_at'])
      .where('id', '=', duplicate)
      .executeTakeFirstOrThrow();
    expect(tombRow.merged_into_id).toBe(kept);
    expect(tombRow.merged_at?.toISOString()).toBe(ctx.clock.now().toISOString());
    // Writing to the tombstone is refused.
    const onTomb = await fontaine.call(r.mergePeople, {
      params: { id: duplicate },
      body: { duplicateId: kept, reason: 'x' },
    });
    expect(errorOf(onTomb.body).code).toBe('merge.already_merged');

    // The audit shows the merge; the kept record's log includes the duplicate's past reads.
    const audit = await db()
      .selectFrom('audit_log')
      .select(['person_id', 'details'])
      .where('action', '=', 'people.merge')
      .where('outcome', '=', 'success')
      .orderBy('seq')
      .execute();
    expect(audit).toEqual([
      { person_id: duplicate, details: { keptId: kept, mergeId: merged.body.mergeId } },
      { person_id: kept, details: { duplicateId: duplicate, mergeId: merged.body.mergeId } },
    ]);
    const log = await girard.call<{ items: { accountName: string; action: string }[] }>(r.consultations, {
      params: { id: kept },
      query: { limit: '200' },
    });
    expect(log.body.items.some((e) => e.accountName === 'Léa Petit' && e.action === 'people.team')).toBe(
      true,
    );
    expect(
      log.body.items.some((e) => e.accountName === 'Claire Fontaine' && e.action === 'people.merge'),
    ).toBe(true);
    const timeline = await girard.call<{ items: { id: string }[] }>(r.timeline, {
      params: { id: kept },
      query: { limit: '200' },
    });
    expect(timeline.body.items.map((e) => e.id)).toEqual(
      expect.arrayContaining(dupRows.timeline_events as string[]),
    );

    // Undo (the kept record's référent): both records come back exactly as they were.
    const undone = await girard.call(r.undoMerge, { params: { id: merged.body.mergeId } });
    expect(undone.status).toBe(200);
    expect(await snapshot([kept, duplicate])).toEqual(before);
    const again = await girard.call(r.undoMerge, { params: { id: merged.body.mergeId } });
    expect(again.status).toBe(409);
    expect(errorOf(again.body).code).toBe('merge.already_undone');
    expect((await readRecord(girard, 'Girard', kept)).mergedInto).toBeNull();
  });

  it('the référent of both records may merge; an undo after 30 days is refused', async () => {
    const kept = await createPersonFixture(ctx, [{ lastName: 'Girard', role: 'referent' }]);
    const duplicate = await createPersonFixture(ctx, [{ lastName: 'Girard', role: 'referent' }]);
    const girard = await loginAs(ctx, 'Girard');
    const merged = await girard.call<{ mergeId: string }>(r.mergePeople, {
      params: { id: kept },
      body: { duplicateId: duplicate, reason: 'Doublon' },
    });
    expect(merged.status).toBe(200);
    const self = await girard.call(r.mergePeople, {
      params: { id: kept },
      body: { duplicateId: kept, reason: 'x' },
    });
    expect(errorOf(self.body).code).toBe('merge.same_person');
    // 31 days ago (moving the clock would also expire the sessions).
    await db()
      .updateTable('person_merges')
      .set({ merged_at: new Date(ctx.clock.now().getTime() - 31 * 24 * 3600 * 1000) })
      .where('id', '=', merged.body.mergeId)
      .execute();
    const late = await girard.call(r.undoMerge, { params: { id: merged.body.mergeId } });
    expect(late.status).toBe(409);
    expect(errorOf(late.body).code).toBe('merge.too_late');
    const petit = await loginAs(ctx, 'Petit');
    expect((await petit.call(r.undoMerge, { params: { id: merged.body.mergeId } })).status).toBe(403);
    expect(
      await db()
        .selectFrom('persons')
        .select('merged_into_id')
        .where('id', '=', duplicate)
        .executeTakeFirstOrThrow(),
    ).toEqual({ merged_into_id: kept });
  });
});
