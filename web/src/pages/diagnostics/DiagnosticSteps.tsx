import { Checkbox } from '@codegouvfr/react-dsfr/Checkbox';
import { Input } from '@codegouvfr/react-dsfr/Input';
import { RadioButtons } from '@codegouvfr/react-dsfr/RadioButtons';
import { Select } from '@codegouvfr/react-dsfr/Select';
import {
  axisLevelLabels,
  axisLevels,
  type ConstraintFamily,
  constraintFamilies,
  constraintFamilyLabels,
  digitalLevelLabels,
  digitalLevels,
  educationLevelLabels,
  educationLevels,
  frenchLevelLabels,
  frenchLevels,
  impactLevelLabels,
  impactLevels,
  professionalAxes,
  professionalAxisLabels,
  projectionAnswerLabels,
  projectionAnswers,
} from '@spie/contract/diagnostics';
import { workSituationLabels, workSituations } from '@spie/contract/people';
import type { FieldPath, UseFormReturn } from 'react-hook-form';
import { fieldState } from '../../components/fieldState';
import type { DiagnosticFormValues } from './diagnosticForm';
import type { SituationLists } from './diagnostics.queries';

export type DiagnosticFormApi = UseFormReturn<DiagnosticFormValues>;

const notAsked = 'Pas encore abordé';
const dateHint = 'Sous la forme JJ/MM/AAAA, par exemple 17/05/2024.';

/** Oui / Non / Pas encore abordé, side by side. */
function YesNoField({
  form,
  name,
  legend,
  hintText,
}: {
  form: DiagnosticFormApi;
  name: 'drivingLicence' | 'vehicle' | 'childcareNeed';
  legend: string;
  hintText?: string;
}) {
  const path = `situation.${name}` as const;
  return (
    <RadioButtons
      legend={legend}
      {...(hintText ? { hintText } : {})}
      orientation="horizontal"
      options={[
        { label: 'Oui', nativeInputProps: { ...form.register(path), value: 'yes' } },
        { label: 'Non', nativeInputProps: { ...form.register(path), value: 'no' } },
        { label: notAsked, nativeInputProps: { ...form.register(path), value: '' } },
      ]}
      {...fieldState(form.formState.errors.situation?.[name])}
    />
  );
}

/** Checkboxes kept as an array of codes in the form (one box per code). */
export function CheckboxGroup({
  form,
  name,
  legend,
  hintText,
  items,
  error,
}: {
  form: DiagnosticFormApi;
  name: FieldPath<DiagnosticFormValues>;
  legend: string;
  hintText?: string;
  items: { value: string; label: string }[];
  error: { message?: string | undefined } | undefined;
}) {
  const checked = (form.watch(name) as string[] | undefined) ?? [];
  return (
    <Checkbox
      legend={legend}
      {...(hintText ? { hintText } : {})}
      options={items.map((item) => ({
        label: item.label,
        nativeInputProps: {
          name,
          value: item.value,
          checked: checked.includes(item.value),
          onChange: (event) => {
            const next = event.target.checked
              ? [...checked, item.value]
              : checked.filter((value) => value !== item.value);
            form.setValue(name, next as never, { shouldDirty: true });
          },
        },
      }))}
      {...fieldState(error)}
    />
  );
}

export function SituationStep({ form }: { form: DiagnosticFormApi }) {
  const { register } = form;
  const e = form.formState.errors.situation;
  return (
    <>
      <fieldset className="fr-fieldset">
        <legend className="fr-fieldset__legend fr-h5">Activité et formation</legend>
        <div className="fr-fieldset__element">
          <Select
            label="Situation professionnelle actuelle"
            nativeSelectProps={register('situation.workSituation')}
            {...fieldState(e?.workSituation)}
          >
            <option value="">{notAsked}</option>
            {workSituations.map((value) => (
              <option key={value} value={value}>
                {workSituationLabels[value]}
              </option>
            ))}
          </Select>
        </div>
        <div className="fr-fieldset__element">
          <Input
            label="Date de fin du dernier emploi (facultatif)"
            hintText={`${dateHint} Laissez vide si la personne travaille ou n’a jamais travaillé.`}
            nativeInputProps={{
              ...register('situation.lastJobEndedOn'),
              type: 'text',
              inputMode: 'numeric',
              autoComplete: 'off',
              maxLength: 10,
            }}
            {...fieldState(e?.lastJobEndedOn)}
          />
        </div>
        <div className="fr-fieldset__element">
          <RadioButtons
            legend="La personne se voit-elle travailler prochainement ?"
            hintText="Ce qu’elle en dit elle-même."
            options={[
              ...projectionAnswers.map((value) => ({
                label: projectionAnswerLabels[value],
                nativeInputProps: { ...register('situation.canProjectIntoWork'), value },
              })),
              {
                label: notAsked,
                nativeInputProps: { ...register('situation.canProjectIntoWork'), value: '' },
              },
            ]}
            {...fieldState(e?.canProjectIntoWork)}
          />
        </div>
        <div className="fr-fieldset__element">
          <Select
            label="Niveau de formation le plus élevé"
            hint="Le diplôme le plus élevé obtenu, en France ou à l’étranger."
            nativeSelectProps={register('situation.educationLevel')}
            {...fieldState(e?.educationLevel)}
          >
            <option value="">{notAsked}</option>
            {educationLevels.map((value) => (
              <option key={value} value={value}>
                {educationLevelLabels[value]}
              </option>
            ))}
          </Select>
        </div>
      </fieldset>

      <fieldset className="fr-fieldset">
        <legend className="fr-fieldset__legend fr-h5">Langue et numérique</legend>
        <div className="fr-fieldset__element">
          <Select
            label="Niveau de français"
            nativeSelectProps={register('situation.frenchLevel')}
            {...fieldState(e?.frenchLevel)}
          >
            <option value="">{notAsked}</option>
            {frenchLevels.map((value) => (
              <option key={value} value={value}>
                {frenchLevelLabels[value]}
              </option>
            ))}
          </Select>
        </div>
        <div className="fr-fieldset__element">
          <Select
            label="Autonomie numérique"
            nativeSelectProps={register('situation.digitalLevel')}
            {...fieldState(e?.digitalLevel)}
          >
            <option value="">{notAsked}</option>
            {digitalLevels.map((value) => (
              <option key={value} value={value}>
                {digitalLevelLabels[value]}
              </option>
            ))}
          </Select>
        </div>
        <div className="fr-fieldset__element">
          <Input
            label="Score Pix (facultatif)"
            hintText="Entre 0 et 1024, si la personne a passé le test Pix."
            nativeInputProps={{
              ...register('situation.pixScore'),
              inputMode: 'numeric',
              autoComplete: 'off',
            }}
            {...fieldState(e?.pixScore)}
          />
        </div>
      </fieldset>

      <fieldset className="fr-fieldset">
        <legend className="fr-fieldset__legend fr-h5">Mobilité et disponibilité</legend>
        <div className="fr-fieldset__element">
          <YesNoField form={form} name="drivingLicence" legend="Permis de conduire B" />
        </div>
        <div className="fr-fieldset__element">
          <YesNoField form={form} name="vehicle" legend="Véhicule personnel (voiture, scooter…)" />
        </div>
        <div className="fr-fieldset__element">
          <Input
            label="Distance maximale de déplacement, en km (facultatif)"
            hintText="Jusqu’où la personne peut aller pour travailler ou se former, de 0 à 300 km."
            nativeInputProps={{
              ...register('situation.mobilityRadiusKm'),
              inputMode: 'numeric',
              autoComplete: 'off',
            }}
            {...fieldState(e?.mobilityRadiusKm)}
          />
        </div>
        <div className="fr-fieldset__element">
          <Input
            label="Disponible à partir du (facultatif)"
            hintText={dateHint}
            nativeInputProps={{
              ...register('situation.availableFrom'),
              type: 'text',
              inputMode: 'numeric',
              autoComplete: 'off',
              maxLength: 10,
            }}
            {...fieldState(e?.availableFrom)}
          />
        </div>
        <div className="fr-fieldset__element">
          <Input
            label="Heures disponibles par semaine (facultatif)"
            hintText="De 0 à 48 heures."
            nativeInputProps={{
              ...register('situation.hoursPerWeek'),
              inputMode: 'numeric',
              autoComplete: 'off',
            }}
            {...fieldState(e?.hoursPerWeek)}
          />
        </div>
        <div className="fr-fieldset__element">
          <YesNoField form={form} name="childcareNeed" legend="Besoin d’une solution de garde d’enfants" />
        </div>
      </fieldset>

      <fieldset className="fr-fieldset">
        <legend className="fr-fieldset__legend fr-h5">Reconnaissance du handicap</legend>
        <div className="fr-fieldset__element">
          <RadioButtons
            legend="Reconnaissance de la qualité de travailleur handicapé (RQTH)"
            hintText="Seulement la reconnaissance, jamais la nature du handicap."
            orientation="horizontal"
            options={[
              { label: 'Oui', nativeInputProps: { ...register('situation.rqth'), value: 'yes' } },
              { label: 'Non', nativeInputProps: { ...register('situation.rqth'), value: 'no' } },
              {
                label: 'Demande en cours',
                nativeInputProps: { ...register('situation.rqth'), value: 'in_progress' },
              },
              { label: notAsked, nativeInputProps: { ...register('situation.rqth'), value: '' } },
            ]}
            {...fieldState(e?.rqth)}
          />
        </div>
      </fieldset>
    </>
  );
}

const familyHints: Partial<Record<ConstraintFamily, string>> = {
  sante:
    'Ne notez ici aucun détail de santé : seulement le niveau d’impact et les situations de la liste. Les précisions vont dans la rubrique « Informations sensibles » du dossier, réservée aux professionnels habilités.',
  administratif:
    'Les détails d’une procédure judiciaire (condamnation, suivi par la justice…) ne vont pas ici : notez-les dans la rubrique « Informations sensibles » du dossier.',
};

/** The concrete situations offered for a family: the current ones, and the retired ones still ticked. */
function situationItems(
  lists: SituationLists | null,
  family: ConstraintFamily,
  ticked: string[],
): { value: string; label: string }[] {
  const list = lists?.[family] ?? [];
  const items = list.filter((item) => !item.retired).map((item) => ({ value: item.code, label: item.label }));
  for (const code of ticked) {
    if (items.some((item) => item.value === code)) continue;
    const retired = list.find((item) => item.code === code);
    items.push({
      value: code,
      label: retired ? `${retired.label} (retirée de la liste du territoire)` : code,
    });
  }
  return items;
}

export function ConstraintsStep({
  form,
  lists,
  listsError,
}: {
  form: DiagnosticFormApi;
  lists: SituationLists | null;
  listsError: boolean;
}) {
  const errors = form.formState.errors.constraints;
  return (
    <>
      <p>
        Pour chacune des 8 familles de freins, indiquez son impact sur le retour à l’emploi et cochez les
        situations concrètes qui s’appliquent. « Non exploré » : le sujet n’a pas encore été abordé avec la
        personne.
      </p>
      {listsError && (
        <p className="fr-error-text fr-mb-3w">
          La liste des situations concrètes n’a pas pu être chargée : vous pouvez tout de même indiquer
          l’impact de chaque frein.
        </p>
      )}
      {constraintFamilies.map((family) => {
        const name = constraintFamilyLabels[family];
        const e = errors?.[family];
        const ticked = form.watch(`constraints.${family}.situations`);
        const items = situationItems(lists, family, ticked);
        return (
          <section key={family} aria-labelledby={`frein-${family}`} className="fr-mb-5w">
            <h3 id={`frein-${family}`} className="fr-h5">
              {name}
            </h3>
            {familyHints[family] && <p className="fr-text--sm">{familyHints[family]}</p>}
            <RadioButtons
              legend={`${name} : impact sur le retour à l’emploi`}
              orientation="horizontal"
              options={impactLevels.map((value) => ({
                label: impactLevelLabels[value],
                nativeInputProps: { ...form.register(`constraints.${family}.impact`), value },
              }))}
              {...fieldState(e?.impact)}
            />
            {items.length > 0 && (
              <CheckboxGroup
                form={form}
                name={`constraints.${family}.situations`}
                legend={`${name} : situations concrètes (facultatif)`}
                hintText="Cochez celles qui s’appliquent."
                items={items}
                error={e?.situations}
              />
            )}
            {family !== 'sante' && (
              <Input
                label={`${name} : précision (facultatif)`}
                hintText="Une ou deux phrases, 300 caractères au plus. Rien sur la santé ou la justice."
                textArea
                nativeTextAreaProps={{
                  ...form.register(`constraints.${family}.note`),
                  rows: 2,
                  maxLength: 300,
                }}
                {...fieldState(e?.note)}
              />
            )}
            {family === 'sante' && e?.note && <p className="fr-error-text">{e.note.message}</p>}
          </section>
        );
      })}
    </>
  );
}

export function AxesStep({ form }: { form: DiagnosticFormApi }) {
  const errors = form.formState.errors.axes;
  return (
    <>
      <p>
        Pour chaque axe, indiquez s’il s’agit d’un point fort de la personne, d’un besoin d’accompagnement, ou
        s’il n’a pas encore été exploré.
      </p>
      {professionalAxes.map((axis) => {
        const name = professionalAxisLabels[axis];
        return (
          <section key={axis} aria-labelledby={`axe-${axis}`} className="fr-mb-4w">
            <h3 id={`axe-${axis}`} className="fr-h5">
              {name}
            </h3>
            <RadioButtons
              legend={`${name} : évaluation`}
              orientation="horizontal"
              options={axisLevels.map((value) => ({
                label: axisLevelLabels[value],
                nativeInputProps: { ...form.register(`axes.${axis}.level`), value },
              }))}
              {...fieldState(errors?.[axis]?.level)}
            />
            <Input
              label={`${name} : précision (facultatif)`}
              hintText="300 caractères au plus."
              nativeInputProps={{
                ...form.register(`axes.${axis}.note`),
                maxLength: 300,
                autoComplete: 'off',
              }}
              {...fieldState(errors?.[axis]?.note)}
            />
          </section>
        );
      })}
    </>
  );
}

export function ObservationsStep({ form }: { form: DiagnosticFormApi }) {
  return (
    <Input
      label="Observations (facultatif)"
      hintText="Ce qui aide à comprendre la situation et le projet de la personne, 1000 caractères au plus. N’écrivez rien sur la santé ou la justice : ces informations vont dans la rubrique « Informations sensibles » du dossier."
      textArea
      nativeTextAreaProps={{ ...form.register('notes'), rows: 6, maxLength: 1000 }}
      {...fieldState(form.formState.errors.notes)}
    />
  );
}
