import { z } from 'zod';

/** Sections of a person record: the unit of need-to-know access and of the consultation log. */
export const sections = [
  'identity',
  'situation',
  'diagnostic',
  'sensitive',
  'journey',
  'documents',
  'consultations',
] as const;
export const section = z.enum(sections);
export type Section = z.infer<typeof section>;
export const sectionLabels: Record<Section, string> = {
  identity: 'Identité et coordonnées',
  situation: 'Situation administrative',
  diagnostic: 'Diagnostic',
  sensitive: 'Informations sensibles (santé, justice, violences)',
  journey: 'Parcours et plan d’action',
  documents: 'Documents',
  consultations: 'Journal des consultations',
};

export const operations = ['read', 'write'] as const;
export type Operation = (typeof operations)[number];

export const civilities = ['M.', 'Mme'] as const;
export const civility = z.enum(civilities, { message: 'Civilité : choisissez « M. » ou « Mme ».' });

export const sexes = ['M', 'F'] as const;
export const sex = z.enum(sexes, { message: 'Sexe : choisissez « Homme » ou « Femme ».' });
export const sexLabels: Record<(typeof sexes)[number], string> = { M: 'Homme', F: 'Femme' };

export const contactChannels = ['sms', 'email', 'letter', 'phone'] as const;
export const contactChannel = z.enum(contactChannels, { message: 'Moyen de contact inconnu.' });
export type ContactChannel = z.infer<typeof contactChannel>;
export const contactChannelLabels: Record<ContactChannel, string> = {
  sms: 'SMS',
  email: 'Courriel',
  letter: 'Courrier postal',
  phone: 'Téléphone',
};

export const benefitOrganisms = ['caf', 'msa'] as const;
export const benefitOrganism = z.enum(benefitOrganisms);
export const benefitOrganismLabels: Record<(typeof benefitOrganisms)[number], string> = {
  caf: 'CAF',
  msa: 'MSA',
};

export const householdRoles = ['demandeur', 'conjoint'] as const;
export const householdRole = z.enum(householdRoles);
export const householdRoleLabels: Record<(typeof householdRoles)[number], string> = {
  demandeur: 'Demandeur·se',
  conjoint: 'Conjoint·e',
};

export const childAgeBands = ['0-2', '3-5', '6-10', '11-15', '16-17', '18-24'] as const;
export const childAgeBand = z.enum(childAgeBands);

/** Administrative statuses kept as a dated timeline (domain §3, §6, §9). */
export const statusKinds = [
  'rsa',
  'ass',
  'aah',
  'are',
  'prime_activite',
  'rqth',
  'france_travail_registration',
  'cej',
  'pacea',
  'siae_contract',
  'plie',
  'pass_iae',
  'work_situation',
] as const;
export const statusKind = z.enum(statusKinds, { message: 'Type de statut inconnu.' });
export type StatusKind = z.infer<typeof statusKind>;
export const statusKindLabels: Record<StatusKind, string> = {
  rsa: 'RSA',
  ass: 'ASS (allocation de solidarité spécifique)',
  aah: 'AAH (allocation aux adultes handicapés)',
  are: 'ARE (allocation chômage)',
  prime_activite: 'Prime d’activité',
  rqth: 'RQTH (reconnaissance travailleur handicapé)',
  france_travail_registration: 'Inscription à France Travail',
  cej: 'Contrat d’engagement jeune (CEJ)',
  pacea: 'PACEA',
  siae_contract: 'Contrat en structure d’insertion (SIAE)',
  plie: 'Participant·e PLIE',
  pass_iae: 'PASS IAE',
  work_situation: 'Situation professionnelle',
};

export const statusSources = ['manual', 'caf', 'france_travail'] as const;
export const statusSource = z.enum(statusSources);
export const statusSourceLabels: Record<(typeof statusSources)[number], string> = {
  manual: 'Saisie',
  caf: 'CAF / MSA',
  france_travail: 'France Travail',
};

/** ETATDOSRSA of the CAF VRSB0801 flow. */
export const rsaStates = ['0', '1', '2', '3', '4', '5', '6'] as const;
export const rsaStateLabels: Record<(typeof rsaStates)[number], string> = {
  '0': 'Nouvelle demande en attente',
  '1': 'Droit refusé',
  '2': 'Droit ouvert et versable',
  '3': 'Droit ouvert et suspendu',
  '4': 'Droit ouvert, montant suspendu',
  '5': 'Droit clos',
  '6': 'Droit clos sur mois antérieur',
};

export const siaeTypes = ['aci', 'ai', 'ei', 'etti', 'eiti'] as const;
export const workSituations = [
  'sans_emploi',
  'cdi',
  'cdd',
  'interim',
  'contrat_aide',
  'independant',
  'formation',
  'etudes',
] as const;
export const workSituationLabels: Record<(typeof workSituations)[number], string> = {
  sans_emploi: 'Sans emploi',
  cdi: 'En CDI',
  cdd: 'En CDD',
  interim: 'En intérim',
  contrat_aide: 'En contrat aidé',
  independant: 'Indépendant·e',
  formation: 'En formation',
  etudes: 'En études',
};

/** A person's team (domain §2): one référent unique at most, co-référents, intervenants. */
export const teamRoles = ['referent', 'co_referent', 'intervenant'] as const;
export const teamRole = z.enum(teamRoles, { message: 'Rôle dans le parcours inconnu.' });
export type TeamRole = z.infer<typeof teamRole>;
export const teamRoleLabels: Record<TeamRole, string> = {
  referent: 'Référent·e unique',
  co_referent: 'Co-référent·e',
  intervenant: 'Intervenant·e',
};

/** requested: asked to join from the directory; invited: invited by a team member. */
export const followUpStatuses = ['requested', 'invited', 'active', 'declined', 'ended'] as const;
export type FollowUpStatus = (typeof followUpStatuses)[number];
export const followUpStatusLabels: Record<FollowUpStatus, string> = {
  requested: 'Demande en attente',
  invited: 'Invitation en attente',
  active: 'En cours',
  declined: 'Refusé',
  ended: 'Terminé',
};

export const sensitiveCategories = ['health', 'justice', 'violence'] as const;
export const sensitiveCategory = z.enum(sensitiveCategories);
export const sensitiveCategoryLabels: Record<(typeof sensitiveCategories)[number], string> = {
  health: 'Santé',
  justice: 'Justice',
  violence: 'Violences',
};

export const documentCategories = [
  'identity',
  'contract',
  'diagnostic',
  'certificate',
  'letter',
  'other',
] as const;
export const documentCategory = z.enum(documentCategories, { message: 'Catégorie de document inconnue.' });
export const documentCategoryLabels: Record<(typeof documentCategories)[number], string> = {
  identity: 'Pièce d’identité',
  contract: 'Contrat',
  diagnostic: 'Diagnostic',
  certificate: 'Attestation',
  letter: 'Courrier envoyé à la personne',
  other: 'Autre',
};
