import type { Role } from '@spie/contract/territories';
import type { DemoOrganisation } from '../demoTerritory.data';

/**
 * The scale territory extends the demo territory 93 (its 20 organisations and 25 demo accounts
 * stay, so demo logins work on scale data) with 10 more organisations and fictional
 * professionals: 340 counsellors who are référents (domain §1: one counsellor follows 250–300
 * people) and a few SIAE support staff who follow their employees as intervenants.
 */
export const scaleOrganisations: DemoOrganisation[] = [
  {
    key: 'ssd-saint-denis',
    kind: 'departement',
    name: 'Service social départemental — Circonscription de Saint-Denis',
    siretBase: '2293000010004',
    communeCode: '93066',
    postalCode: '93200',
    addressLine: '21 rue de la Démonstration',
    parent: 'dir-insertion',
  },
  {
    key: 'ali-montreuil',
    kind: 'delegataire_departement',
    name: "Agence locale d'insertion de Montreuil – Bagnolet",
    siretBase: '8001000040001',
    communeCode: '93048',
    postalCode: '93100',
    addressLine: '3 place du Fictif',
  },
  {
    key: 'ali-pantin',
    kind: 'delegataire_departement',
    name: "Agence locale d'insertion de Pantin – Les Lilas",
    siretBase: '8001000050001',
    communeCode: '93055',
    postalCode: '93500',
    addressLine: '12 quai de l’Exemple',
  },
  {
    key: 'ali-clichy',
    kind: 'delegataire_departement',
    name: "Agence locale d'insertion de Clichy-sous-Bois – Montfermeil",
    siretBase: '8001000060001',
    communeCode: '93014',
    postalCode: '93390',
    addressLine: '9 allée du Modèle',
  },
  {
    key: 'ft-saint-denis',
    kind: 'france_travail',
    name: 'France Travail — Agence de Saint-Denis',
    siretBase: '1300000020001',
    safirCode: '93082',
    communeCode: '93066',
    postalCode: '93200',
    addressLine: '14 rue du Guichet',
  },
  {
    key: 'ft-montreuil',
    kind: 'france_travail',
    name: 'France Travail — Agence de Montreuil',
    siretBase: '1300000030001',
    safirCode: '93083',
    communeCode: '93048',
    postalCode: '93100',
    addressLine: '60 boulevard Imaginaire',
  },
  {
    key: 'ft-aulnay',
    kind: 'france_travail',
    name: 'France Travail — Agence d’Aulnay-sous-Bois',
    siretBase: '1300000040001',
    safirCode: '93084',
    communeCode: '93005',
    postalCode: '93600',
    addressLine: '2 rue de l’Agence',
  },
  {
    key: 'ml-saint-denis',
    kind: 'mission_locale',
    name: 'Mission locale Plaine Commune',
    siretBase: '7800000040001',
    communeCode: '93066',
    postalCode: '93200',
    addressLine: '18 rue des Jeunes',
  },
  {
    key: 'ei-proprete',
    kind: 'siae_ei',
    name: 'Propreté Solidaire de l’Ourcq (entreprise d’insertion)',
    siretBase: '8100000040001',
    communeCode: '93055',
    postalCode: '93500',
    addressLine: '27 rue du Balai',
  },
  {
    key: 'ai-services',
    kind: 'siae_ai',
    name: 'Services Entraide 93 (association intermédiaire)',
    siretBase: '7900000050001',
    communeCode: '93008',
    postalCode: '93000',
    addressLine: '5 impasse des Services',
  },
];

/** Who carries the référent unique for a person (domain §3: the organismes référents). */
export type ReferentClass = 'social' | 'sociopro' | 'emploi' | 'jeunes' | 'handicap';

export interface CounsellorPlan {
  org: string;
  cls: ReferentClass;
  /** Counsellors (référents) in this organisation, demo accounts included. */
  count: number;
  role: Extract<Role, 'professional' | 'social_worker'>;
}

/** 340 référents in 18 organisations; the sum is checked by the scale seed test. */
export const counsellorPlan: CounsellorPlan[] = [
  { org: 'ssd-bobigny', cls: 'social', count: 14, role: 'social_worker' },
  { org: 'ssd-montreuil', cls: 'social', count: 14, role: 'social_worker' },
  { org: 'ssd-saint-denis', cls: 'social', count: 14, role: 'social_worker' },
  { org: 'ccas-aubervilliers', cls: 'social', count: 6, role: 'social_worker' },
  { org: 'ali-bobigny', cls: 'sociopro', count: 24, role: 'professional' },
  { org: 'ali-saint-denis', cls: 'sociopro', count: 24, role: 'professional' },
  { org: 'ali-aulnay', cls: 'sociopro', count: 24, role: 'professional' },
  { org: 'ali-montreuil', cls: 'sociopro', count: 24, role: 'professional' },
  { org: 'ali-pantin', cls: 'sociopro', count: 24, role: 'professional' },
  { org: 'ali-clichy', cls: 'sociopro', count: 24, role: 'professional' },
  { org: 'plie', cls: 'sociopro', count: 8, role: 'professional' },
  { org: 'ft-bobigny', cls: 'emploi', count: 22, role: 'professional' },
  { org: 'ft-saint-denis', cls: 'emploi', count: 22, role: 'professional' },
  { org: 'ft-montreuil', cls: 'emploi', count: 22, role: 'professional' },
  { org: 'ft-aulnay', cls: 'emploi', count: 22, role: 'professional' },
  { org: 'ml-montreuil', cls: 'jeunes', count: 18, role: 'professional' },
  { org: 'ml-saint-denis', cls: 'jeunes', count: 18, role: 'professional' },
  { org: 'cap-emploi', cls: 'handicap', count: 16, role: 'professional' },
];

/** SIAE support staff (chargé·es d'accompagnement socio-professionnel), demo accounts included. */
export const siaeStaffPlan: { org: string; count: number; siaeType: 'aci' | 'ai' | 'ei' | 'etti' }[] = [
  { org: 'aci-jardins', count: 4, siaeType: 'aci' },
  { org: 'etti', count: 4, siaeType: 'etti' },
  { org: 'ei-proprete', count: 4, siaeType: 'ei' },
  { org: 'ai-services', count: 4, siaeType: 'ai' },
];

/**
 * Organisations that join a person's team as a whole (follow-up without a named professional):
 * the usual intervenants of a journey.
 */
export const partnerOrganisations: { org: string; weight: number }[] = [
  { org: 'asso-francais', weight: 14 },
  { org: 'asso-numerique', weight: 14 },
  { org: 'formation', weight: 10 },
  { org: 'geiq-btp', weight: 5 },
  { org: 'plie', weight: 12 },
  { org: 'ccas-aubervilliers', weight: 8 },
  { org: 'csapa', weight: 2 },
  { org: 'employeur-btp', weight: 3 },
  { org: 'employeur-logistique', weight: 3 },
];

/** The demo professional whose caseload the benches read: about 300 people at 100,000. */
export const BENCH_COUNSELLOR = { firstName: 'Thomas', lastName: 'Girard', org: 'ali-bobigny' } as const;
/** Girard's référent quota per 100,000 people; co-référent rows bring him to about 300. */
export const BENCH_COUNSELLOR_REFERENT_PER_100K = 285;
