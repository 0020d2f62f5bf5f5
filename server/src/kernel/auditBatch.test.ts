import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../testing/testContext';
import { systemActor } from './actor';
import { appendAudit, appendAuditBatch, auditRowHash, verifyAuditLog } from './audit';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestContext();
});
afterAll(() => ctx.close());
beforeEach(() => ctx.reset());

describe('appendAuditBatch', () => {
  it('chains its rows exactly like single appends, between single appends, and the log verifies', async () => {
    const db = ctx.deps.database.db;
    const territory = await db.selectFrom('territories').select('id').executeTakeFirstOrThrow();
    const actor = systemActor('test', territory.id);
    const meta = { at: ctx.clock.now(), requestId: 'r1' };
    await db.transaction().execute(async (trx) => {
      await appendAudit(trx, actor, { action: 'single.before' }, meta);
      await appendAuditBatch(
        trx,
        actor,
        Array.from({ length: 1200 }, (_, i) => ({ action: 'batch', personId: null, details: { i } })),
        meta,
      );
      await appendAudit(trx, actor, { action: 'single.after' }, meta);
    });
    const rows = await db
      .selectFrom('audit_log')
      .selectAll()
      .where('chain', '=', territory.id)
      .orderBy('seq')
      .execute();
    const ours = rows.filter((r) => r.action === 'batch' || r.action.startsWith('single.'));
    expect(ours.map((r) => r.action)).toEqual([
      'single.before',
      ...Array(1200).fill('batch'),
      'single.after',
    ]);
    expect(ours.slice(1, 4).map((r) => (r.details as { i: number }).i)).toEqual([0, 1, 2]);
    // Each row links to the one before it in the chain and its hash is its content's.
    for (let i = 1; i < rows.length; i++) {
      expect(rows[i]?.prev_hash).toBe(rows[i - 1]?.hash);
      expect(auditRowHash(rows[i]?.prev_hash as string, rows[i] as never)).toBe(rows[i]?.hash);
    }
    expect(await verifyAuditLog(db)).toMatchObject({ problems: [] });
    // An empty batch writes nothing.
    await db.transaction().execute((trx) => appendAuditBatch(trx, actor, [], meta));
    expect((await verifyAuditLog(db)).rows).toBe(
      (await db.selectFrom('audit_log').select('seq').execute()).length,
    );
  });
});
