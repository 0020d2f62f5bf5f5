/**
 * The demo catalogue of territory 93 (issue 7): fictional structures and services around Bobigny,
 * Drancy, Pantin, Montreuil, Saint-Denis and Aubervilliers (real commune codes, fictional
 * addresses, `.example` e-mail addresses, 01 00 00 00 xx phone numbers). Every data·inclusion
 * field is filled as a careful producer would.
 */

export interface DemoStructure {
  key: string;
  nom: string;
  /** Demo organisation key owning it in SPIE (null: answers referrals through a link). */
  owner: string | null;
  communeCode: string;
  commune: string;
  codePostal: string;
  adresse: string;
  siret: string;
  telephone: string;
  courriel: string;
  description: string;
  reseaux: string[];
  horaires: string;
  /** Offset of the address from the commune's centroid (degrees, a few hundred metres). */
  offset: [number, number];
}

export interface DemoService {
  key: string;
  structure: string;
  nom: string;
  description: string;
  type: string;
  thematiques: string[];
  publics: string[];
  publicsPrecisions?: string;
  conditionsAcces?: string;
  frais: 'gratuit' | 'payant';
  fraisPrecisions?: string;
  /** Default ['en-presentiel']. */
  modesAccueil?: string[];
  /** Default: the commune's département. */
  zone?: string[];
  modesMobilisation: string[];
  mobilisablePar: string[];
  mobilisationPrecisions: string;
  contact: string;
  horaires: string;
  volume?: number;
  semaines?: number;
  capacity?: number;
  waitingList?: boolean;
  /** Days since the last update (default 10–60). */
  updatedDaysAgo?: number;
  status?: 'publie' | 'suspendu' | 'brouillon';
  suspendedForDays?: number;
  statusReason?: string;
  /** Remote only: no address, no position. */
  remoteOnly?: boolean;
}

// biome-ignore format: one structure per block reads better
export const demoStructures: DemoStructure[] = [
  {
    key: 'auto-ecole-solidaire-bobigny', nom: 'Auto-école solidaire de Bobigny', owner: null,
    communeCode: '93008', commune: 'Bobigny', codePostal: '93000', adresse: '14 rue du Permis-Fictif',
    siret: '7910000010001', telephone: '01 00 00 00 11', courriel: 'contact@auto-ecole-solidaire.example',
    description:
      'Association d’auto-école solidaire : apprentissage du code et de la conduite à petits prix pour les personnes qui ont besoin du permis pour travailler, avec des moniteurs formés à l’accompagnement social.',
    reseaux: ['mobin'], horaires: 'Du lundi au vendredi, 9 h – 12 h 30 et 14 h – 18 h', offset: [0.002, -0.003],
  },
  {
    key: 'garage-solidaire-ourcq', nom: 'Garage solidaire de l’Ourcq', owner: null,
    communeCode: '93055', commune: 'Pantin', codePostal: '93500', adresse: '3 quai Imaginaire',
    siret: '7910000020001', telephone: '01 00 00 00 12', courriel: 'atelier@garage-ourcq.example',
    description:
      'Garage associatif qui répare les véhicules des personnes à petits revenus au prix des pièces et vend des voitures d’occasion contrôlées.',
    reseaux: ['mobin'], horaires: 'Du mardi au samedi, 9 h – 17 h', offset: [-0.003, 0.004],
  },
  {
    key: 'plateforme-mobilite-drancy', nom: 'Plateforme mobilité de Drancy', owner: null,
    communeCode: '93029', commune: 'Drancy', codePostal: '93700', adresse: '22 avenue du Trajet',
    siret: '7910000030001', telephone: '01 00 00 00 13', courriel: 'accueil@mobilite-drancy.example',
    description:
      'Plateforme de mobilité : bilans mobilité, location de deux-roues à petit prix et aides pour se déplacer vers l’emploi ou la formation.',
    reseaux: ['wimoov'], horaires: 'Du lundi au vendredi, 9 h – 17 h 30', offset: [0.003, 0.002],
  },
  {
    key: 'velo-ecole-montreuil', nom: 'Vélo-école de Montreuil', owner: null,
    communeCode: '93048', commune: 'Montreuil', codePostal: '93100', adresse: '9 rue de la Pédale',
    siret: '7910000040001', telephone: '01 00 00 00 14', courriel: 'bonjour@velo-ecole-montreuil.example',
    description:
      'Association qui apprend à faire du vélo en ville aux adultes et prête des vélos aux personnes qui reprennent un emploi ou une formation.',
    reseaux: [], horaires: 'Mercredi et samedi, 10 h – 17 h', offset: [0.004, -0.002],
  },
  {
    key: 'mobilite-rhone-solidaire', nom: 'Mobilités Rhône solidaires', owner: null,
    communeCode: '69381', commune: 'Lyon', codePostal: '69001', adresse: '5 rue du Modèle',
    siret: '7910000050001', telephone: '01 00 00 00 15', courriel: 'contact@mobilites-rhone.example',
    description:
      'Plateforme de mobilité de la métropole de Lyon : conseil en mobilité et aides pour se rendre au travail.',
    reseaux: ['wimoov'], horaires: 'Du lundi au vendredi, 9 h – 17 h', offset: [0.001, 0.001],
  },
  {
    key: 'numerique-pour-tous', nom: 'Numérique pour tous 93', owner: 'asso-numerique',
    communeCode: '93010', commune: 'Bondy', codePostal: '93140', adresse: '15 rue du Clavier',
    siret: '7900000020001', telephone: '01 00 00 00 16', courriel: 'ateliers@numerique-pour-tous.example',
    description:
      'Association d’inclusion numérique : ateliers pour apprendre à se servir d’un ordinateur et d’un téléphone, aide aux démarches en ligne et équipement à petit prix.',
    reseaux: ['conseillers-numeriques', 'espaces-publics-numeriques'], horaires: 'Du lundi au vendredi, 9 h 30 – 17 h 30', offset: [0.001, -0.002],
  },
  {
    key: 'apprendre-le-francais', nom: 'Apprendre le français — permanence de La Courneuve', owner: 'asso-francais',
    communeCode: '93027', commune: 'La Courneuve', codePostal: '93120', adresse: '6 rue des Langues',
    siret: '7900000010001', telephone: '01 00 00 00 17', courriel: 'cours@apprendre-le-francais.example',
    description:
      'Association de cours de français pour adultes : cours du débutant au niveau B1, ateliers sociolinguistiques et français pour le travail.',
    reseaux: [], horaires: 'Du lundi au jeudi, 9 h – 12 h et 14 h – 19 h', offset: [-0.002, 0.001],
  },
  {
    key: 'jardins-de-sevran', nom: 'Les Jardins de Sevran', owner: 'aci-jardins',
    communeCode: '93071', commune: 'Sevran', codePostal: '93270', adresse: '2 chemin des Maraîchers',
    siret: '7900000030001', telephone: '01 00 00 00 18', courriel: 'recrutement@jardins-sevran.example',
    description:
      'Atelier et chantier d’insertion en maraîchage biologique et entretien d’espaces verts : un contrat de travail, une formation et un accompagnement pour préparer la suite.',
    reseaux: ['aci', 'coorace'], horaires: 'Du lundi au vendredi, 8 h – 16 h', offset: [0.004, 0.003],
  },
  {
    key: 'formation-batiment-rosny', nom: 'Centre de formation Métiers du bâtiment de Rosny', owner: 'formation',
    communeCode: '93064', commune: 'Rosny-sous-Bois', codePostal: '93110', adresse: '30 rue du Chantier',
    siret: '7900000040001', telephone: '01 00 00 00 19', courriel: 'inscriptions@cfmb-rosny.example',
    description:
      'Organisme de formation aux métiers du bâtiment : titres professionnels de maçon et de peintre, découverte des métiers, CACES.',
    reseaux: [], horaires: 'Du lundi au vendredi, 8 h 30 – 17 h', offset: [-0.002, -0.003],
  },
  {
    key: 'ccas-aubervilliers', nom: 'CCAS d’Aubervilliers — pôle accès aux droits', owner: 'ccas-aubervilliers',
    communeCode: '93001', commune: 'Aubervilliers', codePostal: '93300', adresse: '1 place de la Mairie',
    siret: '2693000010001', telephone: '01 00 00 00 20', courriel: 'acces-aux-droits@ccas-aubervilliers.example',
    description:
      'Centre communal d’action sociale : accès aux droits, conseil budgétaire, épicerie solidaire et aide au logement pour les habitants de la ville.',
    reseaux: ['ccas-cias', 'points-conseil-budget'], horaires: 'Du lundi au vendredi, 8 h 30 – 12 h et 13 h 30 – 17 h', offset: [0.001, 0.002],
  },
  {
    key: 'mission-locale-montreuil', nom: 'Mission locale de Montreuil', owner: 'ml-montreuil',
    communeCode: '93048', commune: 'Montreuil', codePostal: '93100', adresse: '40 rue des Jeunes',
    siret: '7800000010001', telephone: '01 00 00 00 21', courriel: 'accueil@ml-montreuil.example',
    description:
      'Mission locale : accueil et accompagnement des jeunes de 16 à 25 ans vers l’emploi, la formation, le logement et la mobilité.',
    reseaux: ['mission-locale'], horaires: 'Du lundi au vendredi, 9 h – 17 h 30', offset: [-0.003, 0.001],
  },
  {
    key: 'plie-est-ensemble', nom: 'PLIE Est Ensemble', owner: 'plie',
    communeCode: '93055', commune: 'Pantin', codePostal: '93500', adresse: '2 quai du Canal',
    siret: '7800000030001', telephone: '01 00 00 00 22', courriel: 'contact@plie-est-ensemble.example',
    description:
      'Plan local pour l’insertion et l’emploi : accompagnement renforcé vers l’emploi, ateliers de recherche d’emploi et parrainage par des salariés d’entreprises.',
    reseaux: ['plie', 'alliance-villes-emploi'], horaires: 'Du lundi au vendredi, 9 h – 17 h', offset: [0.002, 0.002],
  },
  {
    key: 'espace-solidarite-saint-denis', nom: 'Espace solidarité emploi de Saint-Denis', owner: null,
    communeCode: '93066', commune: 'Saint-Denis', codePostal: '93200', adresse: '11 rue de l’Entraide',
    siret: '7910000060001', telephone: '01 00 00 00 23', courriel: 'accueil@espace-solidarite-sd.example',
    description:
      'Lieu associatif qui regroupe des permanences : garde d’enfants pour la reprise d’emploi, santé, sport et création d’activité.',
    reseaux: ['fabrique-de-territoire'], horaires: 'Du lundi au samedi, 9 h – 18 h', offset: [-0.002, 0.003],
  },
];

const tel = 'telephoner';
const mail = 'envoyer-un-courriel';
const visit = 'se-presenter';
const pros = ['professionnels'];
const both = ['professionnels', 'usagers'];

// biome-ignore format: one service per block reads better
export const demoServices: DemoService[] = [
  // ——— Mobility, around Bobigny ———
  {
    key: 'permis-solidaire', structure: 'auto-ecole-solidaire-bobigny', nom: 'Permis de conduire solidaire',
    description:
      'Préparation au permis B pour les personnes qui en ont besoin pour trouver ou garder un emploi. Le parcours dure environ six mois : cours de code en petit groupe, leçons de conduite avec un moniteur formé à l’accompagnement, examen blanc. Le prix est adapté aux revenus et une grande partie peut être financée par les aides à la mobilité. Un point est fait chaque mois avec la personne et son référent.',
    type: 'accompagnement', thematiques: ['mobilite--preparer-un-permis', 'mobilite--financer-ma-mobilite'],
    publics: ['beneficiaires-des-minimas-sociaux', 'jeunes', 'demandeurs-emploi'],
    publicsPrecisions: 'Personnes au RSA, jeunes de 18 à 25 ans et demandeurs d’emploi habitant la Seine-Saint-Denis.',
    conditionsAcces: 'Avoir un projet professionnel qui demande le permis ; savoir lire le français simple.',
    frais: 'payant', fraisPrecisions: 'Participation de 50 à 300 € selon les revenus, le reste est financé par les aides.',
    modesMobilisation: [mail, tel], mobilisablePar: pros,
    mobilisationPrecisions: 'Prescription par le référent, avec le motif et le projet professionnel de la personne.',
    contact: 'Karima Fictif', horaires: 'Cours du lundi au vendredi, 9 h – 12 h et 14 h – 17 h', volume: 6, semaines: 26,
    capacity: 12, updatedDaysAgo: 12,
  },
  {
    key: 'code-en-ligne', structure: 'auto-ecole-solidaire-bobigny', nom: 'Code de la route en ligne accompagné',
    description:
      'Accès pendant quatre mois à une plateforme d’entraînement au code de la route, avec un appel chaque semaine d’un moniteur pour faire le point, expliquer les erreurs et préparer l’examen. Pour les personnes qui ne peuvent pas venir aux cours en journée. Il faut un téléphone ou un ordinateur avec internet.',
    type: 'formation', thematiques: ['mobilite--preparer-un-permis'], publics: ['demandeurs-emploi', 'beneficiaires-des-minimas-sociaux'],
    frais: 'payant', fraisPrecisions: '30 € pour quatre mois, gratuit pour les personnes au RSA.',
    modesAccueil: ['a-distance'], zone: ['93'], remoteOnly: true,
    modesMobilisation: [mail, tel], mobilisablePar: both,
    mobilisationPrecisions: 'La personne ou son référent écrit à l’auto-école ; les codes d’accès arrivent par SMS.',
    contact: 'Karima Fictif', horaires: 'Plateforme ouverte tous les jours ; appels le mardi et le jeudi', volume: 3, semaines: 16,
    updatedDaysAgo: 30,
  },
  {
    key: 'reparation-solidaire', structure: 'garage-solidaire-ourcq', nom: 'Réparation de véhicule à prix solidaire',
    description:
      'Le garage répare la voiture ou le deux-roues des personnes à petits revenus : seules les pièces sont payées, la main-d’œuvre est prise en charge. Un diagnostic gratuit est fait avant toute réparation et un devis est remis. Le garage propose aussi des ateliers pour apprendre l’entretien de base (pneus, niveaux, ampoules).',
    type: 'aide-materielle', thematiques: ['mobilite--entretenir-reparer-son-vehicule'], publics: ['beneficiaires-des-minimas-sociaux', 'demandeurs-emploi'],
    conditionsAcces: 'Véhicule nécessaire pour aller travailler ou en formation ; carte grise au nom de la personne.',
    frais: 'payant', fraisPrecisions: 'Prix des pièces uniquement ; diagnostic gratuit.',
    modesMobilisation: [tel, visit], mobilisablePar: both,
    mobilisationPrecisions: 'Prendre rendez-vous par téléphone, avec la fiche de prescription du référent.',
    contact: 'Bruno Exemple', horaires: 'Du mardi au samedi, 9 h – 17 h',
  },
  {
    key: 'vente-vehicules', structure: 'garage-solidaire-ourcq', nom: 'Voitures d’occasion contrôlées à petit prix',
    description:
      'Vente de voitures d’occasion révisées par le garage, avec une garantie de six mois, pour les personnes qui ont besoin d’un véhicule pour un emploi. Le garage aide à monter le dossier de microcrédit et à trouver une assurance adaptée. Les véhicules disponibles changent chaque mois.',
    type: 'aide-materielle', thematiques: ['mobilite--acceder-a-un-vehicule', 'mobilite--financer-ma-mobilite'], publics: ['beneficiaires-des-minimas-sociaux', 'actifs'],
    conditionsAcces: 'Permis B valide et promesse d’embauche ou contrat de travail.',
    frais: 'payant', fraisPrecisions: 'Véhicules entre 1 500 et 3 500 €, paiement en plusieurs fois possible.',
    modesMobilisation: [tel, mail], mobilisablePar: pros,
    mobilisationPrecisions: 'Sur prescription d’un référent ou d’un conseiller emploi.',
    contact: 'Bruno Exemple', horaires: 'Du mardi au samedi, 9 h – 17 h',
  },
  {
    key: 'location-scooters', structure: 'plateforme-mobilite-drancy', nom: 'Location de scooters pour aller travailler',
    description:
      'Location d’un scooter 50 cm³ avec casque, antivol et assurance, pour un à six mois, le temps de démarrer un emploi ou une formation loin des transports. Une séance de prise en main et de sécurité routière est faite avant le départ. Le prix est très bas et dépend des revenus.',
    type: 'aide-materielle', thematiques: ['mobilite--acceder-a-un-vehicule'], publics: ['demandeurs-emploi', 'beneficiaires-des-minimas-sociaux', 'jeunes'],
    conditionsAcces: 'Avoir 16 ans ou plus, le BSR ou un permis, et un emploi, une formation ou un stage qui commence.',
    frais: 'payant', fraisPrecisions: 'De 1 à 3 € par jour selon les revenus ; caution de 100 €.',
    modesMobilisation: [mail, tel], mobilisablePar: pros,
    mobilisationPrecisions: 'Le référent envoie la prescription avec le contrat ou l’attestation de formation.',
    contact: 'Sofiane Modèle', horaires: 'Du lundi au vendredi, 9 h – 17 h 30', capacity: 20,
  },
  {
    key: 'bilan-mobilite', structure: 'plateforme-mobilite-drancy', nom: 'Bilan mobilité et accompagnement',
    description:
      'Un conseiller mobilité fait le point avec la personne sur ses déplacements : trajets, transports possibles, vélo, permis, budget. Il propose ensuite un plan d’action sur trois mois (apprendre à utiliser les transports, passer le permis, louer un véhicule, demander une aide) et accompagne chaque étape.',
    type: 'accompagnement', thematiques: ['mobilite--etre-accompagne-dans-son-parcours-mobilite', 'mobilite--financer-ma-mobilite'], publics: ['tous-publics'],
    frais: 'gratuit', modesMobilisation: [mail, tel], mobilisablePar: both,
    mobilisationPrecisions: 'Rendez-vous sous 15 jours après la prescription.',
    contact: 'Sofiane Modèle', horaires: 'Sur rendez-vous, du lundi au vendredi', volume: 2, semaines: 12, capacity: 30,
  },
  {
    key: 'velo-ecole', structure: 'velo-ecole-montreuil', nom: 'Vélo-école pour adultes',
    description:
      'Apprendre à faire du vélo ou reprendre confiance pour rouler en ville, en petit groupe et avec des moniteurs bénévoles. Dix séances de deux heures : équilibre, freinage, circulation, itinéraires vers le travail. Les vélos et les casques sont prêtés. Ouvert aux femmes et aux hommes de tout âge.',
    type: 'atelier', thematiques: ['mobilite--mobilite-douce-partagee-collective', 'mobilite--etre-accompagne-dans-son-parcours-mobilite'], publics: ['tous-publics'],
    frais: 'gratuit', modesMobilisation: [mail, visit], mobilisablePar: both,
    mobilisationPrecisions: 'Inscription par courriel ou sur place le mercredi.',
    contact: 'Hélène Fictive', horaires: 'Mercredi 14 h – 16 h et samedi 10 h – 12 h', volume: 2, semaines: 10, capacity: 10,
  },
  {
    key: 'pret-velos', structure: 'velo-ecole-montreuil', nom: 'Prêt de vélos pour la reprise d’emploi',
    description:
      'Prêt gratuit d’un vélo révisé, avec antivol, lumières et casque, pendant trois mois pour les personnes qui commencent un emploi ou une formation. À la fin du prêt, la personne peut racheter le vélo à petit prix. Un atelier d’entretien est proposé chaque samedi.',
    type: 'aide-materielle', thematiques: ['mobilite--acceder-a-un-vehicule', 'mobilite--mobilite-douce-partagee-collective'], publics: ['demandeurs-emploi', 'beneficiaires-des-minimas-sociaux'],
    conditionsAcces: 'Savoir faire du vélo (sinon, passer d’abord par la vélo-école).',
    frais: 'gratuit', modesMobilisation: [mail], mobilisablePar: pros,
    mobilisationPrecisions: 'Le référent écrit à l’association avec la date de début de l’emploi.',
    contact: 'Hélène Fictive', horaires: 'Retrait des vélos le samedi, 10 h – 17 h', capacity: 15,
  },
  {
    key: 'conseil-mobilite-lyon', structure: 'mobilite-rhone-solidaire', nom: 'Conseil en mobilité vers l’emploi (Lyon)',
    description:
      'Conseil en mobilité pour les habitants de la métropole de Lyon : bilan des déplacements, apprentissage des transports en commun, aide au financement du permis et location de véhicules. Le service n’est ouvert qu’aux personnes qui habitent ou travaillent dans le Rhône.',
    type: 'accompagnement', thematiques: ['mobilite--etre-accompagne-dans-son-parcours-mobilite', 'mobilite--preparer-un-permis'], publics: ['tous-publics'],
    frais: 'gratuit', zone: ['69'], modesMobilisation: [tel, mail], mobilisablePar: both,
    mobilisationPrecisions: 'Rendez-vous par téléphone.',
    contact: 'Julien Modèle', horaires: 'Du lundi au vendredi, 9 h – 17 h', volume: 2, semaines: 8,
  },
  // ——— Numérique pour tous 93 ———
  {
    key: 'atelier-premiers-pas', structure: 'numerique-pour-tous', nom: 'Ateliers numériques : premiers pas',
    description:
      'Six ateliers de deux heures en petit groupe pour apprendre les bases : allumer un ordinateur, utiliser la souris et le clavier, créer une adresse électronique, envoyer une pièce jointe, se servir d’un smartphone. Chaque personne avance à son rythme avec un conseiller numérique. Les ordinateurs sont fournis.',
    type: 'atelier', thematiques: ['numerique--maitriser-les-fondamentaux-du-numerique'], publics: ['tous-publics'],
    frais: 'gratuit', modesMobilisation: [mail, tel], mobilisablePar: both,
    mobilisationPrecisions: 'Inscription par le référent ou par la personne ; un entretien de 15 minutes fixe le niveau.',
    contact: 'Samir Belkacem', horaires: 'Mardi et jeudi, 9 h 30 – 11 h 30', volume: 4, semaines: 3, capacity: 10,
  },
  {
    key: 'demarches-en-ligne', structure: 'numerique-pour-tous', nom: 'Aide aux démarches en ligne',
    description:
      'Un conseiller numérique aide à faire les démarches sur internet avec la personne : actualisation France Travail, CAF, Ameli, impôts, prise de rendez-vous. L’objectif est que la personne sache les refaire seule. Apporter ses identifiants si possible et les papiers utiles.',
    type: 'accompagnement', thematiques: ['numerique--acceder-a-des-services-en-ligne', 'difficultes-administratives-ou-juridiques--accompagnement-aux-demarches-administratives'],
    publics: ['tous-publics'], frais: 'gratuit', modesMobilisation: [visit, tel], mobilisablePar: both,
    mobilisationPrecisions: 'Sans rendez-vous le lundi matin, sur rendez-vous les autres jours.',
    contact: 'Samir Belkacem', horaires: 'Du lundi au vendredi, 9 h 30 – 12 h 30',
  },
  {
    key: 'ordinateurs-reconditionnes', structure: 'numerique-pour-tous', nom: 'Ordinateurs reconditionnés à petit prix',
    description:
      'Vente d’ordinateurs portables et de tablettes reconditionnés, avec les logiciels utiles installés et une prise en main d’une heure. Réservé aux personnes accompagnées à petits revenus. Une aide pour trouver une connexion internet à prix social est aussi proposée.',
    type: 'aide-materielle', thematiques: ['numerique--acquerir-un-equipement', 'numerique--acceder-a-une-connexion-internet'],
    publics: ['beneficiaires-des-minimas-sociaux', 'demandeurs-emploi', 'etudiants'], frais: 'payant',
    fraisPrecisions: 'Ordinateur portable 60 €, tablette 40 €.',
    modesMobilisation: [mail], mobilisablePar: pros, mobilisationPrecisions: 'Sur prescription d’un travailleur social ou d’un référent.',
    contact: 'Samir Belkacem', horaires: 'Retrait le vendredi, 14 h – 17 h', updatedDaysAgo: 240,
  },
  {
    key: 'aide-numerique-telephone', structure: 'numerique-pour-tous', nom: 'Aide numérique par téléphone',
    description:
      'Une ligne d’aide pour les personnes bloquées dans une démarche en ligne : un conseiller numérique rappelle sous deux jours ouvrés et guide pas à pas par téléphone ou en partage d’écran. Le service est ouvert à toute la France, en français simple.',
    type: 'accompagnement', thematiques: ['numerique--acceder-a-des-services-en-ligne', 'numerique--maitriser-les-fondamentaux-du-numerique'],
    publics: ['tous-publics'], frais: 'gratuit', modesAccueil: ['a-distance'], zone: ['france'], remoteOnly: true,
    modesMobilisation: [tel, mail], mobilisablePar: both, mobilisationPrecisions: 'Laisser un message avec son numéro ; rappel sous deux jours ouvrés.',
    contact: 'Équipe d’aide à distance', horaires: 'Du lundi au vendredi, 9 h – 18 h',
  },
  // ——— Apprendre le français ———
  {
    key: 'cours-de-francais', structure: 'apprendre-le-francais', nom: 'Cours de français pour adultes',
    description:
      'Cours de français en petit groupe, du niveau débutant au niveau B1 : parler, comprendre, lire et écrire pour la vie de tous les jours et pour le travail. Un test de niveau est fait à l’inscription. Trois matinées par semaine pendant six mois ; une attestation de niveau est remise à la fin.',
    type: 'formation', thematiques: ['lecture-ecriture-calcul--maitriser-le-francais'], publics: ['personnes-exilees', 'beneficiaires-des-minimas-sociaux', 'tous-publics'],
    conditionsAcces: 'Avoir 18 ans ou plus ; test de niveau à l’inscription.',
    frais: 'gratuit', modesMobilisation: [mail, tel], mobilisablePar: both,
    mobilisationPrecisions: 'Inscription toute l’année, entrée en cours sous trois semaines.',
    contact: 'Lucie Martin', horaires: 'Lundi, mercredi et vendredi, 9 h – 11 h', volume: 6, semaines: 24, capacity: 15,
  },
  {
    key: 'ateliers-sociolinguistiques', structure: 'apprendre-le-francais', nom: 'Ateliers sociolinguistiques : le français pour ses démarches',
    description:
      'Ateliers pour pratiquer le français dans les situations de la vie quotidienne : aller à la mairie, chez le médecin, à la CAF, parler avec l’école des enfants. Des sorties sont organisées pour s’entraîner en vrai. Les ateliers aident aussi à mieux connaître ses droits.',
    type: 'atelier', thematiques: ['lecture-ecriture-calcul--maitriser-le-francais', 'difficultes-administratives-ou-juridiques--accompagnement-pour-lacces-aux-droits'],
    publics: ['personnes-exilees', 'familles', 'femmes'], frais: 'gratuit',
    modesMobilisation: [visit, tel], mobilisablePar: both, mobilisationPrecisions: 'Inscription sur place le mardi matin.',
    contact: 'Lucie Martin', horaires: 'Mardi et jeudi, 14 h – 16 h', volume: 4, semaines: 12, capacity: 12,
  },
  {
    key: 'francais-metiers', structure: 'apprendre-le-francais', nom: 'Français pour le travail (en préparation)',
    description:
      'Module en préparation : vocabulaire des métiers qui recrutent (aide à domicile, propreté, logistique, bâtiment), préparer un entretien d’embauche, comprendre une fiche de paie et un contrat de travail. Ouverture prévue au printemps, avec des visites d’entreprises.',
    type: 'formation', thematiques: ['lecture-ecriture-calcul--maitriser-le-francais', 'trouver-un-emploi--convaincre-un-recruteur-en-entretien'],
    publics: ['personnes-exilees', 'demandeurs-emploi'], frais: 'gratuit',
    modesMobilisation: [mail], mobilisablePar: pros, mobilisationPrecisions: 'Inscriptions ouvertes à la publication.',
    contact: 'Lucie Martin', horaires: 'À définir', volume: 8, semaines: 10, capacity: 12, status: 'brouillon',
  },
  // ——— Les Jardins de Sevran ———
  {
    key: 'aci-maraichage', structure: 'jardins-de-sevran', nom: 'Contrat d’insertion en maraîchage biologique',
    description:
      'Un contrat de travail de 26 heures par semaine (CDDI de 4 à 24 mois) dans l’équipe de maraîchage : cultures, récolte, préparation des paniers. Un encadrant technique forme sur le terrain et une accompagnatrice aide à lever les freins (logement, santé, garde d’enfants) et à préparer la suite : formation ou emploi.',
    type: 'accompagnement', thematiques: ['trouver-un-emploi--maintien-dans-lemploi', 'choisir-un-metier--decouvrir-un-metier-ou-un-secteur-dactivite', 'remobilisation--bien-etre-confiance-en-soi'],
    publics: ['beneficiaires-des-minimas-sociaux', 'demandeurs-emploi'], publicsPrecisions: 'Personnes éloignées de l’emploi, éligibles à l’insertion par l’activité économique.',
    conditionsAcces: 'Éligibilité IAE vérifiée par le prescripteur.', frais: 'gratuit',
    modesMobilisation: [mail, tel], mobilisablePar: pros, mobilisationPrecisions: 'Information collective le premier mardi du mois, puis entretien.',
    contact: 'Camille Robin', horaires: 'Du lundi au jeudi, 8 h – 15 h 30', volume: 26, semaines: 52, capacity: 14,
  },
  {
    key: 'aci-espaces-verts', structure: 'jardins-de-sevran', nom: 'Contrat d’insertion en entretien d’espaces verts',
    description:
      'Un contrat de travail de 26 heures par semaine dans l’équipe espaces verts : tonte, taille, plantation et entretien des parcs de la ville, avec un encadrant technique. Formation aux gestes de sécurité et accompagnement socio-professionnel pendant tout le contrat.',
    type: 'accompagnement', thematiques: ['trouver-un-emploi--maintien-dans-lemploi', 'choisir-un-metier--decouvrir-un-metier-ou-un-secteur-dactivite'],
    publics: ['beneficiaires-des-minimas-sociaux', 'demandeurs-emploi'], conditionsAcces: 'Éligibilité IAE vérifiée par le prescripteur.', frais: 'gratuit',
    modesMobilisation: [mail, tel], mobilisablePar: pros, mobilisationPrecisions: 'Entretien de recrutement après la prescription.',
    contact: 'Camille Robin', horaires: 'Du lundi au jeudi, 7 h 30 – 15 h', volume: 26, semaines: 52, capacity: 8,
    status: 'suspendu', suspendedForDays: 21, statusReason: 'Chantier à l’arrêt pendant les travaux du parc : reprise des recrutements dans trois semaines.',
  },
  // ——— Centre de formation Métiers du bâtiment de Rosny ———
  {
    key: 'titre-pro-macon', structure: 'formation-batiment-rosny', nom: 'Titre professionnel Maçon·ne',
    description:
      'Formation qualifiante de cinq mois pour devenir maçon ou maçonne : lecture de plans, fondations, murs en parpaings et en briques, coffrage, sécurité sur chantier. Huit semaines de stage en entreprise sont comprises. La formation est rémunérée et mène au titre professionnel de niveau 3 (CAP).',
    type: 'formation', thematiques: ['se-former--trouver-sa-formation', 'choisir-un-metier--confirmer-son-choix-de-metier'],
    publics: ['demandeurs-emploi', 'beneficiaires-des-minimas-sociaux', 'jeunes'],
    conditionsAcces: 'Tests de positionnement (calcul, lecture) et entretien de motivation ; bonne condition physique.',
    frais: 'gratuit', modesMobilisation: [mail, tel], mobilisablePar: pros,
    mobilisationPrecisions: 'Prescription pour une session ; information collective deux semaines avant le début.',
    contact: 'Service des inscriptions', horaires: 'Du lundi au vendredi, 8 h – 16 h', volume: 35, semaines: 20,
  },
  {
    key: 'decouverte-batiment', structure: 'formation-batiment-rosny', nom: 'Découverte des métiers du bâtiment',
    description:
      'Deux semaines pour découvrir les métiers du bâtiment en pratiquant sur le plateau technique : maçonnerie, peinture, carrelage, plomberie. Rencontre avec des employeurs et des salariés. À la fin, la personne sait si elle veut se former et vers quel métier.',
    type: 'atelier', thematiques: ['choisir-un-metier--decouvrir-un-metier-ou-un-secteur-dactivite', 'choisir-un-metier--identifier-ses-points-forts-et-ses-competences'],
    publics: ['demandeurs-emploi', 'jeunes', 'femmes'], frais: 'gratuit',
    modesMobilisation: [mail], mobilisablePar: pros, mobilisationPrecisions: 'Prescription par le référent ; sessions tous les deux mois.',
    contact: 'Service des inscriptions', horaires: 'Du lundi au vendredi, 9 h – 16 h', volume: 30, semaines: 2, capacity: 12,
  },
  {
    key: 'caces-r489', structure: 'formation-batiment-rosny', nom: 'Préparation au CACES R489 (chariots)',
    description:
      'Formation de deux semaines pour conduire les chariots élévateurs en sécurité et passer le CACES R489 catégories 1A, 3 et 5, très demandé dans la logistique. Théorie en salle, pratique sur le plateau, test final. Le certificat est valable cinq ans.',
    type: 'formation', thematiques: ['se-former--trouver-sa-formation', 'trouver-un-emploi--repondre-a-des-offres-demploi'],
    publics: ['demandeurs-emploi', 'beneficiaires-des-minimas-sociaux'], conditionsAcces: 'Avoir 18 ans ; aptitude médicale.',
    frais: 'gratuit', modesMobilisation: [mail], mobilisablePar: pros, mobilisationPrecisions: 'Prescription pour une session.',
    contact: 'Service des inscriptions', horaires: 'Du lundi au vendredi, 8 h 30 – 16 h 30', volume: 35, semaines: 2,
  },
  // ——— CCAS d'Aubervilliers ———
  {
    key: 'point-conseil-budget', structure: 'ccas-aubervilliers', nom: 'Point conseil budget',
    description:
      'Une conseillère aide à faire le point sur le budget, à trouver des solutions pour les factures en retard, à négocier avec les créanciers et, si besoin, à monter un dossier de surendettement. Les rendez-vous sont confidentiels et gratuits. Apporter les derniers relevés de compte et les courriers reçus.',
    type: 'accompagnement', thematiques: ['difficultes-financieres--ameliorer-sa-gestion-budgetaire', 'difficultes-financieres--situation-dendettement-surendettement'],
    publics: ['tous-publics'], frais: 'gratuit', modesMobilisation: [tel, mail], mobilisablePar: both,
    mobilisationPrecisions: 'Premier rendez-vous sous dix jours.',
    contact: 'Pierre Garnier', horaires: 'Lundi, mardi et jeudi, 9 h – 12 h', capacity: 25,
  },
  {
    key: 'epicerie-solidaire', structure: 'ccas-aubervilliers', nom: 'Épicerie solidaire',
    description:
      'Épicerie où les personnes orientées par un travailleur social achètent des produits alimentaires et d’hygiène à 10 à 30 % de leur prix, pendant trois mois renouvelables. L’argent économisé sert un projet : payer une dette, passer le permis, équiper un logement. Des ateliers cuisine sont proposés.',
    type: 'aide-materielle', thematiques: ['equipement-et-alimentation--alimentation', 'difficultes-financieres--prevenir-une-degradation-de-la-situation-financiere'],
    publics: ['familles', 'beneficiaires-des-minimas-sociaux'], conditionsAcces: 'Habiter Aubervilliers ; reste à vivre inférieur au plafond du CCAS.',
    frais: 'payant', fraisPrecisions: 'Produits à 10 à 30 % du prix en magasin.',
    modesMobilisation: [mail], mobilisablePar: pros, mobilisationPrecisions: 'Dossier rempli par le travailleur social.',
    contact: 'Pierre Garnier', horaires: 'Mercredi et vendredi, 14 h – 18 h', semaines: 12, capacity: 40, updatedDaysAgo: 300,
  },
  {
    key: 'acces-aux-droits', structure: 'ccas-aubervilliers', nom: 'Permanence d’accès aux droits',
    description:
      'Permanence sans rendez-vous pour vérifier ses droits et être aidé dans ses démarches : RSA, prime d’activité, complémentaire santé solidaire, aides au logement, domiciliation. Un agent remplit les dossiers avec la personne et l’oriente vers le bon service si besoin.',
    type: 'accompagnement', thematiques: ['difficultes-administratives-ou-juridiques--accompagnement-pour-lacces-aux-droits', 'difficultes-administratives-ou-juridiques--accompagnement-aux-demarches-administratives'],
    publics: ['tous-publics'], frais: 'gratuit', modesMobilisation: [visit, tel], mobilisablePar: both,
    mobilisationPrecisions: 'Sans rendez-vous le matin.', contact: 'Accueil du CCAS', horaires: 'Du lundi au vendredi, 8 h 30 – 12 h',
  },
  {
    key: 'permanence-logement', structure: 'ccas-aubervilliers', nom: 'Permanence logement',
    description:
      'Aide pour faire une demande de logement social, la renouveler, constituer un dossier DALO ou chercher une solution d’hébergement temporaire. La conseillère explique les démarches, vérifie les pièces et suit la demande avec la personne.',
    type: 'accompagnement', thematiques: ['logement-hebergement--sinformer-sur-les-demarches-liees-a-lacces-au-logement', 'logement-hebergement--rechercher-une-solution-dhebergement-temporaire'],
    publics: ['tous-publics'], frais: 'gratuit', modesMobilisation: [tel, mail], mobilisablePar: both,
    mobilisationPrecisions: 'Sur rendez-vous.', contact: 'Pierre Garnier', horaires: 'Mardi et jeudi, 14 h – 17 h',
  },
  // ——— Mission locale de Montreuil ———
  {
    key: 'atelier-entretien-jeunes', structure: 'mission-locale-montreuil', nom: 'Atelier « Je prépare mon entretien »',
    description:
      'Atelier de trois demi-journées pour les jeunes : se présenter en deux minutes, répondre aux questions difficiles, s’entraîner face à de vrais recruteurs avec une vidéo. Chaque jeune repart avec ses points forts et des conseils personnalisés. Tenue prêtée si besoin par un partenaire.',
    type: 'atelier', thematiques: ['trouver-un-emploi--convaincre-un-recruteur-en-entretien', 'preparer-sa-candidature--valoriser-ses-competences'],
    publics: ['jeunes'], publicsPrecisions: 'Jeunes de 16 à 25 ans.', frais: 'gratuit',
    modesMobilisation: [mail, tel], mobilisablePar: both, mobilisationPrecisions: 'Inscription auprès du conseiller de la mission locale.',
    contact: 'Sarah Cohen', horaires: 'Lundi, mercredi et vendredi, 9 h 30 – 12 h 30', volume: 9, semaines: 1, capacity: 12,
  },
  {
    key: 'aide-permis-jeunes', structure: 'mission-locale-montreuil', nom: 'Aide au financement du permis pour les jeunes',
    description:
      'Aide financière de 500 à 1 200 € pour passer le permis B, versée directement à l’auto-école, pour les jeunes accompagnés dont le projet professionnel demande le permis. Le conseiller aide à monter le dossier, à choisir l’auto-école et à compléter avec les autres aides.',
    type: 'aide-financiere', thematiques: ['mobilite--financer-ma-mobilite', 'mobilite--preparer-un-permis'],
    publics: ['jeunes'], conditionsAcces: 'Être suivi par la mission locale et avoir un projet professionnel validé.', frais: 'gratuit',
    modesMobilisation: [mail], mobilisablePar: pros, mobilisationPrecisions: 'Dossier monté par le conseiller, passage en commission mensuelle.',
    contact: 'Sarah Cohen', horaires: 'Commission le premier jeudi du mois',
  },
  // ——— PLIE Est Ensemble ———
  {
    key: 'atelier-cv', structure: 'plie-est-ensemble', nom: 'Atelier CV et lettre de motivation',
    description:
      'Quatre séances pour écrire un CV clair et une lettre de motivation adaptée à chaque offre, avec un ordinateur par personne. Les participants apprennent aussi à déposer leur CV sur les sites d’emploi et à répondre par courriel. Chacun repart avec son CV imprimé et enregistré.',
    type: 'atelier', thematiques: ['preparer-sa-candidature--realiser-un-cv-et-ou-une-lettre-de-motivation', 'preparer-sa-candidature--valoriser-ses-competences'],
    publics: ['demandeurs-emploi', 'beneficiaires-des-minimas-sociaux'], frais: 'gratuit',
    modesMobilisation: [mail, tel], mobilisablePar: both, mobilisationPrecisions: 'Sessions chaque mois ; inscription par le référent.',
    contact: 'Fatou Sow', horaires: 'Mardi et jeudi, 9 h 30 – 12 h', volume: 5, semaines: 2, capacity: 10,
  },
  {
    key: 'club-emploi', structure: 'plie-est-ensemble', nom: 'Club de recherche d’emploi',
    description:
      'Un groupe de huit à douze personnes se retrouve deux matinées par semaine pendant deux mois pour chercher un emploi ensemble : offres du jour, candidatures spontanées, appels aux employeurs, suivi des réponses. Une animatrice donne des pistes et des contacts d’entreprises qui recrutent.',
    type: 'accompagnement', thematiques: ['trouver-un-emploi--repondre-a-des-offres-demploi', 'trouver-un-emploi--suivre-ses-candidatures-et-relancer-les-employeurs', 'preparer-sa-candidature--organiser-ses-demarches-de-recherche-demploi'],
    publics: ['demandeurs-emploi', 'beneficiaires-des-minimas-sociaux'], frais: 'gratuit',
    modesMobilisation: [mail], mobilisablePar: pros, mobilisationPrecisions: 'Prescription par le référent PLIE.',
    contact: 'Fatou Sow', horaires: 'Lundi et jeudi, 9 h – 12 h', volume: 6, semaines: 8, capacity: 12, updatedDaysAgo: 210,
  },
  {
    key: 'parrainage-emploi', structure: 'plie-est-ensemble', nom: 'Parrainage vers l’emploi',
    description:
      'Une personne en recherche d’emploi est mise en relation avec un parrain ou une marraine, salarié ou retraité d’une entreprise du territoire, qui l’aide pendant six mois : conseils, réseau, préparation des entretiens, découverte de son entreprise. Rencontres au moins deux fois par mois.',
    type: 'accompagnement', thematiques: ['preparer-sa-candidature--developper-son-reseau', 'trouver-un-emploi--faire-des-candidatures-spontanees'],
    publics: ['demandeurs-emploi', 'residents-qpv-frr', 'jeunes'], frais: 'gratuit',
    modesMobilisation: [mail, tel], mobilisablePar: pros, mobilisationPrecisions: 'Entretien de présentation avant la mise en relation.',
    contact: 'Fatou Sow', horaires: 'Sur rendez-vous', volume: 2, semaines: 26, capacity: 20,
  },
  // ——— Espace solidarité emploi de Saint-Denis ———
  {
    key: 'creche-insertion', structure: 'espace-solidarite-saint-denis', nom: 'Places de crèche pour la reprise d’emploi',
    description:
      'Places de crèche réservées aux parents d’enfants de moins de trois ans qui cherchent un emploi ou commencent une formation, pour six mois renouvelables. Pendant ce temps, le parent est accompagné vers l’emploi. Le tarif dépend des revenus (barème de la CAF).',
    type: 'accompagnement', thematiques: ['famille--garde-denfants', 'trouver-un-emploi--maintien-dans-lemploi'],
    publics: ['familles', 'femmes', 'beneficiaires-des-minimas-sociaux'], conditionsAcces: 'Enfant de moins de trois ans ; parent en recherche d’emploi ou en formation.',
    frais: 'payant', fraisPrecisions: 'Tarif horaire selon le barème de la CAF (de 0,50 à 3 €).',
    modesMobilisation: [mail, tel], mobilisablePar: pros, mobilisationPrecisions: 'Prescription par le référent ; commission d’attribution chaque mois.',
    contact: 'Nadia Fictive', horaires: 'Du lundi au vendredi, 7 h 30 – 18 h 30', semaines: 26, capacity: 10,
  },
  {
    key: 'sport-remobilisation', structure: 'espace-solidarite-saint-denis', nom: 'Sport et confiance en soi',
    description:
      'Séances de sport doux et collectif (marche, gym, boxe éducative) suivies d’un temps d’échange, pour reprendre un rythme, se sentir mieux et rencontrer d’autres personnes. Encadrées par un éducateur sportif. Aucun niveau n’est demandé ; une tenue de sport suffit.',
    type: 'atelier', thematiques: ['remobilisation--activites-sportives-et-culturelles', 'remobilisation--bien-etre-confiance-en-soi', 'remobilisation--lien-social'],
    publics: ['tous-publics'], frais: 'gratuit', modesMobilisation: [visit, tel], mobilisablePar: both,
    mobilisationPrecisions: 'Venir directement à la première séance.', contact: 'Yanis Exemple', horaires: 'Mardi et vendredi, 10 h – 12 h', volume: 4, semaines: 12,
  },
  {
    key: 'permanence-sante', structure: 'espace-solidarite-saint-denis', nom: 'Permanence santé : accès aux soins',
    description:
      'Une infirmière et une médiatrice santé aident à ouvrir ses droits à l’assurance maladie, à trouver un médecin traitant, à prendre rendez-vous pour un bilan de santé gratuit et à faire le lien avec un psychologue si besoin. Accueil confidentiel.',
    type: 'accompagnement', thematiques: ['sante--acces-aux-soins', 'sante--sante-mentale'], publics: ['tous-publics'], frais: 'gratuit',
    modesMobilisation: [visit, tel], mobilisablePar: both, mobilisationPrecisions: 'Sans rendez-vous le jeudi.',
    contact: 'Nadia Fictive', horaires: 'Jeudi, 9 h – 17 h',
  },
  {
    key: 'creation-activite', structure: 'espace-solidarite-saint-denis', nom: 'Créer son activité : premiers pas',
    description:
      'Un parcours de deux mois pour tester une idée de création d’entreprise : étude du marché, calcul des prix et des charges, choix du statut (micro-entreprise), démarches. Des ateliers collectifs et des rendez-vous individuels avec un conseiller création. Possibilité de microcrédit.',
    type: 'accompagnement', thematiques: ['creer-une-entreprise--definir-son-projet-de-creation-dentreprise', 'creer-une-entreprise--structurer-son-projet-de-creation-dentreprise'],
    publics: ['demandeurs-emploi', 'beneficiaires-des-minimas-sociaux'], frais: 'gratuit',
    modesMobilisation: [mail, tel], mobilisablePar: both, mobilisationPrecisions: 'Réunion d’information chaque premier lundi du mois.',
    contact: 'Yanis Exemple', horaires: 'Lundi et mercredi, 14 h – 17 h', volume: 4, semaines: 8, capacity: 15,
  },
];
