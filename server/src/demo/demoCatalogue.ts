import { randomUUID } from 'node:crypto';
import { luhnValid } from '@spie/contract/territories';
import type { Insertable, Transaction } from 'kysely';
import { searchText } from '../db/referenceData';
import type { DB, ReferralHistory } from '../db/schema';
import { type DemoStructure, demoServices, demoStructures } from './demoCatalogue.data';
import { demoAccounts, demoOrganisations } from './demoTerritory.data';
import { addDays, isoDay } from './diagnosticSamples';

/**
 * The catalogue of the demo territory (issue 7), written straight in the tables as the catalogue
 * and referrals modules would have left them (demoCatalogue.data.ts for the offers):
 * - 13 structures and 34 services around Bobigny (and one mobility service in Lyon, far away),
 *   owned by demo organisations or answering referrals through a link (no SPIE organisation);
 * - « Permis de conduire solidaire » (`spie-93--permis-solidaire`) of the Auto-école solidaire de
 *   Bobigny: 12 places, two sessions (in two weeks, 6 places; in two months), no referral yet —
 *   the acceptance journey refers Thomas Girard's person `c02-active` to it;
 * - « Titre professionnel Maçon·ne »: a full session without waiting list, a full session with a
 *   waiting list and two people waiting, a later open session;
 * - two remote-only services (zone 93, France), one suspended (three more weeks), one draft,
 *   three not updated for more than six months (freshness reminder);
 * - Thomas Girard's referrals in each state (sent, accepted, in progress with three weeks of
 *   attendance, finished, refused), with their history and timeline entries.
 * Quality scores follow the catalogue's rule (see `qualityScore` below).
 */
export interface DemoCatalogueInput {
  territoryId: string;
  /** UTC midnight of the demo's today, and the load instant. */
  today: Date;
  now: Date;
  /** Case key (demoPeople.data.ts) → person id. */
  personIdOf: ReadonlyMap<string, string>;
  account: (lastName: string) => string;
  org: (key: string) => string;
  /** Timeline entry (type, section, summary, author's last name). */
  event: (personId: string, when: Date, type: string, section: string, summary: string, by?: string) => void;
}

export const DEMO_SOURCE = 'spie-93';
export const PERMIS_SERVICE_ID = 'spie-93--permis-solidaire';
export const PERMIS_STRUCTURE_ID = 'spie-93--auto-ecole-solidaire-bobigny';
/** The acceptance person: no referral to the « Permis de conduire solidaire » (the e2e journey makes it). */
export const ACCEPTANCE_PERSON_KEY = 'c02-active';

const serviceId = (key: string) => `${DEMO_SOURCE}--${key}`;
const structureId = (key: string) => `${DEMO_SOURCE}--${key}`;
const DAY = 86_400_000;

/* ——— Quality (the catalogue's rule, data·inclusion-like) ——— */

const filled = (v: string | null | undefined) => typeof v === 'string' && v.trim() !== '';
const some = (v: readonly string[] | null | undefined) => Array.isArray(v) && v.length > 0;
const mean = (parts: boolean[]) => (parts.length === 0 ? 1 : parts.filter(Boolean).length / parts.length);

export interface QualityFields {
  description: string;
  date_maj: string;
  type: string | null;
  thematiques: string[] | null;
  publics: string[] | null;
  frais: string | null;
  frais_precisions: string | null;
  modes_accueil: string[] | null;
  zone_eligibilite: string[] | null;
  modes_mobilisation: string[] | null;
  mobilisable_par: string[] | null;
  lien_mobilisation: string | null;
  telephone: string | null;
  courriel: string | null;
  adresse: string | null;
}

/**
 * Average of the criteria of the briefing: mobilisation described, contact, publics, thematiques,
 * fees described, description length bands, freshness (1 under six months, 0 at two years), type,
 * modes d'accueil consistent. Same rule as `qualityOf` (catalogue module), kept here because the
 * demo writes the tables directly.
 */
export function qualityScore(s: QualityFields, today: string): number {
  const modes = s.modes_mobilisation ?? [];
  const accueil = s.modes_accueil ?? [];
  const length = s.description.trim().length;
  const age = Math.round((Date.parse(`${today}T00:00:00Z`) - Date.parse(`${s.date_maj}T00:00:00Z`)) / DAY);
  const criteria = [
    mean([
      some(s.modes_mobilisation),
      some(s.mobilisable_par),
      ...(modes.includes('utiliser-lien-mobilisation') ? [filled(s.lien_mobilisation)] : []),
    ]),
    filled(s.telephone) || filled(s.courriel) ? 1 : 0,
    some(s.publics) ? 1 : 0,
    some(s.thematiques) ? 1 : 0,
    mean([s.frais !== null, ...(s.frais === 'payant' ? [filled(s.frais_precisions)] : [])]),
    length < 50 ? 0 : length < 200 ? 0.5 : length <= 2000 ? 1 : 0.5,
    age <= 183 ? 1 : age >= 730 ? 0 : (730 - age) / (730 - 183),
    filled(s.type) ? 1 : 0,
    some(s.modes_accueil)
      ? mean([
          ...(accueil.includes('en-presentiel') ? [filled(s.adresse)] : []),
          ...(accueil.includes('a-distance') ? [some(s.zone_eligibilite)] : []),
        ])
      : 0,
  ];
  return Math.round((criteria.reduce((a, b) => a + b, 0) / criteria.length) * 1000) / 1000;
}

/* ——— Referrals of the demo ——— */

interface DemoReferral {
  person: string;
  service: string;
  /** Session index (in the order of `sessionsOf`). */
  session?: number;
  reason: string;
  needs: { theme: string; label: string }[];
  createdDaysAgo: number;
  /** Steps after the creation: [action, days after creation, to status]. */
  steps: [string, number, string][];
  refusal?: string;
  outcome?: string;
  entryDaysAgo?: number;
  endDaysAgo?: number;
  /** Hours per week of the weeks attended (most recent last). */
  attendance?: number[];
}

const need = {
  numerique: {
    theme: 'numerique',
    label: 'Numérique : utiliser un ordinateur et faire ses démarches en ligne',
  },
  finances: { theme: 'finances', label: 'Finances : factures en retard, budget à reprendre' },
  francais: { theme: 'francais', label: 'Français : parler et écrire pour le travail' },
  candidature: { theme: 'preparer_sa_candidature', label: 'Préparer sa candidature : CV et lettre' },
  emploi: { theme: 'trouver_un_emploi', label: 'Trouver un emploi : reprendre une activité' },
  former: { theme: 'se_former', label: 'Se former : un métier qualifié du bâtiment' },
};

/** Thomas Girard's referrals, one per state (never `c02-active` to the driving licence). */
const girardReferrals: DemoReferral[] = [
  {
    person: 'o02',
    service: 'atelier-premiers-pas',
    createdDaysAgo: 3,
    steps: [],
    reason: 'N’a jamais utilisé d’ordinateur ; doit pouvoir s’actualiser seul·e et consulter ses courriels.',
    needs: [need.numerique],
  },
  {
    person: 'r06-rsa-suspended',
    service: 'point-conseil-budget',
    createdDaysAgo: 12,
    steps: [['accept', 3, 'acceptee']],
    reason:
      'RSA suspendu depuis peu, factures d’énergie en retard : besoin d’un point complet sur le budget.',
    needs: [need.finances],
  },
  {
    person: 'o01-joint',
    service: 'cours-de-francais',
    createdDaysAgo: 38,
    steps: [
      ['accept', 4, 'acceptee'],
      ['recordEntry', 14, 'entree'],
      ['start', 21, 'en_cours'],
    ],
    entryDaysAgo: 24,
    attendance: [6, 4.5, 6],
    reason:
      'Projet d’aide à domicile : le niveau de français oral et écrit est à renforcer avant une formation.',
    needs: [need.francais],
  },
  {
    person: 'o11-reoriented',
    service: 'atelier-cv',
    createdDaysAgo: 75,
    steps: [
      ['accept', 2, 'acceptee'],
      ['recordEntry', 15, 'entree'],
      ['start', 22, 'en_cours'],
      ['finish', 50, 'terminee'],
    ],
    entryDaysAgo: 60,
    endDaysAgo: 25,
    outcome: 'reussie',
    attendance: [5, 5, 4, 5],
    reason: 'CV à refaire entièrement après la réorientation ; vise des postes d’agent·e d’accueil.',
    needs: [need.candidature],
  },
  {
    person: 'r04-no-contact',
    service: 'aci-maraichage',
    createdDaysAgo: 55,
    steps: [['refuse', 9, 'refusee']],
    refusal: 'personne_injoignable',
    reason: 'Souhaite reprendre une activité en extérieur ; éligible à l’IAE, motivé·e par le maraîchage.',
    needs: [need.emploi],
  },
];

/** People filling the sessions of « Titre professionnel Maçon·ne » (their own référents refer them). */
const SESSION_PEOPLE = [
  'o03',
  'o04-choice',
  'o05',
  'o06-young',
  'o07-social',
  'o08-rqth',
  'r11-turning-26',
  'o12-reorientation',
  'c03-proposed-late',
  'c04-draft',
  'c05-revision',
  'c06-legacy-cer',
  'c07-successor',
  'r07-siae-ending',
  'r10-below-plan',
];

interface SessionPlan {
  label: string;
  startIn: number;
  weeks: number;
  places: number;
  waitingList: boolean;
  status?: 'ouverte' | 'complete' | 'terminee';
  mode?: 'sur_place' | 'a_distance' | 'mixte';
  schedule: string;
}

const sessionsOf: Record<string, SessionPlan[]> = {
  'permis-solidaire': [
    {
      label: 'Session d’hiver',
      startIn: 14,
      weeks: 26,
      places: 6,
      waitingList: true,
      schedule: 'Lundi, mercredi et vendredi, 9 h – 11 h',
    },
    {
      label: 'Session de printemps',
      startIn: 60,
      weeks: 26,
      places: 6,
      waitingList: true,
      schedule: 'Mardi et jeudi, 14 h – 17 h',
    },
  ],
  'titre-pro-macon': [
    {
      label: 'Session de décembre',
      startIn: 10,
      weeks: 20,
      places: 6,
      waitingList: false,
      schedule: 'Du lundi au vendredi, 8 h – 16 h',
    },
    {
      label: 'Session de janvier',
      startIn: 40,
      weeks: 20,
      places: 4,
      waitingList: true,
      schedule: 'Du lundi au vendredi, 8 h – 16 h',
    },
    {
      label: 'Session de printemps',
      startIn: 110,
      weeks: 20,
      places: 12,
      waitingList: true,
      schedule: 'Du lundi au vendredi, 8 h – 16 h',
    },
    {
      label: 'Session d’été (passée)',
      startIn: -180,
      weeks: 20,
      places: 12,
      waitingList: true,
      status: 'terminee',
      schedule: 'Du lundi au vendredi, 8 h – 16 h',
    },
  ],
  'caces-r489': [
    {
      label: 'Session de décembre',
      startIn: 21,
      weeks: 2,
      places: 8,
      waitingList: true,
      schedule: 'Du lundi au vendredi, 8 h 30 – 16 h 30',
    },
    {
      label: 'Session de février',
      startIn: 80,
      weeks: 2,
      places: 8,
      waitingList: true,
      schedule: 'Du lundi au vendredi, 8 h 30 – 16 h 30',
    },
  ],
  'decouverte-batiment': [
    {
      label: 'Découverte de janvier',
      startIn: 30,
      weeks: 2,
      places: 12,
      waitingList: true,
      schedule: 'Du lundi au vendredi, 9 h – 16 h',
    },
  ],
  'velo-ecole': [
    {
      label: 'Cycle du samedi',
      startIn: 7,
      weeks: 10,
      places: 10,
      waitingList: true,
      mode: 'sur_place',
      schedule: 'Samedi, 10 h – 12 h',
    },
  ],
};

/** The Monday of the week holding `day` (UTC midnight dates). */
const mondayOf = (day: Date) => addDays(day, -((day.getUTCDay() + 6) % 7));
const frenchDay = (d: Date) =>
  new Intl.DateTimeFormat('fr-FR', {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  }).format(d);

/**
 * Writes the catalogue and the referrals (in the caller's transaction). Returns the counts, for
 * the logs and tests.
 */
export async function insertDemoCatalogue(
  trx: Transaction<DB>,
  input: DemoCatalogueInput,
): Promise<{ structures: number; services: number; sessions: number; referrals: number }> {
  const { territoryId, today, now } = input;
  const T = isoDay(today);
  const codes = [...new Set(demoStructures.map((s) => s.communeCode))];
  const centroids = new Map(
    (
      await trx
        .selectFrom('communes')
        .select(['code', 'latitude', 'longitude'])
        .where('code', 'in', codes)
        .execute()
    ).map((c) => [c.code, c]),
  );
  const ownerId = (key: string | null) => (key ? input.org(key) : null);
  const orgName = (key: string | null) => demoOrganisations.find((o) => o.key === key)?.name ?? null;
  const positionOf = (s: DemoStructure) => {
    const c = centroids.get(s.communeCode);
    return c?.latitude != null && c.longitude != null
      ? { latitude: Number(c.latitude) + s.offset[0], longitude: Number(c.longitude) + s.offset[1] }
      : { latitude: null, longitude: null };
  };
  const structureOf = new Map(demoStructures.map((s) => [s.key, s]));

  // ——— Structures ———
  await trx
    .insertInto('catalogue_structures')
    .values(
      demoStructures.map((s, i) => ({
        territory_id: territoryId,
        id: structureId(s.key),
        source: DEMO_SOURCE,
        nom: s.nom,
        date_maj: isoDay(addDays(today, -(20 + ((i * 17) % 90)))),
        siret: withLuhn(s.siret),
        telephone: s.telephone,
        courriel: s.courriel,
        site_web: `https://${s.courriel.split('@')[1]}`,
        lien_source: null,
        horaires_accueil: s.horaires,
        accessibilite_lieu: `https://acceslibre.example/erp/${s.key}`,
        reseaux_porteurs: s.reseaux,
        description: s.description,
        adresse: s.adresse,
        complement_adresse: i % 3 === 0 ? 'Rez-de-chaussée, accès par la cour' : null,
        commune: s.commune,
        code_postal: s.codePostal,
        code_insee: s.communeCode,
        ...positionOf(s),
        owner_organisation_id: ownerId(s.owner),
        status: 'publie',
        created_at: addDays(now, -400 + i * 7),
        updated_at: addDays(now, -(20 + ((i * 17) % 90))),
      })),
    )
    .execute();

  // ——— Services ———
  const serviceRows = demoServices.map((s, i) => {
    const st = structureOf.get(s.structure);
    if (!st) throw new Error(`demo catalogue: unknown structure ${s.structure}`);
    const pos = positionOf(st);
    const modesAccueil = s.modesAccueil ?? ['en-presentiel'];
    const dateMaj = isoDay(addDays(today, -(s.updatedDaysAgo ?? 10 + ((i * 13) % 50))));
    const owner = ownerId(st.owner);
    const referralEmail = st.owner ? null : st.courriel.replace(/^[^@]+/, 'inscriptions');
    const row = {
      territory_id: territoryId,
      id: serviceId(s.key),
      structure_id: structureId(st.key),
      source: DEMO_SOURCE,
      nom: s.nom,
      description: s.description,
      date_maj: dateMaj,
      type: s.type,
      thematiques: s.thematiques,
      publics: s.publics,
      publics_precisions: s.publicsPrecisions ?? null,
      conditions_acces: s.conditionsAcces ?? null,
      frais: s.frais,
      frais_precisions: s.fraisPrecisions ?? null,
      modes_accueil: modesAccueil,
      zone_eligibilite: s.zone ?? [st.communeCode.slice(0, 2)],
      modes_mobilisation: s.modesMobilisation,
      mobilisable_par: s.mobilisablePar,
      mobilisation_precisions: s.mobilisationPrecisions,
      lien_mobilisation: null,
      lien_source: null,
      contact_nom_prenom: s.contact,
      telephone: st.telephone,
      courriel: st.courriel,
      horaires_accueil: s.horaires,
      volume_horaire_hebdomadaire: s.volume ?? null,
      nombre_semaines: s.semaines ?? null,
      adresse: s.remoteOnly ? null : st.adresse,
      complement_adresse: null,
      commune: s.remoteOnly ? null : st.commune,
      code_postal: s.remoteOnly ? null : st.codePostal,
      code_insee: s.remoteOnly ? null : st.communeCode,
      latitude: s.remoteOnly ? null : pos.latitude,
      longitude: s.remoteOnly ? null : pos.longitude,
      owner_organisation_id: owner,
      capacity: s.capacity ?? null,
      waiting_list_enabled: s.waitingList ?? true,
      accepts_referrals: true,
      referral_contact_name: s.contact,
      referral_contact_email: referralEmail,
      referral_contact_phone: st.telephone,
      status: s.status ?? 'publie',
      suspended_until: s.suspendedForDays ? isoDay(addDays(today, s.suspendedForDays)) : null,
      status_reason: s.statusReason ?? null,
      search_text: searchText(`${s.nom} ${st.nom} ${s.description}`),
      freshness_reminded_at: null,
      created_at: addDays(now, -(s.updatedDaysAgo ?? 0) - 120 - i),
      updated_at: addDays(now, -(s.updatedDaysAgo ?? 10 + ((i * 13) % 50))),
    };
    return { ...row, quality_score: qualityScore(row, T) };
  });
  await trx.insertInto('catalogue_services').values(serviceRows).execute();
  const serviceByKey = new Map(
    demoServices.map((s, i) => {
      const row = serviceRows[i];
      if (!row) throw new Error('unreachable');
      return [s.key, { data: s, row }] as const;
    }),
  );

  // ——— Sessions ———
  const sessionIds = new Map<string, string[]>();
  const sessionRows: Insertable<DB['catalogue_sessions']>[] = [];
  for (const [key, plans] of Object.entries(sessionsOf)) {
    const svc = serviceByKey.get(key);
    if (!svc) throw new Error(`demo catalogue: unknown service ${key}`);
    const ids: string[] = [];
    for (const p of plans) {
      const id = randomUUID();
      ids.push(id);
      const start = addDays(today, p.startIn);
      sessionRows.push({
        territory_id: territoryId,
        id,
        service_id: svc.row.id,
        label: p.label,
        start_date: isoDay(start),
        end_date: isoDay(addDays(start, p.weeks * 7 - 3)),
        places: p.places,
        mode: p.mode ?? 'sur_place',
        schedule: p.schedule,
        address: svc.row.adresse ? `${svc.row.adresse}, ${svc.row.code_postal} ${svc.row.commune}` : null,
        status: p.status ?? 'ouverte',
        waiting_list_enabled: p.waitingList,
        created_at: addDays(now, Math.min(-20, p.startIn - 60)),
        updated_at: addDays(now, Math.min(-5, p.startIn - 30)),
      });
    }
    sessionIds.set(key, ids);
  }
  await trx.insertInto('catalogue_sessions').values(sessionRows).execute();

  // ——— Referrals ———
  const referents = new Map(
    (
      await trx
        .selectFrom('follow_ups as f')
        .innerJoin('accounts as a', 'a.id', 'f.account_id')
        .innerJoin('organisations as o', 'o.id', 'f.organisation_id')
        .select(['f.person_id', 'f.account_id', 'f.organisation_id', 'a.first_name', 'a.last_name', 'o.name'])
        .where('f.territory_id', '=', territoryId)
        .where('f.role', '=', 'referent')
        .where('f.status', '=', 'active')
        .execute()
    ).map((r) => [r.person_id, r]),
  );
  const receiverOf = (orgKey: string | null) => {
    const member = orgKey
      ? demoAccounts.find((a) => a.memberships.some((m) => m.org === orgKey && m.role !== 'steering_viewer'))
      : undefined;
    return member
      ? {
          accountId: input.account(member.lastName),
          label: `${member.firstName} ${member.lastName} (${orgName(orgKey)})`,
          lastName: member.lastName,
        }
      : {
          accountId: null,
          label: orgKey ? (orgName(orgKey) ?? 'La structure') : 'Lien envoyé à la structure',
          lastName: undefined,
        };
  };

  const sessionPeople = SESSION_PEOPLE.filter((k) => {
    const id = input.personIdOf.get(k);
    return id !== undefined && referents.has(id);
  });
  const macon = (n: number, session: number, status: 'acceptee' | 'en_liste_d_attente'): DemoReferral => ({
    person: sessionPeople[n] ?? '',
    service: 'titre-pro-macon',
    session,
    createdDaysAgo: 40 - n * 2,
    steps: [[status === 'acceptee' ? 'accept' : 'waitlist', 5, status]],
    reason:
      'Projet de métier dans le bâtiment confirmé par une immersion ; souhaite une formation qualifiante rémunérée.',
    needs: [need.former],
  });
  const sessionReferrals: DemoReferral[] = [
    ...[0, 1, 2, 3, 4, 5].map((n) => macon(n, 0, 'acceptee')),
    ...[6, 7, 8, 9].map((n) => macon(n, 1, 'acceptee')),
    macon(10, 1, 'en_liste_d_attente'),
    macon(11, 1, 'en_liste_d_attente'),
  ].filter((r) => r.person !== '');

  const referralRows: Insertable<DB['referrals']>[] = [];
  const historyRows: Insertable<ReferralHistory>[] = [];
  const attendanceRows: Insertable<DB['referral_attendance']>[] = [];
  for (const r of [...girardReferrals, ...sessionReferrals]) {
    const personId = input.personIdOf.get(r.person);
    if (!personId) throw new Error(`demo catalogue: unknown person ${r.person}`);
    if (r.person === ACCEPTANCE_PERSON_KEY && r.service === 'permis-solidaire')
      throw new Error('demo catalogue: the acceptance person must not be referred to the driving licence');
    const referent = referents.get(personId);
    if (!referent?.account_id) throw new Error(`demo catalogue: ${r.person} has no référent`);
    const svc = serviceByKey.get(r.service);
    if (!svc) throw new Error(`demo catalogue: unknown service ${r.service}`);
    const st = structureOf.get(svc.data.structure);
    const receiver = receiverOf(st?.owner ?? null);
    const id = randomUUID();
    const created = new Date(now.getTime() - r.createdDaysAgo * DAY - 5 * 3_600_000);
    const at = (days: number) => new Date(created.getTime() + days * DAY + 2 * 3_600_000);
    const last = r.steps[r.steps.length - 1];
    const status = last ? last[2] : 'envoyee';
    const answer = r.steps.find(([a]) => a === 'accept' || a === 'refuse' || a === 'waitlist');
    const senderLabel = `${referent.first_name} ${referent.last_name} (${referent.name})`;
    const sessionId = r.session !== undefined ? sessionIds.get(r.service)?.[r.session] : undefined;
    referralRows.push({
      territory_id: territoryId,
      id,
      person_id: personId,
      service_id: svc.row.id,
      session_id: sessionId ?? null,
      sender_account_id: referent.account_id,
      sender_organisation_id: referent.organisation_id,
      receiving_organisation_id: svc.row.owner_organisation_id,
      status,
      reason: r.reason,
      needs: JSON.stringify(r.needs),
      shared: ['coordonnees', 'besoins'],
      document_ids: [],
      consent_at: created,
      refusal_reason: r.refusal ?? null,
      outcome: r.outcome ?? null,
      status_note: r.refusal ? 'Trois appels et un courriel sans réponse.' : null,
      entry_date: r.entryDaysAgo !== undefined ? isoDay(addDays(today, -r.entryDaysAgo)) : null,
      end_date: r.endDaysAgo !== undefined ? isoDay(addDays(today, -r.endDaysAgo)) : null,
      waitlisted_at: status === 'en_liste_d_attente' && answer ? at(answer[1]) : null,
      answered_at: answer ? at(answer[1]) : null,
      reminder_sent_at: null,
      expires_at: new Date(created.getTime() + 30 * DAY),
      created_at: created,
      updated_at: last ? at(last[1]) : created,
      revision: 1 + r.steps.length,
    });
    const serviceLabel = `${svc.row.nom} (${st?.nom ?? ''})`;
    historyRows.push({
      territory_id: territoryId,
      referral_id: id,
      at: created,
      action: 'create',
      from_status: null,
      to_status: 'envoyee',
      actor_account_id: referent.account_id,
      actor_label: senderLabel,
      note: null,
    });
    const senderLastName = demoAccounts.some((a) => a.lastName === referent.last_name)
      ? referent.last_name
      : undefined;
    input.event(
      personId,
      created,
      'ReferralCreated',
      'journey',
      `Prescription envoyée : ${serviceLabel}`,
      senderLastName,
    );
    let from = 'envoyee';
    for (const [action, days, to] of r.steps) {
      const when = at(days);
      historyRows.push({
        territory_id: territoryId,
        referral_id: id,
        at: when,
        action,
        from_status: from,
        to_status: to,
        actor_account_id: receiver.accountId,
        actor_label: receiver.label,
        note: action === 'refuse' ? 'Trois appels et un courriel sans réponse.' : null,
      });
      const who = orgName(st?.owner ?? null) ?? st?.nom ?? 'la structure';
      const summary =
        action === 'accept'
          ? `Prescription acceptée par ${who} : ${svc.row.nom}`
          : action === 'refuse'
            ? `Prescription refusée par ${who} : ${svc.row.nom} (la personne n’a pas pu être jointe)`
            : action === 'waitlist'
              ? `Prescription mise en liste d’attente par ${who} : ${svc.row.nom}`
              : action === 'recordEntry'
                ? `Entrée le ${frenchDay(addDays(today, -(r.entryDaysAgo ?? 0)))} : ${svc.row.nom}`
                : action === 'start'
                  ? `Accompagnement commencé : ${svc.row.nom}`
                  : `Fin : parcours réussi (${svc.row.nom})`;
      input.event(personId, when, 'ReferralStatusChanged', 'journey', summary, receiver.lastName);
      from = to;
    }
    // Weeks attended: the Mondays after the entry, the last one the week before the end (or before today).
    if (r.attendance && r.entryDaysAgo !== undefined) {
      const lastMonday =
        r.endDaysAgo !== undefined ? mondayOf(addDays(today, -r.endDaysAgo)) : addDays(mondayOf(today), -7);
      const weeks = r.attendance.length;
      r.attendance.forEach((hours, n) => {
        const week = addDays(lastMonday, (n - weeks + 1) * 7);
        const recorded = new Date(addDays(week, 7).getTime() + 10 * 3_600_000);
        attendanceRows.push({
          territory_id: territoryId,
          referral_id: id,
          week_start: isoDay(week),
          hours,
          recorded_by_account_id: receiver.accountId,
          via_link: receiver.accountId === null,
          recorded_at: recorded < now ? recorded : now,
        });
        input.event(
          personId,
          recorded < now ? recorded : now,
          'ReferralAttendanceRecorded',
          'journey',
          `Présence : ${String(hours).replace('.', ',')} h la semaine du ${frenchDay(week)} (${svc.row.nom})`,
          receiver.lastName,
        );
      });
    }
  }
  await trx.insertInto('referrals').values(referralRows).execute();
  await trx.insertInto('referral_history').values(historyRows).execute();
  if (attendanceRows.length > 0) await trx.insertInto('referral_attendance').values(attendanceRows).execute();
  return {
    structures: demoStructures.length,
    services: serviceRows.length,
    sessions: sessionRows.length,
    referrals: referralRows.length,
  };
}

/** A 14-digit SIRET from a 13-digit base and its Luhn key. */
function withLuhn(base: string): string {
  for (let d = 0; d <= 9; d++) if (luhnValid(`${base}${d}`)) return `${base}${d}`;
  throw new Error('unreachable');
}
