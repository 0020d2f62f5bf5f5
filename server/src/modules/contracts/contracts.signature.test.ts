import { publicSignatureState, signatureLinkView, verifiedSignature } from '@spie/contract/contracts';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { accountIdByLastName, loginAs } from '../../testing/fixtures';
import { TestClient } from '../../testing/httpClient';
import { createPersonFixture } from '../../testing/peopleFixtures';
import { createTestContext, type TestContext } from '../../testing/testContext';
import { hashToken } from './signature.tokens';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestContext();
});
afterAll(() => ctx.close());
beforeEach(() => ctx.reset());

type ErrorBody = {
  error: { code: string; message: string; kind: string; fields?: { path: string; message: string }[] };
};

const db = () => ctx.deps.database.db;

/** A person followed by Girard (référent, ALI Bobigny), with a contract in the given state. */
async function proposedContract(
  options: {
    status?: string;
    contact?: { phone_mobile?: string | null; email?: string | null; preferred_channel?: string };
    team?: { lastName: string; role: 'referent' | 'co_referent' | 'intervenant' }[];
  } = {},
) {
  const personId = await createPersonFixture(
    ctx,
    options.team ?? [{ lastName: 'Girard', role: 'referent' }],
    {
      firstNames: ['Awa', 'Marie'],
    },
  );
  await db()
    .updateTable('persons')
    .set({
      phone_mobile: '06 12 34 56 78',
      email: 'awa.exemple@example.org',
      preferred_channel: 'sms',
      ...options.contact,
    })
    .where('id', '=', personId)
    .execute();
  const { territory_id: t } = await db()
    .selectFrom('persons')
    .select('territory_id')
    .where('id', '=', personId)
    .executeTakeFirstOrThrow();
  const now = ctx.clock.now();
  const girard = await accountIdByLastName(ctx, 'Girard');
  const ali = await db()
    .selectFrom('organisations')
    .select('id')
    .where('name', 'like', "Agence locale d'insertion de Bobigny%")
    .executeTakeFirstOrThrow();
  await db().updateTable('organisations').set({ phone: '01 48 00 00 00' }).where('id', '=', ali.id).execute();
  const { id: contractId } = await db()
    .insertInto('engagement_contracts')
    .values({
      territory_id: t,
      person_id: personId,
      kind: 'engagement',
      status: options.status ?? 'propose',
      organisation_id: ali.id,
      referent_account_id: girard,
      start_on: '2026-11-02',
      end_on: '2027-11-01',
      weekly_target_hours: 15,
      organisation_commitments: JSON.stringify([
        'Vous recevoir chaque mois',
        'Vous aider à trouver une garde d’enfant',
      ]),
      next_appointment: JSON.stringify({
        at: '2026-11-16T09:30:00+01:00',
        place: 'ALI de Bobigny, 25 rue de l’Exemple',
      }),
      created_by_account_id: girard,
      created_at: now,
      updated_at: now,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const objective = async (position: number, label: string, status = 'en_cours') =>
    (
      await db()
        .insertInto('contract_objectives')
        .values({
          territory_id: t,
          contract_id: contractId,
          person_id: personId,
          position,
          label,
          theme: 'trouver_un_emploi',
          status,
          created_at: now,
          updated_at: now,
        })
        .returning('id')
        .executeTakeFirstOrThrow()
    ).id;
  const o1 = await objective(1, 'Trouver un emploi dans la logistique');
  await objective(2, 'Objectif abandonné', 'abandonne');
  for (const [position, label, start, end, hours, status] of [
    [1, 'Atelier CV', '2026-11-09', '2026-11-30', 3, 'prevue'],
    [2, 'Immersion en entreprise (PMSMP)', '2026-12-07', null, 10, 'prevue'],
    [3, 'Action annulée', '2026-11-09', null, 4, 'annulee_structure'],
  ] as const)
    await db()
      .insertInto('contract_actions')
      .values({
        territory_id: t,
        contract_id: contractId,
        objective_id: o1,
        person_id: personId,
        position,
        label,
        responsible_organisation_id: ali.id,
        planned_start: start,
        planned_end: end,
        planned_weekly_hours: hours,
        status,
        created_at: now,
        updated_at: now,
      })
      .execute();
  await db()
    .insertInto('activity_adjustments')
    .values({
      territory_id: t,
      contract_id: contractId,
      person_id: personId,
      kind: 'reduction',
      ground: 'parent_isole_sans_garde',
      hours: 8,
      start_on: '2026-11-02',
      end_on: '2027-01-31',
      recorded_by_account_id: girard,
      recorded_at: now,
    })
    .execute();
  return { personId, contractId };
}

async function issue(contractId: string, body: Record<string, unknown> = {}, as = 'Girard') {
  const client = await loginAs(ctx, as);
  return client.request<unknown>('POST', `/api/contracts/${contractId}/signature-links`, body);
}

/** The token of the latest link sent to the person, read from the message (demo inbox). */
async function lastToken(personId: string): Promise<string> {
  const n = await db()
    .selectFrom('notifications')
    .select('body')
    .where('person_id', '=', personId)
    .where('subject', '=', 'Votre contrat d’engagement à signer')
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .execute();
  const bodies = n.map((x) => x.body);
  // Same created_at for two links in a test: take the token whose link is open.
  for (const body of bodies) {
    const token = /\/signature\/([A-Za-z0-9_-]+)/.exec(body)?.[1] as string;
    const link = await db()
      .selectFrom('signature_links')
      .select('replaced_at')
      .where('token_hash', '=', hashToken(token))
      .executeTakeFirst();
    if (link && link.replaced_at === null) return token;
  }
  return /\/signature\/([A-Za-z0-9_-]+)/.exec(bodies[0] ?? '')?.[1] as string;
}

async function lastCode(personId: string): Promise<string> {
  const n = await db()
    .selectFrom('notifications')
    .select('body')
    .where('person_id', '=', personId)
    .where('subject', '=', 'Votre code pour signer votre contrat')
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .executeTakeFirstOrThrow();
  return /(\d{6})/.exec(n.body)?.[1] as string;
}

/** The person: no session, a browser with the CSRF cookie like the web app. */
const person = () => new TestClient(ctx.app);
const api = (token: string) => `/api/public/signatures/${token}`;

async function verified(personId: string, token: string, client = person()) {
  expect((await client.request('POST', `${api(token)}/code`, { channel: 'sms' })).status).toBe(200);
  const res = await client.request('POST', `${api(token)}/verify`, { code: await lastCode(personId) });
  expect(res.status).toBe(200);
  return verifiedSignature.parse(res.body);
}

describe('issuing a signature link', () => {
  it('sends the link by the person’s channel, replaces the previous one, and tells the timeline without the token', async () => {
    const { personId, contractId } = await proposedContract();
    const res = await issue(contractId);
    expect(res.status).toBe(201);
    const view = signatureLinkView.parse(res.body);
    expect(view).toMatchObject({
      channel: 'sms',
      sentTo: '06 •• •• •• 78',
      sentBy: { name: 'Thomas Girard' },
    });
    expect(view.expiresAt).toBe(new Date(ctx.clock.now().getTime() + 7 * 86_400_000).toISOString());
    const sent = await db()
      .selectFrom('notifications')
      .selectAll()
      .where('person_id', '=', personId)
      .executeTakeFirstOrThrow();
    expect(sent).toMatchObject({
      channel: 'sms',
      recipient: '06 12 34 56 78',
      created_by_account_id: await accountIdByLastName(ctx, 'Girard'),
      subject: 'Votre contrat d’engagement à signer',
    });
    expect(sent.body).toContain('Bonjour Awa,');
    expect(sent.body).toContain('Ce lien marche jusqu’au 09/11/2026.');
    const first = await lastToken(personId);
    expect(first).toMatch(/^[A-Za-z0-9_-]{43}$/);
    // Only the hash is stored.
    const stored = await db()
      .selectFrom('signature_links')
      .selectAll()
      .where('contract_id', '=', contractId)
      .execute();
    expect(stored[0]?.token_hash).toBe(hashToken(first));
    expect(JSON.stringify(stored)).not.toContain(first);

    ctx.clock.advance(60_000);
    const again = await issue(contractId, { channel: 'email' });
    expect(signatureLinkView.parse(again.body)).toMatchObject({
      channel: 'email',
      sentTo: 'a•••@example.org',
    });
    const second = await lastToken(personId);
    expect(second).not.toBe(first);
    const firstState = publicSignatureState.parse((await person().request('GET', api(first))).body);
    expect(firstState.state).toBe('remplace');
    expect(firstState.firstName).toBeNull();

    await ctx.runWorker();
    const timeline = await db()
      .selectFrom('timeline_events')
      .select(['summary', 'section'])
      .where('person_id', '=', personId)
      .where('type', '=', 'ContractSignatureLinkSent')
      .orderBy('occurred_at')
      .execute();
    expect(timeline.map((e) => e.summary)).toEqual([
      'Lien de signature envoyé par SMS',
      'Lien de signature envoyé par e-mail',
    ]);
    expect(JSON.stringify(timeline)).not.toContain(first);
    const audit = await db()
      .selectFrom('audit_log')
      .select('details')
      .where('action', '=', 'contracts.issueLink')
      .execute();
    expect(audit).toHaveLength(2);
  });

  it('refuses a contract not proposed, a person without phone nor e-mail, and anyone but the référent', async () => {
    const draft = await proposedContract({ status: 'brouillon' });
    const notProposed = await issue(draft.contractId);
    expect(notProposed.status).toBe(409);
    expect((notProposed.body as ErrorBody).error).toMatchObject({
      code: 'contract.not_proposed',
      message:
        'Ce contrat est « Brouillon » : un lien de signature ne s’envoie que pour un contrat proposé à la personne. Proposez-le d’abord.',
    });
    const unreachable = await proposedContract({
      contact: { phone_mobile: null, email: null, preferred_channel: 'letter' },
    });
    const noContact = await issue(unreachable.contractId);
    expect(noContact.status).toBe(400);
    expect((noContact.body as ErrorBody).error.code).toBe('contract.no_contact');
    expect((noContact.body as ErrorBody).error.message).toBe(
      'La personne n’a ni téléphone portable ni adresse e-mail dans son dossier : faites-la signer en rendez-vous (sur papier ou à l’écran), ou complétez son dossier.',
    );
    const noMobile = await proposedContract({ contact: { phone_mobile: null } });
    const asked = await issue(noMobile.contractId, { channel: 'sms' });
    expect((asked.body as ErrorBody).error.fields?.[0]).toEqual({
      path: 'channel',
      message: 'Pas de téléphone portable dans le dossier : choisissez l’e-mail, ou complétez le dossier.',
    });
    // Falls back to the e-mail when the preferred SMS has no phone.
    expect(signatureLinkView.parse((await issue(noMobile.contractId)).body).channel).toBe('email');

    const team = await proposedContract({
      team: [
        { lastName: 'Girard', role: 'referent' },
        { lastName: 'Moreau', role: 'intervenant' },
      ],
    });
    expect((await issue(team.contractId, {}, 'Moreau')).status).toBe(403);
    expect((await issue(team.contractId, {}, 'Petit')).status).toBe(403);
  });
});

describe('the link’s page', () => {
  it('shows a valid link with only the first name; unknown and expired links say what to do', async () => {
    const { personId, contractId } = await proposedContract();
    await issue(contractId);
    const token = await lastToken(personId);
    const res = await person().request('GET', api(token));
    expect(res.status).toBe(200);
    expect(publicSignatureState.parse(res.body)).toMatchObject({
      state: 'valide',
      firstName: 'Awa',
      organisationName: "Agence locale d'insertion de Bobigny – Drancy",
      contact: { referentName: 'Thomas Girard', phone: '01 48 00 00 00' },
      usedAt: null,
      codeChannels: [
        { channel: 'sms', masked: '06 •• •• •• 78' },
        { channel: 'email', masked: 'a•••@example.org' },
      ],
    });
    expect(JSON.stringify(res.body)).not.toContain('Marie');

    const unknown = await person().request<ErrorBody>('GET', api('A'.repeat(43)));
    expect(unknown.status).toBe(404);
    expect(unknown.body.error).toMatchObject({
      code: 'signature.link_not_found',
      message:
        'Ce lien de signature n’existe pas. Vérifiez l’adresse ou demandez un nouveau lien à votre référent·e.',
    });
    const unknownPost = await person().request<ErrorBody>('POST', `${api('B'.repeat(43))}/code`, {
      channel: 'sms',
    });
    expect(unknownPost.status).toBe(404);

    ctx.clock.advance(7 * 86_400_000 + 60_000);
    expect(publicSignatureState.parse((await person().request('GET', api(token))).body).state).toBe('expire');
    const code = await person().request<ErrorBody>('POST', `${api(token)}/code`, { channel: 'sms' });
    expect(code.status).toBe(409);
    expect(code.body.error.code).toBe('signature.link_expired');
    expect(code.body.error.message).toBe(
      "Ce lien de signature a expiré. Rien n’a été signé. Demandez un nouveau lien à votre référent·e, Thomas Girard (Agence locale d'insertion de Bobigny – Drancy), au 01 48 00 00 00 ou à contact@ali-bobigny.demo.example.org.",
    );
    const audit = await db()
      .selectFrom('audit_log')
      .select(['role', 'territory_id', 'person_id', 'details'])
      .where('action', '=', 'contracts.publicSignature')
      .execute();
    expect(audit.length).toBe(2);
    expect(audit[0]).toMatchObject({ role: 'system:contracts.remoteSignature', person_id: personId });
    expect(audit[0]?.territory_id).not.toBeNull();
    expect(audit[0]?.details).toMatchObject({ via: 'lien_de_signature' });
  });

  it('sends at most 5 codes per link', async () => {
    const { personId, contractId } = await proposedContract();
    await issue(contractId);
    const token = await lastToken(personId);
    const client = person();
    for (let i = 0; i < 5; i++) {
      const res = await client.request<{ sentTo: string; validMinutes: number }>(
        'POST',
        `${api(token)}/code`,
        {
          channel: i % 2 ? 'email' : 'sms',
        },
      );
      expect(res.status).toBe(200);
      expect(res.body.validMinutes).toBe(10);
    }
    const sixth = await client.request<ErrorBody>('POST', `${api(token)}/code`, { channel: 'sms' });
    expect(sixth.status).toBe(429);
    expect(sixth.body.error.code).toBe('signature.too_many_codes');
    expect(sixth.body.error.message).toBe(
      "Vous avez déjà demandé 5 codes pour ce lien : c’est le maximum. Demandez un nouveau lien à votre référent·e, Thomas Girard (Agence locale d'insertion de Bobigny – Drancy), au 01 48 00 00 00 ou à contact@ali-bobigny.demo.example.org.",
    );
    const codes = await db()
      .selectFrom('notifications')
      .select(['channel', 'created_by_account_id', 'body'])
      .where('person_id', '=', personId)
      .where('subject', '=', 'Votre code pour signer votre contrat')
      .execute();
    expect(codes.map((c) => c.channel).sort()).toEqual(['email', 'email', 'sms', 'sms', 'sms']);
    expect(codes[0]?.created_by_account_id).toBe(await accountIdByLastName(ctx, 'Girard'));
    // Stored hashed only.
    const link = await db().selectFrom('signature_links').selectAll().executeTakeFirstOrThrow();
    expect(link.code_hash).not.toContain(await lastCode(personId));
    expect(link.codes_sent).toBe(5);
  });

  it('kills a code after 5 wrong tries; an expired code must be asked again', async () => {
    const { personId, contractId } = await proposedContract();
    await issue(contractId);
    const token = await lastToken(personId);
    const client = person();
    await client.request('POST', `${api(token)}/code`, { channel: 'sms' });
    const right = await lastCode(personId);
    const wrong = right === '000000' ? '111111' : '000000';
    for (let i = 1; i <= 4; i++) {
      const res = await client.request<ErrorBody>('POST', `${api(token)}/verify`, { code: wrong });
      expect(res.status).toBe(400);
      expect(res.body.error.code).toBe('signature.code_incorrect');
      expect(res.body.error.fields?.[0]?.path).toBe('code');
      if (i === 1) expect(res.body.error.message).toBe('Code incorrect. Il vous reste 4 essais.');
      if (i === 4) expect(res.body.error.message).toBe('Code incorrect. Il vous reste 1 essai.');
    }
    const fifth = await client.request<ErrorBody>('POST', `${api(token)}/verify`, { code: wrong });
    expect(fifth.body.error).toMatchObject({
      code: 'signature.code_locked',
      message: 'Code incorrect 5 fois : ce code ne marche plus. Demandez un nouveau code.',
    });
    const dead = await client.request<ErrorBody>('POST', `${api(token)}/verify`, { code: right });
    expect(dead.body.error).toMatchObject({
      code: 'signature.code_expired',
      message: 'Aucun code en cours : demandez un code.',
    });

    await client.request('POST', `${api(token)}/code`, { channel: 'sms' });
    ctx.clock.advance(10 * 60_000 + 1000);
    const late = await client.request<ErrorBody>('POST', `${api(token)}/verify`, {
      code: await lastCode(personId),
    });
    expect(late.body.error).toMatchObject({
      code: 'signature.code_expired',
      message: 'Ce code a expiré (il marche 10 minutes) : demandez un nouveau code.',
    });
    const bad = await client.request<ErrorBody>('POST', `${api(token)}/verify`, { code: '12ab' });
    expect(bad.body.error.fields?.[0]).toEqual({ path: 'code', message: 'Le code contient 6 chiffres.' });
  });
});

describe('signing by link', () => {
  it('shows the plain-French summary after the code, then signs once: mode lien, channel, IP, version', async () => {
    const { personId, contractId } = await proposedContract();
    await issue(contractId);
    const token = await lastToken(personId);
    const client = person();
    const { ticket, summary } = await verified(personId, token, client);
    expect(ticket.length).toBeGreaterThanOrEqual(20);
    expect(summary).toMatchObject({
      firstName: 'Awa',
      organisationName: "Agence locale d'insertion de Bobigny – Drancy",
      referentName: 'Thomas Girard',
      startOn: '2026-11-02',
      endOn: '2027-11-01',
      amendment: false,
      myCommitments: [
        {
          objective: 'Trouver un emploi dans la logistique',
          actions: [
            { label: 'Atelier CV', when: 'Du 09/11/2026 au 30/11/2026', hoursPerWeek: 3 },
            { label: 'Immersion en entreprise (PMSMP)', when: 'À partir du 07/12/2026', hoursPerWeek: 10 },
          ],
        },
      ],
      organisationCommitments: ['Vous recevoir chaque mois', 'Vous aider à trouver une garde d’enfant'],
      weeklyActivity: {
        targetHours: 15,
        adjustment:
          'Votre activité est réduite à 8 heures par semaine jusqu’au 31/01/2027 (motif : parent isolé sans solution de garde).',
      },
      nextAppointment: { at: '2026-11-16T09:30:00+01:00', place: 'ALI de Bobigny, 25 rue de l’Exemple' },
    });
    expect(summary.rights).toContain(
      'Si vous n’êtes pas d’accord avec une décision, vous pouvez faire un recours auprès du président du conseil départemental.',
    );
    expect(
      await db()
        .selectFrom('audit_log')
        .select('section')
        .where('action', '=', 'contracts.publicSummary')
        .execute(),
    ).toEqual([{ section: 'journey' }]);

    const unchecked = await client.request<ErrorBody>('POST', `${api(token)}/sign`, {
      ticket,
      accepted: false,
    });
    expect(unchecked.status).toBe(400);
    expect(unchecked.body.error.fields?.[0]?.message).toBe('Cochez la case pour confirmer votre engagement.');
    const wrongTicket = await client.request<ErrorBody>('POST', `${api(token)}/sign`, {
      ticket: 'x'.repeat(43),
      accepted: true,
    });
    expect(wrongTicket.body.error.code).toBe('signature.ticket_invalid');

    const signed = await client.request<{ signedAt: string; organisationName: string }>(
      'POST',
      `${api(token)}/sign`,
      {
        ticket,
        accepted: true,
      },
    );
    expect(signed.status).toBe(200);
    expect(signed.body).toEqual({
      signedAt: ctx.clock.now().toISOString(),
      organisationName: "Agence locale d'insertion de Bobigny – Drancy",
    });
    const contract = await db()
      .selectFrom('engagement_contracts')
      .select(['status', 'version'])
      .where('id', '=', contractId)
      .executeTakeFirstOrThrow();
    // Starts today: signed, then started by the system.
    expect(contract).toEqual({ status: 'actif', version: 1 });
    const versions = await db()
      .selectFrom('contract_versions')
      .selectAll()
      .where('contract_id', '=', contractId)
      .execute();
    expect(versions).toHaveLength(1);
    expect(versions[0]).toMatchObject({
      version: 1,
      amendment: false,
      signature_mode: 'lien',
      channel: 'sms',
      signed_ip: '127.0.0.1',
      recorded_by_account_id: null,
    });
    const link = await db().selectFrom('signature_links').selectAll().executeTakeFirstOrThrow();
    expect(link.used_at).not.toBeNull();
    const signAudit = await db()
      .selectFrom('audit_log')
      .select(['role', 'account_id', 'details'])
      .where('action', '=', 'contracts.publicSign')
      .executeTakeFirstOrThrow();
    expect(signAudit).toMatchObject({ role: 'system:contracts.remoteSignature', account_id: null });
    expect(signAudit.details).toMatchObject({ via: 'lien_de_signature', linkId: link.id });

    // The link served: shown as used, any new attempt refused, no second signature.
    expect(publicSignatureState.parse((await person().request('GET', api(token))).body).state).toBe(
      'utilise',
    );
    const reuse = await client.request<ErrorBody>('POST', `${api(token)}/sign`, { ticket, accepted: true });
    expect(reuse.status).toBe(409);
    expect(reuse.body.error.code).toBe('signature.link_used');
    expect(reuse.body.error.message).toBe(
      "Ce lien a déjà servi : le contrat a été signé. Vous n’avez rien d’autre à faire. Pour une question, contactez votre référent·e, Thomas Girard (Agence locale d'insertion de Bobigny – Drancy), au 01 48 00 00 00 ou à contact@ali-bobigny.demo.example.org.",
    );
    expect((await client.request<ErrorBody>('POST', `${api(token)}/code`, { channel: 'sms' })).status).toBe(
      409,
    );
    expect(
      await db()
        .selectFrom('contract_versions')
        .select('version')
        .where('contract_id', '=', contractId)
        .execute(),
    ).toHaveLength(1);
  });

  it('records nothing when the link expired or was replaced between the code and the signature', async () => {
    const { personId, contractId } = await proposedContract();
    await issue(contractId);
    const token = await lastToken(personId);
    const client = person();
    const { ticket } = await verified(personId, token, client);
    ctx.clock.advance(7 * 86_400_000);
    const expired = await client.request<ErrorBody>('POST', `${api(token)}/sign`, { ticket, accepted: true });
    expect(expired.status).toBe(409);
    expect(expired.body.error.code).toBe('signature.link_expired');
    const row = await db()
      .selectFrom('engagement_contracts')
      .select(['status', 'version'])
      .where('id', '=', contractId)
      .executeTakeFirstOrThrow();
    expect(row).toEqual({ status: 'propose', version: 0 });
    expect(await db().selectFrom('contract_versions').select('version').execute()).toHaveLength(0);

    await issue(contractId);
    const fresh = await lastToken(personId);
    const second = await verified(personId, fresh, client);
    await issue(contractId);
    const replaced = await client.request<ErrorBody>('POST', `${api(fresh)}/sign`, {
      ticket: second.ticket,
      accepted: true,
    });
    expect(replaced.body.error).toMatchObject({ kind: 'conflict', code: 'signature.link_replaced' });
    expect(replaced.body.error.message).toBe(
      "Ce lien ne marche plus : un nouveau lien vous a été envoyé, ou le contrat a changé. Utilisez le dernier lien reçu, ou demandez-en un à votre référent·e, Thomas Girard (Agence locale d'insertion de Bobigny – Drancy), au 01 48 00 00 00 ou à contact@ali-bobigny.demo.example.org.",
    );
    expect(
      (
        await db()
          .selectFrom('engagement_contracts')
          .select('status')
          .where('id', '=', contractId)
          .executeTakeFirstOrThrow()
      ).status,
    ).toBe('propose');
  });

  it('needs the CSRF header on public POSTs, like the login', async () => {
    const { personId, contractId } = await proposedContract();
    await issue(contractId);
    const client = person();
    client.csrfEnabled = false;
    const res = await client.request<ErrorBody>('POST', `${api(await lastToken(personId))}/code`, {
      channel: 'sms',
    });
    expect(res.status).toBe(403);
    expect(res.body.error.code).toBe('csrf.invalid');
  });
});

describe('sending links in bulk', () => {
  it('sends each allowed proposed contract its link and says why the others were skipped', async () => {
    const ok1 = await proposedContract();
    const ok2 = await proposedContract({ contact: { preferred_channel: 'email' } });
    const draft = await proposedContract({ status: 'brouillon' });
    const notMine = await proposedContract({ team: [{ lastName: 'Moreau', role: 'referent' }] });
    const unreachable = await proposedContract({ contact: { phone_mobile: null, email: null } });
    const coReferent = await proposedContract({
      team: [
        { lastName: 'Moreau', role: 'referent' },
        { lastName: 'Girard', role: 'co_referent' },
      ],
    });
    const missing = '00000000-0000-4000-8000-000000000000';
    const girard = await loginAs(ctx, 'Girard');
    const chosen = [ok1, ok2, draft, notMine, unreachable, coReferent].map((c) => c.contractId);
    // An id unknown in the territory refuses the whole request, nothing is sent.
    const refused = await girard.request('POST', '/api/contracts/signature-links', {
      contractIds: chosen.concat(missing),
    });
    expect(refused.status).toBe(404);
    expect(refused.body).toMatchObject({ error: { code: 'contract.not_found' } });
    expect(await db().selectFrom('signature_links').select('id').execute()).toHaveLength(0);
    const res = await girard.request<{ issued: number; skipped: { contractId: string; reason: string }[] }>(
      'POST',
      '/api/contracts/signature-links',
      { contractIds: chosen },
    );
    expect(res.status).toBe(200);
    expect(res.body.issued).toBe(3);
    expect(res.body.skipped).toEqual([
      { contractId: draft.contractId, reason: 'Contrat « Brouillon » : proposez-le d’abord à la personne.' },
      {
        contractId: notMine.contractId,
        reason: 'Vous n’êtes ni référent·e ni co-référent·e de cette personne.',
      },
      {
        contractId: unreachable.contractId,
        reason: 'Ni téléphone portable ni e-mail dans le dossier : faites signer en rendez-vous.',
      },
    ]);
    const links = await db().selectFrom('signature_links').select(['contract_id', 'channel']).execute();
    expect(links.map((l) => l.contract_id).sort()).toEqual(
      [ok1, ok2, coReferent].map((c) => c.contractId).sort(),
    );
    expect(links.find((l) => l.contract_id === ok2.contractId)?.channel).toBe('email');
    const notifications = await db()
      .selectFrom('notifications')
      .select('body')
      .where('subject', '=', 'Votre contrat d’engagement à signer')
      .execute();
    expect(notifications).toHaveLength(3);
    // The links work.
    const token = await lastToken(ok1.personId);
    expect(publicSignatureState.parse((await person().request('GET', api(token))).body).state).toBe('valide');
    const audit = await db()
      .selectFrom('audit_log')
      .select('details')
      .where('action', '=', 'contracts.issueLink')
      .execute();
    expect(audit).toHaveLength(3);
    expect(audit[0]?.details).toMatchObject({ bulk: true });

    const tooMany = await girard.request<ErrorBody>('POST', '/api/contracts/signature-links', {
      contractIds: Array.from({ length: 1001 }, () => missing),
    });
    expect(tooMany.status).toBe(400);
    expect(tooMany.body.error.fields?.[0]?.message).toBe('Au plus 1 000 liens à la fois.');
  });
});
