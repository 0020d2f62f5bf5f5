import { z } from 'zod';
import { uuid } from '../http';
import { organisationKind } from './organisationKinds';
import { role } from './roles';
import { territorySettings } from './settings.schema';
import { isValidSiret } from './siret';

const trimmed = (label: string, max: number) =>
  z
    .string({ message: `${label} : ce champ est obligatoire.` })
    .trim()
    .min(1, `${label} : ce champ est obligatoire.`)
    .max(max, `${label} : ${max} caractères au plus.`);

const optionalText = (label: string, max: number) =>
  z
    .string()
    .trim()
    .max(max, `${label} : ${max} caractères au plus.`)
    .transform((v) => (v === '' ? null : v))
    .nullable()
    .optional()
    .transform((v) => v ?? null);

export const inseeCode = z
  .string()
  .trim()
  .regex(/^(\d{5}|2[AB]\d{3})$/, 'Code commune INSEE invalide (5 caractères, par exemple 93008).');

export const territory = z.object({
  id: uuid,
  code: z.string(),
  name: z.string(),
  settings: territorySettings,
  version: z.number().int(),
});
export type Territory = z.infer<typeof territory>;

export const updateSettingsBody = z.object({
  settings: territorySettings,
  /** Optimistic concurrency: the version the editor started from. */
  version: z.number().int(),
});

export const address = z.object({
  line: optionalText('Adresse', 200),
  postalCode: z
    .string()
    .trim()
    .regex(/^(\d{5})?$/, 'Code postal invalide (5 chiffres).')
    .transform((v) => (v === '' ? null : v))
    .nullable()
    .optional()
    .transform((v) => v ?? null),
  communeCode: z
    .union([inseeCode, z.literal('')])
    .nullable()
    .optional()
    .transform((v) => (v ? v : null)),
});

export const organisationInput = z
  .object({
    kind: organisationKind,
    name: trimmed('Nom', 200),
    siret: z
      .string()
      .trim()
      .transform((v) => v.replace(/\s+/g, ''))
      .refine(
        (v) => v === '' || isValidSiret(v),
        'SIRET invalide : 14 chiffres avec une clé de contrôle correcte.',
      )
      .transform((v) => (v === '' ? null : v))
      .nullable()
      .optional()
      .transform((v) => v ?? null),
    safirCode: z
      .string()
      .trim()
      .regex(/^(\d{5})?$/, 'Code SAFIR invalide (5 chiffres).')
      .transform((v) => (v === '' ? null : v))
      .nullable()
      .optional()
      .transform((v) => v ?? null),
    address,
    email: z
      .union([z.email('Adresse électronique invalide.'), z.literal('')])
      .nullable()
      .optional()
      .transform((v) => (v ? v.toLowerCase() : null)),
    phone: optionalText('Téléphone', 30),
    sensitive: z.boolean().default(false),
    parentId: uuid
      .nullable()
      .optional()
      .transform((v) => v ?? null),
  })
  .superRefine((org, ctx) => {
    if (org.safirCode && org.kind !== 'france_travail') {
      ctx.addIssue({
        code: 'custom',
        path: ['safirCode'],
        message: 'Le code SAFIR ne concerne que les agences France Travail.',
      });
    }
  });
export type OrganisationInput = z.input<typeof organisationInput>;

export const organisation = z.object({
  id: uuid,
  kind: organisationKind,
  name: z.string(),
  siret: z.string().nullable(),
  safirCode: z.string().nullable(),
  address: z.object({
    line: z.string().nullable(),
    postalCode: z.string().nullable(),
    communeCode: z.string().nullable(),
    communeName: z.string().nullable(),
  }),
  email: z.string().nullable(),
  phone: z.string().nullable(),
  sensitive: z.boolean(),
  parentId: uuid.nullable(),
  parentName: z.string().nullable(),
  active: z.boolean(),
  version: z.number().int(),
  memberCount: z.number().int(),
});
export type Organisation = z.infer<typeof organisation>;

export const updateOrganisationBody = z.object({
  organisation: organisationInput,
  version: z.number().int(),
});

export const organisationListQuery = z.object({
  q: z.string().trim().max(100).optional(),
  kind: organisationKind.optional(),
  includeInactive: z
    .enum(['true', 'false'])
    .optional()
    .transform((v) => v === 'true'),
});

export const membership = z.object({
  id: uuid,
  organisationId: uuid,
  organisationName: z.string(),
  organisationKind: organisationKind,
  territoryId: uuid,
  territoryName: z.string(),
  role,
  active: z.boolean(),
});
export type Membership = z.infer<typeof membership>;

export const accountInput = z.object({
  email: z.email('Adresse électronique invalide.').transform((v) => v.toLowerCase()),
  firstName: trimmed('Prénom', 100),
  lastName: trimmed('Nom', 100),
  phone: optionalText('Téléphone', 30),
});

export const account = z.object({
  id: uuid,
  email: z.string(),
  firstName: z.string(),
  lastName: z.string(),
  phone: z.string().nullable(),
  active: z.boolean(),
  version: z.number().int(),
  memberships: z.array(membership),
});
export type Account = z.infer<typeof account>;

export const createAccountBody = accountInput.extend({
  memberships: z
    .array(z.object({ organisationId: uuid, role }))
    .min(1, 'Au moins un rattachement (structure et rôle) est nécessaire.'),
});
export const updateAccountBody = z.object({ account: accountInput, version: z.number().int() });
export const addMembershipBody = z.object({ organisationId: uuid, role });
export const accountListQuery = z.object({
  q: z.string().trim().max(100).optional(),
  organisationId: uuid.optional(),
  after: z.string().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});

/** A professional as colleagues of other organisations see them: work contact only. */
export const professional = z.object({
  accountId: uuid,
  firstName: z.string(),
  lastName: z.string(),
  workEmail: z.string(),
  workPhone: z.string().nullable(),
  roles: z.array(role),
});
export type Professional = z.infer<typeof professional>;
