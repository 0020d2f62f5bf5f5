import type { ServiceView, Session, StructureView } from '@spie/contract/catalogue';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loginAs } from '../../testing/fixtures';
import { createTestContext, type TestContext } from '../../testing/testContext';
import { catalogueJobs, sendFreshnessReminders } from '.';
import {
  insertReferral,
  insertService,
  insertSession,
  insertStructure,
  ok,
  orgId,
  r,
} from './catalogue.testkit';

/**
 * Services and structures of the catalogue, role by role, from a draft to publication, suspension
 * and its end by the daily job; places with a capacity or with sessions; revision conflicts; the
 * freshness notice; the waiting list.
 */
let ctx: TestContext;
let aliBobigny: string;
let structureId: string;
let service: ServiceView;

const description =
  'Préparation au code de la route et à la conduite, pour les personnes en parcours d’insertion : ' +
  'séances collectives, leçons de conduite et accompagnement jusqu’à l’examen du permis B.';

beforeAll(async () => {
  ctx = await createTestContext();
  aliBobigny = await orgId(ctx, 'Girard');
});
afterAll(() => ctx.close());

describe('structures', () => {
  it('a structure manager creates one for their organisation; a professional may not', async () => {
    const haddad = await loginAs(ctx, 'Haddad');
    const created = ok<StructureView>(
      await haddad.call(r.createStructure, {
        body: { di: { nom: 'Auto-école solidaire', commune: 'Bobigny' }, ownerOrganisationId: null },
      }),
      201,
    );
    expect(created.di.id).toMatch(/^spie-93--[a-z0-9]{12}$/);
    expect(created.di.source).toBe('spie-93');
    expect(created.di.date_maj).toBe('2026-11-02');
    expect(created.ownerOrganisationId).toBe(aliBobigny);
    structureId = created.di.id;

    const petit = await loginAs(ctx, 'Petit');
    const refused = await petit.call(r.createStructure, { body: { di: { nom: 'Autre structure' } } });
    expect(refused.status).toBe(403);
  });

  it('only the owner’s structure manager or the admin update it; every member reads it', async () => {
    const mansouri = await loginAs(ctx, 'Mansouri');
    const body = { di: { nom: 'Auto-école solidaire de Bobigny' }, revision: 1 };
    expect((await mansouri.call(r.updateStructure, { params: { id: structureId }, body })).status).toBe(403);
    const haddad = await loginAs(ctx, 'Haddad');
    const updated = ok<StructureView>(
      await haddad.call(r.updateStructure, { params: { id: structureId }, body }),
    );
    expect(updated.revision).toBe(2);
    expect(updated.ownerOrganisationId).toBe(aliBobigny);
    const stale = await haddad.call(r.updateStructure, { params: { id: structureId }, body });
    expect(stale.status).toBe(409);
    expect(stale.body).toMatchObject({ error: { code: 'catalogue.stale_revision' } });

    const lambert = await loginAs(ctx, 'Lambert');
    const list = ok<{ items: StructureView[] }>(
      await lambert.call(r.structures, { query: { q: 'ecole solidaire' } }),
    );
    expect(list.items.map((s) => s.di.id)).toEqual([structureId]);
    ok(await lambert.call(r.getStructure, { params: { id: structureId } }));
  });
});

describe('a service from draft to publication, suspension and back', () => {
  it('a member of the owner organisation creates a draft; another organisation may not', async () => {
    const petit = await loginAs(ctx, 'Petit');
    const body = { di: { structure_id: structureId, nom: 'Permis B accompagné', description }, spie: {} };
    expect((await petit.call(r.createService, { body })).status).toBe(403);

    const girard = await loginAs(ctx, 'Girard');
    service = ok<ServiceView>(
      await girard.call(r.createService, {
        body: { ...body, spie: { capacity: 2, waitingListEnabled: false } },
      }),
      201,
    );
    expect(service.di.id).toMatch(/^spie-93--/);
    expect(service.di.source).toBe('spie-93');
    expect(service.di.date_maj).toBe('2026-11-02');
    expect(service.status).toBe('brouillon');
    expect(service.owner).toEqual({ id: aliBobigny, name: expect.stringContaining('Bobigny') });
    expect(service.canManage).toBe(true);
    expect(service.places).toEqual({ capacity: 2, occupied: 0, waiting: 0, free: 2 });
    expect(service.referralBlockedReason).toMatch(/pas publié/);
    const row = await ctx.deps.database.db
      .selectFrom('catalogue_services')
      .select(['search_text', 'quality_score'])
      .where('id', '=', service.di.id)
      .executeTakeFirstOrThrow();
    expect(row.search_text).toContain('permis b accompagne auto ecole solidaire de bobigny');
    expect(Number(row.quality_score)).toBeCloseTo(service.quality.score, 3);
    // A draft is hidden from other organisations.
    expect((await petit.call(r.getService, { params: { id: service.di.id } })).status).toBe(404);
  });

  it('cannot be published before it is complete', async () => {
    const girard = await loginAs(ctx, 'Girard');
    const res = await girard.call(r.changeServiceStatus, {
      params: { id: service.di.id },
      body: { status: 'publie', revision: service.revision },
    });
    expect(res.status).toBe(400);
    expect(JSON.stringify(res.body)).toContain('di.thematiques');
  });

  it('is updated with an optimistic revision (a stale one is refused)', async () => {
    const girard = await loginAs(ctx, 'Girard');
    const body = {
      di: {
        structure_id: structureId,
        nom: 'Permis B accompagné',
        description,
        thematiques: ['mobilite--preparer-un-permis'],
        modes_accueil: ['en-presentiel'],
        adresse: '1 rue de Paris',
        telephone: '01 48 00 00 00',
      },
      spie: { capacity: 2, waitingListEnabled: false },
      revision: service.revision,
    };
    const moreau = await loginAs(ctx, 'Moreau');
    const first = ok<ServiceView>(
      await moreau.call(r.updateService, { params: { id: service.di.id }, body }),
    );
    expect(first.revision).toBe(service.revision + 1);
    expect(first.quality.score).toBeGreaterThan(service.quality.score);
    const second = await girard.call(r.updateService, { params: { id: service.di.id }, body });
    expect(second.status).toBe(409);
    expect(second.body).toMatchObject({ error: { code: 'catalogue.stale_revision' } });
    service = first;
  });

  it('is published by its owner; every member reads it, only its owner and the admin manage it', async () => {
    const girard = await loginAs(ctx, 'Girard');
    service = ok<ServiceView>(
      await girard.call(r.changeServiceStatus, {
        params: { id: service.di.id },
        body: { status: 'publie', revision: service.revision },
      }),
      201,
    );
    expect(service.status).toBe('publie');
    expect(service.referralBlockedReason).toBeNull();

    for (const name of ['Petit', 'Lambert', 'Benali']) {
      const client = await loginAs(ctx, name);
      const view = ok<ServiceView>(await client.call(r.getService, { params: { id: service.di.id } }));
      expect(view.canManage).toBe(false);
      const refused = await client.call(r.markUpToDate, {
        params: { id: service.di.id },
        body: { revision: service.revision },
      });
      expect(refused.status, name).toBe(403);
    }
    const fontaine = await loginAs(ctx, 'Fontaine');
    expect(
      ok<ServiceView>(await fontaine.call(r.getService, { params: { id: service.di.id } })).canManage,
    ).toBe(true);
  });

  it('a suspension needs a date not in the past and blocks referrals until then', async () => {
    const girard = await loginAs(ctx, 'Girard');
    const past = await girard.call(r.changeServiceStatus, {
      params: { id: service.di.id },
      body: { status: 'suspendu', until: '2026-11-01', revision: service.revision },
    });
    expect(past.status).toBe(400);
    const noDate = await girard.call(r.changeServiceStatus, {
      params: { id: service.di.id },
      body: { status: 'suspendu', revision: service.revision },
    });
    expect(noDate.status).toBe(400);
    service = ok<ServiceView>(
      await girard.call(r.changeServiceStatus, {
        params: { id: service.di.id },
        body: { status: 'suspendu', until: '2026-11-10', reason: 'Travaux', revision: service.revision },
      }),
      201,
    );
    expect(service.status).toBe('suspendu');
    expect(service.suspendedUntil).toBe('2026-11-10');
    expect(service.referralBlockedReason).toMatch(/suspendu jusqu’au 10\/11\/2026/);
  });

  it('the daily job ends the suspension the day after its end date, once a day', async () => {
    const job = catalogueJobs(ctx.deps).find((j) => j.name === 'catalogue.freshness');
    if (!job) throw new Error('no job');
    ctx.clock.set('2026-11-10T10:00:00Z');
    await job.run();
    const girard = await loginAs(ctx, 'Girard');
    let view = ok<ServiceView>(await girard.call(r.getService, { params: { id: service.di.id } }));
    expect(view.status).toBe('suspendu');
    ctx.clock.set('2026-11-11T06:00:00Z');
    expect(await job.run()).toMatchObject({ resumed: 1 });
    expect(await job.run()).toBeNull();
    // A new day: sign in again (sessions expire with the manual clock too).
    const again = await loginAs(ctx, 'Girard');
    view = ok<ServiceView>(await again.call(r.getService, { params: { id: service.di.id } }));
    expect(view.status).toBe('publie');
    expect(view.suspendedUntil).toBeNull();
    expect(view.referralBlockedReason).toBeNull();
    service = view;
  });

  it('a full service without waiting list says so; with a waiting list, it offers it', async () => {
    await insertReferral(ctx, service.di.id, 'acceptee');
    await insertReferral(ctx, service.di.id, 'entree');
    await insertReferral(ctx, service.di.id, 'refusee');
    const girard = await loginAs(ctx, 'Girard');
    const view = ok<ServiceView>(await girard.call(r.getService, { params: { id: service.di.id } }));
    expect(view.places).toEqual({ capacity: 2, occupied: 2, waiting: 0, free: 0 });
    expect(view.referralBlockedReason).toBe('Plus de place libre et pas de liste d’attente.');
    await ctx.deps.database.db
      .updateTable('catalogue_services')
      .set({ waiting_list_enabled: true })
      .where('id', '=', service.di.id)
      .execute();
    const withList = ok<ServiceView>(await girard.call(r.getService, { params: { id: service.di.id } }));
    expect(withList.referralBlockedReason).toMatch(/liste d’attente/);
  });
});

describe('places with sessions', () => {
  it('counts the places of open sessions not ended; each session its own referrals', async () => {
    ctx.clock.set('2026-11-11T09:00:00Z');
    const structure = await insertStructure(ctx, aliBobigny);
    const id = await insertService(ctx, structure, aliBobigny, { capacity: null });
    const a = await insertSession(ctx, id, { places: 8, start_date: '2026-12-01' });
    const b = await insertSession(ctx, id, { places: 4, start_date: '2027-01-05' });
    await insertSession(ctx, id, { places: 5, status: 'annulee' });
    await insertSession(ctx, id, { places: 6, start_date: '2026-09-01', end_date: '2026-10-31' });
    await insertReferral(ctx, id, 'acceptee', { sessionId: a });
    await insertReferral(ctx, id, 'en_cours', { sessionId: a });
    await insertReferral(ctx, id, 'en_liste_d_attente', { sessionId: b });
    await insertReferral(ctx, id, 'envoyee', { sessionId: b });

    const petit = await loginAs(ctx, 'Petit');
    const view = ok<ServiceView>(await petit.call(r.getService, { params: { id } }));
    expect(view.places).toEqual({ capacity: 12, occupied: 2, waiting: 1, free: 10 });
    expect(view.nextSessions.map((s) => [s.startDate, s.places, s.occupied, s.waiting, s.free])).toEqual([
      ['2026-12-01', 8, 2, 0, 6],
      ['2027-01-05', 4, 0, 1, 4],
    ]);
    const all = ok<{ items: Session[] }>(await petit.call(r.sessions, { params: { id } }));
    expect(all.items).toHaveLength(4);
  });

  it('the owner adds and changes sessions (revision); another organisation may not', async () => {
    const girard = await loginAs(ctx, 'Girard');
    const petit = await loginAs(ctx, 'Petit');
    const body = {
      startDate: '2027-02-01',
      endDate: '2027-03-01',
      places: 10,
      mode: 'mixte',
      schedule: 'Lundi 9h–12h',
    };
    expect((await petit.call(r.createSession, { params: { id: service.di.id }, body })).status).toBe(403);
    const created = ok<Session>(
      await girard.call(r.createSession, { params: { id: service.di.id }, body }),
      201,
    );
    expect(created).toMatchObject({ places: 10, mode: 'mixte', status: 'ouverte', free: 10, revision: 1 });
    const bad = await girard.call(r.createSession, {
      params: { id: service.di.id },
      body: { ...body, endDate: '2027-01-01' },
    });
    expect(bad.status).toBe(400);
    const params = { id: service.di.id, sessionId: created.id };
    const updated = ok<Session>(
      await girard.call(r.updateSession, {
        params,
        body: { session: { ...body, status: 'complete', waitingListEnabled: false }, revision: 1 },
      }),
    );
    expect(updated).toMatchObject({ status: 'complete', waitingListEnabled: false, revision: 2 });
    const stale = await girard.call(r.updateSession, { params, body: { session: body, revision: 1 } });
    expect(stale.status).toBe(409);
  });
});

describe('freshness', () => {
  it('one notice to the owner organisation per stale period; « marquer comme à jour » resets it', async () => {
    ctx.clock.set('2026-11-12T09:00:00Z');
    const structure = await insertStructure(ctx, aliBobigny);
    const old = await insertService(ctx, structure, aliBobigny, {
      date_maj: '2026-04-01',
      nom: 'Offre ancienne',
    });
    // Not stale: recent, or a draft, or without owner.
    await insertService(ctx, structure, aliBobigny, { date_maj: '2026-10-01' });
    await insertService(ctx, structure, aliBobigny, { date_maj: '2026-01-01', status: 'brouillon' });
    await insertService(ctx, structure, null, { date_maj: '2026-01-01' });

    const first = await sendFreshnessReminders(ctx.deps);
    expect(first.services).toBe(1);
    const notices = await ctx.deps.database.db
      .selectFrom('notifications as n')
      .innerJoin('accounts as a', 'a.id', 'n.recipient_account_id')
      .select(['a.last_name', 'n.subject'])
      .where('n.subject', 'like', '%Offre ancienne%')
      .orderBy('a.last_name')
      .execute();
    // ALI Bobigny's professionals and its structure manager.
    expect(notices.map((n) => n.last_name)).toEqual(['Girard', 'Haddad', 'Moreau']);
    expect(first.notices).toBe(3);
    expect((await sendFreshnessReminders(ctx.deps)).services).toBe(0);

    const girard = await loginAs(ctx, 'Girard');
    let view = ok<ServiceView>(await girard.call(r.getService, { params: { id: old } }));
    expect(view.stale).toBe(true);
    const owned = ok<{ items: { id: string; stale: boolean }[]; counts: Record<string, number> }>(
      await girard.call(r.ownedServices, { query: { stale: 'true' } }),
    );
    expect(owned.items.map((i) => i.id)).toEqual([old]);
    expect(owned.counts.stale).toBe(1);
    view = ok<ServiceView>(
      await girard.call(r.markUpToDate, { params: { id: old }, body: { revision: view.revision } }),
      201,
    );
    expect(view.stale).toBe(false);
    expect(view.di.date_maj).toBe('2026-11-12');
    const row = await ctx.deps.database.db
      .selectFrom('catalogue_services')
      .select('freshness_reminded_at')
      .where('id', '=', old)
      .executeTakeFirstOrThrow();
    expect(row.freshness_reminded_at).toBeNull();
  });
});

describe('owned services', () => {
  it('lists my organisation’s services by name with counts, keyset pages; the admin sees all', async () => {
    const girard = await loginAs(ctx, 'Girard');
    type Owned = { items: { id: string; nom: string }[]; next: string | null; counts: { total: number } };
    const all = ok<Owned>(await girard.call(r.ownedServices, { query: { limit: '200' } }));
    const page1 = ok<Owned>(await girard.call(r.ownedServices, { query: { limit: '2' } }));
    expect(page1.items).toHaveLength(2);
    const page2 = ok<Owned>(
      await girard.call(r.ownedServices, { query: { limit: '2', after: page1.next ?? '' } }),
    );
    expect([...page1.items, ...page2.items].map((i) => i.id)).toEqual(all.items.slice(0, 4).map((i) => i.id));
    expect(all.counts.total).toBe(all.items.length);
    const petit = await loginAs(ctx, 'Petit');
    expect(ok<Owned>(await petit.call(r.ownedServices, {})).counts.total).toBe(0);
    const fontaine = await loginAs(ctx, 'Fontaine');
    const admin = ok<Owned>(await fontaine.call(r.ownedServices, { query: { limit: '200' } }));
    expect(admin.counts.total).toBeGreaterThan(all.counts.total);
  });
});

describe('waiting list', () => {
  it('in order of arrival, names for the owner organisation only, each read audited', async () => {
    const structure = await insertStructure(ctx, aliBobigny);
    const id = await insertService(ctx, structure, aliBobigny, { capacity: 1 });
    await insertReferral(ctx, id, 'en_liste_d_attente', {
      waitlistedAt: '2026-10-20T10:00:00Z',
      lastName: 'Troisième',
    });
    await insertReferral(ctx, id, 'en_liste_d_attente', {
      waitlistedAt: '2026-10-05T10:00:00Z',
      lastName: 'Premier',
    });
    await insertReferral(ctx, id, 'en_liste_d_attente', {
      waitlistedAt: '2026-10-10T10:00:00Z',
      lastName: 'Deuxième',
    });
    await insertReferral(ctx, id, 'acceptee', { lastName: 'Acceptée' });

    const girard = await loginAs(ctx, 'Girard');
    const list = ok<{
      items: { position: number; person: { lastName: string }; senderOrganisation: string }[];
    }>(await girard.call(r.waitingList, { params: { id } }));
    expect(list.items.map((i) => [i.position, i.person.lastName])).toEqual([
      [1, 'Premier'],
      [2, 'Deuxième'],
      [3, 'Troisième'],
    ]);
    for (const name of ['Petit', 'Fontaine', 'Lambert']) {
      const client = await loginAs(ctx, name);
      expect((await client.call(r.waitingList, { params: { id } })).status, name).toBe(403);
    }
    const audit = await ctx.deps.database.db
      .selectFrom('audit_log')
      .select(['person_id', 'section'])
      .where('action', '=', 'catalogue.waitingList')
      .where('outcome', '=', 'success')
      .execute();
    expect(audit).toHaveLength(3);
    expect(audit.every((a) => a.person_id !== null && a.section === 'journey')).toBe(true);
  });
});
