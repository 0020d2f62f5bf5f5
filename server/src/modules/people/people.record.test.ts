import type { ErrorBody } from '@spie/contract';
import {
  type DirectoryCard,
  nirKey,
  type PersonRecord,
  type PersonSummary,
  type StatusEntry,
} from '@spie/contract/people';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { accountIdByLastName, loginAs } from '../../testing/fixtures';
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
const withKey = (body13: string) => `${body13}${String(nirKey(body13)).padStart(2, '0')}`;
const NIR = withKey('2850793008042');

const identity = (overrides: Record<string, unknown> = {}) => ({
  civility: 'Mme',
  sex: 'F',
  birthName: 'Lefranc',
  usageName: null,
  firstNames: ['Maëlle', 'Rose'],
  birthDate: '1985-07-12',
  birthCommuneCode: '93008',
  addressLine: '12 rue de la Paix',
  postalCode: '93000',
  communeCode: '93008',
  phoneMobile: '06 39 98 00 01',
  email: 'maelle@example.org',
  preferredChannel: 'sms',
  language: 'français',
  ...overrides,
});

async function outbox(type: string) {
  return db().selectFrom('outbox_events').select(['type', 'payload']).where('type', '=', type).execute();
}

describe('creating a record', () => {
  it('saves identity and identifiers, encrypts the NIR, makes the creator référent and emits PersonCreated', async () => {
    const girard = await loginAs(ctx, 'Girard');
    const res = await girard.request<PersonRecord>('POST', '/api/people', {
      identity: identity(),
      identifiers: {
        nir: NIR,
        benefitOrganism: 'caf',
        benefitMatricule: '1234567',
        householdRole: 'demandeur',
      },
    });
    expect(res.status).toBe(201);
    expect(res.body.displayName).toBe('Maëlle LEFRANC');
    expect(res.body.identity).toMatchObject({
      birthCommuneName: 'Bobigny',
      communeName: 'Bobigny',
      phoneMobile: '0639980001',
      nirMasked: `2 85 07 •• ••• ••• ${NIR.slice(13)}`,
      benefitMatricule: '1234567',
      version: 1,
    });
    expect(res.body.myRole).toBe('referent');
    expect(res.body.team).toHaveLength(1);
    expect(res.body.team[0]).toMatchObject({
      role: 'referent',
      professionalName: 'Thomas Girard',
      status: 'active',
    });
    const row = await db()
      .selectFrom('persons')
      .selectAll()
      .where('id', '=', res.body.id)
      .executeTakeFirstOrThrow();
    expect(row.nir_encrypted).not.toContain(NIR);
    expect(ctx.deps.crypto.decrypt(row.nir_encrypted ?? '')).toBe(NIR);
    expect(row.nir_index).toBe(ctx.deps.crypto.blindIndex(NIR));
    expect(row.search_text).toBe('lefranc maelle rose');
    const [created] = await outbox('PersonCreated');
    expect(created?.payload).toMatchObject({ personId: res.body.id, timeline: { section: 'identity' } });
    const audit = await db()
      .selectFrom('audit_log')
      .selectAll()
      .where('action', '=', 'people.create')
      .executeTakeFirstOrThrow();
    expect(audit).toMatchObject({ person_id: res.body.id, subject_id: res.body.id, section: 'identity' });
    // No NIR in the outbox, the audit log or the timeline.
    const everything = JSON.stringify([await db().selectFrom('outbox_events').selectAll().execute(), audit]);
    expect(everything).not.toContain(NIR);
  });

  it('joins as co-référent when asked not to be référent', async () => {
    const girard = await loginAs(ctx, 'Girard');
    const res = await girard.request<PersonRecord>('POST', '/api/people', {
      identity: identity(),
      asReferent: false,
    });
    expect(res.status).toBe(201);
    expect(res.body.myRole).toBe('co_referent');
  });

  it('refuses bad input with a French message naming the field, a stable code, and saves nothing', async () => {
    const girard = await loginAs(ctx, 'Girard');
    const before = (await db().selectFrom('persons').select('id').execute()).length;
    const badKey = await girard.request('POST', '/api/people', {
      identity: identity(),
      identifiers: { nir: `${NIR.slice(0, 13)}${NIR.slice(13) === '01' ? '02' : '01'}` },
    });
    expect(badKey.status).toBe(400);
    expect(errorOf(badKey.body).code).toBe('people.create.invalid_input');
    expect(errorOf(badKey.body).fields).toEqual([
      { path: 'identifiers.nir', message: 'La clé du NIR ne correspond pas : vérifiez chaque chiffre.' },
    ]);
    const badDate = await girard.request('POST', '/api/people', {
      identity: identity({ birthDate: '1990-02-30' }),
    });
    expect(badDate.status).toBe(400);
    expect(errorOf(badDate.body).fields?.[0]).toMatchObject({ path: 'identity.birthDate' });
    expect(errorOf(badDate.body).fields?.[0]?.message).toMatch(/Date de naissance impossible/);
    const badCommune = await girard.request('POST', '/api/people', {
      identity: identity({ communeCode: '93999' }),
    });
    expect(badCommune.status).toBe(400);
    expect(errorOf(badCommune.body).code).toBe('person.commune_unknown');
    expect(errorOf(badCommune.body).fields).toEqual([
      { path: 'identity.communeCode', message: expect.stringMatching(/Commune inconnue/) },
    ]);
    const badBirthCommune = await girard.request('POST', '/api/people', {
      identity: identity({ birthCommuneCode: '93999' }),
    });
    expect(errorOf(badBirthCommune.body).fields?.[0]?.path).toBe('identity.birthCommuneCode');
    const wrongSex = await girard.request('POST', '/api/people', {
      identity: identity({ sex: 'M', civility: 'M.' }),
      identifiers: { nir: NIR },
    });
    expect(errorOf(wrongSex.body).code).toBe('person.nir_sex_mismatch');
    expect((await db().selectFrom('persons').select('id').execute()).length).toBe(before);
  });

  it('is refused to steering viewers; territory admins may create to fix data', async () => {
    const lambert = await loginAs(ctx, 'Lambert');
    expect((await lambert.request('POST', '/api/people', { identity: identity() })).status).toBe(403);
    const fontaine = await loginAs(ctx, 'Fontaine');
    expect((await fontaine.request('POST', '/api/people', { identity: identity() })).status).toBe(201);
  });
});

describe('reading a record', () => {
  it('writes one consultation row naming the sections returned, and computes age facts', async () => {
    ctx.clock.set('2026-11-02T09:00:00Z');
    const id = await createPersonFixture(ctx, [{ lastName: 'Girard', role: 'referent' }], {
      birthDate: '2000-12-15',
    });
    const girard = await loginAs(ctx, 'Girard');
    const res = await girard.request<PersonRecord>('GET', `/api/people/${id}`);
    expect(res.body.ageFacts).toEqual({ age: 25, under26: true, turning26Within60Days: true });
    const rows = await db().selectFrom('audit_log').selectAll().where('action', '=', 'people.read').execute();
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      person_id: id,
      subject_id: id,
      details: { sections: ['identity', 'situation'] },
    });
    const fontaine = await loginAs(ctx, 'Fontaine');
    await fontaine.request('GET', `/api/people/${id}`);
    const adminRow = await db()
      .selectFrom('audit_log')
      .select('details')
      .where('action', '=', 'people.read')
      .where('role', '=', 'territory_admin')
      .executeTakeFirstOrThrow();
    expect(adminRow.details).toEqual({ sections: ['identity'] });
  });

  it('reveals the NIR in clear only to those who may, and audits each reveal', async () => {
    const id = await createPersonFixture(ctx, [
      { lastName: 'Girard', role: 'referent' },
      { lastName: 'Cohen', role: 'intervenant' },
    ]);
    await db()
      .updateTable('persons')
      .set({ nir_encrypted: ctx.deps.crypto.encrypt(NIR), nir_index: ctx.deps.crypto.blindIndex(NIR) })
      .where('id', '=', id)
      .execute();
    const girard = await loginAs(ctx, 'Girard');
    const res = await girard.request<{ nir: string }>('POST', `/api/people/${id}/nir/reveal`);
    expect(res.status).toBe(200);
    expect(res.body.nir.replace(/\s/g, '')).toBe(NIR);
    const cohen = await loginAs(ctx, 'Cohen');
    expect((await cohen.request('POST', `/api/people/${id}/nir/reveal`)).status).toBe(403);
    const benali = await loginAs(ctx, 'Benali');
    expect((await benali.request('POST', `/api/people/${id}/nir/reveal`)).status).toBe(200);
    const rows = await db()
      .selectFrom('audit_log')
      .selectAll()
      .where('action', '=', 'people.revealNir')
      .execute();
    expect(rows.map((r) => [r.outcome, r.section, r.person_id])).toEqual(
      expect.arrayContaining([
        ['success', 'identity', id],
        ['success', 'identity', id],
        ['denied', null, null],
      ]),
    );
    expect(rows).toHaveLength(3);
  });
});

describe('administrative statuses', () => {
  it('keeps a dated timeline and emits the events later capabilities react to', async () => {
    const id = await createPersonFixture(ctx, [
      { lastName: 'Girard', role: 'referent' },
      { lastName: 'Cohen', role: 'intervenant' },
    ]);
    const girard = await loginAs(ctx, 'Girard');
    const add = (body: Record<string, unknown>) =>
      girard.request<StatusEntry>('POST', `/api/people/${id}/statuses`, body);
    const opened = await add({
      kind: 'rsa',
      value: '2',
      startDate: '2026-01-01',
      details: { soumisDroitsEtDevoirs: true },
    });
    expect(opened.status).toBe(201);
    expect(opened.body).toMatchObject({
      kind: 'rsa',
      value: '2',
      details: { soumisDroitsEtDevoirs: true },
      source: 'manual',
    });
    const suspended = await add({ kind: 'rsa', value: '3', startDate: '2026-05-01', source: 'caf' });
    expect(suspended.status).toBe(201);
    const closed = await add({ kind: 'rsa', value: '5', startDate: '2026-09-01' });
    expect(closed.status).toBe(201);
    const siae = await add({
      kind: 'siae_contract',
      startDate: '2026-09-15',
      details: { siaeType: 'aci', employer: 'Les Jardins de Sevran', endDate: '2027-03-14' },
    });
    expect(siae.status).toBe(201);
    expect(siae.body.value).toBe('aci');
    const types = (await db().selectFrom('outbox_events').select('type').orderBy('id').execute()).map(
      (e) => e.type,
    );
    for (const t of ['RsaOpened', 'RsaSuspended', 'RsaClosed', 'SiaeContractStarted'])
      expect(types.filter((x) => x === t)).toHaveLength(1);
    expect(types.filter((x) => x === 'PersonStatusAdded')).toHaveLength(4);
    // Each new RSA state ends the previous one the day before: one open RSA at a time.
    const record = (await girard.request<PersonRecord>('GET', `/api/people/${id}`)).body;
    const rsa = record.situation?.statuses.filter((s) => s.kind === 'rsa') ?? [];
    expect(rsa.map((s) => [s.value, s.startDate, s.endDate])).toEqual([
      ['5', '2026-09-01', null],
      ['3', '2026-05-01', '2026-08-31'],
      ['2', '2026-01-01', '2026-04-30'],
    ]);
    // The journey is not closed by the change: the team is still there.
    expect(record.team.filter((t) => t.status === 'active')).toHaveLength(2);
    const ended = await girard.request<StatusEntry>(
      'POST',
      `/api/people/${id}/statuses/${siae.body.id}/end`,
      {
        endDate: '2027-01-31',
      },
    );
    expect(ended.status).toBe(200);
    expect(ended.body.endDate).toBe('2027-01-31');
    expect((await outbox('PersonStatusEnded')).length).toBe(1);
    await ctx.runWorker();
    const timeline = await db()
      .selectFrom('timeline_events')
      .select(['type', 'summary', 'section'])
      .where('person_id', '=', id)
      .execute();
    expect(timeline).toContainEqual({
      type: 'PersonStatusAdded',
      summary: 'Statut ajouté : RSA — droit ouvert et versable',
      section: 'situation',
    });
    expect(timeline.find((t) => t.type === 'PersonStatusEnded')?.summary).toBe(
      'Statut terminé : Contrat SIAE',
    );
    const audit = await db()
      .selectFrom('audit_log')
      .select(['action', 'section', 'person_id'])
      .where('action', 'in', ['people.addStatus', 'people.endStatus'])
      .execute();
    expect(audit).toHaveLength(5);
    expect(audit.every((a) => a.section === 'situation' && a.person_id === id)).toBe(true);
  });

  it('refuses an unknown RSA state, an end before the start, and intervenants', async () => {
    const id = await createPersonFixture(ctx, [
      { lastName: 'Girard', role: 'referent' },
      { lastName: 'Cohen', role: 'intervenant' },
    ]);
    const girard = await loginAs(ctx, 'Girard');
    const bad = await girard.request('POST', `/api/people/${id}/statuses`, {
      kind: 'rsa',
      value: '9',
      startDate: '2026-01-01',
    });
    expect(bad.status).toBe(400);
    expect(errorOf(bad.body)).toMatchObject({ code: 'person.status_invalid', fields: [{ path: 'value' }] });
    const backwards = await girard.request('POST', `/api/people/${id}/statuses`, {
      kind: 'aah',
      startDate: '2026-01-01',
      endDate: '2025-01-01',
    });
    expect(errorOf(backwards.body).fields?.[0]?.path).toBe('endDate');
    const cohen = await loginAs(ctx, 'Cohen');
    expect(
      (
        await cohen.request('POST', `/api/people/${id}/statuses`, {
          kind: 'rsa',
          value: '2',
          startDate: '2026-01-01',
        })
      ).status,
    ).toBe(403);
    expect(await db().selectFrom('person_statuses').select('id').execute()).toHaveLength(0);
  });

  it('never names a health-related status in the timeline', async () => {
    const id = await createPersonFixture(ctx, [{ lastName: 'Girard', role: 'referent' }]);
    const girard = await loginAs(ctx, 'Girard');
    await girard.request('POST', `/api/people/${id}/statuses`, { kind: 'rqth', startDate: '2026-01-01' });
    const events = await outbox('PersonStatusAdded');
    expect(events).toHaveLength(1);
    const timeline = events.map((e) => (e.payload as { timeline: unknown }).timeline);
    expect(JSON.stringify(timeline)).not.toMatch(/RQTH|handicap/i);
  });
});

describe('household', () => {
  it('links a partner the caller may see, and refuses one they may not', async () => {
    const id = await createPersonFixture(ctx, [{ lastName: 'Girard', role: 'referent' }]);
    const partner = await createPersonFixture(ctx, [{ lastName: 'Girard', role: 'co_referent' }], {
      birthName: 'Conjoint',
      firstNames: ['Karim'],
    });
    const stranger = await createPersonFixture(ctx, [{ lastName: 'Petit', role: 'referent' }]);
    const girard = await loginAs(ctx, 'Girard');
    const ok = await girard.request<PersonRecord>('PUT', `/api/people/${id}/household`, {
      household: { partnerId: partner, dependentChildren: 2, childrenAgeBands: ['0-2', '6-10'] },
      version: 1,
    });
    expect(ok.status).toBe(200);
    expect(ok.body.identity?.household).toEqual({
      partnerId: partner,
      partnerName: 'Karim CONJOINT',
      dependentChildren: 2,
      childrenAgeBands: ['0-2', '6-10'],
      loneParent: false,
    });
    const refused = await girard.request('PUT', `/api/people/${id}/household`, {
      household: { partnerId: stranger },
      version: 2,
    });
    expect(refused.status).toBe(400);
    expect(errorOf(refused.body)).toMatchObject({
      code: 'person.partner_unknown',
      fields: [{ path: 'household.partnerId' }],
    });
  });
});

describe('caseload', () => {
  it('lists my people with their référent, my role and current statuses; filters and pages', async () => {
    const a = await createPersonFixture(ctx, [{ lastName: 'Girard', role: 'referent' }], {
      birthName: 'Abadie',
    });
    const b = await createPersonFixture(
      ctx,
      [
        { lastName: 'Girard', role: 'co_referent' },
        { lastName: 'Cohen', role: 'referent' },
      ],
      {
        birthName: 'Bertin',
      },
    );
    const c = await createPersonFixture(ctx, [{ lastName: 'Haddad', role: 'referent' }], {
      birthName: 'Carpentier',
    });
    const territoryId = (
      await db().selectFrom('persons').select('territory_id').where('id', '=', a).executeTakeFirstOrThrow()
    ).territory_id;
    await db()
      .insertInto('person_statuses')
      .values({ territory_id: territoryId, person_id: b, kind: 'rsa', value: '2', start_date: '2026-01-01' })
      .execute();
    const girard = await loginAs(ctx, 'Girard');
    const mine = await girard.request<{ items: PersonSummary[]; next: string | null }>(
      'GET',
      '/api/people/caseload',
    );
    expect(mine.status).toBe(200);
    expect(mine.body.items.map((i) => i.id)).toEqual([a, b]);
    expect(mine.body.items[1]).toMatchObject({
      displayName: 'Alice BERTIN',
      communeName: 'Bobigny',
      referentName: 'Sarah Cohen',
      referentOrganisationName: 'Mission locale de Montreuil',
      myRole: 'co_referent',
      statuses: ['rsa'],
      age: 36,
    });
    const byRole = await girard.request<{ items: PersonSummary[] }>(
      'GET',
      '/api/people/caseload?role=referent',
    );
    expect(byRole.body.items.map((i) => i.id)).toEqual([a]);
    const byStatus = await girard.request<{ items: PersonSummary[] }>(
      'GET',
      '/api/people/caseload?status=rsa',
    );
    expect(byStatus.body.items.map((i) => i.id)).toEqual([b]);
    const page1 = await girard.request<{ items: PersonSummary[]; next: string }>(
      'GET',
      '/api/people/caseload?limit=1&sort=recent',
    );
    expect(page1.body.items).toHaveLength(1);
    const page2 = await girard.request<{ items: PersonSummary[]; next: string | null }>(
      'GET',
      `/api/people/caseload?limit=1&sort=recent&after=${page1.body.next}`,
    );
    expect(page2.body.items).toHaveLength(1);
    expect(page2.body.next).toBeNull();
    expect(new Set([page1.body.items[0]?.id, page2.body.items[0]?.id])).toEqual(new Set([a, b]));
    expect((await girard.request('GET', '/api/people/caseload?scope=organisation')).status).toBe(403);
    const haddad = await loginAs(ctx, 'Haddad');
    const org = await haddad.request<{ items: PersonSummary[] }>(
      'GET',
      '/api/people/caseload?scope=organisation',
    );
    expect(org.body.items.map((i) => i.id)).toEqual([a, b, c]);
    expect(org.body.items.map((i) => i.myRole)).toEqual([null, null, 'referent']);
    const bad = await girard.request('GET', '/api/people/caseload?after=bm9wZQ');
    expect(errorOf(bad.body).code).toBe('pagination.invalid_cursor');
  });
});

describe('directory', () => {
  it('tells any professional who accompanies a person, nothing more, and hides sensitive organisations', async () => {
    const id = await createPersonFixture(
      ctx,
      [
        { lastName: 'Girard', role: 'referent' },
        { lastName: 'Amrani', role: 'intervenant' },
      ],
      { birthName: 'Dupré', firstNames: ['Inès'], birthDate: '1988-04-02' },
    );
    const petit = await loginAs(ctx, 'Petit');
    const res = await petit.request<{ items: DirectoryCard[] }>(
      'GET',
      '/api/directory?lastName=dupre&birthDate=1988-04-02',
    );
    expect(res.status).toBe(200);
    expect(res.body.items).toEqual([
      {
        personId: id,
        displayName: 'Inès D.',
        birthYear: 1988,
        accompaniedBy: [
          {
            organisationName: "Agence locale d'insertion de Bobigny – Drancy",
            organisationKind: expect.any(String),
            role: 'referent',
            professionalName: 'Thomas Girard',
            workEmail: expect.stringContaining('@'),
            workPhone: null,
          },
        ],
        inMyTeam: false,
        joinRequested: false,
      },
    ]);
    // The sensitive organisation's own member sees its follow-up.
    const amrani = await loginAs(ctx, 'Amrani');
    const own = await amrani.request<{ items: DirectoryCard[] }>(
      'GET',
      '/api/directory?lastName=Dupré&birthDate=1988-04-02',
    );
    expect(own.body.items[0]?.accompaniedBy).toHaveLength(2);
    expect(own.body.items[0]?.inMyTeam).toBe(true);
    const audit = await db()
      .selectFrom('audit_log')
      .selectAll()
      .where('action', '=', 'people.directorySearch')
      .orderBy('seq')
      .execute();
    expect(audit.map((a) => [a.person_id, a.details])).toEqual([
      [null, { results: 1 }],
      [null, { results: 1 }],
    ]);
    const wrongDate = await petit.request<{ items: DirectoryCard[] }>(
      'GET',
      '/api/directory?lastName=Dupre&birthDate=1988-04-03',
    );
    expect(wrongDate.body.items).toEqual([]);
    const petitId = await accountIdByLastName(ctx, 'Petit');
    const petitOrg = await db()
      .selectFrom('memberships')
      .select('organisation_id')
      .where('account_id', '=', petitId)
      .executeTakeFirstOrThrow();
    const territoryId = (
      await db().selectFrom('persons').select('territory_id').where('id', '=', id).executeTakeFirstOrThrow()
    ).territory_id;
    await db()
      .insertInto('follow_ups')
      .values({
        territory_id: territoryId,
        person_id: id,
        organisation_id: petitOrg.organisation_id,
        account_id: petitId,
        role: 'intervenant',
        status: 'requested',
        created_by_account_id: petitId,
      })
      .execute();
    const requested = await petit.request<{ items: DirectoryCard[] }>(
      'GET',
      '/api/directory?lastName=Dupre&birthDate=1988-04-02',
    );
    expect(requested.body.items[0]?.joinRequested).toBe(true);
    const lambert = await loginAs(ctx, 'Lambert');
    expect((await lambert.request('GET', '/api/directory?lastName=Dupre&birthDate=1988-04-02')).status).toBe(
      403,
    );
  });

  it('finds by NIR', async () => {
    const id = await createPersonFixture(ctx, [{ lastName: 'Girard', role: 'referent' }]);
    await db()
      .updateTable('persons')
      .set({ nir_index: ctx.deps.crypto.blindIndex(NIR) })
      .where('id', '=', id)
      .execute();
    const cohen = await loginAs(ctx, 'Cohen');
    const res = await cohen.request<{ items: DirectoryCard[] }>('GET', `/api/directory?nir=${NIR}`);
    expect(res.body.items.map((c) => c.personId)).toEqual([id]);
  });
});
