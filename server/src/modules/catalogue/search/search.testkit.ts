import { catalogueRoutes } from '@spie/contract/catalogue';
import { searchText } from '../../../db/referenceData';
import { accountIdByLastName } from '../../../testing/fixtures';
import type { TestContext } from '../../../testing/testContext';

/** Test helpers of the search tests: a catalogue of services at real commune centroids. */
export const r = catalogueRoutes;
export const TODAY = '2026-11-02';

export interface ServiceFixture {
  id: string;
  nom: string;
  commune: string;
  thematiques: string[];
  modes?: string[];
  publics?: string[] | null;
  frais?: string;
  type?: string;
  zone?: string[] | null;
  capacity?: number | null;
  status?: string;
  quality?: number;
}

const M = 'en-presentiel';
const REMOTE = ['a-distance'];

/**
 * ~30 services of territory 93. Distances from Bobigny's centroid (earth radius 6,378.168 km):
 * Drancy 1.81, Pantin 2.43, Bondy 3.35, Le Blanc-Mesnil 3.91, Aubervilliers 3.995, Paris 19 4.58,
 * Montreuil 4.99, Aulnay 5.83, Saint-Denis 6.30, Sevran 7.60, Paris 01 9.02, Tremblay 11.58,
 * Noisy-le-Grand 12.17, Paris 15 13.01, Lyon 01 ~390.
 */
export const services: ServiceFixture[] = [
  {
    id: 't--permis-bobigny',
    nom: 'Mobilité : préparer son permis de conduire',
    commune: '93008',
    thematiques: ['mobilite--preparer-un-permis'],
    publics: ['tous-publics'],
    capacity: 10,
    quality: 0.9,
  },
  {
    id: 't--garage-drancy',
    nom: 'Garage solidaire de la mobilité',
    commune: '93029',
    thematiques: ['mobilite--entretenir-reparer-son-vehicule'],
    publics: ['jeunes'],
    capacity: 5,
    quality: 0.7,
  },
  {
    id: 't--velo-pantin',
    nom: 'Atelier vélo et mobilité douce',
    commune: '93055',
    thematiques: ['mobilite--mobilite-douce-partagee-collective'],
    publics: null,
    capacity: 8,
    quality: 0.6,
    frais: 'payant',
  },
  {
    id: 't--permis-paris19',
    nom: 'Permis de conduire accompagné',
    commune: '75119',
    thematiques: ['mobilite--preparer-un-permis'],
    capacity: 4,
    quality: 0.8,
  },
  {
    id: 't--conseil-paris01',
    nom: 'Conseil en mobilité',
    commune: '75101',
    thematiques: [
      'mobilite--etre-accompagne-dans-son-parcours-mobilite',
      'trouver-un-emploi--maintien-dans-lemploi',
    ],
    capacity: 3,
    quality: 0.5,
  },
  {
    id: 't--financer-paris15',
    nom: 'Financer sa mobilité',
    commune: '75115',
    thematiques: ['mobilite--financer-ma-mobilite'],
    capacity: 3,
    quality: 0.5,
  },
  {
    id: 't--location-noisy',
    nom: 'Location de voitures à petit prix',
    commune: '93051',
    thematiques: ['mobilite--acceder-a-un-vehicule'],
    capacity: 3,
    quality: 0.5,
  },
  {
    id: 't--scooter-tremblay',
    nom: 'Prêt de scooters',
    commune: '93073',
    thematiques: ['mobilite--acceder-a-un-vehicule'],
    capacity: 3,
    quality: 0.5,
  },
  {
    id: 't--conseil-aubervilliers',
    nom: 'Plateforme mobilité',
    commune: '93001',
    thematiques: ['mobilite--etre-accompagne-dans-son-parcours-mobilite'],
    capacity: 3,
    quality: 0.4,
  },
  {
    id: 't--permis-lyon',
    nom: 'Permis de conduire à Lyon',
    commune: '69381',
    thematiques: ['mobilite--preparer-un-permis'],
    capacity: 3,
    quality: 0.9,
  },
  {
    id: 't--numerique-bobigny',
    nom: 'Atelier numérique',
    commune: '93008',
    thematiques: ['numerique--maitriser-les-fondamentaux-du-numerique'],
    capacity: 6,
    quality: 0.8,
  },
  {
    id: 't--numerique-montreuil',
    nom: 'Accès aux droits en ligne',
    commune: '93048',
    thematiques: ['numerique--acceder-a-des-services-en-ligne'],
    capacity: 6,
    quality: 0.6,
  },
  {
    id: 't--logement-bondy',
    nom: 'Trouver un logement',
    commune: '93010',
    thematiques: ['logement-hebergement--louer-un-logement'],
    capacity: 2,
    quality: 0.6,
    type: 'accompagnement',
  },
  {
    id: 't--logement-saint-denis',
    nom: 'Hébergement temporaire',
    commune: '93066',
    thematiques: ['logement-hebergement--rechercher-une-solution-dhebergement-temporaire'],
    capacity: 2,
    quality: 0.6,
    type: 'aide-financiere',
  },
  {
    id: 't--emploi-lilas',
    nom: 'Job dating',
    commune: '93045',
    thematiques: ['trouver-un-emploi--faire-des-candidatures-spontanees'],
    capacity: 20,
    quality: 0.6,
  },
  {
    id: 't--emploi-blanc-mesnil',
    nom: 'Club emploi',
    commune: '93007',
    thematiques: ['trouver-un-emploi--faire-des-candidatures-spontanees'],
    capacity: 20,
    quality: 0.6,
  },
  {
    id: 't--sante-aulnay',
    nom: 'Bilan de santé',
    commune: '93005',
    thematiques: ['sante--acces-aux-soins'],
    capacity: 20,
    quality: 0.6,
  },
  {
    id: 't--famille-sevran',
    nom: 'Garde d’enfants',
    commune: '93071',
    thematiques: ['famille--garde-denfants'],
    capacity: 20,
    quality: 0.6,
  },
  {
    id: 't--remote-93',
    nom: 'Mobilité : conseil par téléphone',
    commune: '93008',
    modes: REMOTE,
    zone: ['93'],
    thematiques: ['mobilite--etre-accompagne-dans-son-parcours-mobilite'],
    capacity: 50,
    quality: 0.8,
  },
  {
    id: 't--remote-france',
    nom: 'Code de la route en ligne',
    commune: '75101',
    modes: REMOTE,
    zone: ['france'],
    thematiques: ['mobilite--preparer-un-permis'],
    capacity: 50,
    quality: 0.7,
  },
  {
    id: 't--remote-69',
    nom: 'Mobilité Rhône à distance',
    commune: '69381',
    modes: REMOTE,
    zone: ['69'],
    thematiques: ['mobilite--preparer-un-permis'],
    capacity: 50,
    quality: 0.9,
  },
  {
    id: 't--remote-drancy',
    nom: 'Aide aux transports drancéens',
    commune: '93029',
    modes: REMOTE,
    zone: ['93029'],
    thematiques: ['mobilite--financer-ma-mobilite'],
    capacity: 50,
    quality: 0.6,
  },
  {
    id: 't--remote-null',
    nom: 'Plateforme nationale transports',
    commune: '75101',
    modes: REMOTE,
    zone: null,
    thematiques: ['mobilite--financer-ma-mobilite'],
    capacity: 50,
    quality: 0.5,
  },
  {
    id: 't--hybrid-bobigny',
    nom: 'Coaching retour à l’emploi',
    commune: '93008',
    modes: [M, 'a-distance'],
    zone: ['69'],
    thematiques: ['trouver-un-emploi--faire-des-candidatures-spontanees'],
    capacity: 5,
    quality: 0.5,
  },
  {
    id: 't--draft-bobigny',
    nom: 'Mobilité brouillon',
    commune: '93008',
    thematiques: ['mobilite--preparer-un-permis'],
    status: 'brouillon',
    capacity: 5,
    quality: 1,
  },
  {
    id: 't--full-bobigny',
    nom: 'Auto-école complète',
    commune: '93008',
    thematiques: ['mobilite--preparer-un-permis'],
    capacity: 1,
    quality: 0.3,
  },
  {
    id: 't--session-drancy',
    nom: 'Formation code session',
    commune: '93029',
    thematiques: ['mobilite--preparer-un-permis'],
    capacity: null,
    quality: 0.3,
  },
  {
    id: 't--session-late',
    nom: 'Formation code session tardive',
    commune: '93029',
    thematiques: ['mobilite--preparer-un-permis'],
    capacity: null,
    quality: 0.3,
  },
  {
    id: 't--nocap-bobigny',
    nom: 'Permanence sans places',
    commune: '93008',
    thematiques: ['mobilite--preparer-un-permis'],
    capacity: null,
    quality: 0.3,
  },
  {
    id: 't--femmes-bobigny',
    nom: 'Permis au féminin',
    commune: '93008',
    thematiques: ['mobilite--preparer-un-permis'],
    publics: ['femmes'],
    capacity: 2,
    quality: 0.6,
  },
];

export const byId = new Map(services.map((s) => [s.id, s]));

export async function territory93(ctx: TestContext) {
  return ctx.deps.database.db
    .selectFrom('territories')
    .select('id')
    .where('code', '=', '93')
    .executeTakeFirstOrThrow();
}

/** Inserts the structure, the services, sessions and the referral filling `t--full-bobigny`. */
export async function seedCatalogue(ctx: TestContext, personId: string) {
  const db = ctx.deps.database.db;
  const { id: territoryId } = await territory93(ctx);
  const now = new Date('2026-11-01T09:00:00Z');
  const communes = new Map(
    (await db.selectFrom('communes').select(['code', 'name', 'latitude', 'longitude']).execute()).map((c) => [
      c.code,
      c,
    ]),
  );
  await db
    .insertInto('catalogue_structures')
    .values({
      territory_id: territoryId,
      id: 't--structure',
      source: 't',
      nom: 'Réseau d’essai',
      date_maj: TODAY,
      created_at: now,
      updated_at: now,
    })
    .execute();
  await db
    .insertInto('catalogue_services')
    .values(
      services.map((s) => {
        const c = communes.get(s.commune);
        if (!c) throw new Error(`commune ${s.commune}`);
        return {
          territory_id: territoryId,
          id: s.id,
          structure_id: 't--structure',
          source: 't',
          nom: s.nom,
          description: `${s.nom}, service d’essai.`,
          date_maj: TODAY,
          type: s.type ?? 'accompagnement',
          thematiques: s.thematiques,
          publics: s.publics === undefined ? ['tous-publics'] : s.publics,
          frais: s.frais ?? 'gratuit',
          modes_accueil: s.modes ?? [M],
          zone_eligibilite: s.zone ?? null,
          commune: c.name,
          code_insee: c.code,
          latitude: c.latitude,
          longitude: c.longitude,
          capacity: s.capacity ?? null,
          status: s.status ?? 'publie',
          quality_score: String(s.quality ?? 0.5),
          search_text: searchText(`${s.nom} Réseau d’essai ${s.nom}, service d’essai.`),
          created_at: now,
          updated_at: now,
        };
      }),
    )
    .execute();
  await db
    .insertInto('catalogue_sessions')
    .values([
      {
        territory_id: territoryId,
        service_id: 't--session-drancy',
        start_date: '2026-11-22',
        places: 5,
        status: 'ouverte',
        created_at: now,
        updated_at: now,
      },
      {
        territory_id: territoryId,
        service_id: 't--session-late',
        start_date: '2027-02-15',
        places: null,
        status: 'ouverte',
        created_at: now,
        updated_at: now,
      },
    ])
    .execute();
  const girard = await accountIdByLastName(ctx, 'Girard');
  const membership = await db
    .selectFrom('memberships')
    .select('organisation_id')
    .where('account_id', '=', girard)
    .executeTakeFirstOrThrow();
  await db
    .insertInto('referrals')
    .values({
      territory_id: territoryId,
      person_id: personId,
      service_id: 't--full-bobigny',
      sender_account_id: girard,
      sender_organisation_id: membership.organisation_id,
      status: 'acceptee',
      reason: 'Essai',
      consent_at: now,
      created_at: now,
      updated_at: now,
    })
    .execute();
  return { territoryId };
}

/** A completed diagnostic (version 1) with the given constraints/axes and situation. */
export async function completedDiagnostic(
  ctx: TestContext,
  personId: string,
  content: Record<string, unknown>,
  version = 1,
) {
  const { id: territoryId } = await territory93(ctx);
  const at = new Date('2026-10-20T09:00:00Z');
  await ctx.deps.database.db
    .insertInto('diagnostics')
    .values({
      territory_id: territoryId,
      person_id: personId,
      status: 'completed',
      version,
      content: JSON.stringify(content),
      recommendation: JSON.stringify({ path: 'social', criterion: 'default', explanation: 'Essai' }),
      recommended_path: 'social',
      created_at: at,
      updated_at: at,
      completed_at: at,
    })
    .execute();
}
