import type { AuthorField, CafSocioProCode, Path } from '@spie/contract/diagnostics';
import type { LeadKind, OrientationSource } from '@spie/contract/orientations';
import type { TeamRole } from '@spie/contract/people';

/**
 * The people of the demo territory (entirely fictional): who is waiting for an orientation, who
 * is oriented where, with which diagnostic, so the orientation and diagnostic screens have
 * something true to show at first start. Identities are drawn from the fictional generator;
 * dates are relative to the day the demo is loaded.
 */
export interface DemoPersonCase {
  key: string;
  /** Under 26 (mission locale) or an adult RSA recipient. */
  young?: boolean;
  /** Commune of residence (INSEE code, Seine-Saint-Denis). */
  commune: string;
  /** Days before today the RSA opening / transfer information arrived. */
  infoDaysAgo: number;
  source: Exclude<OrientationSource, 'reorientation'>;
  /** Team: demo account last name → role. */
  team?: readonly (readonly [string, TeamRole])[];
  /** CAF socio-professional codes received with the RSA instruction. */
  caf?: readonly (readonly [CafSocioProCode, string])[];
  /** Waiting in the queue, or decided (and then notified, and maybe with a référent). */
  orientation:
    | { status: 'a_orienter'; createdDaysAgo?: number }
    | {
        status: 'notifiee' | 'referent_designe';
        org: string;
        path: Path;
        leadKind: LeadKind;
        decidedDaysAgo: number;
        referent?: string;
        proposedReferent?: string;
        reason: string;
        /** An earlier orientation, replaced after an accepted reorientation request. */
        replaced?: {
          org: string;
          path: Path;
          leadKind: LeadKind;
          referent: string;
          decidedDaysAgo: number;
          requestedDaysAgo: number;
          requestReason: string;
        };
      };
  /** Completed diagnostic (version 1), and possibly a draft started from it. */
  diagnostic?: {
    archetype: Path;
    completedDaysAgo: number;
    authors: readonly (readonly [string, AuthorField])[];
    chosen?: { path: Path; reason: string };
    draftBy?: string;
  };
  /** A reorientation request waiting for the orientation managers. */
  pendingReorientation?: {
    by: string;
    daysAgo: number;
    proposedPath: Path;
    proposedLeadKind: LeadKind;
    proposedOrg: string;
    reason: string;
  };
}

const BOBIGNY = '93008';
const MONTREUIL = '93048';
const SAINT_DENIS = '93066';
const AULNAY = '93005';
const PANTIN = '93055';
const AUBERVILLIERS = '93001';
const DRANCY = '93029';
const BONDY = '93010';

const queue = (
  key: string,
  infoDaysAgo: number,
  commune: string,
  source: DemoPersonCase['source'] = 'rsa',
  extra: Partial<DemoPersonCase> = {},
): DemoPersonCase => ({ key, infoDaysAgo, commune, source, orientation: { status: 'a_orienter' }, ...extra });

/** 25 people « à orienter » (6 past the 6-week delay), then 12 already oriented. */
export const demoPeopleCases: readonly DemoPersonCase[] = [
  queue('q01', 60, BOBIGNY, 'rsa', {
    caf: [
      ['DIFLOG', '1002'],
      ['DIFDISP', '0502'],
    ],
  }),
  queue('q02', 55, DRANCY, 'rsa', { caf: [['NATMOB', '2501']] }),
  queue('q03', 50, SAINT_DENIS),
  queue('q04', 47, AULNAY, 'france_travail'),
  queue('q05', 45, BOBIGNY, 'rsa', { caf: [['DIFSOC', '0406']] }),
  // Entered by hand three days ago for an information received seven weeks ago: already late.
  queue('q06', 50, MONTREUIL, 'manual', { orientation: { status: 'a_orienter', createdDaysAgo: 3 } }),
  queue('q07', 40, BOBIGNY, 'rsa', {
    caf: [
      ['DIFLOG', '1008'],
      ['DIFSOC', '0405'],
    ],
  }),
  // Seen by the social service before any orientation: a diagnostic already points to the social path.
  queue('q08', 38, BOBIGNY, 'rsa', {
    team: [['Diallo', 'intervenant']],
    caf: [['DIFLOG', '1002']],
    diagnostic: { archetype: 'social', completedDaysAgo: 9, authors: [['Diallo', 'social']] },
  }),
  queue('q09', 35, PANTIN),
  queue('q10', 30, SAINT_DENIS, 'france_travail'),
  queue('q11', 28, AUBERVILLIERS, 'rsa', {
    caf: [
      ['DIFDISP', '0502'],
      ['NATMOB', '2502'],
    ],
  }),
  queue('q12', 25, BONDY),
  queue('q13', 21, DRANCY),
  queue('q14', 18, BOBIGNY, 'manual'),
  queue('q15', 15, AULNAY, 'rsa', { caf: [['DIFLOG', '1003']] }),
  queue('q16', 12, MONTREUIL),
  queue('q17', 10, SAINT_DENIS, 'france_travail'),
  queue('q18', 8, BOBIGNY, 'rsa', { caf: [['DIFLOG', '1002']] }),
  queue('q19', 6, PANTIN),
  queue('q20', 5, AUBERVILLIERS),
  queue('q21', 4, BOBIGNY, 'rsa', {
    caf: [
      ['NATMOB', '2501'],
      ['DIFDISP', '0503'],
    ],
  }),
  queue('q22', 3, DRANCY, 'manual'),
  queue('q23', 2, BONDY),
  queue('q24', 1, AULNAY, 'france_travail'),
  queue('q25', 0, BOBIGNY),

  // --- Oriented ---
  {
    key: 'o01-joint',
    commune: BOBIGNY,
    infoDaysAgo: 75,
    source: 'rsa',
    team: [
      ['Girard', 'referent'],
      ['Diallo', 'co_referent'],
    ],
    caf: [['DIFLOG', '1002']],
    diagnostic: {
      archetype: 'socio_professionnel',
      completedDaysAgo: 20,
      authors: [
        ['Girard', 'employment'],
        ['Diallo', 'social'],
      ],
    },
    orientation: {
      status: 'referent_designe',
      org: 'ali-bobigny',
      path: 'socio_professionnel',
      leadKind: 'departement',
      decidedDaysAgo: 45,
      referent: 'Girard',
      reason: 'Projet d’emploi dans l’aide à domicile, logement à stabiliser en parallèle.',
    },
  },
  {
    key: 'o02',
    commune: DRANCY,
    infoDaysAgo: 120,
    source: 'rsa',
    team: [['Girard', 'referent']],
    diagnostic: {
      archetype: 'emploi',
      completedDaysAgo: 70,
      authors: [['Girard', 'employment']],
      draftBy: 'Girard',
    },
    orientation: {
      status: 'referent_designe',
      org: 'ali-bobigny',
      path: 'socio_professionnel',
      leadKind: 'departement',
      decidedDaysAgo: 90,
      referent: 'Girard',
      reason: 'Accompagnement global souhaité par la personne.',
    },
  },
  {
    key: 'o03',
    commune: BOBIGNY,
    infoDaysAgo: 150,
    source: 'rsa',
    team: [['Moreau', 'referent']],
    orientation: {
      status: 'referent_designe',
      org: 'ali-bobigny',
      path: 'socio_professionnel',
      leadKind: 'departement',
      decidedDaysAgo: 120,
      referent: 'Moreau',
      reason: 'Freins mobilité et garde d’enfants à lever avant une reprise d’emploi.',
    },
  },
  {
    key: 'o04-choice',
    commune: SAINT_DENIS,
    infoDaysAgo: 95,
    source: 'rsa',
    team: [['Petit', 'referent']],
    diagnostic: {
      archetype: 'emploi',
      completedDaysAgo: 50,
      authors: [['Petit', 'employment']],
      chosen: {
        path: 'socio_professionnel',
        reason: 'Choix concerté avec la personne : elle souhaite d’abord lever le frein logement.',
      },
    },
    orientation: {
      status: 'referent_designe',
      org: 'ali-saint-denis',
      path: 'socio_professionnel',
      leadKind: 'departement',
      decidedDaysAgo: 60,
      referent: 'Petit',
      reason: 'Parcours socio-professionnel retenu au diagnostic, avec l’accord de la personne.',
    },
  },
  {
    key: 'o05',
    commune: BOBIGNY,
    infoDaysAgo: 50,
    source: 'france_travail',
    team: [['Bernard', 'referent']],
    orientation: {
      status: 'referent_designe',
      org: 'ft-bobigny',
      path: 'emploi',
      leadKind: 'france_travail',
      decidedDaysAgo: 30,
      referent: 'Bernard',
      reason: 'A travaillé comme cariste jusqu’à l’an dernier, prêt à reprendre un emploi.',
    },
  },
  {
    key: 'o06-young',
    young: true,
    commune: MONTREUIL,
    infoDaysAgo: 130,
    source: 'mission_locale',
    team: [['Cohen', 'referent']],
    orientation: {
      status: 'referent_designe',
      org: 'ml-montreuil',
      path: 'emploi',
      leadKind: 'mission_locale',
      decidedDaysAgo: 100,
      referent: 'Cohen',
      reason: 'Jeune de moins de 26 ans : accompagnement par la mission locale (CEJ).',
    },
  },
  {
    key: 'o07-social',
    commune: BOBIGNY,
    infoDaysAgo: 180,
    source: 'rsa',
    team: [['Diallo', 'referent']],
    diagnostic: { archetype: 'social', completedDaysAgo: 140, authors: [['Diallo', 'social']] },
    orientation: {
      status: 'referent_designe',
      org: 'ssd-bobigny',
      path: 'social',
      leadKind: 'departement',
      decidedDaysAgo: 150,
      referent: 'Diallo',
      reason: 'Situation de logement et de santé à stabiliser d’abord.',
    },
  },
  {
    key: 'o08-rqth',
    commune: SAINT_DENIS,
    infoDaysAgo: 100,
    source: 'cap_emploi',
    team: [['Dubois', 'referent']],
    orientation: {
      status: 'referent_designe',
      org: 'cap-emploi',
      path: 'emploi',
      leadKind: 'cap_emploi',
      decidedDaysAgo: 75,
      referent: 'Dubois',
      reason: 'Reconnaissance de travailleur handicapé : accompagnement par Cap emploi.',
    },
  },
  // Oriented to ALI Bobigny, letter sent, no référent yet: Nadia Haddad's « À affecter » list.
  {
    key: 'o09-to-assign',
    commune: BOBIGNY,
    infoDaysAgo: 30,
    source: 'rsa',
    orientation: {
      status: 'notifiee',
      org: 'ali-bobigny',
      path: 'socio_professionnel',
      leadKind: 'departement',
      decidedDaysAgo: 6,
      proposedReferent: 'Moreau',
      reason: 'Recherche d’emploi à accompagner avec un appui sur la mobilité.',
    },
  },
  {
    key: 'o10-to-assign',
    commune: DRANCY,
    infoDaysAgo: 20,
    source: 'rsa',
    caf: [['DIFDISP', '0502']],
    orientation: {
      status: 'notifiee',
      org: 'ali-bobigny',
      path: 'socio_professionnel',
      leadKind: 'departement',
      decidedDaysAgo: 2,
      reason: 'Mère isolée, garde d’enfants à organiser avant la reprise d’une formation.',
    },
  },
  // Reoriented once: the France Travail orientation stays, replaced.
  {
    key: 'o11-reoriented',
    commune: BOBIGNY,
    infoDaysAgo: 420,
    source: 'rsa',
    team: [['Girard', 'referent']],
    orientation: {
      status: 'referent_designe',
      org: 'ali-bobigny',
      path: 'socio_professionnel',
      leadKind: 'departement',
      decidedDaysAgo: 195,
      referent: 'Girard',
      reason: 'Réorientation acceptée : freins de logement apparus après l’orientation.',
      replaced: {
        org: 'ft-bobigny',
        path: 'emploi',
        leadKind: 'france_travail',
        referent: 'Bernard',
        decidedDaysAgo: 390,
        requestedDaysAgo: 205,
        requestReason:
          'Expulsion locative en cours : la recherche d’emploi n’est plus possible sans un accompagnement global.',
      },
    },
  },
  // A reorientation request waiting for the orientation managers.
  {
    key: 'o12-reorientation',
    commune: PANTIN,
    infoDaysAgo: 280,
    source: 'rsa',
    team: [['Girard', 'referent']],
    caf: [
      ['DIFLOG', '1006'],
      ['DIFSOC', '0406'],
    ],
    orientation: {
      status: 'referent_designe',
      org: 'ali-bobigny',
      path: 'socio_professionnel',
      leadKind: 'departement',
      decidedDaysAgo: 250,
      referent: 'Girard',
      reason: 'Projet dans la logistique, permis à passer.',
    },
    pendingReorientation: {
      by: 'Girard',
      daysAgo: 4,
      proposedPath: 'social',
      proposedLeadKind: 'departement',
      proposedOrg: 'ssd-bobigny',
      reason:
        'Sans hébergement stable depuis deux mois : un accompagnement social est nécessaire avant toute démarche d’emploi.',
    },
  },
];
