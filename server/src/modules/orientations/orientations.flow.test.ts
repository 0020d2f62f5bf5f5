import { inflateSync } from 'node:zlib';
import { orientation, personOrientations } from '@spie/contract/orientations';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { accountIdByLastName, loginAs } from '../../testing/fixtures';
import { createPersonFixture } from '../../testing/peopleFixtures';
import { createTestContext, type TestContext } from '../../testing/testContext';
import { pathMeaning, renderOrientationLetter } from './letter';
import { ALI_BOBIGNY, decisionTo, orgId, startOrientation } from './orientations.testkit';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestContext();
});
afterAll(() => ctx.close());
beforeEach(() => ctx.reset());

/** The text a PDF shows: inflate every stream, gather the strings of its text operators. */
function pdfText(bytes: Buffer): string {
  const raw = bytes.toString('latin1');
  let text = '';
  for (const m of raw.matchAll(/stream\r?\n([\s\S]*?)endstream/g)) {
    let content: string;
    try {
      content = inflateSync(Buffer.from(m[1] as string, 'latin1')).toString('latin1');
    } catch {
      continue;
    }
    for (const tj of content.matchAll(/\[(.*?)\]\s*TJ/g))
      for (const hex of (tj[1] as string).matchAll(/<([0-9a-fA-F]+)>/g))
        text += Buffer.from(hex[1] as string, 'hex').toString('latin1');
    text += '\n';
  }
  return text;
}

async function history(client: Awaited<ReturnType<typeof loginAs>>, personId: string) {
  const res = await client.request('GET', `/api/people/${personId}/orientations`);
  expect(res.status).toBe(200);
  return personOrientations.parse(res.body);
}

describe('decision', () => {
  it('refuses a decision without reason, to an organisation of the wrong kind, or naming a référent from elsewhere', async () => {
    const benali = await loginAs(ctx, 'Benali');
    const personId = await createPersonFixture(ctx);
    const id = await startOrientation(benali, personId);
    const base = { action: 'decide', ...(await decisionTo(ctx)) };
    const url = `/api/orientations/${id}/transitions`;

    const noReason = await benali.request<{ error: { fields: { path: string }[] } }>('POST', url, {
      ...base,
      reason: ' ',
    });
    expect(noReason.status).toBe(400);
    expect(noReason.body.error.fields.map((f) => f.path)).toContain('reason');

    const wrongKind = await benali.request<{ error: { code: string; fields: { path: string }[] } }>(
      'POST',
      url,
      {
        ...base,
        leadKind: 'mission_locale',
      },
    );
    expect(wrongKind.status).toBe(400);
    expect(wrongKind.body.error.code).toBe('orientation.organisation_kind');
    expect(wrongKind.body.error.fields[0]?.path).toBe('organisationId');

    const outsider = await benali.request<{ error: { code: string; fields: { path: string }[] } }>(
      'POST',
      url,
      {
        ...base,
        referentAccountId: await accountIdByLastName(ctx, 'Petit'),
      },
    );
    expect(outsider.status).toBe(400);
    expect(outsider.body.error.code).toBe('orientation.referent_not_member');
    expect(outsider.body.error.fields[0]?.path).toBe('referentAccountId');

    // Nothing was decided by the refused attempts.
    expect((await history(benali, personId)).items[0]?.status).toBe('a_orienter');
  });

  it('a decision produces an accessible PDF letter, notifies the person by their channel and the structure, then the structure manager assigns', async () => {
    const db = ctx.deps.database.db;
    const benali = await loginAs(ctx, 'Benali');
    const personId = await createPersonFixture(ctx, [], { firstNames: ['Awa'], birthName: 'Traoré' });
    await db
      .updateTable('persons')
      .set({ preferred_channel: 'sms', phone_mobile: '0612345678' })
      .where('id', '=', personId)
      .execute();
    const id = await startOrientation(benali, personId);
    const decided = await benali.request('POST', `/api/orientations/${id}/transitions`, {
      action: 'decide',
      ...(await decisionTo(ctx)),
    });
    expect(decided.status).toBe(200);
    const o = orientation.parse(decided.body);
    expect(o.status).toBe('decidee');
    expect(o.decision).toMatchObject({
      path: 'social',
      leadKind: 'departement',
      by: { name: 'Yacine Benali' },
    });

    // The receiving organisation follows the person as a whole: its structure manager sees them.
    const follow = await db
      .selectFrom('follow_ups')
      .selectAll()
      .where('person_id', '=', personId)
      .where('organisation_id', '=', await orgId(ctx, ALI_BOBIGNY))
      .executeTakeFirstOrThrow();
    expect(follow).toMatchObject({ account_id: null, role: 'intervenant', status: 'active' });

    ctx.clock.advance(60_000);
    await ctx.runWorker();
    await ctx.runWorker(); // a redelivery would change nothing
    const after = (await history(benali, personId)).items[0];
    expect(after?.status).toBe('notifiee');
    expect(after?.contractDeadline).toBe('2026-12-02'); // 2 Nov + 30 days
    expect(after?.letterDocumentId).toBeTruthy();

    const letters = await db.selectFrom('documents').selectAll().where('person_id', '=', personId).execute();
    expect(letters).toHaveLength(1);
    const letter = letters[0];
    expect(letter).toMatchObject({
      category: 'letter',
      section: 'documents',
      content_type: 'application/pdf',
    });
    const bytes = Buffer.from(letter?.content as Uint8Array);
    const raw = bytes.toString('latin1');
    expect(raw.startsWith('%PDF-1.7')).toBe(true);
    for (const marker of [
      '/StructTreeRoot',
      '/Lang (fr-FR)',
      '/MarkInfo',
      '/DisplayDocTitle true',
      '/S /H1',
      '/S /P',
    ])
      expect(raw, marker).toContain(marker);
    const text = pdfText(bytes);
    expect(text).toContain('Décision d');
    expect(text).toContain('parcours social');
    expect(text).toContain('tribunal administratif');
    expect(text).toContain("Agence locale d'insertion de Bobigny");
    expect(text).toContain('02/12/2026');

    // The person's documents list it, for the team and the orientation managers' readers of documents.
    const haddad = await loginAs(ctx, 'Haddad');
    const notes = await db
      .selectFrom('notifications')
      .selectAll()
      .where('person_id', '=', personId)
      .execute();
    const sms = notes.filter((n) => n.channel === 'sms');
    expect(sms).toHaveLength(1);
    expect(sms[0]?.recipient).toBe('0612345678');
    expect(sms[0]?.body).not.toMatch(/social|Bobigny|Traoré/i);
    const haddadId = await accountIdByLastName(ctx, 'Haddad');
    const toManager = notes.filter((n) => n.recipient_account_id === haddadId);
    expect(toManager).toHaveLength(1);
    expect(toManager[0]?.body).toContain('Awa T.');
    expect(toManager[0]?.body).not.toContain('Traoré');

    // « À affecter » for Haddad (ALI Bobigny), not for the structure manager of ALI Saint-Denis.
    const list = await haddad.request<{ items: { orientationId: string; displayName: string }[] }>(
      'GET',
      '/api/orientations/to-assign',
    );
    expect(list.body.items.map((i) => i.orientationId)).toEqual([id]);
    const mansouri = await loginAs(ctx, 'Mansouri', 'structure_manager');
    expect(
      (await mansouri.request<{ items: unknown[] }>('GET', '/api/orientations/to-assign')).body.items,
    ).toEqual([]);
    const girardId = await accountIdByLastName(ctx, 'Girard');
    const foreign = await mansouri.request('POST', `/api/orientations/${id}/transitions`, {
      action: 'assign',
      referentAccountId: girardId,
    });
    expect(foreign.status).toBe(403);

    const assigned = await haddad.request('POST', `/api/orientations/${id}/transitions`, {
      action: 'assign',
      referentAccountId: girardId,
    });
    expect(assigned.status).toBe(200);
    expect(orientation.parse(assigned.body)).toMatchObject({
      status: 'referent_designe',
      referent: { name: 'Thomas Girard' },
    });
    const referent = await db
      .selectFrom('follow_ups')
      .select(['account_id', 'role'])
      .where('person_id', '=', personId)
      .where('role', '=', 'referent')
      .where('status', '=', 'active')
      .execute();
    expect(referent).toEqual([{ account_id: girardId, role: 'referent' }]);
    expect(
      (await haddad.request<{ items: unknown[] }>('GET', '/api/orientations/to-assign')).body.items,
    ).toEqual([]);
    // Need to know: the organisation-level follow-up ends with the designation; another
    // professional of the ALI no longer reads the record, its manager still does.
    const moreau = await loginAs(ctx, 'Moreau');
    expect((await moreau.request('GET', `/api/people/${personId}`)).status).toBe(403);
    expect((await haddad.request('GET', `/api/people/${personId}`)).status).toBe(200);

    await ctx.runWorker();
    const timeline = await db
      .selectFrom('timeline_events')
      .select(['type', 'summary', 'section'])
      .where('person_id', '=', personId)
      .orderBy('occurred_at')
      .execute();
    const types = timeline.map((e) => e.type);
    for (const t of [
      'OrientationStarted',
      'OrientationDecided',
      'OrientationNotified',
      'OrientationReferentAssigned',
      'ReferentDesignated',
    ])
      expect(types).toContain(t);
    expect(timeline.find((e) => e.type === 'OrientationDecided')?.summary).toBe(
      "Orientation décidée : parcours social, Agence locale d'insertion de Bobigny – Drancy",
    );
    expect(timeline.find((e) => e.type === 'OrientationNotified')?.summary).toContain('SMS');

    // Girard, now référent, reads the history; a professional of elsewhere may not.
    const girard = await loginAs(ctx, 'Girard');
    expect((await history(girard, personId)).currentId).toBe(id);
    const petit = await loginAs(ctx, 'Petit');
    expect((await petit.request('GET', `/api/people/${personId}/orientations`)).status).toBe(403);
    const reads = await db
      .selectFrom('audit_log')
      .select('section')
      .where('action', '=', 'orientations.ofPerson')
      .where('person_id', '=', personId)
      .execute();
    expect(reads.length).toBeGreaterThanOrEqual(2);
    expect(reads.every((r) => r.section === 'situation')).toBe(true);
  });

  it('sends the letter by post for the letter channel, email for email; the named référent is assigned by the system', async () => {
    const db = ctx.deps.database.db;
    const benali = await loginAs(ctx, 'Benali');
    const byPost = await createPersonFixture(ctx); // preferred channel: letter
    const byMail = await createPersonFixture(ctx);
    await db
      .updateTable('persons')
      .set({ preferred_channel: 'email', email: 'awa@example.org' })
      .where('id', '=', byMail)
      .execute();
    for (const personId of [byPost, byMail]) {
      const id = await startOrientation(benali, personId);
      const res = await benali.request('POST', `/api/orientations/${id}/transitions`, {
        action: 'decide',
        ...(await decisionTo(ctx, 'Moreau')),
      });
      expect(res.status).toBe(200);
    }
    await ctx.runWorker();
    const channels = async (personId: string) =>
      (
        await db
          .selectFrom('notifications')
          .select(['channel', 'recipient_account_id'])
          .where('person_id', '=', personId)
          .execute()
      )
        .filter((n) => n.recipient_account_id === null)
        .map((n) => n.channel);
    expect(await channels(byPost)).toEqual(['letter']);
    expect(await channels(byMail)).toEqual(['email']);
    const moreau = await accountIdByLastName(ctx, 'Moreau');
    for (const personId of [byPost, byMail]) {
      const o = (await history(benali, personId)).items[0];
      expect(o?.status).toBe('referent_designe');
      expect(o?.referent?.accountId).toBe(moreau);
    }
  });

  it('renders a letter quickly enough to run inline in the worker (measured, not asserted)', async () => {
    const started = performance.now();
    const bytes = await renderOrientationLetter({
      territoryName: 'Seine-Saint-Denis',
      senderName: 'Le président du conseil départemental',
      recipient: { name: 'Awa TRAORÉ', addressLines: ['1 rue de la Paix', '93000 Bobigny'] },
      dateLabel: '02/11/2026',
      pathLabel: 'Emploi',
      pathMeaning: pathMeaning('emploi'),
      organisationName: 'France Travail',
      organisationContact: null,
      contactDelayDays: 30,
      contractDelayDays: 30,
      contractDeadlineLabel: '02/12/2026',
      reorientation: false,
    });
    console.info(
      `orientation letter: ${bytes.length} bytes in ${Math.round(performance.now() - started)} ms`,
    );
    expect(pdfText(bytes)).toContain('parcours emploi');
  });
});

describe('validation step', () => {
  it('propose, reject, propose again, then decide', async () => {
    const db = ctx.deps.database.db;
    const territory = await db
      .selectFrom('territories')
      .select(['id', 'settings'])
      .where('code', '=', '93')
      .executeTakeFirstOrThrow();
    await db
      .updateTable('territories')
      .set({
        settings: JSON.stringify({ ...(territory.settings as object), orientationValidationStep: true }),
      })
      .where('id', '=', territory.id)
      .execute();
    const benali = await loginAs(ctx, 'Benali');
    const personId = await createPersonFixture(ctx);
    const id = await startOrientation(benali, personId);
    const url = `/api/orientations/${id}/transitions`;
    const d = await decisionTo(ctx);
    const direct = await benali.request<{ error: { kind: string; details: { allowed: string[] } } }>(
      'POST',
      url,
      { action: 'decide', ...d },
    );
    expect(direct.status).toBe(409);
    expect(direct.body.error).toMatchObject({
      kind: 'invalid_transition',
      details: { allowed: ['propose', 'close'] },
    });
    expect((await benali.request('POST', url, { action: 'propose', ...d })).status).toBe(200);
    const rejected = await benali.request('POST', url, {
      action: 'rejectProposal',
      reason: 'Voir la mission locale',
    });
    expect(orientation.parse(rejected.body)).toMatchObject({ status: 'a_orienter', proposal: null });
    const proposed = orientation.parse((await benali.request('POST', url, { action: 'propose', ...d })).body);
    expect(proposed).toMatchObject({ status: 'proposee', proposal: { path: 'social' } });
    expect(proposed.allowedActions).toEqual(['rejectProposal', 'decide', 'close']);
    const decided = orientation.parse((await benali.request('POST', url, { action: 'decide', ...d })).body);
    expect(decided.status).toBe('decidee');
    expect(decided.allowedActions).toEqual([]);
  });
});

describe('reorientation', () => {
  async function orientedToGirard() {
    const benali = await loginAs(ctx, 'Benali');
    const personId = await createPersonFixture(ctx);
    const id = await startOrientation(benali, personId);
    await benali.request('POST', `/api/orientations/${id}/transitions`, {
      action: 'decide',
      ...(await decisionTo(ctx, 'Girard')),
    });
    await ctx.runWorker();
    return { benali, personId, id, girard: await loginAs(ctx, 'Girard') };
  }

  it('the référent asks, an orientation manager accepts: a new orientation, the old one replaced, both in the history', async () => {
    const { benali, girard, personId, id } = await orientedToGirard();
    const url = `/api/orientations/${id}/reorientation-requests`;
    const body = {
      reason: 'Projet professionnel prêt',
      proposedPath: 'emploi',
      proposedLeadKind: 'france_travail',
    };
    const asked = await girard.request<{ id: string; status: string }>('POST', url, body);
    expect(asked.status).toBe(201);
    expect(asked.body.status).toBe('demandee');
    expect((await girard.request('POST', url, body)).status).toBe(409);
    expect((await (await loginAs(ctx, 'Petit')).request('POST', url, body)).status).toBe(403);

    const pending = await benali.request<{ items: { id: string; personDisplayName: string }[] }>(
      'GET',
      '/api/reorientation-requests?scope=pending',
    );
    expect(pending.body.items.map((r) => r.id)).toEqual([asked.body.id]);
    const mine = await girard.request<{ items: { id: string }[] }>(
      'GET',
      '/api/reorientation-requests?scope=mine',
    );
    expect(mine.body.items.map((r) => r.id)).toEqual([asked.body.id]);
    ctx.clock.advance(60_000);
    expect((await girard.request('GET', '/api/reorientation-requests?scope=pending')).status).toBe(403);

    const accepted = await benali.request<{ status: string; newOrientationId: string }>(
      'POST',
      `/api/reorientation-requests/${asked.body.id}/accept`,
      {
        path: 'emploi',
        leadKind: 'france_travail',
        organisationId: await orgId(ctx, 'France Travail'),
        reason: 'Projet prêt',
      },
    );
    expect(accepted.status).toBe(200);
    expect(accepted.body.status).toBe('acceptee');
    await ctx.runWorker();
    const h = await history(benali, personId);
    expect(h.items.map((o) => [o.status, o.source])).toEqual([
      ['notifiee', 'reorientation'],
      ['remplacee', 'manual'],
    ]);
    expect(h.currentId).toBe(accepted.body.newOrientationId);
    expect(h.items[0]?.previousOrientationId).toBe(id);
    expect(h.items[1]?.reorientationRequests[0]?.status).toBe('acceptee');
    expect(h.items[1]?.endedAt).not.toBeNull();
    const db = ctx.deps.database.db;
    expect(
      await db.selectFrom('documents').select('id').where('person_id', '=', personId).execute(),
    ).toHaveLength(2);
    const told = await db
      .selectFrom('notifications')
      .select('subject')
      .where('recipient_account_id', '=', await accountIdByLastName(ctx, 'Girard'))
      .where('subject', '=', 'Réorientation acceptée')
      .execute();
    expect(told).toHaveLength(1);
    const types = (
      await db.selectFrom('timeline_events').select('type').where('person_id', '=', personId).execute()
    ).map((e) => e.type);
    for (const t of ['ReorientationRequested', 'ReorientationAccepted', 'OrientationReplaced'])
      expect(types).toContain(t);
  });

  it('an orientation manager refuses with a reason; the orientation stays', async () => {
    const { benali, girard, personId, id } = await orientedToGirard();
    const asked = await girard.request<{ id: string }>(
      'POST',
      `/api/orientations/${id}/reorientation-requests`,
      {
        reason: 'Santé',
        proposedPath: 'social',
      },
    );
    const refused = await benali.request<{ status: string; answerReason: string }>(
      'POST',
      `/api/reorientation-requests/${asked.body.id}/refuse`,
      { reason: 'Attendre le bilan de santé' },
    );
    expect(refused.body).toMatchObject({ status: 'refusee', answerReason: 'Attendre le bilan de santé' });
    const again = await benali.request<{ error: { kind: string } }>(
      'POST',
      `/api/reorientation-requests/${asked.body.id}/refuse`,
      {
        reason: 'x',
      },
    );
    expect(again.body.error.kind).toBe('invalid_transition');
    const h = await history(benali, personId);
    expect(h.items).toHaveLength(1);
    expect(h.items[0]?.status).toBe('referent_designe');
    expect(h.items[0]?.reorientationRequests[0]?.status).toBe('refusee');
  });
});
