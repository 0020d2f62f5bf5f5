import {
  axisLevelLabels,
  type ConstraintFamily,
  constraintFamilies,
  constraintFamilyLabels,
  type Diagnostic,
  impactLevelLabels,
  pathLabels,
  professionalAxes,
  professionalAxisLabels,
} from '@spie/contract/diagnostics';
import {
  notFilled,
  type ProjectField,
  projectFieldLabels,
  projectName,
  projectValue,
  situationFieldLabels,
  situationKeys,
  situationValue,
} from './diagnosticFormat';

/** What a comparison needs of a version (a whole `Diagnostic` fits). */
export type ComparableDiagnostic = Pick<
  Diagnostic,
  'content' | 'recommendation' | 'chosenPath' | 'chosenPathReason'
>;

export interface DiffRow {
  /** Stable key (the field's path). */
  key: string;
  /** The part of the diagnostic, to group rows under a heading. */
  section: string;
  /** The field in words. */
  label: string;
  before: string;
  after: string;
}

export interface DiffOptions {
  /** Label of a concrete situation code (from the territory's list); the code itself otherwise. */
  situationLabel?: (family: ConstraintFamily, code: string) => string;
}

const text = (value: string | null | undefined) => (value?.trim() ? value.trim() : notFilled);

/**
 * What changed from version `a` to version `b`, field by field, in words: only the fields whose
 * displayed value differs. An empty list means the two versions say the same thing.
 */
export function diffDiagnostics(
  a: ComparableDiagnostic,
  b: ComparableDiagnostic,
  options: DiffOptions = {},
): DiffRow[] {
  const rows: DiffRow[] = [];
  const push = (key: string, section: string, label: string, before: string, after: string) => {
    if (before !== after) rows.push({ key, section, label, before, after });
  };
  const situationLabel = options.situationLabel ?? ((_family, code) => code);

  // Path: the recommendation, then the path chosen by the professional (and why).
  push(
    'recommendation.path',
    'Parcours',
    'Parcours recommandé',
    pathLabels[a.recommendation.path],
    pathLabels[b.recommendation.path],
  );
  push(
    'chosenPath',
    'Parcours',
    'Parcours choisi',
    a.chosenPath ? pathLabels[a.chosenPath] : 'Le parcours recommandé',
    b.chosenPath ? pathLabels[b.chosenPath] : 'Le parcours recommandé',
  );
  push(
    'chosenPathReason',
    'Parcours',
    'Motif du choix de parcours',
    text(a.chosenPathReason),
    text(b.chosenPathReason),
  );

  for (const key of situationKeys) {
    push(
      `situation.${key}`,
      'Situation',
      situationFieldLabels[key],
      situationValue(key, a.content.situation),
      situationValue(key, b.content.situation),
    );
  }

  for (const family of constraintFamilies) {
    const before = a.content.constraints[family];
    const after = b.content.constraints[family];
    const name = constraintFamilyLabels[family];
    const situations = (codes: string[]) =>
      codes.length === 0
        ? 'Aucune'
        : [...codes]
            .map((code) => situationLabel(family, code))
            .sort((x, y) => x.localeCompare(y, 'fr'))
            .join(', ');
    push(
      `constraints.${family}.impact`,
      'Freins',
      `${name} : impact`,
      impactLevelLabels[before.impact],
      impactLevelLabels[after.impact],
    );
    push(
      `constraints.${family}.situations`,
      'Freins',
      `${name} : situations`,
      situations(before.situations),
      situations(after.situations),
    );
    push(`constraints.${family}.note`, 'Freins', `${name} : précision`, text(before.note), text(after.note));
  }

  for (const axis of professionalAxes) {
    const before = a.content.axes[axis];
    const after = b.content.axes[axis];
    const name = professionalAxisLabels[axis];
    push(
      `axes.${axis}.level`,
      'Axes professionnels',
      name,
      axisLevelLabels[before.level],
      axisLevelLabels[after.level],
    );
    push(
      `axes.${axis}.note`,
      'Axes professionnels',
      `${name} : précision`,
      text(before.note),
      text(after.note),
    );
  }

  // Projects are matched by job (ROME appellation), not by position.
  const section = 'Projets professionnels';
  const beforeProjects = new Map(a.content.projects.map((p) => [p.appellationCode, p]));
  const afterProjects = new Map(b.content.projects.map((p) => [p.appellationCode, p]));
  const fields = Object.keys(projectFieldLabels) as ProjectField[];
  for (const [code, before] of beforeProjects) {
    const after = afterProjects.get(code);
    if (!after) {
      push(`projects.${code}`, section, `Projet : ${projectName(before)}`, 'Présent', 'Retiré');
      continue;
    }
    for (const field of fields) {
      push(
        `projects.${code}.${field}`,
        section,
        `Projet ${before.label} : ${projectFieldLabels[field].toLocaleLowerCase('fr-FR')}`,
        projectValue(field, before),
        projectValue(field, after),
      );
    }
  }
  for (const [code, after] of afterProjects) {
    if (!beforeProjects.has(code))
      push(`projects.${code}`, section, `Projet : ${projectName(after)}`, 'Absent', 'Ajouté');
  }

  push('notes', 'Observations', 'Observations', text(a.content.notes), text(b.content.notes));
  return rows;
}
