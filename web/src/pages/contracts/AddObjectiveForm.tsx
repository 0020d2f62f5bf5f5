import { Button } from '@codegouvfr/react-dsfr/Button';
import { Input } from '@codegouvfr/react-dsfr/Input';
import { RadioButtons } from '@codegouvfr/react-dsfr/RadioButtons';
import { Select } from '@codegouvfr/react-dsfr/Select';
import { zodResolver } from '@hookform/resolvers/zod';
import type { FieldError } from '@spie/contract';
import { type Contract, type PlanTheme, planThemeLabels, planThemes } from '@spie/contract/contracts';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { z } from 'zod';
import { ApiErrorAlert } from '../../components/ApiErrorAlert';
import { FieldErrorList } from '../../components/FieldErrorList';
import { fieldState } from '../../components/fieldState';
import { Loading } from '../../components/Loading';
import { applyServerFieldErrors } from '../../components/serverFieldErrors';
import { formatDay } from '../people/peopleFormat';
import { freeTextHint, objectivesForTheme } from './contractFormat';
import { useActionPlanList, useAddObjective, usePlanNeeds } from './contracts.queries';

const modes = ['diagnostic', 'liste', 'libre'] as const;
type Mode = (typeof modes)[number];
const modeLabels: Record<Mode, string> = {
  diagnostic: 'À partir du diagnostic',
  liste: 'Dans la liste du territoire',
  libre: 'Objectif libre',
};

const objectiveForm = z
  .object({
    mode: z.enum(modes),
    /** « theme|code » of a suggested objective. */
    suggestion: z.string().nullable(),
    theme: z.string(),
    listCode: z.string(),
    label: z.string().trim().max(150, 'Objectif : 150 caractères au plus.'),
  })
  .superRefine((v, ctx) => {
    if (v.mode === 'diagnostic' && !v.suggestion)
      ctx.addIssue({ code: 'custom', path: ['suggestion'], message: 'Choisissez un objectif proposé.' });
    if (v.mode !== 'diagnostic' && !v.theme)
      ctx.addIssue({ code: 'custom', path: ['theme'], message: 'Choisissez le thème.' });
    if (v.mode === 'liste' && v.theme && !v.listCode)
      ctx.addIssue({ code: 'custom', path: ['listCode'], message: 'Choisissez un objectif de la liste.' });
    if (v.mode === 'libre' && v.label.length < 2)
      ctx.addIssue({ code: 'custom', path: ['label'], message: 'Écrivez l’objectif en quelques mots.' });
  });
type ObjectiveValues = z.infer<typeof objectiveForm>;

/** Adds an objective: one the diagnostic suggests, one of the territory list, or a short free one. */
export function AddObjectiveForm({
  contract,
  onDone,
  onCancel,
}: {
  contract: Contract;
  onDone: (message: string) => void;
  onCancel: () => void;
}) {
  const form = useForm<ObjectiveValues>({
    resolver: zodResolver(objectiveForm),
    defaultValues: { mode: 'diagnostic', suggestion: null, theme: '', listCode: '', label: '' },
  });
  const { register, formState, setError, watch } = form;
  const errors = formState.errors;
  const mode = watch('mode');
  const theme = watch('theme') as PlanTheme | '';
  const needs = usePlanNeeds(contract.personId, mode === 'diagnostic');
  const list = useActionPlanList(mode === 'liste');
  const add = useAddObjective(contract.id);
  const [unmatched, setUnmatched] = useState<FieldError[]>([]);
  const listChoices = theme ? objectivesForTheme(list.list, theme) : [];

  const submit = form.handleSubmit(async (values) => {
    setUnmatched([]);
    let body: { code: string | null; label: string | null; theme: PlanTheme };
    let name: string;
    if (values.mode === 'diagnostic') {
      const [needTheme, code] = (values.suggestion ?? '').split('|') as [PlanTheme, string];
      body = { code, label: null, theme: needTheme };
      name =
        needs.data?.needs.find((n) => n.theme === needTheme)?.suggestedObjectives.find((o) => o.code === code)
          ?.label ?? code;
    } else if (values.mode === 'liste') {
      body = { code: values.listCode, label: null, theme: values.theme as PlanTheme };
      name = listChoices.find((o) => o.code === values.listCode)?.label ?? values.listCode;
    } else {
      body = { code: null, label: values.label.trim(), theme: values.theme as PlanTheme };
      name = values.label.trim();
    }
    try {
      await add.mutateAsync({ ...body, linkToDiagnostic: true });
      onDone(`L’objectif « ${name} » est ajouté au plan. Ajoutez-lui maintenant des actions.`);
    } catch (error) {
      setUnmatched(applyServerFieldErrors(error, setError, ['theme', 'label']));
    }
  });

  return (
    <form noValidate onSubmit={submit} aria-labelledby="add-objective-title" className="spie-panel fr-mt-3w">
      <h4 id="add-objective-title" className="fr-h6" tabIndex={-1}>
        Ajouter un objectif
      </h4>
      <ApiErrorAlert error={add.error} title="L’objectif n’a pas été ajouté" />
      <FieldErrorList fields={unmatched} />
      <RadioButtons
        legend="D’où vient l’objectif ?"
        orientation="horizontal"
        options={modes.map((value) => ({
          label: modeLabels[value],
          nativeInputProps: { ...register('mode'), value },
        }))}
      />

      {mode === 'diagnostic' && (
        <>
          {needs.isPending && <Loading label="Chargement des besoins du diagnostic…" />}
          <ApiErrorAlert error={needs.error} title="Les besoins du diagnostic n’ont pas pu être chargés" />
          {needs.data && !needs.data.diagnostic && (
            <p className="spie-empty-state">
              La personne n’a pas de diagnostic validé. Choisissez « Dans la liste du territoire » ou «
              Objectif libre ».
            </p>
          )}
          {needs.data?.diagnostic && needs.data.needs.length === 0 && (
            <p className="spie-empty-state">Le diagnostic n’a relevé aucun besoin.</p>
          )}
          {needs.data?.diagnostic && needs.data.needs.length > 0 && (
            <>
              <p className="fr-text--sm">
                Besoins relevés par le diagnostic (version {needs.data.diagnostic.version}, validé le{' '}
                {formatDay(needs.data.diagnostic.completedAt)}). Choisissez un objectif proposé.
              </p>
              {errors.suggestion && (
                <p className="fr-error-text fr-mb-2w" id="suggestion-error">
                  {errors.suggestion.message}
                </p>
              )}
              <ul className="spie-plain-list">
                {needs.data.needs.map((need) => (
                  <li key={need.theme}>
                    {need.suggestedObjectives.length === 0 ? (
                      <p>
                        <strong>
                          {planThemeLabels[need.theme]} — {need.levelLabel}
                        </strong>{' '}
                        : aucun objectif proposé dans la liste ; écrivez un « Objectif libre ».
                      </p>
                    ) : (
                      <RadioButtons
                        legend={`${planThemeLabels[need.theme]} — ${need.levelLabel}`}
                        options={need.suggestedObjectives.map((objective) => ({
                          label: objective.label,
                          nativeInputProps: {
                            ...register('suggestion'),
                            value: `${need.theme}|${objective.code}`,
                          },
                        }))}
                        {...(errors.suggestion ? { state: 'error' as const } : {})}
                      />
                    )}
                  </li>
                ))}
              </ul>
            </>
          )}
        </>
      )}

      {mode !== 'diagnostic' && (
        <Select label="Thème *" nativeSelectProps={register('theme')} {...fieldState(errors.theme)}>
          <option value="" disabled>
            Choisir un thème
          </option>
          {planThemes.map((value) => (
            <option key={value} value={value}>
              {planThemeLabels[value]}
            </option>
          ))}
        </Select>
      )}
      {mode === 'liste' && theme && (
        <Select label="Objectif *" nativeSelectProps={register('listCode')} {...fieldState(errors.listCode)}>
          <option value="" disabled>
            {list.isPending ? 'Chargement de la liste…' : 'Choisir un objectif'}
          </option>
          {listChoices.map((objective) => (
            <option key={objective.code} value={objective.code}>
              {objective.label}
            </option>
          ))}
        </Select>
      )}
      {mode === 'libre' && (
        <Input
          label="Objectif (texte court) *"
          hintText={freeTextHint}
          nativeInputProps={{ ...register('label'), maxLength: 150, autoComplete: 'off' }}
          {...fieldState(errors.label)}
        />
      )}
      <div className="spie-actions">
        <Button type="submit" disabled={add.isPending}>
          {add.isPending ? 'Envoi en cours…' : 'Ajouter l’objectif'}
        </Button>
        <Button type="button" priority="tertiary" onClick={onCancel}>
          Annuler
        </Button>
      </div>
    </form>
  );
}
