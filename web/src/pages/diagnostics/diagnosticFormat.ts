import {
  type ConstraintFamily,
  constraintFamilies,
  constraintFamilyLabels,
  contractTypeLabels,
  type DiagnosticSituation,
  digitalLevelLabels,
  educationLevelLabels,
  frenchLevelLabels,
  type ProfessionalProject,
  projectionAnswerLabels,
  projectStatusLabels,
  workingTimeLabels,
} from '@spie/contract/diagnostics';
import { workSituationLabels } from '@spie/contract/people';

export const notFilled = 'Non renseigné';

/** The six steps of the guided form, in order. */
export const stepTitles = [
  'Situation',
  'Freins',
  'Axes professionnels',
  'Projets professionnels',
  'Observations',
  'Vérifier et valider',
] as const;

export const rqthLabels = { yes: 'Oui', no: 'Non', in_progress: 'Demande en cours' } as const;

export const situationFieldLabels: Record<keyof DiagnosticSituation, string> = {
  workSituation: 'Situation professionnelle',
  lastJobEndedOn: 'Fin du dernier emploi',
  canProjectIntoWork: 'Se projette dans un emploi prochainement',
  educationLevel: 'Niveau de formation',
  frenchLevel: 'Niveau de français',
  digitalLevel: 'Autonomie numérique',
  pixScore: 'Score Pix',
  drivingLicence: 'Permis de conduire',
  vehicle: 'Véhicule',
  mobilityRadiusKm: 'Rayon de mobilité',
  availableFrom: 'Disponible à partir du',
  hoursPerWeek: 'Heures disponibles par semaine',
  childcareNeed: 'Besoin de garde d’enfants',
  rqth: 'Reconnaissance de travailleur handicapé (RQTH)',
};
export const situationKeys = Object.keys(situationFieldLabels) as (keyof DiagnosticSituation)[];

/** "2026-03-12" → "12/03/2026". */
export function formatIsoDay(iso: string | null | undefined): string {
  if (!iso) return notFilled;
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso);
  return m ? `${m[3]}/${m[2]}/${m[1]}` : iso;
}

const yesNo = (value: boolean | null) => (value === null ? notFilled : value ? 'Oui' : 'Non');

/** One situation fact in words ("Non renseigné" when empty). */
export function situationValue<K extends keyof DiagnosticSituation>(
  key: K,
  situation: DiagnosticSituation,
): string {
  const s = situation;
  switch (key) {
    case 'workSituation':
      return s.workSituation ? workSituationLabels[s.workSituation] : notFilled;
    case 'lastJobEndedOn':
      return formatIsoDay(s.lastJobEndedOn);
    case 'canProjectIntoWork':
      return s.canProjectIntoWork ? projectionAnswerLabels[s.canProjectIntoWork] : notFilled;
    case 'educationLevel':
      return s.educationLevel ? educationLevelLabels[s.educationLevel] : notFilled;
    case 'frenchLevel':
      return s.frenchLevel ? frenchLevelLabels[s.frenchLevel] : notFilled;
    case 'digitalLevel':
      return s.digitalLevel ? digitalLevelLabels[s.digitalLevel] : notFilled;
    case 'pixScore':
      return s.pixScore === null ? notFilled : `${s.pixScore} sur 1024`;
    case 'drivingLicence':
      return yesNo(s.drivingLicence);
    case 'vehicle':
      return yesNo(s.vehicle);
    case 'mobilityRadiusKm':
      return s.mobilityRadiusKm === null ? notFilled : `${s.mobilityRadiusKm} km`;
    case 'availableFrom':
      return formatIsoDay(s.availableFrom);
    case 'hoursPerWeek':
      return s.hoursPerWeek === null ? notFilled : `${s.hoursPerWeek} heures`;
    case 'childcareNeed':
      return yesNo(s.childcareNeed);
    case 'rqth':
      return s.rqth ? rqthLabels[s.rqth] : notFilled;
    default:
      return notFilled;
  }
}

const euro = new Intl.NumberFormat('fr-FR', { style: 'currency', currency: 'EUR' });

export const projectFieldLabels = {
  contractTypes: 'Types de contrat',
  workingTime: 'Temps de travail',
  mobilityRadiusKm: 'Rayon de recherche',
  minHourlyWage: 'Salaire horaire minimum',
  status: 'État du projet',
} as const;
export type ProjectField = keyof typeof projectFieldLabels;

export function projectValue(key: ProjectField, project: ProfessionalProject): string {
  switch (key) {
    case 'contractTypes':
      return project.contractTypes.length === 0
        ? notFilled
        : project.contractTypes.map((c) => contractTypeLabels[c]).join(', ');
    case 'workingTime':
      return project.workingTime ? workingTimeLabels[project.workingTime] : notFilled;
    case 'mobilityRadiusKm':
      return project.mobilityRadiusKm === null ? notFilled : `${project.mobilityRadiusKm} km`;
    case 'minHourlyWage':
      return project.minHourlyWage === null ? notFilled : `${euro.format(project.minHourlyWage)} de l’heure`;
    case 'status':
      return projectStatusLabels[project.status];
    default:
      return notFilled;
  }
}

export const projectName = (project: Pick<ProfessionalProject, 'label' | 'romeCode'>) =>
  `${project.label} (code ROME ${project.romeCode})`;

/** Labels of the parts whose last contributor is recorded ("qui a contribué à quoi"). */
export function partLabel(part: string): string {
  if (part === 'situation') return 'Situation';
  if (part === 'axes') return 'Axes professionnels';
  if (part === 'projects') return 'Projets professionnels';
  if (part === 'notes') return 'Observations';
  const family = part.startsWith('constraints.') ? part.slice('constraints.'.length) : '';
  if ((constraintFamilies as readonly string[]).includes(family))
    return `Freins — ${constraintFamilyLabels[family as ConstraintFamily]}`;
  return part;
}

/** Parts in the order of the form. */
export const orderedParts = [
  'situation',
  ...constraintFamilies.map((f) => `constraints.${f}`),
  'axes',
  'projects',
  'notes',
];
