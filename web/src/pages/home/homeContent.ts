import type { Role } from '@spie/contract/territories';

export interface HomeSection {
  title: string;
  description: string;
  /** Honest empty state: what will appear here once the capability ships or data exists. */
  emptyState?: string;
  /** The page where this work is done, once the capability exists. */
  to?: string;
}

export interface HomeLink {
  title: string;
  description: string;
  to: string;
}

export interface HomeContent {
  intro: string;
  sections: HomeSection[];
  links: HomeLink[];
}

const followedPeople: HomeSection = {
  title: 'Personnes accompagnées',
  description:
    'La liste des personnes que vous accompagnez, votre rôle auprès de chacune et leurs statuts en cours.',
  to: '/personnes',
};

const findPerson: HomeSection = {
  title: 'Rechercher une personne',
  description:
    'Retrouver un dossier par le nom, la date de naissance ou un identifiant, ou savoir dans l’annuaire qui accompagne une personne.',
  to: '/personnes/recherche',
};

const teamRequests: HomeSection = {
  title: 'Demandes d’équipe',
  description:
    'Les invitations à rejoindre l’équipe d’une personne et les demandes des autres professionnels.',
  to: '/equipes/demandes',
};

const reorientations: HomeSection = {
  title: 'Mes demandes de réorientation',
  description:
    'Les réorientations que vous avez demandées pour les personnes dont vous êtes référent·e, et la réponse de la cellule d’orientation.',
  to: '/orientations/reorientations',
};

const appointments: HomeSection = {
  title: 'Agenda',
  description:
    'Vos prochains rendez-vous avec les personnes accompagnées, jour par jour ou semaine par semaine.',
  to: '/agenda',
};

const myCaseload: HomeSection = {
  title: 'Ma file active',
  description:
    'Les personnes que vous suivez qui ont une alerte (sans contact, contrat à signer, point de situation à faire…), les plus urgentes d’abord.',
  to: '/file-active',
};

const reviewOverview = (description: string): HomeSection => ({
  title: 'Alertes',
  description,
  to: '/revue',
});

/** What each role finds on its home page. */
export const homeContentByRole: Record<Role, HomeContent> = {
  professional: {
    intro: 'Retrouvez ici les personnes que vous accompagnez et ce qu’il reste à faire pour chacune.',
    sections: [
      myCaseload,
      appointments,
      followedPeople,
      findPerson,
      teamRequests,
      reorientations,
      {
        title: 'Contrats d’engagement',
        description: 'Les contrats à signer ou à revoir prochainement.',
        emptyState: 'Les contrats à signer ou à réviser apparaîtront ici.',
      },
    ],
    links: [],
  },
  social_worker: {
    intro: 'Retrouvez ici les personnes que vous accompagnez dans leur parcours social.',
    sections: [
      myCaseload,
      appointments,
      followedPeople,
      findPerson,
      teamRequests,
      reorientations,
      {
        title: 'Réexamens du parcours social',
        description: 'Les parcours sociaux à réexaminer à l’échéance fixée par le territoire.',
        emptyState: 'Les parcours à réexaminer apparaîtront ici.',
      },
    ],
    links: [],
  },
  orientation_manager: {
    intro: 'Vous trouverez ici les personnes qui attendent une décision, avec le délai restant pour chacune.',
    sections: [
      {
        title: 'Personnes à orienter',
        description:
          'La file des personnes en attente d’orientation, les personnes en retard d’abord, avec le délai restant.',
        to: '/orientations/a-orienter',
      },
      {
        title: 'Demandes de réorientation',
        description: 'Les réorientations demandées par les référent·es, à accepter ou à refuser.',
        to: '/orientations/reorientations',
      },
      {
        title: 'Orientations récentes',
        description: 'Les orientations décidées dernièrement et leur suite.',
        emptyState: 'Les orientations que vous décidez apparaîtront ici.',
      },
      findPerson,
    ],
    links: [],
  },
  structure_manager: {
    intro:
      'Désignez les référents des personnes orientées vers votre structure et suivez l’activité de votre équipe.',
    sections: [
      {
        title: 'Personnes à affecter',
        description: 'Les personnes orientées vers votre structure qui attendent un ou une référent·e.',
        to: '/orientations/a-affecter',
      },
      reviewOverview(
        'Les alertes ouvertes de votre structure, par type et par référent·e, et les points de situation à jour.',
      ),
      myCaseload,
      appointments,
      {
        title: 'Votre équipe',
        description: 'Les professionnels de votre structure et le nombre de personnes que chacun accompagne.',
        emptyState: 'Les professionnels de votre structure apparaîtront ici.',
      },
      {
        ...followedPeople,
        description:
          'Les personnes que vous accompagnez, ou toutes celles que suit votre structure, avec leur référent·e.',
      },
      teamRequests,
    ],
    links: [],
  },
  territory_admin: {
    intro: 'Choisissez ci-dessous ce que vous voulez gérer.',
    sections: [],
    links: [
      {
        title: 'Structures',
        description: 'Créer, modifier ou désactiver les structures du territoire.',
        to: '/admin/structures',
      },
      {
        title: 'Comptes',
        description: 'Créer les comptes des professionnels et gérer leurs rattachements.',
        to: '/admin/comptes',
      },
      {
        title: 'Paramètres du territoire',
        description: 'Délais légaux, seuils d’alerte et durées de conservation.',
        to: '/admin/parametres',
      },
      {
        title: 'Listes de référence',
        description:
          'Les situations proposées dans le diagnostic et leurs correspondances (thématiques de l’offre, codes CAF).',
        to: '/territoire/listes-de-reference',
      },
      {
        title: 'Règles d’alerte',
        description: 'Les délais des alertes (sans contact, perdu·e de vue…) et le recalcul des alertes.',
        to: '/territoire/regles-d-alerte',
      },
      {
        title: 'Alertes',
        description: 'Les alertes ouvertes du territoire par type et par structure (des totaux, sans nom).',
        to: '/revue',
      },
      { title: 'Journal d’audit', description: 'Qui a fait quoi, et quand.', to: '/admin/audit' },
      {
        title: 'Rechercher une personne',
        description: 'Retrouver un dossier pour vérifier son identité ou repérer un doublon.',
        to: '/personnes/recherche',
      },
    ],
  },
  steering_viewer: {
    intro: 'Les indicateurs sont des totaux : aucune personne n’y est nommée.',
    sections: [
      reviewOverview(
        'Les alertes ouvertes du territoire par type et par structure, et les points de situation à jour.',
      ),
      {
        title: 'Indicateurs',
        description:
          'Délais d’orientation et de signature des contrats, nombre de personnes accompagnées par type d’organisme.',
        emptyState: 'Les indicateurs du territoire apparaîtront ici.',
      },
    ],
    links: [],
  },
};
