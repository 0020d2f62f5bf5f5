import { z } from 'zod';
import { uuid } from '../http';
import { workSituations } from '../people/people.enums';
import { isoDate } from '../people/people.schema';
import {
  authorField,
  axisLevel,
  constraintFamilies,
  constraintFamily,
  contractType,
  digitalLevel,
  educationLevel,
  frenchLevel,
  impactLevel,
  path,
  professionalAxes,
  professionalAxis,
  projectionAnswer,
  projectStatus,
  recommendationCriteria,
  referentialKind,
  workingTime,
} from './diagnostics.enums';

const note = (label: string, max: number) =>
  z
    .string()
    .trim()
    .max(max, `${label} : ${max} caractères au plus (restez bref).`)
    .nullish()
    .transform((v) => (v ? v : null));
const int = (label: string, min: number, max: number) =>
  z
    .number({ message: `${label} : un nombre est attendu.` })
    .int(`${label} : un nombre entier est attendu.`)
    .min(min, `${label} : au moins ${min}.`)
    .max(max, `${label} : au plus ${max}.`)
    .nullable()
    .default(null);

export const diagnosticSituation = z.object({
  workSituation: z
    .enum(workSituations, { message: 'Situation professionnelle inconnue.' })
    .nullable()
    .default(null),
  lastJobEndedOn: isoDate.nullable().default(null),
  canProjectIntoWork: projectionAnswer.nullable().default(null),
  educationLevel: educationLevel.nullable().default(null),
  frenchLevel: frenchLevel.nullable().default(null),
  digitalLevel: digitalLevel.nullable().default(null),
  pixScore: int('Score Pix', 0, 1024),
  drivingLicence: z.boolean().nullable().default(null),
  vehicle: z.boolean().nullable().default(null),
  mobilityRadiusKm: int('Rayon de mobilité', 0, 300),
  availableFrom: isoDate.nullable().default(null),
  hoursPerWeek: int('Heures disponibles par semaine', 0, 48),
  childcareNeed: z.boolean().nullable().default(null),
  rqth: z
    .enum(['yes', 'no', 'in_progress'], { message: 'RQTH : oui, non ou en cours.' })
    .nullable()
    .default(null),
});
export type DiagnosticSituation = z.infer<typeof diagnosticSituation>;

export const constraintAssessment = z.object({
  impact: impactLevel.default('non_explore'),
  /** Codes from the territory's list of concrete situations for this family. */
  situations: z.array(z.string().min(1).max(60)).max(30).default([]),
  /** Short and never about health or justice details: those go to the sensitive section. */
  note: note('Précision', 300),
});
export type ConstraintAssessment = z.infer<typeof constraintAssessment>;

export const axisAssessment = z.object({
  level: axisLevel.default('non_explore'),
  note: note('Précision', 300),
});

export const professionalProject = z.object({
  appellationCode: z.string().regex(/^\d{3,6}$/, 'Métier : choisissez un métier dans la liste.'),
  romeCode: z.string().regex(/^[A-N]\d{4}$/, 'Code ROME invalide.'),
  label: z.string().trim().min(1).max(200),
  contractTypes: z.array(contractType).max(8).default([]),
  workingTime: workingTime.nullable().default(null),
  mobilityRadiusKm: int('Rayon de mobilité', 0, 300),
  minHourlyWage: z
    .number({ message: 'Salaire horaire minimum : un nombre est attendu.' })
    .min(0, 'Salaire horaire minimum : pas de valeur négative.')
    .max(200, 'Salaire horaire minimum : au plus 200 €.')
    .nullable()
    .default(null),
  status: projectStatus.default('a_construire'),
});
export type ProfessionalProject = z.infer<typeof professionalProject>;

const byFamily = Object.fromEntries(
  constraintFamilies.map((f) => [f, constraintAssessment.prefault({})]),
) as {
  [K in (typeof constraintFamilies)[number]]: z.ZodPrefault<typeof constraintAssessment>;
};
const byAxis = Object.fromEntries(professionalAxes.map((a) => [a, axisAssessment.prefault({})])) as {
  [K in (typeof professionalAxes)[number]]: z.ZodPrefault<typeof axisAssessment>;
};

/** The content of one diagnostic (domain §4): what the form edits and a version freezes. */
export const diagnosticContent = z
  .object({
    situation: diagnosticSituation.prefault({}),
    constraints: z.object(byFamily).prefault({}),
    axes: z.object(byAxis).prefault({}),
    projects: z.array(professionalProject).max(5, 'Au plus 5 projets professionnels.').default([]),
    notes: note('Observations', 1000),
  })
  .superRefine((c, ctx) => {
    if (c.constraints.sante.note) {
      ctx.addIssue({
        code: 'custom',
        path: ['constraints', 'sante', 'note'],
        message:
          'Pas de précision de santé dans le diagnostic : notez-la dans « Informations sensibles », réservées aux professionnels habilités.',
      });
    }
    const codes = new Set<string>();
    c.projects.forEach((p, i) => {
      if (codes.has(p.appellationCode))
        ctx.addIssue({
          code: 'custom',
          path: ['projects', i, 'appellationCode'],
          message: 'Ce métier est déjà dans les projets.',
        });
      codes.add(p.appellationCode);
    });
  });
export type DiagnosticContent = z.infer<typeof diagnosticContent>;
export type DiagnosticContentInput = z.input<typeof diagnosticContent>;

export const recommendation = z.object({
  path,
  criterion: z.enum(recommendationCriteria),
  explanation: z.string(),
});
export type Recommendation = z.infer<typeof recommendation>;

export const contributor = z.object({
  accountId: uuid,
  name: z.string(),
  organisationId: uuid.nullable(),
  organisationName: z.string().nullable(),
  at: z.string(),
});

export const diagnosticAuthor = z.object({
  accountId: uuid,
  name: z.string(),
  organisationId: uuid,
  organisationName: z.string(),
  field: authorField,
  confirmedAt: z.string(),
});

export const diagnostic = z.object({
  id: uuid,
  personId: uuid,
  /** null while a draft. */
  version: z.number().int().nullable(),
  status: z.enum(['draft', 'completed']),
  content: diagnosticContent,
  recommendation,
  chosenPath: path.nullable(),
  chosenPathReason: z.string().nullable(),
  authors: z.array(diagnosticAuthor),
  jointlyValidated: z.boolean(),
  /** Last contributor per part (situation, constraints.<famille>, axes, projects, notes). */
  contributions: z.record(z.string(), contributor),
  referentialVersion: z.number().int(),
  /** Optimistic concurrency for drafts: send it back when saving. */
  revision: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
  completedAt: z.string().nullable(),
});
export type Diagnostic = z.infer<typeof diagnostic>;

export const diagnosticVersionSummary = z.object({
  id: uuid,
  version: z.number().int(),
  completedAt: z.string(),
  recommendedPath: path,
  chosenPath: path.nullable(),
  authors: z.array(diagnosticAuthor),
  jointlyValidated: z.boolean(),
});
export type DiagnosticVersionSummary = z.infer<typeof diagnosticVersionSummary>;

export const cafSocioProEntry = z.object({
  code: z.enum(['DIFSOC', 'DIFLOG', 'DIFDISP', 'NATMOB']),
  value: z.string(),
  label: z.string(),
  receivedOn: z.string(),
});

export const diagnosticsOverview = z.object({
  draft: diagnostic.nullable(),
  versions: z.array(diagnosticVersionSummary),
  /** CAF socio-professional codes on the person (a starting point for a first diagnostic). */
  cafCodes: z.array(cafSocioProEntry),
});

export const startDraftBody = z.object({
  /** Start from the latest version (default), from the CAF codes, or from an empty form. */
  from: z.enum(['latest', 'caf', 'empty']).default('latest'),
});

export const saveDraftBody = z.object({
  content: diagnosticContent,
  revision: z.number().int().min(1),
});

export const completeDraftBody = z
  .object({
    revision: z.number().int().min(1),
    /** The author's field, for a joint diagnostic (social or employment). */
    field: authorField,
    /** A path other than the recommended one needs a written reason; both are kept. */
    chosenPath: path.nullable().default(null),
    chosenPathReason: note('Motif du choix de parcours', 500),
  })
  .superRefine((b, ctx) => {
    if (b.chosenPath && !b.chosenPathReason)
      ctx.addIssue({
        code: 'custom',
        path: ['chosenPathReason'],
        message: 'Expliquez pourquoi vous choisissez un autre parcours que celui recommandé.',
      });
  });

export const confirmVersionBody = z.object({ field: authorField });

export const romeAppellation = z.object({
  code: z.string(),
  label: z.string(),
  romeCode: z.string(),
  romeLabel: z.string(),
});
export type RomeAppellation = z.infer<typeof romeAppellation>;

/** Reference data (territory-editable, versioned). */
export const referenceItem = z.object({
  code: z
    .string()
    .trim()
    .min(1)
    .max(60)
    .regex(/^[a-z0-9_]+$/, 'Code : lettres minuscules, chiffres et _ seulement.'),
  label: z
    .string()
    .trim()
    .min(2, 'Libellé : au moins 2 caractères.')
    .max(120, 'Libellé : 120 caractères au plus.'),
  retired: z.boolean().default(false),
});
export const constraintSituationsContent = z.object({
  families: z.object(
    Object.fromEntries(
      constraintFamilies.map((f) => [
        f,
        z.array(referenceItem).min(1, 'Au moins une situation par famille.').max(60),
      ]),
    ) as { [K in (typeof constraintFamilies)[number]]: z.ZodArray<typeof referenceItem> },
  ),
});
export const thematiqueMappingContent = z.object({
  constraints: z.record(constraintFamily, z.array(z.string().min(1)).min(1)),
  axes: z.record(professionalAxis, z.array(z.string().min(1)).min(1)),
});
export const cafMappingContent = z.object({
  codes: z
    .array(
      z.object({
        code: z.enum(['DIFSOC', 'DIFLOG', 'DIFDISP', 'NATMOB']),
        value: z.string().min(1).max(10),
        label: z.string().min(1).max(200),
        /** null: the code says "no difficulty" and maps to nothing. */
        family: constraintFamily.nullable(),
        situation: z.string().nullable().default(null),
        impact: impactLevel.default('moyen'),
      }),
    )
    .min(1),
});
export const referentialContent = z.union([
  constraintSituationsContent,
  thematiqueMappingContent,
  cafMappingContent,
]);

export const referential = z.object({
  kind: referentialKind,
  /** 0 = the national default shipped with SPIE, never edited by the territory yet. */
  version: z.number().int(),
  content: z.record(z.string(), z.unknown()),
  updatedAt: z.string().nullable(),
  updatedBy: z.string().nullable(),
});
export type Referential = z.infer<typeof referential>;
