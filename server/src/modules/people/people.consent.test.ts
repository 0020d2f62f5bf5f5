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
const errorOf = (body: unknown) => (body as ErrorBody).error;
const orgId = async (name: string) =>
  (await db().selectFrom('organisations').select('id').where('name', '=', name).executeTakeFirstOrThrow()).id;

describe('information and consent', () => {
  it('a consent for the sensitive section opens the notes to that organisation, until withdrawn', async () => {
    const personId = await createPersonFixture(ctx, [
      { lastName: 'Girard', role: 'referent' },
      { lastName: 'Cohen', role: 'intervenant' },
      { lastName: 'Diallo', role: 'intervenant' },
    ]);
    const girard = await loginAs(ctx, 'Girard');
    const cohen = await loginAs(ctx, 'Cohen');
    const diallo = await loginAs(ctx, 'Diallo');
    const added = await diallo.call(r.addSensitiveNote, {
      params: { id: personId },
      body: { category: 'violence', text: 'Hébergée en urgence après des violences.' },
    });
    expect(added.status).toBe(201);
    // Stored encrypted.
    const stored = await db()
      .selectFrom('sensitive_notes')
      .select('text_encrypted')
      .executeTakeFirstOrThrow();
    expect(stored.text_encrypted).not.toContain('violences');
    expect(stored.text_encrypted.startsWith('v1.')).toBe(true);

    expect((await cohen.call(r.sensitiveNotes, { params: { id: personId } })).status).toBe(403);
    // Girard (professional, not social worker) may not read them either.
    expect((await girard.call(r.sensitiveNotes, { params: { id: personId } })).status).toBe(403);

    const informed = await girard.call(r.recordInformation, {
      params: { id: personId },
      body: { informedOn: '2026-11-01', channel: 'in_person' },
    });
    expect(informed.status).toBe(201);
    expect(informed.body).toMatchObject({
      informedOn: '2026-11-01',
      channel: 'in_person',
      recordedByName: 'Thomas Girard',
    });
    const ml = await orgId('Mission locale de Montreuil');
    const consent = await girard.call<{ id: string }>(r.recordConsent, {
      params: { id: personId },
      body: { section: 'sensitive', organisationId: ml, decision: 'consent' },
    });
    expect(consent.status).toBe(201);
    expect(consent.body).toMatchObject({
      organisationName: 'Mission locale de Montreuil',
      decision: 'consent',
      withdrawnAt: null,
    });

    const read = await cohen.call<{ items: { text: string; authorName: string }[] }>(r.sensitiveNotes, {
      params: { id: personId },
    });
    expect(read.status).toBe(200);
    expect(read.body.items).toMatchObject([
      { text: 'Hébergée en urgence après des violences.', authorName: 'Aminata Diallo' },
    ]);
    const audit = await db()
      .selectFrom('audit_log')
      .select(['action', 'section', 'person_id'])
      .where('action', '=', 'people.readSensitive')
      .execute();
    expect(audit).toEqual([{ action: 'people.readSensitive', section: 'sensitive', person_id: personId }]);

    const withdrawn = await girard.call(r.withdrawConsent, {
      params: { id: personId, consentId: consent.body.id },
    });
    expect(withdrawn.status).toBe(200);
    expect((withdrawn.body as { withdrawnAt: string }).withdrawnAt).toBe(ctx.clock.now().toISOString());
    expect((await cohen.call(r.sensitiveNotes, { params: { id: personId } })).status).toBe(403);
    const twice = await girard.call(r.withdrawConsent, {
      params: { id: personId, consentId: consent.body.id },
    });
    expect(errorOf(twice.body).code).toBe('consent.already_withdrawn');

    const list = await girard.call<{ information: unknown[]; consents: { withdrawnAt: string | null }[] }>(
      r.consents,
      {
        params: { id: personId },
      },
    );
    expect(list.body.information).toHaveLength(1);
    expect(list.body.consents).toHaveLength(1);
    expect(list.body.consents[0]?.withdrawnAt).not.toBeNull();
  });

  it('an objection wins over the social-worker role; a new decision replaces the active one', async () => {
    const personId = await createPersonFixture(ctx, [
      { lastName: 'Girard', role: 'referent' },
      { lastName: 'Diallo', role: 'intervenant' },
    ]);
    const girard = await loginAs(ctx, 'Girard');
    const diallo = await loginAs(ctx, 'Diallo');
    const ssd = await orgId('Service social départemental — Circonscription de Bobigny');
    // The social worker of the team may record it too.
    const objection = await diallo.call(r.recordConsent, {
      params: { id: personId },
      body: { section: 'sensitive', organisationId: ssd, decision: 'objection' },
    });
    expect(objection.status).toBe(201);
    expect((await diallo.call(r.sensitiveNotes, { params: { id: personId } })).status).toBe(403);
    await girard.call(r.recordConsent, {
      params: { id: personId },
      body: { section: 'sensitive', organisationId: ssd, decision: 'consent' },
    });
    expect((await diallo.call(r.sensitiveNotes, { params: { id: personId } })).status).toBe(200);
    const rows = await db()
      .selectFrom('person_consents')
      .select(['decision', 'withdrawn_at'])
      .orderBy('decision')
      .execute();
    expect(rows.map((c) => [c.decision, c.withdrawn_at === null])).toEqual([
      ['consent', true],
      ['objection', false],
    ]);
  });

  it('refuses intervenants, unknown organisations and future dates', async () => {
    const personId = await createPersonFixture(ctx, [
      { lastName: 'Girard', role: 'referent' },
      { lastName: 'Cohen', role: 'intervenant' },
    ]);
    const cohen = await loginAs(ctx, 'Cohen');
    const girard = await loginAs(ctx, 'Girard');
    expect(
      (
        await cohen.call(r.recordInformation, {
          params: { id: personId },
          body: { informedOn: '2026-11-01', channel: 'sms' },
        })
      ).status,
    ).toBe(403);
    const unknown = await girard.call(r.recordConsent, {
      params: { id: personId },
      body: {
        section: 'sensitive',
        organisationId: '00000000-0000-4000-8000-000000000000',
        decision: 'consent',
      },
    });
    expect(errorOf(unknown.body).code).toBe('consent.unknown_organisation');
    const future = await girard.call(r.recordInformation, {
      params: { id: personId },
      body: { informedOn: '2027-01-01', channel: 'letter' },
    });
    expect(errorOf(future.body).code).toBe('information.future_date');
    const long = await girard.call(r.addSensitiveNote, {
      params: { id: personId },
      body: { category: 'health', text: 'x'.repeat(1001) },
    });
    // Input is checked before the rule: 1,000 characters at most.
    expect(long.status).toBe(400);
  });
});
