/**
 * The reference lists of the data·inclusion schema v1.0.8 (`server/data/data-inclusion/v1/extra/*.json`,
 * Licence Ouverte 2.0), as values and French labels. Generated from those files; a server test
 * (`catalogue.lists.test.ts`) fails when they drift apart.
 */

export interface DiListItem {
  value: string;
  label: string;
  description: string | null;
}

/** Thématiques (16 catégories, 69 sous-thématiques) — `thematiques.json`. */
export const diThematiques = [
  {
    value: 'choisir-un-metier--confirmer-son-choix-de-metier',
    label: 'Confirmer son choix de métier',
    description: null,
  },
  {
    value: 'choisir-un-metier--connaitre-les-opportunites-demploi',
    label: 'Connaître les opportunités d’emploi',
    description: null,
  },
  {
    value: 'choisir-un-metier--decouvrir-un-metier-ou-un-secteur-dactivite',
    label: 'Découvrir un métier ou un secteur d’activité',
    description: null,
  },
  {
    value: 'choisir-un-metier--identifier-ses-points-forts-et-ses-competences',
    label: 'Identifier ses points forts et ses compétences',
    description: null,
  },
  {
    value: 'creer-une-entreprise--definir-son-projet-de-creation-dentreprise',
    label: 'Définir son projet de création d’entreprise',
    description: null,
  },
  {
    value: 'creer-une-entreprise--developper-son-entreprise',
    label: 'Développer son entreprise',
    description: null,
  },
  {
    value: 'creer-une-entreprise--structurer-son-projet-de-creation-dentreprise',
    label: 'Structurer son projet de création d’entreprise',
    description: null,
  },
  {
    value: 'difficultes-administratives-ou-juridiques--accompagnement-aux-demarches-administratives',
    label: 'Accompagnement aux démarches administratives',
    description: null,
  },
  {
    value: 'difficultes-administratives-ou-juridiques--accompagnement-pour-lacces-a-la-citoyennete',
    label: 'Accompagnement pour l’accès à la citoyenneté',
    description: null,
  },
  {
    value: 'difficultes-administratives-ou-juridiques--accompagnement-pour-lacces-aux-droits',
    label: 'Accompagnement pour l’accès aux droits',
    description: null,
  },
  {
    value: 'difficultes-administratives-ou-juridiques--beneficier-dune-mesure-daccompagnement-adapte',
    label: 'Bénéficier d’une mesure d’accompagnement adapté',
    description: null,
  },
  {
    value: 'difficultes-administratives-ou-juridiques--connaitre-ses-droits-face-a-une-discrimination',
    label: 'Connaître ses droits face à une discrimination',
    description: null,
  },
  {
    value: 'difficultes-administratives-ou-juridiques--prendre-en-compte-une-problematique-judiciaire',
    label: 'Prendre en compte une problématique judiciaire',
    description: null,
  },
  {
    value: 'difficultes-financieres--acquerir-une-autonomie-budgetaire',
    label: 'Acquérir une autonomie budgétaire',
    description: null,
  },
  {
    value: 'difficultes-financieres--ameliorer-sa-gestion-budgetaire',
    label: 'Améliorer sa gestion budgétaire',
    description: null,
  },
  {
    value: 'difficultes-financieres--mettre-en-place-une-mesure-de-protection-financiere',
    label: 'Mettre en place une mesure de protection financière',
    description: null,
  },
  {
    value: 'difficultes-financieres--prevenir-une-degradation-de-la-situation-financiere',
    label: 'Prévenir une dégradation de la situation financière',
    description: null,
  },
  {
    value: 'difficultes-financieres--situation-dendettement-surendettement',
    label: 'Situation d’endettement ou de surendettement',
    description: null,
  },
  { value: 'equipement-et-alimentation--aide-menagere', label: 'Aide ménagère', description: null },
  { value: 'equipement-et-alimentation--alimentation', label: 'Alimentation', description: null },
  { value: 'equipement-et-alimentation--electromenager', label: 'Électroménager', description: null },
  { value: 'equipement-et-alimentation--habillement', label: 'Habillement', description: null },
  { value: 'famille--garde-denfants', label: 'Garde d’enfants', description: null },
  {
    value: 'famille--prise-en-charge-personne-dependante',
    label: 'Prise en charge d’une personne dépendante',
    description: null,
  },
  {
    value: 'famille--soutien-a-la-parentalite-et-a-leducation',
    label: 'Soutien à la parentalité et à l’éducation',
    description: null,
  },
  { value: 'famille--soutien-aidants', label: 'Soutien aux aidants', description: null },
  {
    value: 'famille--surmonter-conflits-separation-violence',
    label: 'Surmonter les conflits liés à la séparation ou à la violence',
    description: null,
  },
  { value: 'lecture-ecriture-calcul--maitriser-le-calcul', label: 'Maîtriser le calcul', description: null },
  {
    value: 'lecture-ecriture-calcul--maitriser-le-francais',
    label: 'Maîtriser le français',
    description: null,
  },
  { value: 'logement-hebergement--acheter-un-logement', label: 'Acheter un logement', description: null },
  { value: 'logement-hebergement--changer-de-logement', label: 'Changer de logement', description: null },
  { value: 'logement-hebergement--louer-un-logement', label: 'Louer un logement', description: null },
  {
    value: 'logement-hebergement--rechercher-une-solution-dhebergement-temporaire',
    label: 'Rechercher une solution d’hébergement temporaire',
    description: null,
  },
  {
    value: 'logement-hebergement--reduire-les-impayes-de-loyer',
    label: 'Réduire les impayés de loyer',
    description: null,
  },
  {
    value: 'logement-hebergement--se-maintenir-dans-le-logement',
    label: 'Se maintenir dans le logement',
    description: null,
  },
  {
    value: 'logement-hebergement--sinformer-sur-les-demarches-liees-a-lacces-au-logement',
    label: 'S’informer sur les démarches liées à l’accès au logement',
    description: null,
  },
  { value: 'mobilite--acceder-a-un-vehicule', label: 'Accéder à un véhicule', description: null },
  {
    value: 'mobilite--entretenir-reparer-son-vehicule',
    label: 'Entretenir et réparer son véhicule',
    description: null,
  },
  {
    value: 'mobilite--etre-accompagne-dans-son-parcours-mobilite',
    label: 'Être accompagné dans son parcours mobilité',
    description: null,
  },
  { value: 'mobilite--financer-ma-mobilite', label: 'Financer ma mobilité', description: null },
  {
    value: 'mobilite--mobilite-douce-partagee-collective',
    label: 'Utiliser des services de mobilité douce, partagée ou collective',
    description: null,
  },
  { value: 'mobilite--preparer-un-permis', label: 'Préparer un permis', description: null },
  {
    value: 'numerique--acceder-a-des-services-en-ligne',
    label: 'Accéder à des services en ligne',
    description: null,
  },
  {
    value: 'numerique--acceder-a-une-connexion-internet',
    label: 'Accéder à une connexion Internet',
    description: null,
  },
  { value: 'numerique--acquerir-un-equipement', label: 'Acquérir un équipement', description: null },
  {
    value: 'numerique--maitriser-les-fondamentaux-du-numerique',
    label: 'Maîtriser les fondamentaux du numérique',
    description: null,
  },
  {
    value: 'preparer-sa-candidature--developper-son-reseau',
    label: 'Développer son réseau',
    description: null,
  },
  {
    value: 'preparer-sa-candidature--organiser-ses-demarches-de-recherche-demploi',
    label: 'Organiser ses démarches de recherche d’emploi',
    description: null,
  },
  {
    value: 'preparer-sa-candidature--realiser-un-cv-et-ou-une-lettre-de-motivation',
    label: 'Réaliser un CV et/ou une lettre de motivation',
    description: null,
  },
  {
    value: 'preparer-sa-candidature--valoriser-ses-competences',
    label: 'Valoriser ses compétences',
    description: null,
  },
  {
    value: 'remobilisation--activites-sportives-et-culturelles',
    label: 'Activités sportives et culturelles',
    description: null,
  },
  {
    value: 'remobilisation--benevolat-action-citoyenne',
    label: 'Bénévolat et action citoyenne',
    description: null,
  },
  {
    value: 'remobilisation--bien-etre-confiance-en-soi',
    label: 'Bien-être et confiance en soi',
    description: null,
  },
  { value: 'remobilisation--lien-social', label: 'Lien social', description: null },
  { value: 'sante--acces-aux-soins', label: 'Accès aux soins', description: null },
  { value: 'sante--addictions', label: 'Addictions', description: null },
  {
    value: 'sante--constituer-un-dossier-mdph-invalidite',
    label: 'Constituer un dossier MDPH pour invalidité',
    description: null,
  },
  { value: 'sante--sante-mentale', label: 'Santé mentale', description: null },
  { value: 'sante--sante-sexuelle', label: 'Santé sexuelle', description: null },
  {
    value: 'se-former--monter-son-dossier-de-formation',
    label: 'Monter son dossier de formation',
    description: null,
  },
  { value: 'se-former--trouver-sa-formation', label: 'Trouver sa formation', description: null },
  {
    value: 'souvrir-a-linternational--connaitre-les-opportunites-demploi-a-letranger',
    label: 'Connaître les opportunités d’emploi à l’étranger',
    description: null,
  },
  {
    value: 'souvrir-a-linternational--sinformer-sur-les-aides-pour-travailler-a-letranger',
    label: 'S’informer sur les aides pour travailler à l’étranger',
    description: null,
  },
  {
    value: 'souvrir-a-linternational--sorganiser-suite-a-son-retour-en-france',
    label: 'S’organiser suite à son retour en France',
    description: null,
  },
  {
    value: 'trouver-un-emploi--convaincre-un-recruteur-en-entretien',
    label: 'Convaincre un recruteur en entretien',
    description: null,
  },
  {
    value: 'trouver-un-emploi--faire-des-candidatures-spontanees',
    label: 'Faire des candidatures spontanées',
    description: null,
  },
  { value: 'trouver-un-emploi--maintien-dans-lemploi', label: 'Maintien dans l’emploi', description: null },
  {
    value: 'trouver-un-emploi--repondre-a-des-offres-demploi',
    label: 'Répondre à des offres d’emploi',
    description: null,
  },
  {
    value: 'trouver-un-emploi--suivre-ses-candidatures-et-relancer-les-employeurs',
    label: 'Suivre ses candidatures et relancer les employeurs',
    description: null,
  },
] as const satisfies readonly DiListItem[];

/** Types de service — `types-de-services.json`. */
export const diTypes = [
  {
    value: 'accompagnement',
    label: 'Accompagnement',
    description: 'Accompagnement global pour le retour à l’emploi',
  },
  {
    value: 'aide-financiere',
    label: 'Aide financière',
    description: 'Prise en charge financière, aide ou rémunération soutenant le retour à l’emploi',
  },
  {
    value: 'aide-materielle',
    label: 'Aide materielle',
    description:
      'Accéder à du matériel soutenant le retour à l’emploi (voiture, vélo, ordinateur, alimentation, etc)',
  },
  {
    value: 'atelier',
    label: 'Atelier',
    description:
      'Groupe de travail constitué autour d’une activité, d’un thème soutenant le retour à l’emploi',
  },
  {
    value: 'formation',
    label: 'Formation',
    description: 'Formation dispensée par des professionnels pour les bénéficiaires',
  },
  {
    value: 'information',
    label: 'Information',
    description: 'Premier niveau d’information apporté par des professionnels du secteur',
  },
] as const satisfies readonly DiListItem[];

/** Publics — `publics.json`. */
export const diPublics = [
  {
    value: 'actifs',
    label: 'Actifs',
    description: 'Toute personne ayant un emploi, qu’il soit salarié, libéral ou à son compte',
  },
  {
    value: 'beneficiaires-des-minimas-sociaux',
    label: 'Bénéficiaires des minimas sociaux',
    description:
      'Personnes touchant des aides financières telles que RSA, SMIC, allocations familiales, bourses, etc',
  },
  {
    value: 'demandeurs-emploi',
    label: 'Demandeurs d’emploi',
    description: 'Demandeurs d’emploi de tout type',
  },
  { value: 'etudiants', label: 'Étudiants', description: 'Étudiants' },
  { value: 'familles', label: 'Familles', description: 'Familles, parents, enfants, etc' },
  { value: 'femmes', label: 'Femmes', description: 'Femmes isolées, victimes de violence, etc' },
  { value: 'jeunes', label: 'Jeunes', description: 'Jeunes au sens large, jeunes adultes, adolescents, etc' },
  {
    value: 'personnes-en-situation-de-handicap',
    label: 'Personnes en situation de handicap',
    description: 'Personnes en situation de handicap de tout type',
  },
  {
    value: 'personnes-en-situation-durgence',
    label: 'Personnes en situation d’urgence',
    description: 'SDF, victimes de violence, grande précarité, etc',
  },
  {
    value: 'personnes-en-situation-juridique-specifique',
    label: 'Personnes en situation juridique spécifique',
    description: 'Personnes sortant de détention, détenus ou autre statut juridique spécifique',
  },
  {
    value: 'personnes-exilees',
    label: 'Personnes exilées',
    description: 'Réfugiés, demandeurs d’asile, personnes immigrées, etc',
  },
  {
    value: 'residents-qpv-frr',
    label: 'Résidents en QPV ou FRR',
    description:
      'Personnes résidentes en zone Quartier Prioritaire de la Ville ou France Ruralités Revitalisation (anciennement ZRR)',
  },
  { value: 'seniors', label: 'Séniors', description: 'Personnes âgées, retraités, etc' },
  { value: 'tous-publics', label: 'Tous publics', description: 'Tous publics' },
] as const satisfies readonly DiListItem[];

/** Frais — `frais.json`. */
export const diFrais = [
  { value: 'gratuit', label: 'Gratuit', description: 'L’accès au lieu et/ou à ses services est gratuit' },
  { value: 'payant', label: 'Payant', description: 'L’accès au lieu et/ou à ses services est payant' },
] as const satisfies readonly DiListItem[];

/** Modes d’accueil — `modes-accueil.json`. */
export const diModesAccueil = [
  {
    value: 'a-distance',
    label: 'À distance',
    description: 'Le service est proposé à distance, par téléphone ou internet.',
  },
  {
    value: 'en-presentiel',
    label: 'En présentiel',
    description: 'Le service est proposé en présentiel, à l’adresse associée à ce service.',
  },
] as const satisfies readonly DiListItem[];

/** Modes de mobilisation — `modes-mobilisation.json`. */
export const diModesMobilisation = [
  {
    value: 'envoyer-un-courriel',
    label: 'Envoyer un courriel',
    description:
      'Envoyer un courriel à l’adresse électronique associée au service, ou à défaut, à la structure.',
  },
  {
    value: 'se-presenter',
    label: 'Se présenter',
    description: 'Se présenter directement à l’adresse associée au service ou, à défaut, à la structure.',
  },
  {
    value: 'telephoner',
    label: 'Téléphoner',
    description: 'Téléphoner au numéro associé au service, ou à défaut, à la structure.',
  },
  {
    value: 'utiliser-lien-mobilisation',
    label: 'Utiliser le lien de mobilisation',
    description: 'Utiliser le lien de mobilisation du service.',
  },
] as const satisfies readonly DiListItem[];

/** Qui peut mobiliser le service — `personnes-mobilisatrices.json`. */
export const diPersonnesMobilisatrices = [
  {
    value: 'professionnels',
    label: 'Professionnels',
    description: 'Service mobilisable par les professionnels de l’insertion.',
  },
  { value: 'usagers', label: 'Usagers', description: 'Service mobilisable par les usagers.' },
] as const satisfies readonly DiListItem[];

/** Réseaux porteurs — `reseaux-porteurs.json`. */
export const diReseauxPorteurs = [
  { value: '60000-rebonds', label: '60 000 Rebonds', description: null },
  {
    value: 'aci',
    label: 'Structures d’Insertion par l’Activité Économique - Ateliers et Chantiers d’Insertion',
    description: null,
  },
  { value: 'action-logement', label: 'Action Logement', description: null },
  { value: 'adie', label: 'Association pour le Droit à l’Initiative Économique', description: null },
  {
    value: 'afpa',
    label: 'Agence Nationale pour la Formation Professionnelle des Adultes',
    description: null,
  },
  { value: 'agefiph', label: 'Agefiph', description: null },
  { value: 'ai', label: 'Associations Intermédiaires', description: null },
  { value: 'aidants-connect', label: 'Aidants Connect', description: null },
  { value: 'alliance-villes-emploi', label: 'Alliance Villes Emploi', description: null },
  { value: 'anlci', label: 'Agence Nationale de Lutte Contre l’Illettrisme', description: null },
  { value: 'apprentis-dauteuil', label: 'Apprentis d’Auteuil', description: null },
  { value: 'ase', label: 'Aide Sociale à l’Enfance', description: null },
  { value: 'banques-alimentaires', label: 'Banques Alimentaires', description: null },
  {
    value: 'caarud',
    label: 'Centres d’Accueil et d’Accompagnement à la Réduction de Risques pour Usagers de Drogues',
    description: null,
  },
  { value: 'cada', label: 'Centres d’Accueil de Demandeurs d’Asile', description: null },
  { value: 'caf', label: 'Caisse d’Allocations Familiales', description: null },
  { value: 'campus-connecte', label: 'Campus Connecté', description: null },
  { value: 'cap-emploi-reseau-cheops', label: 'CAP Emploi - Réseau CHEOPS', description: null },
  { value: 'cava', label: 'Centres d’Adaptation à la Vie Active', description: null },
  {
    value: 'ccas-cias',
    label: 'Les Centres Communaux d’Action Sociale et les Centres Intercommunaux d’Action Sociale',
    description: null,
  },
  {
    value: 'chambres-consulaires',
    label: 'Chambres Consulaires',
    description:
      'Les Chambres de Commerce et d’Industrie (CCI), les Chambres des Métiers et de l’Artisanat (CMA) et les Chambres d’Agriculture (CA).',
  },
  { value: 'chantier-ecole', label: 'Réseau Chantier École', description: null },
  { value: 'chrs', label: 'Centres d’Hébergement et de Réinsertion Sociale', description: null },
  { value: 'chu', label: 'Centres d’Hébergement d’Urgence', description: null },
  {
    value: 'cidff',
    label: 'Centres d’Information sur les Droits des Femmes et des Familles',
    description: null,
  },
  { value: 'cmp', label: 'Centres Médico-Psychologiques', description: null },
  { value: 'cms', label: 'Centres Médico-Sociaux', description: null },
  { value: 'cnam', label: 'Conservatoire National des Arts et Métiers', description: null },
  { value: 'collectif-emploi', label: 'Collectif Emploi', description: null },
  { value: 'communes', label: 'Communes, mairies, communautés de communes, etc.', description: null },
  { value: 'conseillers-numeriques', label: 'Conseillers Numériques', description: null },
  { value: 'coorace', label: 'Fédération COORACE', description: null },
  { value: 'cpam', label: 'Caisses Primaires d’Assurance Maladie', description: null },
  { value: 'cph', label: 'Centres Provisoires d’Hébergement', description: null },
  { value: 'creches-avip', label: 'Crèches à Vocation d’Insertion Professionnelle', description: null },
  { value: 'crepi', label: 'CREPI', description: null },
  { value: 'cresus', label: 'Fédération Française des Associations CRÉSUS', description: null },
  { value: 'croix-rouge', label: 'Croix-Rouge', description: null },
  {
    value: 'csapa',
    label: 'Centres de Soins, d’Accompagnement et de Prévention en Addictologie',
    description: null,
  },
  {
    value: 'delegataire-conseil-departemental',
    label: 'Organisation délégataire d’un Conseil Départemental',
    description: null,
  },
  {
    value: 'departements',
    label: 'Départements et Services Départementaux',
    description:
      'Les Conseils Départementaux (CD), les Unions Départementales des Associations Familiales (UDAF), les Centres Départementaux d’Action Sociale (CDAS), etc.',
  },
  { value: 'duo-for-a-job', label: 'DUO for a JOB', description: null },
  { value: 'ea', label: 'Entreprises Adaptées', description: null },
  { value: 'eatt', label: 'Entreprises Adaptées de Travail Temporaire', description: null },
  { value: 'ecoles-de-la-deuxieme-chance', label: 'Écoles de la 2ᵉ Chance', description: null },
  { value: 'egee', label: 'Association EGEE', description: null },
  {
    value: 'ei',
    label: 'Structures d’Insertion par l’Activité Économique - Entreprises d’Insertion',
    description: null,
  },
  {
    value: 'eiti',
    label:
      'Structures d’Insertion par l’Activité Économique - Entreprises d’Insertion par le Travail Indépendant',
    description: null,
  },
  { value: 'emmaus', label: 'Emmaüs', description: null },
  { value: 'epide', label: 'EPIDE', description: null },
  { value: 'esat', label: 'Établissement et Service d’Accompagnement par le Travail', description: null },
  { value: 'espaces-publics-numeriques', label: 'Espaces Publics Numériques', description: null },
  {
    value: 'etcld',
    label: 'Expérimentation Territoriale contre le Chômage de Longue Durée',
    description: null,
  },
  {
    value: 'etti',
    label: 'Structures d’Insertion par l’Activité Économique - Entreprises de Travail Temporaire d’Insertion',
    description: null,
  },
  { value: 'fabrique-de-territoire', label: 'Fabrique de Territoire', description: null },
  { value: 'face', label: 'Fondation FACE', description: null },
  { value: 'fcsf', label: 'Fédération des Centres Sociaux et Socioculturels de France', description: null },
  {
    value: 'federation-des-acteurs-de-la-solidarite',
    label: 'Fédération des Acteurs de la Solidarité',
    description: null,
  },
  {
    value: 'federation-professionnelle-femmes',
    label: 'Fédération Professionnelle pour les Femmes',
    description: null,
  },
  { value: 'france-active', label: 'France Active', description: null },
  { value: 'france-service', label: 'France Service', description: null },
  { value: 'france-travail', label: 'France Travail', description: null },
  { value: 'french-tech', label: 'French Tech', description: null },
  { value: 'geiq', label: 'GEIQ', description: null },
  { value: 'grandes-ecoles-du-numerique', label: 'Grandes Écoles du Numérique', description: null },
  { value: 'huda', label: 'Hébergement d’Urgence pour Demandeurs d’Asile', description: null },
  { value: 'hup', label: 'Association H’UP', description: null },
  { value: 'inae', label: 'INAÉ Nouvelle Aquitaine', description: null },
  { value: 'initiative-france', label: 'Initiative France', description: null },
  { value: 'konexio', label: 'Association Konexio', description: null },
  { value: 'la-cravate-solidaire', label: 'La Cravate Solidaire', description: null },
  { value: 'la-poste', label: 'La Poste', description: null },
  { value: 'les-premieres', label: 'Les Premières', description: null },
  {
    value: 'maison-departementale-de-lautonomie',
    label: 'Maisons Départementales de l’Autonomie',
    description: null,
  },
  { value: 'maisons-de-l-emploi', label: 'Maisons de l’Emploi', description: null },
  {
    value: 'maisons-des-solidarites',
    label: 'Maisons Départementales des Solidarités (MDS)',
    description:
      'Les Maisons Départementales des Solidarités sont des services départementaux. Par conséquent, le réseau `departements` devrait être également défini pour ces structures.',
  },
  {
    value: 'mdph',
    label: 'Maisons Départementales pour les Personnes Handicapées (MDPH)',
    description: null,
  },
  { value: 'mission-locale', label: 'Mission Locale', description: null },
  { value: 'mjc', label: 'Maisons des Jeunes et de la Culture', description: null },
  { value: 'mobin', label: 'Mob’In', description: null },
  { value: 'msap', label: 'Maisons de Services Au Public', description: null },
  { value: 'mutualite-sociale-agricole', label: 'Mutualité Sociale Agricole', description: null },
  { value: 'nqt', label: 'Association NQT', description: null },
  { value: 'pimms-mediation', label: 'Point Information Médiation Multi Services', description: null },
  { value: 'pjj', label: 'Protection Judiciaire de la Jeunesse', description: null },
  { value: 'plie', label: 'Plans Locaux pour l’Insertion et l’Emploi', description: null },
  { value: 'points-conseil-budget', label: 'Points Conseil Budget', description: null },
  { value: 'points-justice', label: 'Points Justice', description: null },
  { value: 'positive-planet', label: 'Positive Planet', description: null },
  {
    value: 'regions',
    label: 'Régions, Préfectures et services régionaux',
    description:
      'Les Conseils Régionaux (CR), les préfectures, les Directions Régionales de l’Économie, de l’Emploi, du Travail et desSolidarités (DREETS), etc.',
  },
  { value: 'reseau-app', label: 'Réseau APP', description: null },
  { value: 'reseau-bge', label: 'Réseau BGE', description: null },
  { value: 'reseau-entreprendre', label: 'Réseau Entreprendre', description: null },
  { value: 'reseau-information-jeunesse', label: 'Réseau Information Jeunesse', description: null },
  { value: 'residences-fjt', label: 'Résidences - Foyers Jeunes Travailleurs', description: null },
  { value: 'ressourceries', label: 'Ressourceries', description: null },
  { value: 'restos-du-coeur', label: 'Restos du Coeur', description: null },
  { value: 'secours-populaire', label: 'Secours Populaire', description: null },
  { value: 'siao', label: 'Services Intégrés d’Accueil et d’Orientation', description: null },
  { value: 'simplon', label: 'Simplon', description: null },
  { value: 'singa', label: 'Association SINGA', description: null },
  { value: 'snc', label: 'Solidarité Nouvelle Face au Chômage', description: null },
  { value: 'spip', label: 'Services Pénitentiaires d’Insertion et de Probation', description: null },
  { value: 'tous-tes-possibles', label: 'Tous Tes Possibles', description: null },
  { value: 'unaf', label: 'Union Nationale de l’Aide aux Familles', description: null },
  { value: 'unea', label: 'Union Nationale des Entreprises Adaptées', description: null },
  { value: 'unis-cite', label: 'UnisCité', description: null },
  { value: 'wimoov', label: 'Wimoov', description: null },
] as const satisfies readonly DiListItem[];
