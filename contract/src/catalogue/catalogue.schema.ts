import { z } from 'zod';
import { isoDate } from '../people/people.schema';
import {
  frais,
  importFormat,
  importKind,
  issueSeverities,
  modeAccueil,
  modeMobilisation,
  personneMobilisatrice,
  publicationStatus,
  publicValue,
  reseauPorteur,
  rowOutcomes,
  serviceType,
  sessionMode,
  sessionStatus,
  thematique,
} from './catalogue.enums';

/*
 * The catalogue keeps data·inclusion's fields under their schema names (snake_case, `di`) and
 * SPIE's own additions (places, sessions, waiting list, owner, status) apart (`spie`), so that an
 * export is the `di` part as it is and an import never touches what SPIE added.
 */

const text = (label: string, max: number) =>
  z.string().trim().max(max, `${label} : au plus ${max} caractères.`).nullable().default(null);
const url = (label: string) =>
  z
    .url({ message: `${label} : une adresse web complète est attendue (https://…).` })
    .max(2083)
    .nullable()
    .default(null);
const email = (label: string) =>
  z
    .email({ message: `${label} : adresse électronique invalide.` })
    .nullable()
    .default(null);
const inseeCode = z.string().regex(/^\w{5}$/, 'Code INSEE : 5 caractères.');
const postalCode = z.string().regex(/^\d{5}$/, 'Code postal : 5 chiffres.');

/** A data·inclusion id: `<source>--<local id>`. */
export const diId = z
  .string()
  .trim()
  .min(3)
  .max(200)
  .regex(/^[a-z0-9][a-z0-9-]*--.+$/i, 'Identifiant : « source--identifiant » est attendu (ex. dora--42).');

/** data·inclusion v1.0.8 `structure.json`, every field. */
export const diStructure = z.object({
  id: diId,
  source: z.string().trim().min(1).max(100),
  nom: z.string().trim().min(3, 'Nom : au moins 3 caractères.').max(150, 'Nom : au plus 150 caractères.'),
  date_maj: isoDate,
  siret: z
    .string()
    .regex(/^\d{14}$/, 'SIRET : 14 chiffres.')
    .nullable()
    .default(null),
  telephone: text('Téléphone', 30),
  courriel: email('Courriel'),
  site_web: url('Site web'),
  lien_source: url('Lien source'),
  horaires_accueil: text('Horaires d’accueil', 2000),
  accessibilite_lieu: url('Accessibilité'),
  reseaux_porteurs: z.array(reseauPorteur).nullable().default(null),
  description: z.string().trim().min(5).max(10000).nullable().default(null),
  adresse: text('Adresse', 300),
  complement_adresse: text('Complément d’adresse', 300),
  commune: text('Commune', 150),
  code_postal: postalCode.nullable().default(null),
  code_insee: inseeCode.nullable().default(null),
  latitude: z.number().min(-90).max(90).nullable().default(null),
  longitude: z.number().min(-180).max(180).nullable().default(null),
});
export type DiStructure = z.infer<typeof diStructure>;

/** A zone_eligibilite code: commune (5), département (2–3), EPCI (9 digits), country (99xxx) or "france". */
export const zoneCode = z
  .string()
  .regex(
    /^(\w{5}|\w{2,3}|\d{9}|99[0-5]\d{2}|france)$/,
    'Zone d’éligibilité : codes INSEE de commune, de département, d’EPCI ou « france ».',
  );

/** data·inclusion v1.0.8 `service.json`, every field. */
export const diService = z.object({
  id: diId,
  source: z.string().trim().min(1).max(100),
  structure_id: diId,
  nom: z.string().trim().min(3, 'Nom : au moins 3 caractères.').max(150, 'Nom : au plus 150 caractères.'),
  description: z
    .string()
    .trim()
    .min(5, 'Description : au moins 5 caractères.')
    .max(10000, 'Description : au plus 10 000 caractères.'),
  date_maj: isoDate,
  type: serviceType.nullable().default(null),
  thematiques: z.array(thematique).nullable().default(null),
  publics: z.array(publicValue).min(1).nullable().default(null),
  publics_precisions: text('Précisions sur les publics', 2000),
  conditions_acces: text('Conditions d’accès', 2000),
  frais: frais.nullable().default(null),
  frais_precisions: text('Précisions sur les frais', 2000),
  modes_accueil: z.array(modeAccueil).nullable().default(null),
  zone_eligibilite: z.array(zoneCode).min(1).nullable().default(null),
  modes_mobilisation: z.array(modeMobilisation).min(1).nullable().default(null),
  mobilisable_par: z.array(personneMobilisatrice).min(1).nullable().default(null),
  mobilisation_precisions: text('Précisions sur la mobilisation', 2000),
  lien_mobilisation: url('Lien de mobilisation'),
  lien_source: url('Lien source'),
  contact_nom_prenom: text('Contact', 150),
  telephone: text('Téléphone', 30),
  courriel: email('Courriel'),
  horaires_accueil: text('Horaires d’accueil', 2000),
  volume_horaire_hebdomadaire: z
    .number()
    .min(0, 'Heures par semaine : pas de valeur négative.')
    .max(60)
    .nullable()
    .default(null),
  nombre_semaines: z
    .number()
    .int()
    .min(1, 'Nombre de semaines : au moins 1.')
    .max(520)
    .nullable()
    .default(null),
  adresse: text('Adresse', 300),
  complement_adresse: text('Complément d’adresse', 300),
  commune: text('Commune', 150),
  code_postal: postalCode.nullable().default(null),
  code_insee: inseeCode.nullable().default(null),
  latitude: z.number().min(-90).max(90).nullable().default(null),
  longitude: z.number().min(-180).max(180).nullable().default(null),
});
export type DiService = z.infer<typeof diService>;

/** Who receives referrals for a service in SPIE (never exported). */
export const referralContact = z.object({
  name: text('Nom du contact', 150),
  email: email('Courriel du contact'),
  phone: text('Téléphone du contact', 30),
});
export type ReferralContact = z.infer<typeof referralContact>;

/** SPIE's additions to a service. */
export const serviceSpie = z.object({
  /** Places at once (null: not counted, e.g. an information service). */
  capacity: z.number().int().min(0, 'Places : pas de valeur négative.').max(100000).nullable().default(null),
  waitingListEnabled: z.boolean().default(true),
  referralContact: referralContact.prefault({}),
  /** Referrals go through SPIE (otherwise the service is listed but mobilised as data·inclusion says). */
  acceptsReferrals: z.boolean().default(true),
});
export type ServiceSpie = z.infer<typeof serviceSpie>;

export const qualityCriterion = z.object({
  id: z.string(),
  label: z.string(),
  /** 0 to 1. */
  score: z.number(),
  /** What to do to raise it, in plain French (null when it is full). */
  advice: z.string().nullable(),
});
export const quality = z.object({ score: z.number(), criteria: z.array(qualityCriterion) });
export type Quality = z.infer<typeof quality>;

export const placesSummary = z.object({
  /** Null when the service does not count places. */
  capacity: z.number().nullable(),
  occupied: z.number(),
  waiting: z.number(),
  /** Null when places are not counted. */
  free: z.number().nullable(),
});
export type PlacesSummary = z.infer<typeof placesSummary>;

export const session = z.object({
  id: z.uuid(),
  serviceId: z.string(),
  label: z.string().nullable(),
  startDate: isoDate,
  endDate: isoDate.nullable(),
  places: z.number().int().nullable(),
  mode: sessionMode,
  schedule: z.string().nullable(),
  address: z.string().nullable(),
  status: sessionStatus,
  waitingListEnabled: z.boolean(),
  occupied: z.number(),
  waiting: z.number(),
  free: z.number().nullable(),
  revision: z.number(),
});
export type Session = z.infer<typeof session>;

export const sessionBody = z
  .object({
    label: text('Nom de la session', 150),
    startDate: isoDate,
    endDate: isoDate.nullable().default(null),
    places: z.number().int().min(0, 'Places : pas de valeur négative.').max(100000).nullable().default(null),
    mode: sessionMode.default('sur_place'),
    schedule: text('Horaires', 500),
    address: text('Adresse', 300),
    status: sessionStatus.default('ouverte'),
    waitingListEnabled: z.boolean().default(true),
  })
  .refine((s) => !s.endDate || s.endDate >= s.startDate, {
    path: ['endDate'],
    message: 'La fin ne peut pas précéder le début.',
  });
export const updateSessionBody = z.object({ session: sessionBody, revision: z.number().int() });

export const structureView = z.object({
  di: diStructure,
  ownerOrganisationId: z.uuid().nullable(),
  ownerOrganisationName: z.string().nullable(),
  status: publicationStatus,
  servicesCount: z.number(),
  revision: z.number(),
});
export type StructureView = z.infer<typeof structureView>;

export const serviceView = z.object({
  di: diService,
  spie: serviceSpie,
  structure: z.object({ id: z.string(), nom: z.string(), adresse: z.string().nullable() }),
  owner: z.object({ id: z.uuid(), name: z.string() }).nullable(),
  status: publicationStatus,
  suspendedUntil: isoDate.nullable(),
  quality,
  /** date_maj older than the territory's freshness delay: the owner is invited to check it. */
  stale: z.boolean(),
  places: placesSummary,
  nextSessions: z.array(session),
  canManage: z.boolean(),
  /** Null when a referral is possible now, otherwise why not (suspended, full without waiting list…). */
  referralBlockedReason: z.string().nullable(),
  revision: z.number(),
});
export type ServiceView = z.infer<typeof serviceView>;

/** A line of a search result or of a list. */
export const serviceCard = z.object({
  id: z.string(),
  nom: z.string(),
  structureNom: z.string(),
  type: serviceType.nullable(),
  thematiques: z.array(z.string()),
  commune: z.string().nullable(),
  distanceKm: z.number().nullable(),
  modesAccueil: z.array(z.string()),
  frais: frais.nullable(),
  status: publicationStatus,
  qualityScore: z.number(),
  freePlaces: z.number().nullable(),
  waiting: z.number(),
  nextSessionStart: isoDate.nullable(),
});
export type ServiceCard = z.infer<typeof serviceCard>;

const csv = <T extends z.ZodType>(item: T) =>
  z.preprocess(
    (v) => (typeof v === 'string' ? (v === '' ? [] : v.split(',')) : v),
    z.array(item).max(50).default([]),
  );
const boolQuery = z.preprocess((v) => v === 'true' || v === '1' || v === true, z.boolean()).default(false);

export const searchQuery = z.object({
  q: z.string().trim().max(200).optional(),
  /** Categories (`mobilite`) or sub-thematiques (`mobilite--preparer-un-permis...`). */
  thematiques: csv(z.string().max(200)),
  types: csv(serviceType),
  publics: csv(publicValue),
  frais: csv(frais),
  modesAccueil: csv(modeAccueil),
  /** INSEE code of the commune the distance is measured from. */
  commune: inseeCode.optional(),
  radiusKm: z.coerce.number().int().min(1).max(200).default(30),
  /** Only services with free places, or an open session starting within 60 days. */
  available: boolQuery,
  after: z.string().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(20),
});
export type SearchQuery = z.input<typeof searchQuery>;

export const searchResult = z.object({
  commune: z.object({ code: z.string(), name: z.string() }).nullable(),
  /** Services met in person, by distance then relevance (all of them without a commune). */
  nearby: z.array(serviceCard),
  next: z.string().nullable(),
  /** Remote services open to the commune (or to everyone), on the first page only. */
  remote: z.array(serviceCard),
  /** Services met in person matching the filters, counted up to 200. */
  total: z.number(),
  /** More than `total` match (« plus de 200 offres »). */
  totalCapped: z.boolean(),
});
export type SearchResult = z.infer<typeof searchResult>;

export const offerMatch = serviceCard.extend({ reasons: z.array(z.string()) });
export const personOffers = z.object({
  basis: z.object({
    commune: z.object({ code: z.string(), name: z.string() }).nullable(),
    radiusKm: z.number(),
    needs: z.array(z.object({ theme: z.string(), label: z.string() })),
    publics: z.array(publicValue),
    diagnosticVersion: z.number().nullable(),
  }),
  items: z.array(offerMatch),
  /** Why the list is empty or short, in plain French. */
  hint: z.string().nullable(),
});
export type PersonOffers = z.infer<typeof personOffers>;

export const serviceWriteBody = z.object({
  /** The data·inclusion fields; id/source/date_maj are set by SPIE for a new service. */
  di: diService.omit({ id: true, source: true, date_maj: true }).extend({
    structure_id: diId,
  }),
  spie: serviceSpie.prefault({}),
});
export const createServiceBody = serviceWriteBody;
export const updateServiceBody = serviceWriteBody.extend({ revision: z.number().int() });
export const structureWriteBody = z.object({
  di: diStructure.omit({ id: true, source: true, date_maj: true }),
  ownerOrganisationId: z.uuid().nullable().default(null),
});
export const updateStructureBody = structureWriteBody.extend({ revision: z.number().int() });

export const serviceStatusBody = z
  .object({
    status: publicationStatus,
    /** For `suspendu`: until when (included). */
    until: isoDate.nullable().default(null),
    reason: text('Motif', 500),
    revision: z.number().int(),
  })
  .refine((b) => b.status !== 'suspendu' || b.until !== null, {
    path: ['until'],
    message: 'Indiquez jusqu’à quand le service est suspendu.',
  });

export const ownedServicesQuery = z.object({
  organisationId: z.uuid().optional(),
  status: publicationStatus.optional(),
  stale: boolQuery,
  after: z.string().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});
export const ownedServices = z.object({
  items: z.array(
    serviceCard.extend({ stale: z.boolean(), dateMaj: isoDate, capacity: z.number().nullable() }),
  ),
  next: z.string().nullable(),
  counts: z.object({ total: z.number(), stale: z.number(), suspended: z.number(), draft: z.number() }),
});

export const waitingListEntry = z.object({
  referralId: z.uuid(),
  position: z.number(),
  person: z.object({ firstName: z.string(), lastName: z.string() }),
  sessionId: z.uuid().nullable(),
  since: z.string(),
  senderOrganisation: z.string(),
});
export const waitingList = z.object({ items: z.array(waitingListEntry) });

/* --- Import ------------------------------------------------------------------------------ */

export const importQuery = z.object({
  kind: importKind,
  format: importFormat,
  dryRun: boolQuery,
  /** Organisation of SPIE that owns the imported structures/services (optional). */
  ownerOrganisationId: z.uuid().optional(),
});
export const importIssue = z.object({
  field: z.string().nullable(),
  severity: z.enum(issueSeverities),
  code: z.string(),
  message: z.string(),
});
export type ImportIssue = z.infer<typeof importIssue>;
export const importRow = z.object({
  /** 1-based: array index in JSON, line in CSV (header = 1), sheet row in XLSX. */
  row: z.number(),
  id: z.string().nullable(),
  nom: z.string().nullable(),
  outcome: z.enum(rowOutcomes),
  issues: z.array(importIssue),
});
export type ImportRow = z.infer<typeof importRow>;
export const importReport = z.object({
  kind: importKind,
  format: importFormat,
  dryRun: z.boolean(),
  /** Written (false in a dry run, or when the file was refused whole). */
  applied: z.boolean(),
  totals: z.object({
    rows: z.number(),
    created: z.number(),
    updated: z.number(),
    unchanged: z.number(),
    rejected: z.number(),
    warnings: z.number(),
  }),
  /** Rows with an issue or a change (at most 2,000; `truncated` says when more). */
  rows: z.array(importRow),
  truncated: z.boolean(),
  durationMs: z.number(),
});
export type ImportReport = z.infer<typeof importReport>;

/* --- Export and public API ------------------------------------------------------------- */

export const exportQuery = z.object({ kind: importKind, format: z.enum(['json', 'csv']) });
export const publicApiQuery = z.object({
  after: z.string().max(200).optional(),
  size: z.coerce.number().int().min(1).max(1000).default(100),
  /** Département code (e.g. 93) to harvest one area only. */
  departement: z
    .string()
    .regex(/^\w{2,3}$/)
    .optional(),
});
export const publicStructures = z.object({
  items: z.array(diStructure),
  next: z.string().nullable(),
  total: z.number(),
});
export const publicServices = z.object({
  items: z.array(diService),
  next: z.string().nullable(),
  total: z.number(),
});

/* --- Occupancy -------------------------------------------------------------------------- */

export const occupancyQuery = z.object({
  organisationId: z.uuid().optional(),
  thematique: z.string().max(200).optional(),
  after: z.string().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});
export const occupancyFigures = z.object({
  places: z.number(),
  occupied: z.number(),
  waiting: z.number(),
  free: z.number(),
  /** occupied / places, 0–1 (null without counted places). */
  rate: z.number().nullable(),
  referralsByStatus: z.record(z.string(), z.number()),
  medianDaysToAnswer: z.number().nullable(),
});
export const occupancy = z.object({
  totals: occupancyFigures.extend({ services: z.number() }),
  byOrganisation: z.array(occupancyFigures.extend({ organisationId: z.uuid().nullable(), name: z.string() })),
  services: z.array(
    occupancyFigures.extend({ id: z.string(), nom: z.string(), owner: z.string().nullable() }),
  ),
  next: z.string().nullable(),
});
export type Occupancy = z.infer<typeof occupancy>;

export const serviceIdParams = z.object({ id: diId });
export const sessionParams = z.object({ id: diId, sessionId: z.uuid() });
