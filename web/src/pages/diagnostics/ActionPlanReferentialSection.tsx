import { Badge } from '@codegouvfr/react-dsfr/Badge';
import { Button } from '@codegouvfr/react-dsfr/Button';
import { Checkbox } from '@codegouvfr/react-dsfr/Checkbox';
import { Input } from '@codegouvfr/react-dsfr/Input';
import type { FieldError } from '@spie/contract';
import {
  type ActionPlanContent,
  actionPlanContent,
  type PlanTheme,
  planThemeLabels,
  planThemes,
} from '@spie/contract/contracts';
import { referentialKindLabels } from '@spie/contract/diagnostics';
import { useEffect, useState } from 'react';
import {
  type FieldPath,
  type UseFieldArrayReturn,
  type UseFormReturn,
  useFieldArray,
  useForm,
} from 'react-hook-form';
import { ApiErrorAlert } from '../../components/ApiErrorAlert';
import { DataTable } from '../../components/DataTable';
import { fieldState } from '../../components/fieldState';
import { Loading } from '../../components/Loading';
import { SuccessAlert } from '../../components/SuccessAlert';
import { useReferential } from './diagnostics.queries';
import { VersionLine } from './ReferentialVersionLine';
import { codeFromLabel } from './referentialCode';
import { ReferentialPublishAlerts, useReferentialPublish } from './useReferentialPublish';

interface ObjectiveItem {
  code: string;
  label: string;
  theme: PlanTheme;
  retired: boolean;
  isNew: boolean;
}
interface ActionItem {
  code: string;
  label: string;
  themes: PlanTheme[];
  defaultWeeklyHours: number;
  retired: boolean;
  isNew: boolean;
}
interface ActionPlanValues {
  objectives: ObjectiveItem[];
  actions: ActionItem[];
}

const sameLabel = (a: string, b: string) =>
  a.trim().toLocaleLowerCase('fr-FR') === b.trim().toLocaleLowerCase('fr-FR');
const themesText = (themes: readonly PlanTheme[]) => themes.map((t) => planThemeLabels[t]).join(', ');

/**
 * The territory's list of objectives (by theme) and actions (with their themes and usual weekly
 * hours) offered in action plans. Same pattern as the situations: each save publishes a version;
 * a retired item is no longer offered but stays readable in the plans that use it.
 */
export function ActionPlanReferentialSection({ editable }: { editable: boolean }) {
  const referential = useReferential('action_plan');
  const [published, setPublished] = useState<number | null>(null);
  const data = referential.data;
  const parsed = data ? actionPlanContent.safeParse(data.content) : null;

  return (
    <section aria-labelledby="action-plan-title" className="fr-mb-6w">
      <h2 id="action-plan-title">{referentialKindLabels.action_plan}</h2>
      <p>
        Les objectifs sont rangés par thème (les familles de freins et les axes professionnels du diagnostic)
        : un objectif répond à un besoin repéré. Chaque action indique ses thèmes et ses heures habituelles
        par semaine, proposées dans le plan.
      </p>
      {referential.isPending && <Loading label="Chargement de la liste…" />}
      <ApiErrorAlert error={referential.error} title="La liste n’a pas pu être chargée" />
      {published !== null && <SuccessAlert key={published} title={`Version ${published} publiée`} />}
      {data && <VersionLine referential={data} />}
      {parsed && !parsed.success && (
        <p className="fr-error-text">Le contenu de cette liste n’a pas pu être lu.</p>
      )}
      {data && parsed?.success && (
        <ActionPlanForm
          key={data.version}
          version={data.version}
          content={parsed.data}
          editable={editable}
          onPublished={setPublished}
          onReload={() => {
            setPublished(null);
            void referential.refetch();
          }}
        />
      )}
    </section>
  );
}

function ActionPlanForm({
  version,
  content,
  editable,
  onPublished,
  onReload,
}: {
  version: number;
  content: ActionPlanContent;
  editable: boolean;
  onPublished: (version: number) => void;
  onReload: () => void;
}) {
  const form = useForm<ActionPlanValues>({
    defaultValues: {
      objectives: content.objectives.map((o) => ({ ...o, retired: o.retired ?? false, isNew: false })),
      actions: content.actions.map((a) => ({
        ...a,
        retired: a.retired ?? false,
        defaultWeeklyHours: a.defaultWeeklyHours ?? 0,
        isNew: false,
      })),
    },
  });
  const { publish, serverError, unmatched, conflict } = useReferentialPublish('action_plan');
  const objectives = form.watch('objectives');
  const actions = form.watch('actions');
  // One field array for all themes (several arrays on the same name would get out of step).
  const objectiveItems = useFieldArray({ control: form.control, name: 'objectives' });

  /** Objective labels go under their field; other problems are listed in words. */
  const place = (issues: FieldError[]): FieldError[] => {
    const rest: FieldError[] = [];
    let first = true;
    for (const issue of issues) {
      const objective = /^objectives\.(\d+)\.(label|code)/.exec(issue.path);
      const action = /^actions\.(\d+)\./.exec(issue.path);
      if (objective) {
        form.setError(
          `objectives.${objective[1]}.label` as FieldPath<ActionPlanValues>,
          { type: 'validation', message: issue.message },
          { shouldFocus: first },
        );
        first = false;
      } else if (action) {
        const label = form.getValues(`actions.${Number(action[1])}.label`);
        rest.push({ path: issue.path, message: `Action « ${label} » : ${issue.message}` });
      } else rest.push(issue);
    }
    return rest;
  };

  const submit = form.handleSubmit(async (values) => {
    const next = {
      objectives: values.objectives.map(({ code, label, theme, retired }) => ({
        code,
        label: label.trim(),
        theme,
        retired,
      })),
      actions: values.actions.map(({ code, label, themes, defaultWeeklyHours, retired }) => ({
        code,
        label: label.trim(),
        themes,
        defaultWeeklyHours: Number(defaultWeeklyHours),
        retired,
      })),
    };
    await publish(actionPlanContent, next, version, place, onPublished);
  });

  return (
    <form onSubmit={submit} noValidate aria-labelledby="action-plan-title">
      <ReferentialPublishAlerts
        serverError={serverError}
        conflict={conflict}
        unmatched={unmatched}
        onReload={onReload}
      />
      <p>
        {objectives.filter((o) => !o.retired).length} objectifs et {actions.filter((a) => !a.retired).length}{' '}
        actions proposés.
      </p>
      {!editable && (
        <p className="fr-text--sm">
          Seul·es les administrateur·rices du territoire peuvent modifier cette liste.
        </p>
      )}
      <h3>Objectifs par thème</h3>
      {planThemes.map((theme) => (
        <ThemeObjectives key={theme} theme={theme} form={form} items={objectiveItems} editable={editable} />
      ))}
      <ActionsEditor form={form} editable={editable} />
      {editable && (
        <Button type="submit" iconId="fr-icon-upload-line" disabled={form.formState.isSubmitting}>
          {form.formState.isSubmitting
            ? 'Publication…'
            : 'Publier une nouvelle version des objectifs et actions'}
        </Button>
      )}
    </form>
  );
}

function ThemeObjectives({
  theme,
  form,
  items,
  editable,
}: {
  theme: PlanTheme;
  form: UseFormReturn<ActionPlanValues>;
  items: UseFieldArrayReturn<ActionPlanValues, 'objectives'>;
  editable: boolean;
}) {
  const [newLabel, setNewLabel] = useState('');
  const [addError, setAddError] = useState<string | null>(null);
  const [announce, setAnnounce] = useState('');
  const name = planThemeLabels[theme];
  const errors = form.formState.errors.objectives;
  const mine = items.fields
    .map((field, index) => ({ field, index }))
    .filter(({ field }) => field.theme === theme);

  const add = () => {
    const label = newLabel.trim();
    if (label.length < 2) return setAddError('Libellé : au moins 2 caractères.');
    const current = form.getValues('objectives');
    if (current.some((o) => o.theme === theme && sameLabel(o.label, label)))
      return setAddError('Cet objectif est déjà dans la liste.');
    const code = codeFromLabel(label, new Set(current.map((o) => o.code)));
    items.append({ code, label, theme, retired: false, isNew: true }, { shouldFocus: false });
    setNewLabel('');
    setAddError(null);
    setAnnounce(`Objectif ajouté : ${label}. Publiez une nouvelle version pour l’enregistrer.`);
  };

  return (
    <section aria-labelledby={`objectifs-${theme}`} className="fr-mb-4w">
      <h4 id={`objectifs-${theme}`} className="fr-h6">
        {name}
      </h4>
      {mine.length === 0 && <p className="spie-empty-state">Aucun objectif pour ce thème.</p>}
      {!editable ? (
        <ul>
          {mine.map(({ field }) => (
            <li key={field.id}>
              {field.label}
              {field.retired && ' (retiré)'}
            </li>
          ))}
        </ul>
      ) : (
        <>
          {mine.map(({ field, index }, position) => (
            <fieldset key={field.id} className="fr-fieldset fr-mb-1w">
              <legend className="fr-fieldset__legend fr-text--regular">
                {name} — objectif {position + 1} (code {field.code})
                {field.isNew && (
                  <>
                    {' '}
                    <Badge small severity="new">
                      Nouveau
                    </Badge>
                  </>
                )}
              </legend>
              <div className="fr-fieldset__element">
                <Input
                  label="Libellé"
                  nativeInputProps={{ ...form.register(`objectives.${index}.label`), autoComplete: 'off' }}
                  {...fieldState(errors?.[index]?.label)}
                />
              </div>
              <div className="fr-fieldset__element">
                <Checkbox
                  small
                  options={[
                    {
                      label: 'Retiré : n’est plus proposé dans les nouveaux plans',
                      nativeInputProps: form.register(`objectives.${index}.retired`),
                    },
                  ]}
                />
              </div>
            </fieldset>
          ))}
          <div className="fr-mt-2w">
            <Input
              label={`Nouvel objectif pour « ${name} » (facultatif)`}
              hintText="Son code est créé à partir du libellé. Il sera proposé après la publication."
              nativeInputProps={{
                value: newLabel,
                autoComplete: 'off',
                maxLength: 150,
                onChange: (event) => setNewLabel(event.target.value),
                onKeyDown: (event) => {
                  if (event.key === 'Enter') {
                    event.preventDefault();
                    add();
                  }
                },
              }}
              {...(addError ? { state: 'error' as const, stateRelatedMessage: addError } : {})}
            />
            <Button type="button" priority="secondary" size="small" iconId="fr-icon-add-line" onClick={add}>
              Ajouter un objectif à « {name} »
            </Button>
            <p role="status" className="fr-sr-only">
              {announce}
            </p>
          </div>
        </>
      )}
    </section>
  );
}

/** Actions in a table; one is changed (or a new one written) in the editor below it. */
function ActionsEditor({ form, editable }: { form: UseFormReturn<ActionPlanValues>; editable: boolean }) {
  const items = useFieldArray({ control: form.control, name: 'actions' });
  const actions = form.watch('actions');
  const [editing, setEditing] = useState<number | null>(null);
  const [adding, setAdding] = useState(false);
  const [announce, setAnnounce] = useState('');

  useEffect(() => {
    if (editing !== null || adding) document.getElementById('action-editor-title')?.focus();
  }, [editing, adding]);

  return (
    <section aria-labelledby="actions-list-title" className="fr-mb-4w">
      <h3 id="actions-list-title">Actions</h3>
      <DataTable
        caption="Actions proposées dans les plans d’action"
        headers={['Action', 'Thèmes', 'Heures par semaine', 'État', ...(editable ? ['Modifier'] : [])]}
        rows={items.fields.map((field, index) => {
          const action = actions[index] ?? field;
          return {
            key: field.id,
            cells: [
              <span key="label">
                {action.label}
                {action.isNew && (
                  <>
                    {' '}
                    <Badge small severity="new">
                      Nouvelle
                    </Badge>
                  </>
                )}
                <span className="spie-block fr-text--xs fr-mb-0">Code {action.code}</span>
              </span>,
              themesText(action.themes),
              `${String(action.defaultWeeklyHours).replace('.', ',')} h`,
              action.retired ? 'Retirée' : 'Proposée',
              ...(editable
                ? [
                    <Button
                      key="edit"
                      type="button"
                      size="small"
                      priority="tertiary"
                      onClick={() => {
                        setAdding(false);
                        setEditing(index);
                      }}
                    >
                      Modifier<span className="fr-sr-only"> l’action « {action.label} »</span>
                    </Button>,
                  ]
                : []),
            ],
          };
        })}
      />
      {editable && editing !== null && actions[editing] && (
        <ActionEditor
          title={`Modifier l’action « ${actions[editing].label} »`}
          initial={actions[editing]}
          taken={actions.filter((_, i) => i !== editing)}
          submitLabel="Garder ces changements"
          onSave={(value) => {
            items.update(editing, { ...value, code: actions[editing]?.code ?? value.code });
            setAnnounce(`Action modifiée : ${value.label}. Publiez une nouvelle version pour l’enregistrer.`);
            setEditing(null);
          }}
          onCancel={() => setEditing(null)}
        />
      )}
      {editable && !adding && editing === null && (
        <Button
          type="button"
          priority="secondary"
          size="small"
          iconId="fr-icon-add-line"
          onClick={() => setAdding(true)}
        >
          Ajouter une action à la liste
        </Button>
      )}
      {editable && adding && (
        <ActionEditor
          title="Nouvelle action"
          initial={{ code: '', label: '', themes: [], defaultWeeklyHours: 0, retired: false, isNew: true }}
          taken={actions}
          submitLabel="Ajouter l’action à la liste"
          onSave={(value) => {
            items.append(
              {
                ...value,
                code: codeFromLabel(value.label, new Set(actions.map((a) => a.code))),
                isNew: true,
              },
              { shouldFocus: false },
            );
            setAnnounce(`Action ajoutée : ${value.label}. Publiez une nouvelle version pour l’enregistrer.`);
            setAdding(false);
          }}
          onCancel={() => setAdding(false)}
        />
      )}
      <p role="status" className="fr-sr-only">
        {announce}
      </p>
    </section>
  );
}

function ActionEditor({
  title,
  initial,
  taken,
  submitLabel,
  onSave,
  onCancel,
}: {
  title: string;
  initial: ActionItem;
  taken: ActionItem[];
  submitLabel: string;
  onSave: (value: ActionItem) => void;
  onCancel: () => void;
}) {
  const [label, setLabel] = useState(initial.label);
  const [themes, setThemes] = useState<PlanTheme[]>(initial.themes);
  const [hours, setHours] = useState(String(initial.defaultWeeklyHours));
  const [retired, setRetired] = useState(initial.retired);
  const [errors, setErrors] = useState<{ label?: string; themes?: string; hours?: string }>({});

  const save = () => {
    const next: typeof errors = {};
    const text = label.trim();
    const value = Number(hours.replace(',', '.'));
    if (text.length < 2) next.label = 'Libellé : au moins 2 caractères.';
    else if (text.length > 150) next.label = 'Libellé : 150 caractères au plus.';
    else if (taken.some((a) => sameLabel(a.label, text))) next.label = 'Cette action est déjà dans la liste.';
    if (themes.length === 0) next.themes = 'Choisissez au moins un thème.';
    if (hours.trim() === '' || Number.isNaN(value) || value < 0 || value > 35)
      next.hours = 'Entre 0 et 35 heures par semaine.';
    else if (Math.round(value * 4) !== value * 4) next.hours = 'Par quart d’heure (0,25).';
    setErrors(next);
    if (Object.keys(next).length > 0) return;
    onSave({ ...initial, label: text, themes, defaultWeeklyHours: value, retired });
  };

  // A nested <form> is not allowed: this editor is a part of the page's form.
  return (
    <section aria-labelledby="action-editor-title" className="spie-panel fr-mt-2w fr-mb-3w">
      <h4 id="action-editor-title" className="fr-h6" tabIndex={-1}>
        {title}
      </h4>
      <Input
        label="Libellé *"
        nativeInputProps={{ value: label, maxLength: 150, onChange: (e) => setLabel(e.target.value) }}
        {...(errors.label ? { state: 'error' as const, stateRelatedMessage: errors.label } : {})}
      />
      <Checkbox
        legend="Thèmes *"
        hintText="Les thèmes des objectifs pour lesquels cette action est proposée."
        small
        orientation="horizontal"
        options={planThemes.map((theme) => ({
          label: planThemeLabels[theme],
          nativeInputProps: {
            checked: themes.includes(theme),
            onChange: (e) =>
              setThemes((current) =>
                e.target.checked ? [...current, theme] : current.filter((t) => t !== theme),
              ),
          },
        }))}
        {...(errors.themes ? { state: 'error' as const, stateRelatedMessage: errors.themes } : {})}
      />
      <Input
        label="Heures habituelles par semaine *"
        hintText="Proposées quand l’action est ajoutée à un plan (0 si ce n’est pas une activité régulière)."
        nativeInputProps={{
          type: 'number',
          min: 0,
          max: 35,
          step: 0.25,
          inputMode: 'decimal',
          value: hours,
          onChange: (e) => setHours(e.target.value),
        }}
        {...(errors.hours ? { state: 'error' as const, stateRelatedMessage: errors.hours } : {})}
      />
      {!initial.isNew || initial.code ? (
        <Checkbox
          small
          options={[
            {
              label: 'Retirée : n’est plus proposée dans les nouveaux plans',
              nativeInputProps: { checked: retired, onChange: (e) => setRetired(e.target.checked) },
            },
          ]}
        />
      ) : null}
      <div className="spie-actions fr-mb-0">
        <Button type="button" priority="secondary" onClick={save}>
          {submitLabel}
        </Button>
        <Button type="button" priority="tertiary" onClick={onCancel}>
          Annuler
        </Button>
      </div>
    </section>
  );
}
