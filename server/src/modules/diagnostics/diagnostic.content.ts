import type { FieldError } from '@spie/contract';
import {
  type ConstraintFamily,
  constraintFamilies,
  constraintFamilyLabels,
  type DiagnosticContent,
  type DiagnosticPart,
  diagnosticContent,
  diagnosticParts,
  type ImpactLevel,
} from '@spie/contract/diagnostics';
import type { Db } from '../../db/database';
import { canonicalJson } from '../../kernel/canonicalJson';
import { DomainError } from '../../kernel/errors';
import { type CafMapping, type ConstraintSituations, situationIndex } from './referentials';
import { existingAppellations } from './rome.queries';

/** An empty diagnostic: every family and axis "non exploré". */
export const emptyContent = (): DiagnosticContent => diagnosticContent.parse({});

/** The value of one part of the content, to tell which parts an edit changed. */
function partValue(content: DiagnosticContent, part: DiagnosticPart): unknown {
  if (part.startsWith('constraints.'))
    return content.constraints[part.slice('constraints.'.length) as ConstraintFamily];
  return content[part as 'situation' | 'axes' | 'projects' | 'notes'];
}

export function changedParts(before: DiagnosticContent, after: DiagnosticContent): DiagnosticPart[] {
  return diagnosticParts.filter(
    (part) => canonicalJson(partValue(before, part)) !== canonicalJson(partValue(after, part)),
  );
}

/**
 * What the schema cannot check alone: situation codes from the territory's list (in the right
 * family; a retired one only if it was already there), job titles that exist in the ROME.
 */
export async function contentProblems(
  db: Db,
  content: DiagnosticContent,
  situations: ConstraintSituations,
  previous: DiagnosticContent | null,
): Promise<FieldError[]> {
  const problems: FieldError[] = [];
  const index = situationIndex(situations);
  for (const family of constraintFamilies) {
    const before = new Set(previous?.constraints[family].situations ?? []);
    content.constraints[family].situations.forEach((code, i) => {
      const known = index.get(code);
      const path = `content.constraints.${family}.situations.${i}`;
      if (!known || known.family !== family)
        problems.push({
          path,
          message: `Situation inconnue pour la famille « ${constraintFamilyLabels[family]} » : « ${code} ».`,
        });
      else if (known.retired && !before.has(code))
        problems.push({ path, message: 'Cette situation n’est plus proposée par le territoire.' });
    });
  }
  const codes = content.projects.map((p) => p.appellationCode);
  const known = await existingAppellations(db, codes);
  content.projects.forEach((p, i) => {
    const rome = known.get(p.appellationCode);
    if (!rome)
      problems.push({
        path: `content.projects.${i}.appellationCode`,
        message: 'Métier introuvable dans le répertoire des métiers (ROME) : choisissez-le dans la liste.',
      });
    else if (rome !== p.romeCode)
      problems.push({
        path: `content.projects.${i}.romeCode`,
        message: `Ce métier relève de la fiche ROME ${rome}, pas de ${p.romeCode}.`,
      });
  });
  return problems;
}

export function throwProblems(problems: FieldError[]): void {
  if (problems.length === 0) return;
  throw new DomainError(
    'validation',
    'diagnostic.invalid_content',
    problems.length === 1 ? (problems[0]?.message ?? '') : 'Certaines informations sont à corriger.',
    problems,
  );
}

const IMPACT_RANK: Record<ImpactLevel, number> = { non_explore: 0, sans_impact: 1, moyen: 2, fort: 3 };

/**
 * A starting point from the CAF socio-professional codes: each mapped code sets its family's
 * impact (the strongest wins) and ticks its concrete situation. Codes saying "no difficulty"
 * (no family) change nothing; the professional reviews everything with the person.
 */
export function contentFromCaf(
  content: DiagnosticContent,
  codes: { code: string; value: string }[],
  mapping: CafMapping,
  situations: ConstraintSituations,
): DiagnosticContent {
  const index = situationIndex(situations);
  const next = structuredClone(content);
  for (const { code, value } of codes) {
    const entry = mapping.codes.find((m) => m.code === code && m.value === value);
    if (!entry?.family) continue;
    const assessment = next.constraints[entry.family];
    if (IMPACT_RANK[entry.impact] > IMPACT_RANK[assessment.impact]) assessment.impact = entry.impact;
    const situation = entry.situation ? index.get(entry.situation) : undefined;
    if (
      entry.situation &&
      situation &&
      situation.family === entry.family &&
      !situation.retired &&
      !assessment.situations.includes(entry.situation)
    )
      assessment.situations.push(entry.situation);
  }
  return next;
}
