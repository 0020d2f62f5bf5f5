import type { OrganisationKind, Role } from '@spie/contract/territories';

/**
 * The demo territory: real place names of Seine-Saint-Denis, fictional organisations' details
 * and entirely fictional people (names, emails, phones). SIRET bases get a valid Luhn key.
 */
export interface DemoOrganisation {
  key: string;
  kind: OrganisationKind;
  name: string;
  siretBase?: string;
  safirCode?: string;
  communeCode: string;
  postalCode: string;
  addressLine: string;
  sensitive?: boolean;
  parent?: string;
}

export const demoOrganisations: DemoOrganisation[] = [
  {
    key: 'dir-insertion',
    kind: 'departement',
    name: "Direction de l'insertion — Département de la Seine-Saint-Denis",
    siretBase: '2293000010001',
    communeCode: '93008',
    postalCode: '93000',
    addressLine: '1 place de la Démonstration',
  },
  {
    key: 'ssd-bobigny',
    kind: 'departement',
    name: 'Service social départemental — Circonscription de Bobigny',
    siretBase: '2293000010002',
    communeCode: '93008',
    postalCode: '93000',
    addressLine: '12 rue Fictive',
    parent: 'dir-insertion',
  },
  {
    key: 'ssd-montreuil',
    kind: 'departement',
    name: 'Service social départemental — Circonscription de Montreuil',
    siretBase: '2293000010003',
    communeCode: '93048',
    postalCode: '93100',
    addressLine: '8 avenue Exemple',
    parent: 'dir-insertion',
  },
  {
    key: 'ali-bobigny',
    kind: 'delegataire_departement',
    name: "Agence locale d'insertion de Bobigny – Drancy",
    siretBase: '8001000010001',
    communeCode: '93008',
    postalCode: '93000',
    addressLine: '25 rue de l’Exemple',
  },
  {
    key: 'ali-saint-denis',
    kind: 'delegataire_departement',
    name: "Agence locale d'insertion de Saint-Denis – Stains",
    siretBase: '8001000020001',
    communeCode: '93066',
    postalCode: '93200',
    addressLine: '4 boulevard Imaginaire',
  },
  {
    key: 'ali-aulnay',
    kind: 'delegataire_departement',
    name: "Agence locale d'insertion d'Aulnay-sous-Bois – Sevran",
    siretBase: '8001000030001',
    communeCode: '93005',
    postalCode: '93600',
    addressLine: '17 allée du Modèle',
  },
  {
    key: 'ft-bobigny',
    kind: 'france_travail',
    name: 'France Travail — Agence de Bobigny',
    siretBase: '1300000010001',
    safirCode: '93081',
    communeCode: '93008',
    postalCode: '93000',
    addressLine: '3 rue du Guichet',
  },
  {
    key: 'ml-montreuil',
    kind: 'mission_locale',
    name: 'Mission locale de Montreuil',
    siretBase: '7800000010001',
    communeCode: '93048',
    postalCode: '93100',
    addressLine: '40 rue des Jeunes',
  },
  {
    key: 'cap-emploi',
    kind: 'cap_emploi',
    name: 'Cap emploi Seine-Saint-Denis',
    siretBase: '7800000020001',
    communeCode: '93066',
    postalCode: '93200',
    addressLine: '9 rue de l’Accessibilité',
  },
  {
    key: 'plie',
    kind: 'plie',
    name: 'PLIE Est Ensemble',
    siretBase: '7800000030001',
    communeCode: '93055',
    postalCode: '93500',
    addressLine: '2 quai du Canal',
  },
  {
    key: 'ccas-aubervilliers',
    kind: 'ccas_cias',
    name: "CCAS d'Aubervilliers",
    siretBase: '2693000010001',
    communeCode: '93001',
    postalCode: '93300',
    addressLine: '1 place de la Mairie',
  },
  {
    key: 'asso-francais',
    kind: 'association',
    name: 'Apprendre le français — permanence de La Courneuve',
    siretBase: '7900000010001',
    communeCode: '93027',
    postalCode: '93120',
    addressLine: '6 rue des Langues',
  },
  {
    key: 'asso-numerique',
    kind: 'association',
    name: 'Numérique pour tous 93',
    siretBase: '7900000020001',
    communeCode: '93010',
    postalCode: '93140',
    addressLine: '15 rue du Clavier',
  },
  {
    key: 'aci-jardins',
    kind: 'siae_aci',
    name: 'Les Jardins de Sevran (atelier et chantier d’insertion)',
    siretBase: '7900000030001',
    communeCode: '93071',
    postalCode: '93270',
    addressLine: '30 chemin des Potagers',
  },
  {
    key: 'etti',
    kind: 'siae_etti',
    name: 'Intérim Solidaire 93 (ETTI)',
    siretBase: '8100000010001',
    communeCode: '93029',
    postalCode: '93700',
    addressLine: '11 avenue des Missions',
  },
  {
    key: 'geiq-btp',
    kind: 'geiq',
    name: 'GEIQ Bâtiment Île-de-France Est',
    siretBase: '8100000020001',
    communeCode: '93051',
    postalCode: '93160',
    addressLine: '5 rue du Chantier',
  },
  {
    key: 'formation',
    kind: 'organisme_formation',
    name: 'Centre de formation Métiers du bâtiment de Rosny',
    siretBase: '8100000030001',
    communeCode: '93064',
    postalCode: '93110',
    addressLine: '20 rue de l’Apprentissage',
  },
  {
    key: 'employeur-btp',
    kind: 'employeur',
    name: 'Constructions de l’Ourcq (employeur, bâtiment)',
    siretBase: '8200000010001',
    communeCode: '93055',
    postalCode: '93500',
    addressLine: '44 rue du Béton',
  },
  {
    key: 'employeur-logistique',
    kind: 'employeur',
    name: 'Logistique Roissy Est (employeur, entrepôts)',
    siretBase: '8200000020001',
    communeCode: '93005',
    postalCode: '93600',
    addressLine: '1 zone des Entrepôts',
  },
  {
    key: 'csapa',
    kind: 'association',
    name: 'Centre de soins en addictologie de Saint-Ouen',
    siretBase: '7900000040001',
    communeCode: '93070',
    postalCode: '93400',
    addressLine: '7 rue du Soin',
    sensitive: true,
  },
];

export interface DemoAccount {
  firstName: string;
  lastName: string;
  phone?: string;
  memberships: { org: string; role: Role }[];
}

export const demoAccounts: DemoAccount[] = [
  {
    firstName: 'Claire',
    lastName: 'Fontaine',
    memberships: [{ org: 'dir-insertion', role: 'territory_admin' }],
  },
  {
    firstName: 'Yacine',
    lastName: 'Benali',
    memberships: [{ org: 'dir-insertion', role: 'orientation_manager' }],
  },
  {
    firstName: 'Sophie',
    lastName: 'Marchand',
    memberships: [
      { org: 'dir-insertion', role: 'orientation_manager' },
      { org: 'dir-insertion', role: 'steering_viewer' },
    ],
  },
  {
    firstName: 'Hugo',
    lastName: 'Lambert',
    memberships: [{ org: 'dir-insertion', role: 'steering_viewer' }],
  },
  { firstName: 'Aminata', lastName: 'Diallo', memberships: [{ org: 'ssd-bobigny', role: 'social_worker' }] },
  {
    firstName: 'Julien',
    lastName: 'Roux',
    memberships: [
      { org: 'ssd-montreuil', role: 'social_worker' },
      { org: 'ssd-montreuil', role: 'structure_manager' },
    ],
  },
  {
    firstName: 'Nadia',
    lastName: 'Haddad',
    memberships: [{ org: 'ali-bobigny', role: 'structure_manager' }],
  },
  { firstName: 'Thomas', lastName: 'Girard', memberships: [{ org: 'ali-bobigny', role: 'professional' }] },
  {
    firstName: 'Inès',
    lastName: 'Moreau',
    memberships: [
      { org: 'ali-bobigny', role: 'professional' },
      { org: 'plie', role: 'professional' },
    ],
  },
  {
    firstName: 'Karim',
    lastName: 'Mansouri',
    memberships: [
      { org: 'ali-saint-denis', role: 'structure_manager' },
      { org: 'ali-saint-denis', role: 'professional' },
    ],
  },
  { firstName: 'Léa', lastName: 'Petit', memberships: [{ org: 'ali-saint-denis', role: 'professional' }] },
  { firstName: 'Moussa', lastName: 'Traoré', memberships: [{ org: 'ali-aulnay', role: 'professional' }] },
  { firstName: 'Élodie', lastName: 'Bernard', memberships: [{ org: 'ft-bobigny', role: 'professional' }] },
  {
    firstName: 'Olivier',
    lastName: 'Lefèvre',
    memberships: [{ org: 'ft-bobigny', role: 'structure_manager' }],
  },
  { firstName: 'Sarah', lastName: 'Cohen', memberships: [{ org: 'ml-montreuil', role: 'professional' }] },
  {
    firstName: 'Mehdi',
    lastName: 'Cherif',
    memberships: [{ org: 'ml-montreuil', role: 'structure_manager' }],
  },
  { firstName: 'Anne', lastName: 'Dubois', memberships: [{ org: 'cap-emploi', role: 'professional' }] },
  { firstName: 'Fatou', lastName: 'Sow', memberships: [{ org: 'plie', role: 'professional' }] },
  {
    firstName: 'Pierre',
    lastName: 'Garnier',
    memberships: [{ org: 'ccas-aubervilliers', role: 'social_worker' }],
  },
  { firstName: 'Lucie', lastName: 'Martin', memberships: [{ org: 'asso-francais', role: 'professional' }] },
  {
    firstName: 'Samir',
    lastName: 'Belkacem',
    memberships: [{ org: 'asso-numerique', role: 'professional' }],
  },
  {
    firstName: 'Camille',
    lastName: 'Robin',
    memberships: [
      { org: 'aci-jardins', role: 'professional' },
      { org: 'aci-jardins', role: 'structure_manager' },
    ],
  },
  { firstName: 'David', lastName: 'Nguyen', memberships: [{ org: 'etti', role: 'professional' }] },
  { firstName: 'Chloé', lastName: 'Lemoine', memberships: [{ org: 'geiq-btp', role: 'professional' }] },
  { firstName: 'Rachid', lastName: 'Amrani', memberships: [{ org: 'csapa', role: 'social_worker' }] },
];
