import {
  type AxisLevel,
  type ConstraintFamily,
  type ContractType,
  constraintFamilies,
  type DiagnosticContent,
  type DiagnosticContentInput,
  diagnosticContent,
  type ImpactLevel,
  type ProfessionalAxis,
  professionalAxes,
} from '@spie/contract/diagnostics';
import { frenchToIso, isoToFrench } from '../people/personForm';
import { situationFieldLabels } from './diagnosticFormat';

type YesNo = '' | 'yes' | 'no';

/** The diagnostic as the form holds it: text in every input, '' for "not filled". */
export interface DiagnosticFormValues {
  situation: {
    workSituation: string;
    lastJobEndedOn: string;
    canProjectIntoWork: string;
    educationLevel: string;
    frenchLevel: string;
    digitalLevel: string;
    pixScore: string;
    drivingLicence: YesNo;
    vehicle: YesNo;
    mobilityRadiusKm: string;
    availableFrom: string;
    hoursPerWeek: string;
    childcareNeed: YesNo;
    rqth: '' | 'yes' | 'no' | 'in_progress';
  };
  constraints: Record<ConstraintFamily, { impact: ImpactLevel; situations: string[]; note: string }>;
  axes: Record<ProfessionalAxis, { level: AxisLevel; note: string }>;
  projects: {
    appellationCode: string;
    romeCode: string;
    label: string;
    contractTypes: ContractType[];
    workingTime: string;
    mobilityRadiusKm: string;
    minHourlyWage: string;
    status: string;
  }[];
  notes: string;
}

const str = (value: number | string | null) => (value === null ? '' : String(value));
const yesNo = (value: boolean | null): YesNo => (value === null ? '' : value ? 'yes' : 'no');

export function formFromContent(content: DiagnosticContent): DiagnosticFormValues {
  const s = content.situation;
  return {
    situation: {
      workSituation: s.workSituation ?? '',
      lastJobEndedOn: s.lastJobEndedOn ? isoToFrench(s.lastJobEndedOn) : '',
      canProjectIntoWork: s.canProjectIntoWork ?? '',
      educationLevel: s.educationLevel ?? '',
      frenchLevel: s.frenchLevel ?? '',
      digitalLevel: s.digitalLevel ?? '',
      pixScore: str(s.pixScore),
      drivingLicence: yesNo(s.drivingLicence),
      vehicle: yesNo(s.vehicle),
      mobilityRadiusKm: str(s.mobilityRadiusKm),
      availableFrom: s.availableFrom ? isoToFrench(s.availableFrom) : '',
      hoursPerWeek: str(s.hoursPerWeek),
      childcareNeed: yesNo(s.childcareNeed),
      rqth: s.rqth ?? '',
    },
    constraints: Object.fromEntries(
      constraintFamilies.map((f) => {
        const c = content.constraints[f];
        return [f, { impact: c.impact, situations: [...c.situations], note: c.note ?? '' }];
      }),
    ) as DiagnosticFormValues['constraints'],
    axes: Object.fromEntries(
      professionalAxes.map((a) => [a, { level: content.axes[a].level, note: content.axes[a].note ?? '' }]),
    ) as DiagnosticFormValues['axes'],
    projects: content.projects.map((p) => ({
      appellationCode: p.appellationCode,
      romeCode: p.romeCode,
      label: p.label,
      contractTypes: [...p.contractTypes],
      workingTime: p.workingTime ?? '',
      mobilityRadiusKm: str(p.mobilityRadiusKm),
      minHourlyWage: p.minHourlyWage === null ? '' : String(p.minHourlyWage).replace('.', ','),
      status: p.status,
    })),
    notes: content.notes ?? '',
  };
}

const orNull = (value: string) => (value.trim() ? value.trim() : null);
/** '' → null; "12,5" → 12.5; anything else becomes NaN and the contract says "un nombre est attendu". */
const num = (value: string) => (value.trim() ? Number(value.trim().replace(',', '.')) : null);
const bool = (value: YesNo) => (value === '' ? null : value === 'yes');
const date = (value: string) => (value.trim() ? frenchToIso(value) : null);

/** The contract's input (before parsing) for what the form holds. */
export function contentFromForm(values: DiagnosticFormValues): DiagnosticContentInput {
  const s = values.situation;
  return {
    situation: {
      workSituation: (orNull(s.workSituation) as never) ?? null,
      lastJobEndedOn: date(s.lastJobEndedOn),
      canProjectIntoWork: (orNull(s.canProjectIntoWork) as never) ?? null,
      educationLevel: (orNull(s.educationLevel) as never) ?? null,
      frenchLevel: (orNull(s.frenchLevel) as never) ?? null,
      digitalLevel: (orNull(s.digitalLevel) as never) ?? null,
      pixScore: num(s.pixScore),
      drivingLicence: bool(s.drivingLicence),
      vehicle: bool(s.vehicle),
      mobilityRadiusKm: num(s.mobilityRadiusKm),
      availableFrom: date(s.availableFrom),
      hoursPerWeek: num(s.hoursPerWeek),
      childcareNeed: bool(s.childcareNeed),
      rqth: s.rqth || null,
    },
    constraints: Object.fromEntries(
      constraintFamilies.map((f) => {
        const c = values.constraints[f];
        return [f, { impact: c.impact, situations: c.situations, note: orNull(c.note) }];
      }),
    ),
    axes: Object.fromEntries(
      professionalAxes.map((a) => [a, { level: values.axes[a].level, note: orNull(values.axes[a].note) }]),
    ),
    projects: values.projects.map((p) => ({
      appellationCode: p.appellationCode,
      romeCode: p.romeCode,
      label: p.label,
      contractTypes: p.contractTypes,
      workingTime: (orNull(p.workingTime) as never) ?? null,
      mobilityRadiusKm: num(p.mobilityRadiusKm),
      minHourlyWage: num(p.minHourlyWage),
      status: (orNull(p.status) as never) ?? 'a_construire',
    })),
    notes: orNull(values.notes),
  };
}

/** The step (0-based) that shows a field of the content (`situation.pixScore`, `projects.1.label`…). */
export function stepOfPath(path: string): number {
  if (path.startsWith('situation')) return 0;
  if (path.startsWith('constraints')) return 1;
  if (path.startsWith('axes')) return 2;
  if (path.startsWith('projects')) return 3;
  if (path.startsWith('notes')) return 4;
  return 5;
}

/** Form inputs a contract path may point to (the array index of a project's field is kept). */
export function formPathOf(path: string): string | null {
  const project = /^projects\.(\d+)(?:\.(\w+))?/.exec(path);
  if (project) {
    const field = project[2] ?? 'label';
    const known = ['contractTypes', 'workingTime', 'mobilityRadiusKm', 'minHourlyWage', 'status'];
    return `projects.${project[1]}.${known.includes(field) ? field : 'label'}`;
  }
  const situation = /^situation\.(\w+)/.exec(path);
  if (situation)
    return situation[1] && situation[1] in situationFieldLabels ? `situation.${situation[1]}` : null;
  const constraint = /^constraints\.(\w+)\.(impact|situations|note)/.exec(path);
  if (constraint && (constraintFamilies as readonly string[]).includes(constraint[1] ?? ''))
    return `constraints.${constraint[1]}.${constraint[2]}`;
  const axis = /^axes\.(\w+)\.(level|note)/.exec(path);
  if (axis && (professionalAxes as readonly string[]).includes(axis[1] ?? ''))
    return `axes.${axis[1]}.${axis[2]}`;
  if (path === 'notes') return 'notes';
  return null;
}

export interface FormIssue {
  path: string;
  message: string;
}

const dateFields = new Set(['situation.lastJobEndedOn', 'situation.availableFrom']);

/** Messages people can act on (the contract's, with the expected date format said the French way). */
function plainMessage(path: string, message: string): string {
  if (dateFields.has(path)) {
    const label = path === 'situation.lastJobEndedOn' ? 'Fin du dernier emploi' : 'Disponible à partir du';
    if (message.includes('AAAA-MM-JJ'))
      return `${label} : écrivez la date sous la forme JJ/MM/AAAA, par exemple 17/05/2024.`;
    return `${label} : ${message.charAt(0).toLocaleLowerCase('fr-FR')}${message.slice(1)}`;
  }
  if (/^(Invalid|Too|Expected)/.test(message)) return 'Valeur invalide.';
  return message;
}

/**
 * Checks the form with the contract's schema. Returns the parsed content, or the problems placed on
 * the form's inputs (one message per input).
 */
export function checkForm(
  values: DiagnosticFormValues,
): { ok: true; content: DiagnosticContent } | { ok: false; issues: FormIssue[] } {
  const parsed = diagnosticContent.safeParse(contentFromForm(values));
  if (parsed.success) return { ok: true, content: parsed.data };
  const issues: FormIssue[] = [];
  const seen = new Set<string>();
  for (const issue of parsed.error.issues) {
    const raw = issue.path.map(String).join('.');
    const path = formPathOf(raw) ?? raw;
    if (seen.has(path)) continue;
    seen.add(path);
    issues.push({ path, message: plainMessage(path, issue.message) });
  }
  return { ok: false, issues };
}
