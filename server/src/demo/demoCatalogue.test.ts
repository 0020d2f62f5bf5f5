import { readFileSync } from 'node:fs';
import path from 'node:path';
import { diThematiques } from '@spie/contract/catalogue';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type QualityInput, qualityOf } from '../modules/catalogue';
import { createTestContext, T0, type TestContext } from '../testing/testContext';
import { PERMIS_SERVICE_ID, PERMIS_STRUCTURE_ID, qualityScore } from './demoCatalogue';
import { demoServices } from './demoCatalogue.data';
import { ensureDemoTerritory } from './demoTerritory';

let ctx: TestContext;
const db = () => ctx.deps.database.db;
const rows = async <T>(query: ReturnType<typeof sql<T>>) => (await query.execute(db())).rows;
const today = T0.slice(0, 10);

/** The demo as `npm start` loads it (organisations, accounts, people, catalogue). */
beforeAll(async () => {
  ctx = await createTestContext();
  await db()
    .transaction()
    .execute(async (trx) => {
      const tables = await sql<{ tablename: string }>`
        select tablename from pg_tables
        where schemaname = 'public' and tablename not in ('communes', 'rome_appellations', 'kysely_migration', 'kysely_migration_lock')`.execute(
        trx,
      );
      await sql`alter table audit_log disable trigger audit_log_no_truncate`.execute(trx);
      await sql.raw(`truncate ${tables.rows.map((t) => `"${t.tablename}"`).join(', ')} cascade`).execute(trx);
      await sql`alter table audit_log enable trigger audit_log_no_truncate`.execute(trx);
    });
  expect(await ensureDemoTerritory(ctx.deps, { people: true })).toBe(true);
}, 240_000);
afterAll(() => ctx.close());

describe('demo catalogue (issue 7)', () => {
  it('loads 13 structures and 34 services: published, one suspended for three weeks, one draft, two remote only', async () => {
    const [counts] = await rows<{ structures: number; services: number }>(sql`
      select (select count(*)::int from catalogue_structures) as structures,
        (select count(*)::int from catalogue_services) as services`);
    expect(counts).toEqual({ structures: 13, services: 34 });
    const byStatus = await rows<{ status: string; n: number; until: string | null }>(sql`
      select status, count(*)::int as n, max(suspended_until)::text as until from catalogue_services group by status order by status`);
    expect(byStatus.map((s) => [s.status, s.n])).toEqual([
      ['brouillon', 1],
      ['publie', 32],
      ['suspendu', 1],
    ]);
    const until = byStatus.find((s) => s.status === 'suspendu')?.until ?? '';
    expect((Date.parse(until) - Date.parse(today)) / 86_400_000).toBe(21);
    const remote = await rows<{ zone: string[]; lat: number | null }>(sql`
      select zone_eligibilite as zone, latitude as lat from catalogue_services
      where modes_accueil = array['a-distance'] order by id`);
    expect(remote.map((r) => r.zone).sort()).toEqual([['93'], ['france']]);
    expect(remote.every((r) => r.lat === null)).toBe(true);
  });

  it('fills every data·inclusion field realistically, with fictional contacts', async () => {
    const services = await rows<{
      description: string;
      thematiques: string[];
      publics: string[];
      courriel: string;
      telephone: string;
      search_text: string;
      quality_score: string;
      status: string;
    }>(sql`select * from catalogue_services`);
    const known = new Set<string>(diThematiques.map((t) => t.value));
    for (const s of services) {
      expect(s.description.length).toBeGreaterThanOrEqual(200);
      expect(s.description.length).toBeLessThanOrEqual(600);
      expect(s.thematiques.every((t) => known.has(t))).toBe(true);
      expect(s.publics.length).toBeGreaterThan(0);
      expect(s.courriel).toMatch(/@[a-z0-9.-]+\.example$/);
      expect(s.telephone).toMatch(/^01 00 00 00 \d\d$/);
      expect(s.search_text).toMatch(/^[a-z0-9 ]+$/);
      expect(Number(s.quality_score)).toBeGreaterThan(0.8);
    }
    const structures = await rows<{ siret: string; courriel: string; latitude: number }>(
      sql`select siret, courriel, latitude from catalogue_structures`,
    );
    expect(structures.every((s) => /^\d{14}$/.test(s.siret) && s.courriel.endsWith('.example'))).toBe(true);
    expect(structures.every((s) => s.latitude !== null)).toBe(true);
    // The stored score is the catalogue module's (qualityOf).
    const full = await rows<QualityInput & { quality_score: string; date_maj: string }>(
      sql`select *, date_maj::text as date_maj from catalogue_services`,
    );
    for (const s of full) expect(Number(s.quality_score)).toBe(qualityOf(s, today).score);
    // Three services not updated for more than six months: the freshness reminder has work to do.
    const stale = await rows<{ n: number; owned: number }>(sql`
      select count(*)::int as n, count(owner_organisation_id)::int as owned from catalogue_services
      where status in ('publie', 'suspendu') and date_maj < ${today}::date - 180`);
    expect(stale[0]).toEqual({ n: 3, owned: 3 });
    expect(demoServices.length).toBe(34);
  });

  it('scores quality with the briefing’s rule (fresh and complete = 1, stale and short lower)', () => {
    const base = {
      description: 'x'.repeat(250),
      date_maj: today,
      type: 'atelier',
      thematiques: ['numerique--acquerir-un-equipement'],
      publics: ['tous-publics'],
      frais: 'gratuit',
      frais_precisions: null,
      modes_accueil: ['en-presentiel'],
      zone_eligibilite: ['93'],
      modes_mobilisation: ['telephoner'],
      mobilisable_par: ['professionnels'],
      lien_mobilisation: null,
      telephone: '01 00 00 00 01',
      courriel: null,
      adresse: '1 rue Exemple',
    };
    expect(qualityScore(base, today)).toBe(1);
    // Description 120 characters (0.5) and a paid service without details (0.5): (7 + 0.5 + 0.5) / 9.
    expect(qualityScore({ ...base, description: 'x'.repeat(120), frais: 'payant' }, today)).toBeCloseTo(
      8 / 9,
      3,
    );
    // Two years old: freshness 0.
    expect(qualityScore({ ...base, date_maj: '2024-11-01' }, today)).toBeCloseTo(8 / 9, 3);
  });

  it('offers « Permis de conduire solidaire » without SPIE organisation, 12 places and two sessions, nobody referred yet', async () => {
    const [permis] = await rows<{
      nom: string;
      structure_id: string;
      owner: string | null;
      email: string;
      code_insee: string;
      thematiques: string[];
      publics: string[];
      type: string;
      volume: string;
      capacity: number;
      status: string;
      structure: string;
      structure_owner: string | null;
    }>(sql`
      select s.nom, s.structure_id, s.owner_organisation_id as owner, s.referral_contact_email as email, s.code_insee,
        s.thematiques, s.publics, s.type, s.volume_horaire_hebdomadaire::text as volume, s.capacity, s.status,
        st.nom as structure, st.owner_organisation_id as structure_owner
      from catalogue_services s join catalogue_structures st on st.territory_id = s.territory_id and st.id = s.structure_id
      where s.id = ${PERMIS_SERVICE_ID}`);
    expect(permis).toMatchObject({
      nom: 'Permis de conduire solidaire',
      structure_id: PERMIS_STRUCTURE_ID,
      owner: null,
      structure_owner: null,
      email: 'inscriptions@auto-ecole-solidaire.example',
      code_insee: '93008',
      type: 'accompagnement',
      capacity: 12,
      status: 'publie',
      structure: 'Auto-école solidaire de Bobigny',
    });
    expect(Number(permis?.volume)).toBe(6);
    expect(permis?.thematiques).toEqual(['mobilite--preparer-un-permis', 'mobilite--financer-ma-mobilite']);
    expect(permis?.publics).toEqual(['beneficiaires-des-minimas-sociaux', 'jeunes', 'demandeurs-emploi']);
    const sessions = await rows<{ days: number; places: number }>(sql`
      select start_date - ${today}::date as days, places from catalogue_sessions
      where service_id = ${PERMIS_SERVICE_ID} order by start_date`);
    expect(sessions).toEqual([
      { days: 14, places: 6 },
      { days: 60, places: 6 },
    ]);
    const referred = await rows<{ n: number }>(
      sql`select count(*)::int as n from referrals where service_id = ${PERMIS_SERVICE_ID}`,
    );
    expect(referred[0]?.n).toBe(0);
  });

  it('lists mobility offers within 10 km of Bobigny, and one far away in Lyon', async () => {
    const near = await rows<{ id: string; km: number }>(sql`
      select s.id, earth_distance(ll_to_earth(c.latitude, c.longitude), ll_to_earth(s.latitude, s.longitude)) / 1000 as km
      from catalogue_services s, communes c
      where c.code = '93008' and s.status = 'publie' and s.latitude is not null
        and exists (select 1 from unnest(s.thematiques) t where t like 'mobilite--%')
      order by km`);
    const within10 = near.filter((s) => s.km <= 10).map((s) => s.id);
    expect(within10).toEqual(
      expect.arrayContaining([
        PERMIS_SERVICE_ID,
        'spie-93--reparation-solidaire',
        'spie-93--location-scooters',
        'spie-93--velo-ecole',
      ]),
    );
    expect(within10.length).toBeGreaterThanOrEqual(7);
    const lyon = near.find((s) => s.id === 'spie-93--conseil-mobilite-lyon');
    expect(lyon?.km).toBeGreaterThan(350);
  });

  it('fills the mason sessions: one full without waiting list, one full with two people waiting', async () => {
    const sessions = await rows<{
      label: string;
      places: number;
      waiting_list_enabled: boolean;
      occupied: number;
      waiting: number;
    }>(sql`
      select ss.label, ss.places, ss.waiting_list_enabled,
        count(r.id) filter (where r.status in ('acceptee', 'entree', 'en_cours'))::int as occupied,
        count(r.id) filter (where r.status = 'en_liste_d_attente')::int as waiting
      from catalogue_sessions ss left join referrals r on r.session_id = ss.id
      where ss.service_id = 'spie-93--titre-pro-macon' group by ss.territory_id, ss.id order by ss.start_date`);
    expect(sessions.map((s) => [s.places, s.waiting_list_enabled, s.occupied, s.waiting])).toEqual([
      [12, true, 0, 0],
      [6, false, 6, 0],
      [4, true, 4, 2],
      [12, true, 0, 0],
    ]);
  });

  it('gives Thomas Girard referrals in each state, with history, attendance and timeline entries', async () => {
    const girard = await rows<{
      status: string;
      service: string;
      answered: boolean;
      history: number;
      hours: number;
    }>(sql`
      select r.status, r.service_id as service, r.answered_at is not null as answered,
        (select count(*)::int from referral_history h where h.referral_id = r.id) as history,
        (select coalesce(sum(hours), 0)::float from referral_attendance a where a.referral_id = r.id) as hours
      from referrals r join accounts a on a.id = r.sender_account_id
      where a.last_name = 'Girard' and r.service_id <> 'spie-93--titre-pro-macon' order by r.created_at`);
    expect(girard.map((r) => r.status).sort()).toEqual([
      'acceptee',
      'en_cours',
      'envoyee',
      'refusee',
      'terminee',
    ]);
    const byStatus = new Map(girard.map((r) => [r.status, r]));
    expect(byStatus.get('envoyee')).toMatchObject({ answered: false, history: 1 });
    expect(byStatus.get('en_cours')).toMatchObject({ history: 4, hours: 16.5 });
    expect(byStatus.get('terminee')).toMatchObject({ history: 5, hours: 19 });
    const weeks = await rows<{ monday: boolean; past: boolean }>(sql`
      select extract(isodow from week_start) = 1 as monday, week_start < ${today}::date as past from referral_attendance`);
    expect(weeks.length).toBe(7);
    expect(weeks.every((w) => w.monday && w.past)).toBe(true);
    const timeline = await rows<{ type: string; n: number }>(sql`
      select type, count(*)::int as n from timeline_events where type like 'Referral%' group by type order by type`);
    expect(timeline.map((t) => t.type)).toEqual([
      'ReferralAttendanceRecorded',
      'ReferralCreated',
      'ReferralStatusChanged',
    ]);
    // The acceptance person (Drancy, active contract) has no referral: the e2e journey makes it.
    const [c02] = await rows<{ n: number }>(sql`
      select count(*)::int as n from referrals r join persons p on p.id = r.person_id
      where r.service_id = ${PERMIS_SERVICE_ID}`);
    expect(c02?.n).toBe(0);
  });
});

describe('demo import files (not loaded by the demo)', () => {
  const dir = path.resolve(import.meta.dirname, '..', '..', 'data', 'demo');
  const structures = JSON.parse(readFileSync(path.join(dir, 'di-structures-demo.json'), 'utf8')) as {
    id: string;
    source: string;
  }[];
  const services = JSON.parse(readFileSync(path.join(dir, 'di-services-demo.json'), 'utf8')) as {
    id: string;
    source: string;
    structure_id: string;
    description?: string;
    thematiques?: string[];
    code_postal?: string | null;
  }[];

  it('holds 4 structures and 20 services of source cd93-annuaire, with 3 broken rows', () => {
    expect(structures).toHaveLength(4);
    expect(services).toHaveLength(20);
    const ids = new Set(structures.map((s) => s.id));
    expect([...structures, ...services].every((r) => r.source === 'cd93-annuaire')).toBe(true);
    expect(services.every((s) => ids.has(s.structure_id))).toBe(true);
    const known = new Set<string>(diThematiques.map((t) => t.value));
    const broken = services.filter(
      (s) =>
        s.description === undefined ||
        (s.thematiques ?? []).some((t) => !known.has(t)) ||
        (s.code_postal !== null && s.code_postal !== undefined && !/^\d{5}$/.test(s.code_postal)),
    );
    expect(broken).toHaveLength(3);
  });
});
