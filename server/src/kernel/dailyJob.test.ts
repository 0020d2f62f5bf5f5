import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../testing/testContext';
import { parisDay, runDailyJob } from './dailyJob';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestContext();
});
beforeEach(() => ctx.reset());
afterAll(() => ctx.close());

describe('runDailyJob', () => {
  it('runs once per Paris calendar day, then again the next day', async () => {
    let runs = 0;
    const job = () =>
      runDailyJob(ctx.deps.database.db, ctx.clock, 'test.job', async () => ({ runs: ++runs }));
    ctx.clock.set('2026-11-02T08:00:00Z');
    expect(await job()).toEqual({ runs: 1 });
    ctx.clock.set('2026-11-02T22:59:00Z'); // 23:59 in Paris, same day
    expect(await job()).toBeNull();
    ctx.clock.set('2026-11-02T23:01:00Z'); // 00:01 in Paris, next day
    expect(await job()).toEqual({ runs: 2 });
    const row = await ctx.deps.database.db.selectFrom('job_runs').selectAll().executeTakeFirstOrThrow();
    expect(row.last_run_on).toBe('2026-11-03');
    expect(row.last_outcome).toEqual({ runs: 2 });
  });

  it('gives the day back when the run fails, so the next pass retries', async () => {
    ctx.clock.set('2026-11-05T10:00:00Z');
    await expect(
      runDailyJob(ctx.deps.database.db, ctx.clock, 'test.failing', async () => {
        throw new Error('boom');
      }),
    ).rejects.toThrow('boom');
    expect(
      await runDailyJob(ctx.deps.database.db, ctx.clock, 'test.failing', async () => ({ ok: true })),
    ).toEqual({ ok: true });
  });

  it('uses the Paris day, not UTC', () => {
    expect(parisDay(new Date('2026-07-14T22:30:00Z'))).toBe('2026-07-15');
    expect(parisDay(new Date('2026-01-14T22:30:00Z'))).toBe('2026-01-14');
  });
});
