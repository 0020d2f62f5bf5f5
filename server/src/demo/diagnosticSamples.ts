import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import {
  type ConstraintFamily,
  constraintFamilies,
  type DiagnosticContent,
  type DiagnosticContentInput,
  diagnosticContent,
  type ImpactLevel,
  type Path,
  professionalAxes,
  type Recommendation,
  recommendPath,
} from '@spie/contract/diagnostics';
import type { Rng } from './fictionalIdentities';

/**
 * Fictional but realistic diagnostics for the demo and scale seeds: every content goes through
 * the contract's `diagnosticContent` (so it is what the form would have saved) and its
 * recommendation through `recommendPath`.
 */

const DAY_MS = 86_400_000;
export const isoDay = (date: Date) => date.toISOString().slice(0, 10);
export const addDays = (date: Date, days: number) => new Date(date.getTime() + days * DAY_MS);

/** Common ROME job titles of the territory (code, label, ROME sheet): `server/data/rome/appellations.tsv`. */
// biome-ignore format: a dense reference list reads better than one job per line
export const commonJobs: readonly (readonly [string, string, string])[] = [
  ['10571', 'Agent / Agente de propreté de locaux', 'K2204'],
  ['10599', 'Agent / Agente de sécurité', 'K2503'],
  ['10372', "Agent / Agente d'accueil", 'M1601'],
  ['10805', 'Aide à domicile', 'K1304'],
  ['10891', 'Aide-soignant / Aide-soignante', 'J1501'],
  ['11453', 'Auxiliaire de vie', 'K1302'],
  ['11448', 'Auxiliaire de puériculture', 'J1304'],
  ['11183', 'Assistant administratif / Assistante administrative', 'M1607'],
  ['11573', 'Boulanger / Boulangère', 'D1102'],
  ['11640', 'Caissier / Caissière', 'D1505'],
  ['11679', 'Cariste', 'N1101'],
  ['11999', 'Chauffeur-livreur / Chauffeuse-livreuse', 'N4105'],
  ['12688', 'Coiffeur / Coiffeuse', 'D1202'],
  ['12786', 'Comptable', 'M1203'],
  ['12896', 'Conducteur / Conductrice de bus', 'N4103'],
  ['13861', 'Cuisinier / Cuisinière', 'G1602'],
  ['14153', 'Développeur / Développeuse informatique', 'M1805'],
  ['14156', 'Développeur / Développeuse web', 'M1805'],
  ['14748', 'Employé administratif / Employée administrative', 'M1602'],
  ['14769', 'Employé / Employée de libre-service', 'D1507'],
  ['15487', 'Hôte / Hôtesse de caisse', 'D1505'],
  ['16067', 'Jardinier / Jardinière', 'A1203'],
  ['16204', 'Livreur / Livreuse', 'N4105'],
  ['16250', 'Maçon / Maçonne', 'F1703'],
  ['16276', 'Magasinier / Magasinière', 'N1103'],
  ['16361', 'Manutentionnaire', 'N1105'],
  ['17619', 'Peintre en bâtiment', 'F1606'],
  ['17837', 'Plombier / Plombière', 'F1603'],
  ['17993', 'Préparateur / Préparatrice de commandes', 'N1103'],
  ['19364', 'Secrétaire', 'M1607'],
  ['19430', 'Serveur / Serveuse en restauration', 'G1803'],
  ['20540', 'Vendeur / Vendeuse en alimentation générale', 'D1106'],
];

/** The codes of the shipped list of concrete situations per constraint family, when present. */
export type SituationCodes = Partial<Record<ConstraintFamily, readonly string[]>>;

/**
 * Reads `server/data/referentials/constraint_situations.json` (the national default list the
 * territory may edit), from the sources or the built bundle; an empty map when absent.
 */
export function loadSituationCodes(): SituationCodes {
  const candidates = [
    path.join(import.meta.dirname, '..', '..', 'data', 'referentials', 'constraint_situations.json'),
    path.join(import.meta.dirname, '..', 'data', 'referentials', 'constraint_situations.json'),
  ];
  const file = candidates.find((f) => existsSync(f));
  if (!file) return {};
  try {
    const json = JSON.parse(readFileSync(file, 'utf8')) as {
      families?: Record<string, { code: string; retired?: boolean }[]>;
    };
    const out: SituationCodes = {};
    for (const family of constraintFamilies) {
      const items = json.families?.[family];
      if (Array.isArray(items))
        out[family] = items.filter((i) => i && typeof i.code === 'string' && !i.retired).map((i) => i.code);
    }
    return out;
  } catch {
    return {};
  }
}

/** The three kinds of situation the samples are drawn from, named after the path they usually lead to. */
export type Archetype = Path;

const impactOdds: Record<Archetype, readonly (readonly [ImpactLevel, number])[]> = {
  emploi: [
    ['sans_impact', 55],
    ['moyen', 10],
    ['fort', 0],
    ['non_explore', 35],
  ],
  socio_professionnel: [
    ['sans_impact', 40],
    ['moyen', 30],
    ['fort', 8],
    ['non_explore', 22],
  ],
  social: [
    ['sans_impact', 25],
    ['moyen', 25],
    ['fort', 30],
    ['non_explore', 20],
  ],
};

function weighted<T>(rng: Rng, entries: readonly (readonly [T, number])[]): T {
  const total = entries.reduce((a, [, w]) => a + w, 0);
  let x = rng.next() * total;
  for (const [item, w] of entries) {
    x -= w;
    if (x < 0) return item;
  }
  return (entries[entries.length - 1] as readonly [T, number])[0];
}

/** Short notes per family (never health details: those belong to the sensitive section). */
const familyNotes: Partial<Record<ConstraintFamily, readonly string[]>> = {
  logement: [
    'Hébergée chez sa sœur avec ses deux enfants, demande de logement social déposée.',
    'Impayés de loyer depuis trois mois, dossier FSL en cours.',
    'Vit en hôtel social, changements d’adresse fréquents.',
  ],
  mobilite: [
    'Pas de permis ; se déplace en bus, 45 minutes pour rejoindre Bobigny.',
    'Permis B suspendu jusqu’au printemps.',
    'Prête à travailler en horaires décalés si un transport existe.',
  ],
  famille: [
    'Deux enfants de moins de 3 ans, pas de place en crèche pour l’instant.',
    'Aidant de sa mère âgée plusieurs demi-journées par semaine.',
  ],
  finances: [
    'Dettes en cours, dossier de surendettement à constituer.',
    'Budget très serré, aide alimentaire ponctuelle.',
  ],
  numerique: [
    'N’a pas d’ordinateur ; utilise son téléphone pour les démarches.',
    'Pas d’adresse électronique active.',
  ],
  administratif: [
    'Titre de séjour à renouveler dans deux mois.',
    'Déclaration d’impôts de l’an dernier non faite.',
  ],
  francais: [
    'Comprend bien à l’oral, difficultés à l’écrit.',
    'Cours de français deux fois par semaine depuis septembre.',
  ],
};

const observations: readonly string[] = [
  'Personne motivée, souhaite reprendre rapidement une activité à temps partiel.',
  'Premier entretien : a besoin de temps pour stabiliser sa situation de logement.',
  'Expérience de 8 ans dans la vente, souhaite se reconvertir.',
  'Souhaite une formation qualifiante avant de reprendre un emploi.',
  'Disponible immédiatement, intéressé·e par l’intérim pour commencer.',
  'Entretien mené à deux voix avec le service social.',
];

const choiceReasons: readonly string[] = [
  'Choix concerté avec la personne : elle souhaite d’abord lever le frein logement.',
  'La personne a une promesse d’embauche : accompagnement vers l’emploi privilégié.',
  'Situation familiale à stabiliser avant toute démarche d’emploi.',
  'Projet professionnel déjà validé, la personne préfère un accompagnement emploi renforcé.',
];

export interface SampleOptions {
  archetype: Archetype;
  /** Day the diagnostic is completed (the recommendation is computed at that date). */
  on: Date;
  situationCodes?: SituationCodes;
  /** Likelihood of free-text notes (0–1). */
  notes?: number;
}

export interface DiagnosticSample {
  content: DiagnosticContent;
  recommendation: Recommendation;
  /** Days between the last job's end and the completion day (null: no recent job). */
  lastJobDaysBefore: number | null;
}

/** One diagnostic, parsed by the contract, with its recommended path. */
export function sampleDiagnostic(rng: Rng, options: SampleOptions): DiagnosticSample {
  const a = options.archetype;
  const codes = options.situationCodes ?? {};
  const noteRate = options.notes ?? 0.3;
  const working = a === 'emploi' && rng.chance(0.25);
  const lastJobDaysBefore =
    a === 'emploi'
      ? working
        ? null
        : rng.int(20, 650)
      : a === 'socio_professionnel'
        ? rng.chance(0.4)
          ? rng.int(300, 1500)
          : null
        : rng.chance(0.2)
          ? rng.int(800, 3000)
          : null;
  const workSituation = working
    ? rng.pick(['cdd', 'interim', 'contrat_aide', 'formation'] as const)
    : rng.chance(0.05)
      ? null
      : 'sans_emploi';
  const education = weighted(rng, [
    ['none', a === 'emploi' ? 15 : 35],
    ['3', 35],
    ['4', 25],
    ['5', a === 'social' ? 5 : 12],
    ['6', 6],
    ['7', 3],
  ] as const);
  const french = weighted(rng, [
    ['C2', 35],
    ['C1', 15],
    ['B2', 15],
    ['B1', 12],
    ['A2', 10],
    ['A1', 5],
    ['to_assess', 8],
  ] as const);
  const licence = rng.chance(a === 'social' ? 0.25 : 0.45);
  const constraints: Record<string, { impact: ImpactLevel; situations: string[]; note: string | null }> = {};
  for (const family of constraintFamilies) {
    let impact = weighted(rng, impactOdds[a]);
    if (family === 'francais' && ['A1', 'A2', 'to_assess'].includes(french) && impact === 'sans_impact')
      impact = 'moyen';
    if (family === 'mobilite' && !licence && impact === 'non_explore') impact = 'moyen';
    const list = codes[family] ?? [];
    const situations =
      (impact === 'fort' || impact === 'moyen') && list.length > 0
        ? [...new Set(Array.from({ length: rng.int(1, 2) }, () => rng.pick(list)))]
        : [];
    const texts = familyNotes[family];
    const note =
      family !== 'sante' &&
      impact !== 'sans_impact' &&
      impact !== 'non_explore' &&
      texts &&
      rng.chance(noteRate)
        ? rng.pick(texts)
        : null;
    constraints[family] = { impact, situations, note };
  }
  const axes: Record<string, { level: 'point_fort' | 'besoin' | 'non_explore'; note: null }> = {};
  for (const axis of professionalAxes) {
    const explored = axis === 'international' || axis === 'creer_une_entreprise' ? 0.3 : 0.85;
    axes[axis] = {
      level: rng.chance(explored)
        ? rng.chance(a === 'emploi' ? 0.55 : 0.3)
          ? 'point_fort'
          : 'besoin'
        : 'non_explore',
      note: null,
    };
  }
  const projectCount =
    a === 'social' ? rng.int(0, 1) : a === 'socio_professionnel' ? rng.int(0, 2) : rng.int(1, 3);
  const projects: NonNullable<DiagnosticContentInput['projects']> = [];
  const used = new Set<string>();
  for (let n = 0; n < projectCount; n++) {
    const [code, label, romeCode] = rng.pick(commonJobs);
    if (used.has(code)) continue;
    used.add(code);
    projects.push({
      appellationCode: code,
      romeCode,
      label,
      contractTypes: [
        ...new Set([
          rng.pick(['cdi', 'cdd', 'interim'] as const),
          rng.pick(['cdd', 'interim', 'apprentissage'] as const),
        ]),
      ],
      workingTime: rng.pick(['full_time', 'part_time', 'either'] as const),
      mobilityRadiusKm: rng.pick([5, 10, 15, 20, 30]),
      minHourlyWage: rng.chance(0.4) ? rng.pick([11.88, 12, 12.5, 13, 14]) : null,
      status: rng.pick(['a_construire', 'en_validation', 'valide'] as const),
    });
  }
  const input: DiagnosticContentInput = {
    situation: {
      workSituation,
      lastJobEndedOn: lastJobDaysBefore === null ? null : isoDay(addDays(options.on, -lastJobDaysBefore)),
      canProjectIntoWork:
        a === 'social'
          ? rng.pick(['no', 'no', 'partly'] as const)
          : a === 'emploi'
            ? 'yes'
            : rng.pick(['yes', 'partly', 'partly'] as const),
      educationLevel: education,
      frenchLevel: french,
      digitalLevel: rng.pick(['none', 'beginner', 'beginner', 'autonomous', 'autonomous', 'expert'] as const),
      pixScore: rng.chance(0.2) ? rng.int(80, 600) : null,
      drivingLicence: licence,
      vehicle: licence ? rng.chance(0.5) : false,
      mobilityRadiusKm: rng.pick([5, 10, 15, 20, 30]),
      availableFrom: rng.chance(0.3) ? isoDay(addDays(options.on, rng.int(0, 60))) : null,
      hoursPerWeek: rng.pick([15, 20, 24, 35, 35]),
      childcareNeed: constraints.famille?.impact === 'fort' || constraints.famille?.impact === 'moyen',
      rqth: rng.chance(0.06) ? rng.pick(['yes', 'in_progress'] as const) : rng.chance(0.7) ? 'no' : null,
    },
    constraints,
    axes,
    projects,
    notes: rng.chance(noteRate) ? rng.pick(observations) : null,
  };
  const content = diagnosticContent.parse(input);
  return { content, recommendation: recommendPath(content, options.on), lastJobDaysBefore };
}

/** A written reason for choosing another path than the recommended one. */
export const pickChoiceReason = (rng: Rng) => rng.pick(choiceReasons);
export { choiceReasons };
