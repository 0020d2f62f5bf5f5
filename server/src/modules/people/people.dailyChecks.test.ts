import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createPersonFixture } from '../../testing/peopleFixtures';
import { createTestContext, type TestContext } from '../../testing/testContext';
import { runPeopleDailyChecks } from './dailyChecks';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestContext();
});
afterAll(() => ctx.close());
beforeEach(() => ctx.reset());

const db = () => ctx.deps.database.db;
const events = (type: string) =>
  db().selectFrom('outbox_events').select('payload').where('type', '=', type).execute();

async function siaeContract(personId: string, endDate: string | null, plannedEnd?: string) {
  const { territory_id } = await db()
    .selectFrom('persons')
    .select('territory_id')
    .where('id', '=', personId)
    .executeTakeFirstOrThrow();
  const row = await db()
    .insertInto('person_statuses')
    .values({
      territory_id,
      person_id: personId,
      kind: 'siae_contract',
      value: 'aci',
      details: JSON.stringify({ siaeType: 'aci', ...(plannedEnd ? { endDate: plannedEnd } : {}) }),
      start_date: '2026-03-01',
      end_date: endDate,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

describe('daily checks (today is 2 November 2026)', () => {
  it('announces SIAE contracts ending within 60 days, once per contract', async () => {
    const p = await createPersonFixture(ctx, [{ lastName: 'Girard', role: 'referent' }], {
      birthDate: '1980-01-01',
    });
    const soon = await siaeContract(p, '2026-12-01');
    const planned = await siaeContract(p, null, '2026-12-31');
    await siaeContract(p, '2027-02-15'); // 105 days away
    await siaeContract(p, '2026-10-01'); // already over
    const first = await runPeopleDailyChecks(ctx.deps);
    expect(first.siaeContractsEnding).toBe(2);
    const second = await runPeopleDailyChecks(ctx.deps);
    expect(second.siaeContractsEnding).toBe(0);
    const payloads = (await events('SiaeContractEnding')).map((e) => e.payload as Record<string, unknown>);
    expect(payloads.map((x) => x.statusId).sort()).toEqual([soon, planned].sort());
    expect(payloads.find((x) => x.statusId === soon)).toMatchObject({
      personId: p,
      endsOn: '2026-12-01',
      timeline: {
        section: 'situation',
        summary: 'Contrat en structure d’insertion se terminant le 01/12/2026',
      },
    });
    await ctx.runWorker();
    const timeline = await db()
      .selectFrom('timeline_events')
      .select('type')
      .where('person_id', '=', p)
      .where('type', '=', 'SiaeContractEnding')
      .execute();
    expect(timeline).toHaveLength(2);
  });

  it('announces people turning 26 within 60 days, once per person', async () => {
    const soon = await createPersonFixture(ctx, [], { birthDate: '2000-12-20' }); // 26 on 20/12/2026
    await createPersonFixture(ctx, [], { birthDate: '2001-03-01' }); // 26 in four months
    await createPersonFixture(ctx, [], { birthDate: '2000-10-01' }); // already 26
    await createPersonFixture(ctx, [], { birthDate: '2000-11-02' }); // 26 today: too late to announce
    const first = await runPeopleDailyChecks(ctx.deps);
    expect(first.turning26Soon).toBe(1);
    expect((await runPeopleDailyChecks(ctx.deps)).turning26Soon).toBe(0);
    ctx.clock.set('2026-11-20T09:00:00Z');
    expect((await runPeopleDailyChecks(ctx.deps)).turning26Soon).toBe(0);
    const [event] = await events('PersonTurning26Soon');
    expect(event?.payload).toMatchObject({
      personId: soon,
      birthday26: '2026-12-20',
      timeline: {
        section: 'journey',
        summary: 'Aura 26 ans le 20/12/2026 : fin des dispositifs jeunes à anticiper',
      },
    });
    const audit = await db()
      .selectFrom('audit_log')
      .select(['action', 'role'])
      .where('action', '=', 'people.dailyChecks')
      .execute();
    expect(audit.length).toBeGreaterThan(0);
    expect(audit[0]?.role).toBe('system:people.dailyChecks');
  });
});
