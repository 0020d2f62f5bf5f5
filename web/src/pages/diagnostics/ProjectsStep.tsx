import { Button } from '@codegouvfr/react-dsfr/Button';
import { Input } from '@codegouvfr/react-dsfr/Input';
import { RadioButtons } from '@codegouvfr/react-dsfr/RadioButtons';
import {
  contractTypeLabels,
  contractTypes,
  projectStatuses,
  projectStatusLabels,
  type RomeAppellation,
  workingTimeLabels,
  workingTimes,
} from '@spie/contract/diagnostics';
import { useEffect, useId, useRef, useState } from 'react';
import { useFieldArray } from 'react-hook-form';
import { ApiErrorAlert } from '../../components/ApiErrorAlert';
import { fieldState } from '../../components/fieldState';
import { useDebounced } from '../people/useDebounced';
import { CheckboxGroup, type DiagnosticFormApi } from './DiagnosticSteps';
import { useRomeSearch } from './diagnostics.queries';

const maxProjects = 5;

export function ProjectsStep({ form }: { form: DiagnosticFormApi }) {
  const projects = useFieldArray({ control: form.control, name: 'projects' });
  const errors = form.formState.errors.projects;
  const [message, setMessage] = useState('');
  const [focusIndex, setFocusIndex] = useState<number | null>(null);
  const headingRefs = useRef<(HTMLHeadingElement | null)[]>([]);
  const searchRef = useRef<HTMLInputElement>(null);

  useEffect(() => {
    if (focusIndex === null) return;
    if (focusIndex >= 0) headingRefs.current[focusIndex]?.focus();
    else searchRef.current?.focus();
    setFocusIndex(null);
  }, [focusIndex]);

  const add = (job: RomeAppellation) => {
    if (projects.fields.some((p) => p.appellationCode === job.code)) {
      setMessage(`« ${job.label} » est déjà dans les projets.`);
      return;
    }
    projects.append({
      appellationCode: job.code,
      romeCode: job.romeCode,
      label: job.label,
      contractTypes: [],
      workingTime: '',
      mobilityRadiusKm: '',
      minHourlyWage: '',
      status: 'a_construire',
    });
    setMessage(`Projet ajouté : ${job.label}.`);
    setFocusIndex(projects.fields.length);
  };

  return (
    <>
      <p>
        Jusqu’à {maxProjects} métiers que la personne envisage. Pour chacun : les contrats acceptés, le temps
        de travail, la distance et le salaire minimum.
      </p>
      <p role="status" className="fr-sr-only">
        {message}
      </p>
      {projects.fields.length === 0 && (
        <p className="spie-empty-state">Aucun projet professionnel pour le moment.</p>
      )}
      {projects.fields.map((project, index) => {
        const e = errors?.[index];
        return (
          <section key={project.id} aria-labelledby={`projet-${project.id}`} className="fr-mb-5w">
            <h3
              id={`projet-${project.id}`}
              className="fr-h5"
              tabIndex={-1}
              ref={(element) => {
                headingRefs.current[index] = element;
              }}
            >
              Projet {index + 1} : {project.label}
            </h3>
            <p className="fr-text--sm">Code ROME {project.romeCode}</p>
            {e?.label && <p className="fr-error-text">{e.label.message}</p>}
            <CheckboxGroup
              form={form}
              name={`projects.${index}.contractTypes`}
              legend={`${project.label} : types de contrat acceptés (facultatif)`}
              items={contractTypes.map((value) => ({ value, label: contractTypeLabels[value] }))}
              error={e?.contractTypes}
            />
            <RadioButtons
              legend={`${project.label} : temps de travail`}
              orientation="horizontal"
              options={[
                ...workingTimes.map((value) => ({
                  label: workingTimeLabels[value],
                  nativeInputProps: { ...form.register(`projects.${index}.workingTime`), value },
                })),
                {
                  label: 'Pas encore abordé',
                  nativeInputProps: { ...form.register(`projects.${index}.workingTime`), value: '' },
                },
              ]}
              {...fieldState(e?.workingTime)}
            />
            <Input
              label={`${project.label} : rayon de recherche, en km (facultatif)`}
              hintText="De 0 à 300 km autour du domicile."
              nativeInputProps={{
                ...form.register(`projects.${index}.mobilityRadiusKm`),
                inputMode: 'numeric',
                autoComplete: 'off',
              }}
              {...fieldState(e?.mobilityRadiusKm)}
            />
            <Input
              label={`${project.label} : salaire horaire minimum, en euros brut (facultatif)`}
              hintText="Par exemple 12,50."
              nativeInputProps={{
                ...form.register(`projects.${index}.minHourlyWage`),
                inputMode: 'decimal',
                autoComplete: 'off',
              }}
              {...fieldState(e?.minHourlyWage)}
            />
            <RadioButtons
              legend={`${project.label} : état du projet`}
              orientation="horizontal"
              options={projectStatuses.map((value) => ({
                label: projectStatusLabels[value],
                nativeInputProps: { ...form.register(`projects.${index}.status`), value },
              }))}
              {...fieldState(e?.status)}
            />
            <Button
              type="button"
              priority="tertiary"
              size="small"
              iconId="fr-icon-delete-line"
              onClick={() => {
                projects.remove(index);
                setMessage(`Projet retiré : ${project.label}.`);
                setFocusIndex(-1);
              }}
            >
              Retirer le projet « {project.label} »
            </Button>
          </section>
        );
      })}

      <section aria-labelledby="ajouter-projet" className="fr-mt-4w">
        <h3 id="ajouter-projet" className="fr-h5">
          Ajouter un projet professionnel
        </h3>
        {projects.fields.length >= maxProjects ? (
          <p>La personne a déjà {maxProjects} projets, le maximum. Retirez-en un pour en ajouter un autre.</p>
        ) : (
          <RomeJobSearch inputRef={searchRef} onChoose={add} />
        )}
      </section>
    </>
  );
}

/**
 * A job picked in the ROME list: a search field, then the matching jobs as buttons (no combobox
 * widget: a plain list read the same way by every screen reader). Searches once typing pauses.
 */
function RomeJobSearch({
  onChoose,
  inputRef,
}: {
  onChoose: (job: RomeAppellation) => void;
  inputRef: React.RefObject<HTMLInputElement | null>;
}) {
  const [text, setText] = useState('');
  const query = useDebounced(text, 200);
  const search = useRomeSearch(query);
  const resultsId = useId();
  const items = query.trim().length >= 2 ? (search.data?.items ?? []) : [];
  const status =
    query.trim().length < 2
      ? ''
      : search.isFetching && !search.data
        ? 'Recherche en cours…'
        : items.length === 0
          ? `Aucun métier ne correspond à « ${query.trim()} ».`
          : `${items.length} métier${items.length > 1 ? 's' : ''} trouvé${items.length > 1 ? 's' : ''}. Choisissez dans la liste ci-dessous.`;

  return (
    <>
      <Input
        label="Métier recherché"
        hintText="Tapez au moins 2 lettres, par exemple « boulanger » ou « aide à domicile ». Les accents et les petites fautes de frappe sont acceptés."
        nativeInputProps={{
          ref: inputRef,
          type: 'search',
          value: text,
          autoComplete: 'off',
          spellCheck: false,
          'aria-controls': resultsId,
          onChange: (event) => setText(event.target.value),
          // Enter searches here; it must not send the whole form to the next step.
          onKeyDown: (event) => {
            if (event.key === 'Enter') event.preventDefault();
          },
        }}
      />
      <p role="status" className="fr-text--sm">
        {status}
      </p>
      <ApiErrorAlert error={search.error} title="La recherche de métiers n’a pas abouti" />
      <ul id={resultsId} className="spie-plain-list" aria-label="Métiers trouvés">
        {items.map((job) => (
          <li key={job.code} className="fr-mb-1w">
            <Button
              type="button"
              priority="secondary"
              size="small"
              onClick={() => {
                onChoose(job);
                setText('');
              }}
            >
              Ajouter « {job.label} » — code ROME {job.romeCode}
            </Button>
            <span className="fr-text--sm spie-muted"> ({job.romeLabel})</span>
          </li>
        ))}
      </ul>
    </>
  );
}
