import { z } from 'zod';

/** The eight constraint families of the common diagnostic (domain §4). */
export const constraintFamilies = [
  'sante',
  'logement',
  'mobilite',
  'famille',
  'finances',
  'numerique',
  'administratif',
  'francais',
] as const;
export const constraintFamily = z.enum(constraintFamilies, { message: 'Famille de freins inconnue.' });
export type ConstraintFamily = z.infer<typeof constraintFamily>;
export const constraintFamilyLabels: Record<ConstraintFamily, string> = {
  sante: 'Santé',
  logement: 'Logement',
  mobilite: 'Mobilité',
  famille: 'Famille et garde d’enfants',
  finances: 'Finances',
  numerique: 'Numérique',
  administratif: 'Administratif et juridique',
  francais: 'Français, lecture, écriture, calcul',
};

export const impactLevels = ['fort', 'moyen', 'sans_impact', 'non_explore'] as const;
export const impactLevel = z.enum(impactLevels, {
  message: 'Niveau d’impact : fort, moyen, sans impact ou non exploré.',
});
export type ImpactLevel = z.infer<typeof impactLevel>;
export const impactLevelLabels: Record<ImpactLevel, string> = {
  fort: 'Impact fort',
  moyen: 'Impact moyen',
  sans_impact: 'Sans impact',
  non_explore: 'Non exploré',
};

/** Professional axes: the six employment categories of data·inclusion's thematiques. */
export const professionalAxes = [
  'choisir_un_metier',
  'se_former',
  'preparer_sa_candidature',
  'trouver_un_emploi',
  'creer_une_entreprise',
  'international',
] as const;
export const professionalAxis = z.enum(professionalAxes, { message: 'Axe professionnel inconnu.' });
export type ProfessionalAxis = z.infer<typeof professionalAxis>;
export const professionalAxisLabels: Record<ProfessionalAxis, string> = {
  choisir_un_metier: 'Choisir un métier',
  se_former: 'Se former',
  preparer_sa_candidature: 'Préparer sa candidature',
  trouver_un_emploi: 'Trouver un emploi',
  creer_une_entreprise: 'Créer une entreprise',
  international: 'S’ouvrir à l’international',
};

export const axisLevels = ['point_fort', 'besoin', 'non_explore'] as const;
export const axisLevel = z.enum(axisLevels, { message: 'Axe : point fort, besoin ou non exploré.' });
export type AxisLevel = z.infer<typeof axisLevel>;
export const axisLevelLabels: Record<AxisLevel, string> = {
  point_fort: 'Point fort',
  besoin: 'Besoin',
  non_explore: 'Non exploré',
};

/** National education levels (none, 3 = CAP/BEP … 8 = doctorat). */
export const educationLevels = ['none', '3', '4', '5', '6', '7', '8'] as const;
export const educationLevel = z.enum(educationLevels, { message: 'Niveau de formation inconnu.' });
export type EducationLevel = z.infer<typeof educationLevel>;
export const educationLevelLabels: Record<EducationLevel, string> = {
  none: 'Aucun diplôme',
  '3': 'Niveau 3 (CAP, BEP)',
  '4': 'Niveau 4 (baccalauréat)',
  '5': 'Niveau 5 (bac + 2)',
  '6': 'Niveau 6 (licence, bac + 3)',
  '7': 'Niveau 7 (master, bac + 5)',
  '8': 'Niveau 8 (doctorat)',
};

export const frenchLevels = ['A1', 'A2', 'B1', 'B2', 'C1', 'C2', 'to_assess'] as const;
export const frenchLevel = z.enum(frenchLevels, { message: 'Niveau de français inconnu.' });
export type FrenchLevel = z.infer<typeof frenchLevel>;
export const frenchLevelLabels: Record<FrenchLevel, string> = {
  A1: 'A1 — débutant',
  A2: 'A2 — élémentaire',
  B1: 'B1 — seuil',
  B2: 'B2 — avancé',
  C1: 'C1 — autonome',
  C2: 'C2 — maîtrise',
  to_assess: 'À évaluer',
};

export const digitalLevels = ['none', 'beginner', 'autonomous', 'expert'] as const;
export const digitalLevel = z.enum(digitalLevels, { message: 'Autonomie numérique inconnue.' });
export type DigitalLevel = z.infer<typeof digitalLevel>;
export const digitalLevelLabels: Record<DigitalLevel, string> = {
  none: 'N’utilise pas le numérique',
  beginner: 'Débutant·e, a besoin d’aide',
  autonomous: 'Autonome pour les démarches courantes',
  expert: 'Très à l’aise',
};

/** Can the person picture themself in a job soon? (second national orientation criterion) */
export const projectionAnswers = ['yes', 'partly', 'no'] as const;
export const projectionAnswer = z.enum(projectionAnswers, { message: 'Réponse : oui, en partie ou non.' });
export const projectionAnswerLabels: Record<(typeof projectionAnswers)[number], string> = {
  yes: 'Oui',
  partly: 'En partie',
  no: 'Non, pas pour le moment',
};

export const contractTypes = [
  'cdi',
  'cdd',
  'interim',
  'saisonnier',
  'apprentissage',
  'professionnalisation',
  'portage',
  'independant',
] as const;
export const contractType = z.enum(contractTypes, { message: 'Type de contrat inconnu.' });
export type ContractType = z.infer<typeof contractType>;
export const contractTypeLabels: Record<ContractType, string> = {
  cdi: 'CDI',
  cdd: 'CDD',
  interim: 'Intérim',
  saisonnier: 'Saisonnier',
  apprentissage: 'Apprentissage',
  professionnalisation: 'Contrat de professionnalisation',
  portage: 'Portage salarial',
  independant: 'Indépendant',
};

export const workingTimes = ['full_time', 'part_time', 'either'] as const;
export const workingTime = z.enum(workingTimes, { message: 'Temps de travail inconnu.' });
export const workingTimeLabels: Record<(typeof workingTimes)[number], string> = {
  full_time: 'Temps plein',
  part_time: 'Temps partiel',
  either: 'Indifférent',
};

export const projectStatuses = ['a_construire', 'en_validation', 'valide'] as const;
export const projectStatus = z.enum(projectStatuses, { message: 'État du projet inconnu.' });
export const projectStatusLabels: Record<(typeof projectStatuses)[number], string> = {
  a_construire: 'À construire',
  en_validation: 'En validation',
  valide: 'Validé',
};

/** The three orientation paths (domain §3). */
export const paths = ['emploi', 'socio_professionnel', 'social'] as const;
export const path = z.enum(paths, { message: 'Parcours : emploi, socio-professionnel ou social.' });
export type Path = z.infer<typeof path>;
export const pathLabels: Record<Path, string> = {
  emploi: 'Emploi',
  socio_professionnel: 'Socio-professionnel',
  social: 'Social',
};

/** Which national criterion decided the recommendation (checked in this order). */
export const recommendationCriteria = ['activity', 'projection', 'training', 'constraints'] as const;
export type RecommendationCriterion = (typeof recommendationCriteria)[number];
export const recommendationCriterionLabels: Record<RecommendationCriterion, string> = {
  activity: 'Activité actuelle ou dans les 2 dernières années',
  projection: 'Capacité à se projeter dans un emploi',
  training: 'Niveau de formation',
  constraints: 'Niveau des freins',
};

/** The field of a diagnostic author: a joint diagnostic has one of each. */
export const authorFields = ['social', 'employment'] as const;
export const authorField = z.enum(authorFields, { message: 'Champ : social ou emploi.' });
export type AuthorField = z.infer<typeof authorField>;
export const authorFieldLabels: Record<AuthorField, string> = {
  social: 'Professionnel·le du champ social',
  employment: 'Professionnel·le du champ de l’emploi',
};

/** Parts of the diagnostic whose last contributor is recorded ("who contributed what"). */
export const diagnosticParts = [
  'situation',
  ...constraintFamilies.map((f) => `constraints.${f}` as const),
  'axes',
  'projects',
  'notes',
] as const;
export type DiagnosticPart = (typeof diagnosticParts)[number];

export const diagnosticStatuses = ['draft', 'completed'] as const;
export type DiagnosticStatus = (typeof diagnosticStatuses)[number];

/** CAF socio-professional data collected at RSA instruction, importable as a starting point. */
export const cafSocioProCodes = ['DIFSOC', 'DIFLOG', 'DIFDISP', 'NATMOB'] as const;
export const cafSocioProCode = z.enum(cafSocioProCodes);
export type CafSocioProCode = z.infer<typeof cafSocioProCode>;

/** Territory-editable reference data, versioned. */
export const referentialKinds = [
  'constraint_situations',
  'thematique_mapping',
  'caf_mapping',
  'action_plan',
] as const;
export const referentialKind = z.enum(referentialKinds, { message: 'Liste de référence inconnue.' });
export type ReferentialKind = z.infer<typeof referentialKind>;
export const referentialKindLabels: Record<ReferentialKind, string> = {
  constraint_situations: 'Situations concrètes par famille de freins',
  thematique_mapping: 'Correspondance avec les thématiques data·inclusion',
  caf_mapping: 'Correspondance des codes socio-professionnels CAF',
  action_plan: 'Objectifs et actions du plan d’action',
};
