import type { ErrorBody } from '@spie/contract';
import { peopleRoutes as r } from '@spie/contract/people';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { loginAs } from '../../testing/fixtures';
import { createPersonFixture } from '../../testing/peopleFixtures';
import { createTestContext, type TestContext } from '../../testing/testContext';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestContext();
});
afterAll(() => ctx.close());
beforeEach(() => ctx.reset());

const db = () => ctx.deps.database.db;
type Entry = {
  id: string;
  type: string;
  section: string;
  summary: string;
  actorName: string | null;
  organisationName: string | null;
};
type Page = { items: Entry[]; next: string | null };

/** Timeline rows straight in the table, one minute apart (newest last). */
async function seedTimeline(personId: string, rows: { type: string; section: string; org?: string }[]) {
  const { territory_id } = await db()
    .selectFrom('persons')
    .select('territory_id')
    .where('id', '=', personId)
    .executeTakeFirstOrThrow();
  let t = Date.parse('2026-10-01T08:00:00Z');
  for (const row of rows) {
    t += 60_000;
    await db()
      .insertInto('timeline_events')
      .values({
        territory_id,
        person_id: personId,
        occurred_at: new Date(t),
        type: row.type,
        section: row.section,
        summary: `${row.type} ${row.section}`,
        organisation_id: row.org ?? null,
      })
      .execute();
  }
}

describe('journey timeline', () => {
  it('pages newest first, filters by type and organisation, and hides sections the caller may not read', async () => {
    const personId = await createPersonFixture(ctx, [
      { lastName: 'Girard', role: 'referent' },
      { lastName: 'Diallo', role: 'intervenant' },
    ]);
    const ali = (
      await db()
        .selectFrom('follow_ups')
        .select('organisation_id')
        .where('person_id', '=', personId)
        .where('role', '=', 'referent')
        .executeTakeFirstOrThrow()
    ).organisation_id;
    await seedTimeline(personId, [
      { type: 'A', section: 'journey', org: ali },
      { type: 'B', section: 'sensitive' },
      { type: 'A', section: 'journey' },
      { type: 'C', section: 'documents', org: ali },
      { type: 'B', section: 'sensitive' },
      { type: 'A', section: 'identity' },
    ]);
    const girard = await loginAs(ctx, 'Girard');
    const first = await girard.call<Page>(r.timeline, { params: { id: personId }, query: { limit: '2' } });
    expect(first.status).toBe(200);
    expect(first.body.items.map((e) => e.summary)).toEqual(['A identity', 'C documents']);
    expect(first.body.next).not.toBeNull();
    const second = await girard.call<Page>(r.timeline, {
      params: { id: personId },
      query: { limit: '2', after: first.body.next as string },
    });
    expect(second.body.items.map((e) => e.summary)).toEqual(['A journey', 'A journey']);
    expect(second.body.next).toBeNull();
    // Diallo (social worker) sees the sensitive entries too.
    const diallo = await loginAs(ctx, 'Diallo');
    const all = await diallo.call<Page>(r.timeline, { params: { id: personId } });
    expect(all.body.items.map((e) => e.type)).toEqual(['A', 'B', 'C', 'A', 'B', 'A']);
    const onlyB = await diallo.call<Page>(r.timeline, { params: { id: personId }, query: { type: 'B' } });
    expect(onlyB.body.items).toHaveLength(2);
    const byAli = await girard.call<Page>(r.timeline, {
      params: { id: personId },
      query: { organisationId: ali },
    });
    expect(byAli.body.items.map((e) => e.type)).toEqual(['C', 'A']);
    // A forged cursor is a 400, not a 500.
    const forged = await girard.call(r.timeline, { params: { id: personId }, query: { after: 'bm9wZQ' } });
    expect(forged.status).toBe(400);
    expect((forged.body as ErrorBody).error.code).toBe('pagination.invalid_cursor');
    // The read is audited with the sections it covered.
    const audit = await db()
      .selectFrom('audit_log')
      .select(['details', 'section'])
      .where('action', '=', 'people.timeline')
      .where('account_id', 'is not', null)
      .execute();
    expect(audit[0]?.section).toBe('journey');
    expect((audit[0]?.details as { sections: string[] } | undefined)?.sections).not.toContain('sensitive');
  });

  it('entries come from person events, with who and which organisation', async () => {
    const personId = await createPersonFixture(ctx, [{ lastName: 'Girard', role: 'referent' }]);
    const girard = await loginAs(ctx, 'Girard');
    await girard.call(r.requestToJoin, { params: { id: personId }, body: { reason: 'x' } }); // already member: 409
    const cohen = await loginAs(ctx, 'Cohen');
    await cohen.call(r.requestToJoin, { params: { id: personId }, body: { reason: 'CEJ' } });
    await ctx.runWorker();
    const page = await girard.call<Page>(r.timeline, { params: { id: personId } });
    expect(page.body.items).toMatchObject([
      {
        type: 'TeamJoinRequested',
        section: 'journey',
        summary: 'Sarah Cohen (Mission locale de Montreuil) demande à rejoindre l’équipe',
        actorName: 'Sarah Cohen',
        organisationName: 'Mission locale de Montreuil',
      },
    ]);
    // Outside the team: refused.
    expect((await cohen.call(r.timeline, { params: { id: personId } })).status).toBe(403);
    // The consultation log pages on the audit sequence.
    const log1 = await girard.call<{ items: { action: string }[]; next: string | null }>(r.consultations, {
      params: { id: personId },
      query: { limit: '1' },
    });
    expect(log1.body.items.map((e) => e.action)).toEqual(['people.timeline']);
    const log2 = await girard.call<{ items: { action: string; kind: string }[]; next: string | null }>(
      r.consultations,
      {
        params: { id: personId },
        query: { limit: '50', after: log1.body.next as string },
      },
    );
    expect(log2.body.items.map((e) => [e.action, e.kind])).toEqual([['people.requestToJoin', 'write']]);
  });

  it('files what involves a health or justice organisation under the sensitive section', async () => {
    const personId = await createPersonFixture(ctx, [
      { lastName: 'Girard', role: 'referent' },
      { lastName: 'Diallo', role: 'intervenant' },
    ]);
    const amrani = await db()
      .selectFrom('memberships as m')
      .innerJoin('accounts as a', 'a.id', 'm.account_id')
      .select(['m.account_id', 'm.organisation_id'])
      .where('a.last_name', '=', 'Amrani')
      .executeTakeFirstOrThrow();
    const girard = await loginAs(ctx, 'Girard');
    const invite = await girard.call(r.inviteToTeam, {
      params: { id: personId },
      body: {
        accountId: amrani.account_id,
        organisationId: amrani.organisation_id,
        role: 'intervenant',
        reason: 'Suivi en addictologie',
      },
    });
    expect(invite.status).toBe(201);
    await ctx.runWorker();
    const row = await db()
      .selectFrom('timeline_events')
      .select(['section'])
      .where('person_id', '=', personId)
      .where('type', '=', 'TeamInvitationSent')
      .executeTakeFirstOrThrow();
    expect(row.section).toBe('sensitive');
    // The référent (a professional, no sensitive access) does not see that entry…
    const forGirard = await girard.call<Page>(r.timeline, { params: { id: personId } });
    expect(forGirard.body.items.map((e) => e.type)).not.toContain('TeamInvitationSent');
    // …the social worker of the team does.
    const diallo = await loginAs(ctx, 'Diallo');
    const forDiallo = await diallo.call<Page>(r.timeline, { params: { id: personId } });
    expect(forDiallo.body.items.map((e) => e.type)).toContain('TeamInvitationSent');
  });
});
