import { z } from 'zod';
import { uuid } from '../http';
import { organisationKind } from '../territories/organisationKinds';
import { inseeCode } from '../territories/territories.schema';
import { checkNir } from './nir';
import {
  benefitOrganism,
  childAgeBand,
  civility,
  contactChannel,
  documentCategory,
  followUpStatuses,
  householdRole,
  section,
  sensitiveCategory,
  sex,
  statusKind,
  statusSource,
  teamRole,
} from './people.enums';

const text = (label: string, max: number) =>
  z
    .string({ message: `${label} : ce champ est obligatoire.` })
    .trim()
    .min(1, `${label} : ce champ est obligatoire.`)
    .max(max, `${label} : ${max} caractères au plus.`);
const optional = (label: string, max: number) =>
  z
    .string()
    .trim()
    .max(max, `${label} : ${max} caractères au plus.`)
    .nullish()
    .transform((v) => (v ? v : null));

/** A calendar date that exists, not in the future, not before 1900. */
export const birthDate = z
  .string({ message: 'Date de naissance : ce champ est obligatoire.' })
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'Date de naissance : format attendu AAAA-MM-JJ.')
  .refine((v) => {
    const d = new Date(`${v}T00:00:00Z`);
    return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === v;
  }, 'Date de naissance impossible : ce jour n’existe pas.')
  .refine(
    (v) => v >= '1900-01-01' && v <= new Date().toISOString().slice(0, 10),
    'Date de naissance impossible : elle doit être passée et après 1900.',
  );

export const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'Date : format attendu AAAA-MM-JJ.')
  .refine((v) => {
    const d = new Date(`${v}T00:00:00Z`);
    return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === v;
  }, 'Cette date n’existe pas.');

const phone = z
  .string()
  .trim()
  .transform((v) => v.replace(/[\s.-]/g, ''))
  .refine(
    (v) => v === '' || /^(\+33|0)[1-9]\d{8}$/.test(v) || /^\+\d{8,15}$/.test(v),
    'Numéro de téléphone invalide (10 chiffres, ou format international).',
  )
  .nullish()
  .transform((v) => (v ? v : null));

/** Identity and contact section (editable as one, with its own version). */
export const identityInput = z
  .object({
    civility: civility.nullish().transform((v) => v ?? null),
    sex,
    birthName: text('Nom de naissance', 100),
    usageName: optional('Nom d’usage', 100),
    firstNames: z.array(text('Prénom', 60)).min(1, 'Au moins un prénom.').max(4, 'Quatre prénoms au plus.'),
    birthDate,
    birthCommuneCode: inseeCode.nullish().transform((v) => v ?? null),
    birthCountryCode: z
      .string()
      .regex(/^99\d{3}$/, 'Pays de naissance : code INSEE de pays attendu (99xxx).')
      .nullish()
      .transform((v) => v ?? null),
    addressLine: optional('Adresse', 200),
    postalCode: z
      .string()
      .trim()
      .regex(/^(\d{5})?$/, 'Code postal invalide (5 chiffres).')
      .nullish()
      .transform((v) => (v ? v : null)),
    communeCode: inseeCode.nullish().transform((v) => v ?? null),
    phoneMobile: phone,
    phoneOther: phone,
    email: z
      .union([z.email('Adresse électronique invalide.'), z.literal('')])
      .nullish()
      .transform((v) => (v ? v.toLowerCase() : null)),
    preferredChannel: contactChannel.nullish().transform((v) => v ?? null),
    language: optional('Langue parlée', 60),
  })
  .superRefine((p, ctx) => {
    if (p.birthCommuneCode && p.birthCountryCode) {
      ctx.addIssue({
        code: 'custom',
        path: ['birthCountryCode'],
        message: 'Indiquez une commune de naissance ou un pays, pas les deux.',
      });
    }
    if (p.preferredChannel === 'email' && !p.email) {
      ctx.addIssue({
        code: 'custom',
        path: ['email'],
        message: 'Le courriel est le moyen de contact choisi : indiquez une adresse.',
      });
    }
    if (p.preferredChannel === 'sms' && !p.phoneMobile) {
      ctx.addIssue({
        code: 'custom',
        path: ['phoneMobile'],
        message: 'Le SMS est le moyen de contact choisi : indiquez un téléphone mobile.',
      });
    }
  });
export type IdentityInput = z.input<typeof identityInput>;

export const identifiersInput = z.object({
  // Not a union with '': zod would then replace the NIR's own message (wrong key…) by a generic one.
  nir: z
    .string()
    .nullish()
    .transform((v, ctx) => {
      if (!v || v.trim() === '') return null;
      const result = checkNir(v);
      if (result.ok) return result.nir;
      ctx.addIssue({ code: 'custom', message: result.message, params: { code: result.code } });
      return z.NEVER;
    }),
  benefitOrganism: benefitOrganism.nullish().transform((v) => v ?? null),
  benefitMatricule: z
    .string()
    .trim()
    .regex(/^(\d{7})?$/, 'Matricule CAF/MSA : 7 chiffres.')
    .nullish()
    .transform((v) => (v ? v : null)),
  householdRole: householdRole.nullish().transform((v) => v ?? null),
  franceTravailId: z
    .string()
    .trim()
    .regex(/^([0-9A-Z]{8,11})?$/i, 'Identifiant France Travail : 8 à 11 caractères.')
    .nullish()
    .transform((v) => (v ? v.toUpperCase() : null)),
  internalId: optional('Identifiant interne', 40),
});

export const householdInput = z.object({
  partnerId: uuid.nullish().transform((v) => v ?? null),
  dependentChildren: z.number().int().min(0).max(20).default(0),
  childrenAgeBands: z.array(childAgeBand).max(20).default([]),
  loneParent: z.boolean().default(false),
});

export const createPersonBody = z.object({
  identity: identityInput,
  identifiers: identifiersInput.default({
    nir: null,
    benefitOrganism: null,
    benefitMatricule: null,
    householdRole: null,
    franceTravailId: null,
    internalId: null,
  }),
  /** The creator joins the team; as référent unique when there is none yet and this is true. */
  asReferent: z.boolean().default(true),
  /** Set when the professional saw the duplicate warnings and confirms it is someone else. */
  confirmNotDuplicate: z.boolean().default(false),
});

/** Directory card: all that any professional of the territory may learn (domain §8). */
export const directoryCard = z.object({
  personId: uuid,
  displayName: z.string(),
  birthYear: z.number().int(),
  accompaniedBy: z.array(
    z.object({
      organisationName: z.string(),
      organisationKind: organisationKind,
      role: teamRole,
      professionalName: z.string().nullable(),
      workEmail: z.string().nullable(),
      workPhone: z.string().nullable(),
    }),
  ),
  /** The caller already is a team member (then the record itself is reachable). */
  inMyTeam: z.boolean(),
  /** A join request of the caller's is pending. */
  joinRequested: z.boolean(),
});
export type DirectoryCard = z.infer<typeof directoryCard>;

/** A row of search results and caseloads. */
export const personSummary = z.object({
  id: uuid,
  displayName: z.string(),
  birthDate: z.string(),
  age: z.number().int(),
  communeName: z.string().nullable(),
  referentName: z.string().nullable(),
  referentOrganisationName: z.string().nullable(),
  myRole: teamRole.nullable(),
  statuses: z.array(statusKind),
});
export type PersonSummary = z.infer<typeof personSummary>;

export const duplicateCandidate = z.object({
  matchedOn: z.enum(['nir', 'benefit_matricule', 'france_travail_id', 'name_birth_date']),
  /** Present when the caller may read the record. */
  person: personSummary.nullable(),
  /** Otherwise the directory card. */
  card: directoryCard.nullable(),
});

export const identity = z.object({
  civility: z.string().nullable(),
  sex: sex,
  birthName: z.string(),
  usageName: z.string().nullable(),
  firstNames: z.array(z.string()),
  birthDate: z.string(),
  birthCommuneCode: z.string().nullable(),
  birthCommuneName: z.string().nullable(),
  birthCountryCode: z.string().nullable(),
  addressLine: z.string().nullable(),
  postalCode: z.string().nullable(),
  communeCode: z.string().nullable(),
  communeName: z.string().nullable(),
  phoneMobile: z.string().nullable(),
  phoneOther: z.string().nullable(),
  email: z.string().nullable(),
  /** Contact data a delivery report found invalid (« à vérifier ») until it is changed. */
  contactToCheck: z.array(z.enum(['phone', 'email'])),
  preferredChannel: contactChannel.nullable(),
  language: z.string().nullable(),
  nirMasked: z.string().nullable(),
  benefitOrganism: benefitOrganism.nullable(),
  benefitMatricule: z.string().nullable(),
  householdRole: householdRole.nullable(),
  franceTravailId: z.string().nullable(),
  internalId: z.string().nullable(),
  household: z.object({
    partnerId: uuid.nullable(),
    partnerName: z.string().nullable(),
    dependentChildren: z.number().int(),
    childrenAgeBands: z.array(childAgeBand),
    loneParent: z.boolean(),
  }),
  version: z.number().int(),
});

export const statusEntry = z.object({
  id: uuid,
  kind: statusKind,
  /** e.g. the RSA state (ETATDOSRSA), the SIAE type, the work situation. */
  value: z.string().nullable(),
  details: z.record(z.string(), z.union([z.string(), z.number(), z.boolean(), z.null()])),
  source: statusSource,
  startDate: z.string(),
  endDate: z.string().nullable(),
  recordedAt: z.string(),
});
export type StatusEntry = z.infer<typeof statusEntry>;

export const addStatusBody = z.object({
  kind: statusKind,
  value: z
    .string()
    .trim()
    .max(60)
    .nullish()
    .transform((v) => v ?? null),
  details: z
    .record(z.string(), z.union([z.string().max(200), z.number(), z.boolean(), z.null()]))
    .default({}),
  source: statusSource.default('manual'),
  startDate: isoDate,
  endDate: isoDate.nullish().transform((v) => v ?? null),
});

export const teamMember = z.object({
  followUpId: uuid,
  organisationId: uuid,
  organisationName: z.string(),
  organisationKind: organisationKind,
  accountId: uuid.nullable(),
  professionalName: z.string().nullable(),
  workEmail: z.string().nullable(),
  workPhone: z.string().nullable(),
  role: teamRole,
  status: z.enum(followUpStatuses),
  startedAt: z.string().nullable(),
  endedAt: z.string().nullable(),
  reason: z.string().nullable(),
});
export type TeamMember = z.infer<typeof teamMember>;

export const sectionAccess = z.record(section, z.object({ read: z.boolean(), write: z.boolean() }));
export type SectionAccess = z.infer<typeof sectionAccess>;

/** Computed, never stored (issue: age-derived facts). */
export const ageFacts = z.object({
  age: z.number().int(),
  under26: z.boolean(),
  turning26Within60Days: z.boolean(),
});

/** The person page: only the sections the caller may read are present. */
export const personRecord = z.object({
  id: uuid,
  displayName: z.string(),
  access: sectionAccess,
  myRole: teamRole.nullable(),
  ageFacts,
  identity: identity.nullable(),
  situation: z.object({ statuses: z.array(statusEntry) }).nullable(),
  team: z.array(teamMember),
  mergedInto: uuid.nullable(),
});
export type PersonRecord = z.infer<typeof personRecord>;

export const timelineEntry = z.object({
  id: uuid,
  occurredAt: z.string(),
  type: z.string(),
  section: section,
  summary: z.string(),
  actorName: z.string().nullable(),
  organisationId: uuid.nullable(),
  organisationName: z.string().nullable(),
  link: z.string().nullable(),
});

export const consultationEntry = z.object({
  at: z.string(),
  accountName: z.string().nullable(),
  organisationName: z.string().nullable(),
  action: z.string(),
  sections: z.array(section),
  kind: z.enum(['read', 'write']),
});

export const consentEntry = z.object({
  id: uuid,
  section: section,
  organisationId: uuid,
  organisationName: z.string(),
  decision: z.enum(['consent', 'objection']),
  recordedAt: z.string(),
  recordedByName: z.string().nullable(),
  withdrawnAt: z.string().nullable(),
});

export const informationEntry = z.object({
  id: uuid,
  informedOn: z.string(),
  channel: contactChannel.or(z.literal('in_person')),
  recordedByName: z.string().nullable(),
  recordedAt: z.string(),
});

export const sensitiveNote = z.object({
  id: uuid,
  category: sensitiveCategory,
  text: z.string(),
  authorName: z.string().nullable(),
  organisationName: z.string().nullable(),
  createdAt: z.string(),
});

export const documentEntry = z.object({
  id: uuid,
  category: documentCategory,
  section: section,
  filename: z.string(),
  contentType: z.enum(['application/pdf', 'image/jpeg', 'image/png']),
  sizeBytes: z.number().int(),
  uploadedAt: z.string(),
  uploadedByName: z.string().nullable(),
  retentionUntil: z.string().nullable(),
});
