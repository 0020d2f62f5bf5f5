import type {
  AuthorField,
  AxisLevel,
  CafSocioProCode,
  ConstraintFamily,
  ImpactLevel,
  Path,
  ProfessionalAxis,
} from '@spie/contract/diagnostics';
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
    /**
     * The needs found, exactly (the other families « sans impact », the other axes « point fort »
     * or not explored): what the action plan is built from.
     */
    needs?: {
      constraints: Partial<Record<ConstraintFamily, ImpactLevel>>;
      axes: Partial<Record<ProfessionalAxis, AxisLevel>>;
    };
  };
  /** Preferred channel (default: drawn); SMS for the people a signature link is sent to. */
  preferredChannel?: 'sms' | 'email' | 'letter' | 'phone';
  /** Identity drawn so that the person turns 26 in this many days (give or take a week). */
  turns26InDays?: number;
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

/**
 * 25 people « à orienter » (6 past the 6-week delay), then 12 already oriented, then 7 people of
 * Thomas Girard whose engagement contracts the demo shows (demoContracts.ts).
 */
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
  // --- Engagement contracts (demoContracts.ts): all followed by Thomas Girard ---
  // The acceptance journey's start: oriented, notified, diagnostic done, no contract yet.
  {
    key: 'c01-acceptance',
    commune: BOBIGNY,
    infoDaysAgo: 40,
    source: 'rsa',
    team: [['Girard', 'referent']],
    preferredChannel: 'sms',
    diagnostic: {
      archetype: 'socio_professionnel',
      completedDaysAgo: 8,
      authors: [['Girard', 'employment']],
      needs: {
        constraints: { logement: 'fort', famille: 'moyen' },
        axes: { preparer_sa_candidature: 'besoin', choisir_un_metier: 'point_fort' },
      },
    },
    orientation: {
      status: 'referent_designe',
      org: 'ali-bobigny',
      path: 'socio_professionnel',
      leadKind: 'departement',
      decidedDaysAgo: 14,
      referent: 'Girard',
      reason: 'Logement à stabiliser et candidature à préparer : accompagnement global.',
    },
  },
  // Contract signed 10 weeks ago, hours recorded, childcare waiver running.
  {
    key: 'c02-active',
    commune: DRANCY,
    infoDaysAgo: 130,
    source: 'rsa',
    team: [['Girard', 'referent']],
    preferredChannel: 'sms',
    caf: [['DIFDISP', '0502']],
    diagnostic: {
      archetype: 'socio_professionnel',
      completedDaysAgo: 85,
      authors: [['Girard', 'employment']],
      needs: {
        constraints: { famille: 'fort', mobilite: 'moyen' },
        axes: { preparer_sa_candidature: 'besoin', se_former: 'besoin' },
      },
    },
    orientation: {
      status: 'referent_designe',
      org: 'ali-bobigny',
      path: 'socio_professionnel',
      leadKind: 'departement',
      decidedDaysAgo: 100,
      referent: 'Girard',
      reason: 'Mère isolée, projet dans l’aide à domicile : garde d’enfants et formation à organiser.',
    },
  },
  // Proposed, not signed, past the month after the notification; the link sent has expired.
  {
    key: 'c03-proposed-late',
    commune: BONDY,
    infoDaysAgo: 90,
    source: 'rsa',
    team: [['Girard', 'referent']],
    preferredChannel: 'sms',
    diagnostic: {
      archetype: 'emploi',
      completedDaysAgo: 40,
      authors: [['Girard', 'employment']],
      needs: { constraints: { mobilite: 'moyen' }, axes: { trouver_un_emploi: 'besoin' } },
    },
    orientation: {
      status: 'referent_designe',
      org: 'ali-bobigny',
      path: 'socio_professionnel',
      leadKind: 'departement',
      decidedDaysAgo: 50,
      referent: 'Girard',
      reason: 'Recherche d’emploi dans la logistique, permis à passer.',
    },
  },
  // A draft in preparation.
  {
    key: 'c04-draft',
    commune: PANTIN,
    infoDaysAgo: 45,
    source: 'rsa',
    team: [['Girard', 'referent']],
    diagnostic: {
      archetype: 'socio_professionnel',
      completedDaysAgo: 10,
      authors: [['Girard', 'employment']],
      needs: {
        constraints: { numerique: 'moyen', francais: 'moyen' },
        axes: { choisir_un_metier: 'besoin' },
      },
    },
    orientation: {
      status: 'referent_designe',
      org: 'ali-bobigny',
      path: 'socio_professionnel',
      leadKind: 'departement',
      decidedDaysAgo: 20,
      referent: 'Girard',
      reason: 'Projet professionnel à construire, cours de français à reprendre.',
    },
  },
  // Signed about 8 months ago, review past due: under revision, the plan already changed.
  {
    key: 'c05-revision',
    commune: AULNAY,
    infoDaysAgo: 300,
    source: 'rsa',
    team: [['Girard', 'referent']],
    diagnostic: {
      archetype: 'socio_professionnel',
      completedDaysAgo: 255,
      authors: [['Girard', 'employment']],
      needs: { constraints: { finances: 'fort' }, axes: { trouver_un_emploi: 'besoin' } },
    },
    orientation: {
      status: 'referent_designe',
      org: 'ali-bobigny',
      path: 'socio_professionnel',
      leadKind: 'departement',
      decidedDaysAgo: 260,
      referent: 'Girard',
      reason: 'Dettes à régulariser, recherche d’emploi dans le commerce.',
    },
  },
  // An older CER still running, recorded as history: to convert into an engagement contract.
  {
    key: 'c06-legacy-cer',
    commune: BOBIGNY,
    infoDaysAgo: 600,
    source: 'rsa',
    team: [['Girard', 'referent']],
    orientation: {
      status: 'referent_designe',
      org: 'ali-bobigny',
      path: 'socio_professionnel',
      leadKind: 'departement',
      decidedDaysAgo: 560,
      referent: 'Girard',
      reason: 'Accompagnement socio-professionnel (CER signé avec le département).',
    },
  },
  // A first contract ended on a lasting job; back on RSA, a new contract followed it.
  {
    key: 'c07-successor',
    commune: BOBIGNY,
    infoDaysAgo: 720,
    source: 'rsa',
    team: [['Girard', 'referent']],
    diagnostic: {
      archetype: 'emploi',
      completedDaysAgo: 190,
      authors: [['Girard', 'employment']],
      needs: { constraints: { sante: 'moyen' }, axes: { trouver_un_emploi: 'besoin' } },
    },
    orientation: {
      status: 'referent_designe',
      org: 'ali-bobigny',
      path: 'socio_professionnel',
      leadKind: 'departement',
      decidedDaysAgo: 680,
      referent: 'Girard',
      reason: 'Expérience dans la propreté, reprise d’emploi visée.',
    },
  },
  // --- Systematic review (issue 6, demoReview.ts): Thomas Girard's people in each alert situation ---
  // The acceptance person: contacted 20 days ago, an appointment two days ago still « prévu »:
  // marking it « absent » opens « Sans contact ».
  girardCase('r01-absent-acceptance', 60, 26, BOBIGNY),
  girardCase('r02-lost', 420, 380, DRANCY),
  girardCase('r03-lost', 520, 470, BOBIGNY),
  girardCase('r04-no-contact', 200, 170, BOBIGNY),
  girardCase('r05-no-contact', 240, 210, DRANCY),
  girardCase('r06-rsa-suspended', 150, 120, BOBIGNY),
  girardCase('r07-siae-ending', 460, 420, DRANCY),
  girardCase('r08-job-start', 260, 230, BOBIGNY),
  girardCase('r09-journey-gap', 330, 300, BOBIGNY),
  girardCase('r10-below-plan', 200, 160, DRANCY),
  // Followed by the mission locale of Montreuil, turning 26 in about five weeks.
  {
    key: 'r11-turning-26',
    young: true,
    turns26InDays: 35,
    commune: MONTREUIL,
    infoDaysAgo: 400,
    source: 'mission_locale',
    team: [['Cohen', 'referent']],
    orientation: {
      status: 'referent_designe',
      org: 'ml-montreuil',
      path: 'emploi',
      leadKind: 'mission_locale',
      decidedDaysAgo: 380,
      referent: 'Cohen',
      reason: 'Jeune de moins de 26 ans : accompagnement par la mission locale (CEJ).',
    },
  },
];

/** A person oriented to ALI Bobigny – Drancy and followed by Thomas Girard (review scenarios). */
function girardCase(
  key: string,
  infoDaysAgo: number,
  decidedDaysAgo: number,
  commune: string,
): DemoPersonCase {
  return {
    key,
    commune,
    infoDaysAgo,
    source: 'rsa',
    team: [['Girard', 'referent']],
    preferredChannel: 'sms',
    orientation: {
      status: 'referent_designe',
      org: 'ali-bobigny',
      path: 'socio_professionnel',
      leadKind: 'departement',
      decidedDaysAgo,
      referent: 'Girard',
      reason: 'Accompagnement socio-professionnel par l’agence locale d’insertion.',
    },
  };
}
