import type { Role } from '@spie/contract/territories';

export interface HomeSection {
  title: string;
  description: string;
  /** Honest empty state: what will appear here once the capability ships or data exists. */
  emptyState: string;
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
  description: 'La liste des personnes dont vous êtes le ou la référent·e, avec leurs prochaines échéances.',
  emptyState: 'Vos personnes accompagnées apparaîtront ici.',
};

const appointments: HomeSection = {
  title: 'Rendez-vous',
  description: 'Vos prochains rendez-vous avec les personnes accompagnées.',
  emptyState: 'Vos rendez-vous à venir apparaîtront ici.',
};

/** What each role finds on its home page. */
export const homeContentByRole: Record<Role, HomeContent> = {
  professional: {
    intro: 'Retrouvez ici les personnes que vous accompagnez et ce qu’il reste à faire pour chacune.',
    sections: [
      followedPeople,
      appointments,
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
      followedPeople,
      appointments,
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
          'La file des personnes en attente d’orientation, les plus anciennes d’abord, avec le délai restant.',
        emptyState: 'Les personnes en attente d’orientation apparaîtront ici.',
      },
      {
        title: 'Orientations récentes',
        description: 'Les orientations décidées dernièrement et leur suite.',
        emptyState: 'Les orientations que vous décidez apparaîtront ici.',
      },
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
        emptyState: 'Les personnes à affecter à un·e référent·e apparaîtront ici.',
      },
      {
        title: 'Votre équipe',
        description: 'Les professionnels de votre structure et le nombre de personnes que chacun accompagne.',
        emptyState: 'Les professionnels de votre structure apparaîtront ici.',
      },
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
      { title: 'Journal d’audit', description: 'Qui a fait quoi, et quand.', to: '/admin/audit' },
    ],
  },
  steering_viewer: {
    intro: 'Les indicateurs sont des totaux : aucune personne n’y est nommée.',
    sections: [
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
