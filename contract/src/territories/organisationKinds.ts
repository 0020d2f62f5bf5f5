import { z } from 'zod';

/** Organisation kinds of domain.md §2. */
export const organisationKinds = [
  'departement',
  'delegataire_departement',
  'france_travail',
  'mission_locale',
  'cap_emploi',
  'plie',
  'caf',
  'msa',
  'ccas_cias',
  'mdph',
  'siae_aci',
  'siae_ai',
  'siae_ei',
  'siae_etti',
  'siae_eiti',
  'geiq',
  'ea_esat',
  'association',
  'organisme_formation',
  'employeur',
  'spip',
] as const;
export const organisationKind = z.enum(organisationKinds, { message: 'Type de structure inconnu.' });
export type OrganisationKind = z.infer<typeof organisationKind>;

export const organisationKindLabels: Record<OrganisationKind, string> = {
  departement: 'Département',
  delegataire_departement: 'Délégataire du département (ALI…)',
  france_travail: 'France Travail',
  mission_locale: 'Mission locale',
  cap_emploi: 'Cap emploi',
  plie: 'PLIE',
  caf: 'CAF',
  msa: 'MSA',
  ccas_cias: 'CCAS / CIAS',
  mdph: 'MDPH',
  siae_aci: 'Atelier et chantier d’insertion (ACI)',
  siae_ai: 'Association intermédiaire (AI)',
  siae_ei: 'Entreprise d’insertion (EI)',
  siae_etti: 'Entreprise de travail temporaire d’insertion (ETTI)',
  siae_eiti: 'Entreprise d’insertion par le travail indépendant (EITI)',
  geiq: 'GEIQ',
  ea_esat: 'Entreprise adaptée / ESAT',
  association: 'Association',
  organisme_formation: 'Organisme de formation',
  employeur: 'Employeur',
  spip: 'SPIP',
};
