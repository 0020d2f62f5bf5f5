import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { loginAs } from '../testing/fixtures';
import { withDatabase } from '../testing/globalSetup';
import { createTestContext, type TestContext } from '../testing/testContext';
import type { MemberActor } from './actor';
import { verifyAuditLog } from './audit';
import { DomainError } from './errors';
import { defineUseCase, execute } from './useCase';

let ctx: TestContext;
const db = () => ctx.deps.database.db;

beforeAll(async () => {
  ctx = await createTestContext();
});
afterAll(() => ctx.close());
beforeEach(() => ctx.reset());

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
      'm.territory_id',
      'o.kind',
      'o.sensitive',
    ])
    .where('a.last_name', '=', lastName)
    .executeTakeFirstOrThrow();
  return {
    kind: 'member',
    accountId: m.account_id,
    sessionIdHash: null,
    membershipId: m.id,
    role: m.role as MemberActor['role'],
    organisationId: m.organisation_id,
    organisationKind: m.kind as MemberActor['organisationKind'],
    organisationSensitive: m.sensitive,
    territoryId: m.territory_id,
  };
}

/** A tiny command: renames an organisation, then optionally fails after writing. */
const renameOrganisation = defineUseCase({
  name: 'test.renameOrganisation',
  kind: 'command',
  input: z.object({ id: z.uuid(), name: z.string(), failAfterWrite: z.boolean().default(false) }),
  authorize: (ctx) => ctx.actor.role === 'territory_admin',
  run: async (ctx, input) => {
    await ctx.trx.updateTable('organisations').set({ name: input.name }).where('id', '=', input.id).execute();
    await ctx.audit({ action: 'test.extraRow', subjectType: 'organisation', subjectId: input.id });
    ctx.emit({ type: 'TestRenamed', territoryId: ctx.actor.territoryId, payload: { id: input.id } });
    if (input.failAfterWrite) throw new Error('boom after writing');
    return { id: input.id };
  },
  auditSubject: (input) => ({ subjectType: 'organisation', subjectId: input.id, details: { field: 'name' } }),
});

const auditRows = () => db().selectFrom('audit_log').selectAll().orderBy('seq').execute();
const orgId = async () =>
  (
    await db()
      .selectFrom('organisations')
      .select('id')
      .where('name', 'like', 'PLIE%')
      .executeTakeFirstOrThrow()
  ).id;

describe('audit rows written by use cases', () => {
  it('a command writes its hash-chained rows in its transaction', async () => {
    const actor = await memberActor('Fontaine');
    const before = await auditRows();
    expect(before.map((r) => r.action)).toEqual(['demo.seedTerritory']);
    const head0 = await db()
      .selectFrom('audit_heads')
      .selectAll()
      .where('chain', '=', actor.territoryId)
      .executeTakeFirstOrThrow();

    const id = await orgId();
    await execute(ctx.deps, renameOrganisation, { id, name: 'PLIE renommé' }, actor, { requestId: 'req-1' });

    const rows = await auditRows();
    const added = rows.slice(before.length);
    expect(added.map((r) => [r.action, r.outcome])).toEqual([
      ['test.extraRow', 'success'],
      ['test.renameOrganisation', 'success'],
    ]);
    expect(added[1]).toMatchObject({
      chain: actor.territoryId,
      territory_id: actor.territoryId,
      account_id: actor.accountId,
      membership_id: actor.membershipId,
      organisation_id: actor.organisationId,
      role: 'territory_admin',
      subject_type: 'organisation',
      subject_id: id,
      request_id: 'req-1',
      details: { field: 'name' },
    });
    expect(added[1]?.at.toISOString()).toBe('2026-11-02T09:00:00.000Z');
    // linked: each row points at the previous head
    expect(added[0]?.prev_hash).toBe(head0.hash);
    expect(added[1]?.prev_hash).toBe(added[0]?.hash);
    const head = await db()
      .selectFrom('audit_heads')
      .selectAll()
      .where('chain', '=', actor.territoryId)
      .executeTakeFirstOrThrow();
    expect(head).toMatchObject({ seq: added[1]?.seq, hash: added[1]?.hash });
    expect(
      (await db().selectFrom('organisations').select('name').where('id', '=', id).executeTakeFirstOrThrow())
        .name,
    ).toBe('PLIE renommé');
    expect(await db().selectFrom('outbox_events').select('type').execute()).toEqual([
      { type: 'TestRenamed' },
    ]);
  });

  it('a use case that throws after writing leaves no audit row, no event and no data', async () => {
    const actor = await memberActor('Fontaine');
    const id = await orgId();
    const before = await auditRows();
    const headBefore = await db().selectFrom('audit_heads').selectAll().execute();
    await expect(
      execute(ctx.deps, renameOrganisation, { id, name: 'Jamais', failAfterWrite: true }, actor),
    ).rejects.toThrow('boom after writing');
    expect(await auditRows()).toEqual(before);
    expect(await db().selectFrom('audit_heads').selectAll().execute()).toEqual(headBefore);
    expect(await db().selectFrom('outbox_events').selectAll().execute()).toEqual([]);
    expect(
      (await db().selectFrom('organisations').select('name').where('id', '=', id).executeTakeFirstOrThrow())
        .name,
    ).toBe('PLIE Est Ensemble');
    expect((await verifyAuditLog(db())).problems).toEqual([]);
  });

  it('a refusal writes one denied row and nothing else', async () => {
    const actor = await memberActor('Girard');
    const id = await orgId();
    const before = await auditRows();
    const error = await execute(ctx.deps, renameOrganisation, { id, name: 'Interdit' }, actor, {
      requestId: 'req-2',
    }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DomainError);
    expect(error).toMatchObject({ kind: 'forbidden', code: 'test.renameOrganisation.forbidden' });
    const added = (await auditRows()).slice(before.length);
    expect(added).toHaveLength(1);
    expect(added[0]).toMatchObject({
      action: 'test.renameOrganisation',
      outcome: 'denied',
      account_id: actor.accountId,
      role: 'professional',
      request_id: 'req-2',
    });
    expect(
      (await db().selectFrom('organisations').select('name').where('id', '=', id).executeTakeFirstOrThrow())
        .name,
    ).toBe('PLIE Est Ensemble');
  });

  it('each HTTP command writes exactly one row, linked to the previous one', async () => {
    const admin = await loginAs(ctx, 'Fontaine');
    const actor = await memberActor('Fontaine');
    const id = await orgId();
    const before = await db()
      .selectFrom('audit_log')
      .selectAll()
      .where('chain', '=', actor.territoryId)
      .orderBy('seq')
      .execute();
    for (const active of [false, true]) {
      const res = await admin.request('POST', `/api/organisations/${id}/active`, { active });
      expect(res.status).toBe(200);
    }
    const rows = await db()
      .selectFrom('audit_log')
      .selectAll()
      .where('chain', '=', actor.territoryId)
      .orderBy('seq')
      .execute();
    const added = rows.slice(before.length);
    expect(added.map((r) => [r.action, r.details])).toEqual([
      ['territories.setOrganisationActive', { active: false }],
      ['territories.setOrganisationActive', { active: true }],
    ]);
    expect(added[0]?.prev_hash).toBe(before.at(-1)?.hash);
    expect(added[1]?.prev_hash).toBe(added[0]?.hash);
    expect((await verifyAuditLog(db())).problems).toEqual([]);
  });

  it('an HTTP refusal is audited as denied too', async () => {
    const girard = await loginAs(ctx, 'Girard');
    const res = await girard.request('PUT', '/api/territory/settings', { settings: {}, version: 1 });
    expect(res.status).toBe(403);
    const denied = await db().selectFrom('audit_log').selectAll().where('outcome', '=', 'denied').execute();
    expect(denied.map((r) => r.action)).toEqual(['territories.updateSettings']);
    expect(denied[0]?.request_id).toBe(res.headers['x-request-id']);
  });

  it('queries are not audited', async () => {
    const actor = await memberActor('Fontaine');
    const query = defineUseCase({
      name: 'test.readOnly',
      kind: 'query',
      input: z.object({}),
      authorize: () => true,
      run: async () => 42,
    });
    const before = (await auditRows()).length;
    expect(await execute(ctx.deps, query, {}, actor)).toBe(42);
    expect(await auditRows()).toHaveLength(before);
  });
});

describe('verifyAuditLog', () => {
  /** Five audited commands on territory 93's chain; returns that chain's rows. */
  async function someHistory() {
    const actor = await memberActor('Fontaine');
    const id = await orgId();
    for (let i = 1; i <= 2; i++)
      await execute(ctx.deps, renameOrganisation, { id, name: `PLIE ${i}` }, actor);
    await execute(
      ctx.deps,
      renameOrganisation,
      { id, name: 'PLIE refusé' },
      await memberActor('Girard'),
    ).catch(() => undefined);
    const rows = await db()
      .selectFrom('audit_log')
      .selectAll()
      .where('chain', '=', actor.territoryId)
      .orderBy('seq')
      .execute();
    expect(rows).toHaveLength(6); // seed + 2 × (extra + command) + denied
    return rows;
  }

  async function withTriggerDisabled(statement: ReturnType<typeof sql>) {
    await db()
      .connection()
      .execute(async (conn) => {
        await sql`alter table audit_log disable trigger audit_log_no_update`.execute(conn);
        try {
          await statement.execute(conn);
        } finally {
          await sql`alter table audit_log enable trigger audit_log_no_update`.execute(conn);
        }
      });
  }

  it('is clean on an untouched chain', async () => {
    await someHistory();
    const login = await loginAs(ctx, 'Petit'); // a 'platform' chain row too
    expect(login).toBeDefined();
    const report = await verifyAuditLog(db());
    expect(report.problems).toEqual([]);
    expect(report.rows).toBe(7);
    expect(report.chains).toBe(2);
    // small batches walk the same rows
    expect(await verifyAuditLog(db(), 2)).toEqual(report);
  });

  it('the table refuses UPDATE and DELETE by trigger', async () => {
    const rows = await someHistory();
    const target = rows[2];
    await expect(
      sql`update audit_log set action = 'x' where seq = ${target?.seq}`.execute(db()),
    ).rejects.toThrow(/append-only/);
    await expect(sql`delete from audit_log where seq = ${target?.seq}`.execute(db())).rejects.toThrow(
      /append-only/,
    );
    await expect(sql`truncate audit_log`.execute(db())).rejects.toThrow(/append-only/);
    expect(
      await db()
        .selectFrom('audit_log')
        .select('action')
        .where('seq', '=', target?.seq ?? 0)
        .executeTakeFirstOrThrow(),
    ).toEqual({
      action: target?.action,
    });
  });

  it('reports an altered row as content_modified at its seq', async () => {
    const rows = await someHistory();
    const target = rows[3];
    await withTriggerDisabled(
      sql`update audit_log set subject_id = 'someone-else' where seq = ${target?.seq}`,
    );
    const report = await verifyAuditLog(db());
    expect(report.problems).toHaveLength(1);
    expect(report.problems[0]).toMatchObject({
      chain: target?.chain,
      seq: target?.seq,
      problem: 'content_modified',
    });
    expect(report.problems[0]?.message).toContain(String(target?.seq));
  });

  it('reports a deleted middle row as chain_broken on the next seq', async () => {
    const rows = await someHistory();
    await withTriggerDisabled(sql`delete from audit_log where seq = ${rows[2]?.seq}`);
    const report = await verifyAuditLog(db());
    expect(report.problems).toEqual([
      expect.objectContaining({ seq: rows[3]?.seq, problem: 'chain_broken' }),
    ]);
  });

  it('reports a deleted last row as head_mismatch', async () => {
    const rows = await someHistory();
    const last = rows.at(-1);
    await withTriggerDisabled(sql`delete from audit_log where seq = ${last?.seq}`);
    const report = await verifyAuditLog(db());
    expect(report.problems).toEqual([
      expect.objectContaining({ chain: last?.chain, seq: last?.seq, problem: 'head_mismatch' }),
    ]);
  });

  it.skipIf(!process.env.DATABASE_URL)(
    'the audit:verify CLI exits 0 on a clean log and 1 naming the seq after tampering',
    async () => {
      const rows = await someHistory();
      const { name } = (await sql<{ name: string }>`select current_database() as name`.execute(db()))
        .rows[0] as { name: string };
      const url = withDatabase(process.env.DATABASE_URL as string, name);
      const serverDir = path.resolve(import.meta.dirname, '..', '..');
      const run = () =>
        spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/auditVerify.ts'], {
          cwd: serverDir,
          env: { ...process.env, DATABASE_URL: url, NODE_ENV: 'test' },
          encoding: 'utf8',
          timeout: 60_000,
        });
      const clean = run();
      expect(clean.status, clean.stderr).toBe(0);
      expect(clean.stdout).toMatch(/intègre : 6 lignes vérifiées sur 1 chaîne/);

      const target = rows[4];
      await withTriggerDisabled(sql`update audit_log set outcome = 'failure' where seq = ${target?.seq}`);
      const tampered = run();
      expect(tampered.status).toBe(1);
      expect(tampered.stderr).toMatch(/ALTÉRÉ : 1 problème/);
      expect(tampered.stderr).toContain(`row ${target?.seq}: content does not match`);
    },
  );
});
