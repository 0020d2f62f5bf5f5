import {
  type ConstraintFamily,
  constraintFamilies,
  constraintFamilyLabels,
  type Path,
  pathLabels,
} from './diagnostics.enums';
import type { DiagnosticContent, Recommendation } from './diagnostics.schema';

const TWO_YEARS_MS = 2 * 365.25 * 24 * 3600 * 1000;
const IN_ACTIVITY = new Set(['cdi', 'cdd', 'interim', 'contrat_aide', 'independant', 'formation']);
const LOW_FRENCH = new Set(['A1', 'A2', 'to_assess']);

const families = (c: DiagnosticContent, level: 'fort' | 'moyen'): ConstraintFamily[] =>
  constraintFamilies.filter((f) => c.constraints[f].impact === level);
const names = (fs: ConstraintFamily[]) =>
  fs.map((f) => constraintFamilyLabels[f].toLocaleLowerCase('fr-FR')).join(', ');

function byConstraints(c: DiagnosticContent): { path: Path; explanation: string } {
  const strong = families(c, 'fort');
  const medium = families(c, 'moyen');
  if (strong.length >= 2)
    return { path: 'social', explanation: `Plusieurs freins à impact fort (${names(strong)}).` };
  if (strong.length === 1 || medium.length >= 2)
    return {
      path: 'socio_professionnel',
      explanation:
        strong.length === 1
          ? `Un frein à impact fort (${names(strong)}) à lever en même temps que la recherche d’emploi.`
          : `Plusieurs freins à impact moyen (${names(medium)}).`,
    };
  return {
    path: 'emploi',
    explanation:
      medium.length === 1
        ? `Un seul frein à impact moyen (${names(medium)}).`
        : 'Aucun frein à impact fort ou moyen.',
  };
}

/**
 * Path recommendation from the national orientation criteria, checked in order (domain §3):
 * 1. activity now or within the last 2 years, 2. ability to project into work, 3. training level,
 * 4. the level of each constraint. The first criterion that settles the question decides, and the
 * explanation names it. The professional may choose another path with a reason (kept beside it).
 */
export function recommendPath(c: DiagnosticContent, today: Date): Recommendation {
  const s = c.situation;
  const strong = families(c, 'fort');
  const activeNow = s.workSituation !== null && IN_ACTIVITY.has(s.workSituation);
  const recentJob =
    s.lastJobEndedOn !== null &&
    today.getTime() - new Date(`${s.lastJobEndedOn}T00:00:00Z`).getTime() <= TWO_YEARS_MS;

  // 1. Recent activity and nothing strong in the way: straight to employment.
  if ((activeNow || recentJob) && strong.length === 0 && s.canProjectIntoWork !== 'no') {
    return {
      path: 'emploi',
      criterion: 'activity',
      explanation: activeNow
        ? 'La personne est en activité (emploi ou formation) et aucun frein n’a un impact fort.'
        : 'La personne a travaillé il y a moins de 2 ans et aucun frein n’a un impact fort.',
    };
  }
  // 2. Cannot picture themself in a job for now: remobilise first.
  if (s.canProjectIntoWork === 'no') {
    const path: Path = strong.length > 0 ? 'social' : 'socio_professionnel';
    return {
      path,
      criterion: 'projection',
      explanation:
        path === 'social'
          ? `La personne ne se projette pas dans un emploi pour le moment, avec un frein à impact fort (${names(strong)}).`
          : 'La personne ne se projette pas dans un emploi pour le moment.',
    };
  }
  // 3. No qualification and French to learn: build the basics alongside the job search.
  if (s.educationLevel === 'none' && s.frenchLevel !== null && LOW_FRENCH.has(s.frenchLevel)) {
    const decided = byConstraints(c);
    if (decided.path === 'emploi')
      return {
        path: 'socio_professionnel',
        criterion: 'training',
        explanation: 'Aucun diplôme et un niveau de français à consolider (A1, A2 ou à évaluer).',
      };
  }
  // 4. The level of each constraint.
  const decided = byConstraints(c);
  return { ...decided, criterion: 'constraints' };
}

export const recommendationSentence = (r: Recommendation) =>
  `Parcours recommandé : ${pathLabels[r.path].toLocaleLowerCase('fr-FR')}. ${r.explanation}`;
