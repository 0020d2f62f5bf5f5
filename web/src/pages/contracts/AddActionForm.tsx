import { Button } from '@codegouvfr/react-dsfr/Button';
import { Input } from '@codegouvfr/react-dsfr/Input';
import { Select } from '@codegouvfr/react-dsfr/Select';
import { zodResolver } from '@hookform/resolvers/zod';
import type { FieldError } from '@spie/contract';
import type { Contract, Objective } from '@spie/contract/contracts';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { z } from 'zod';
import { ApiErrorAlert } from '../../components/ApiErrorAlert';
import { FieldErrorList } from '../../components/FieldErrorList';
import { fieldState } from '../../components/fieldState';
import { applyServerFieldErrors } from '../../components/serverFieldErrors';
import { useOrganisationChoices } from '../people/people.queries';
import { todayIso } from '../people/peopleFormat';
import { actionsForTheme, freeTextHint } from './contractFormat';
import { useActionPlanList, useAddAction } from './contracts.queries';

/** Value of the « Autre action » choice in the list. */
const OTHER = '__autre';

const actionForm = z
  .object({
    code: z.string().min(1, 'Choisissez une action dans la liste, ou « Autre action ».'),
    label: z.string().trim().max(150, 'Action : 150 caractères au plus.'),
    responsibleOrganisationId: z.string(),
    plannedStart: z.string().min(1, 'Indiquez la date de début prévue.'),
    plannedEnd: z.string(),
    plannedWeeklyHours: z
      .number({ message: 'Indiquez un nombre d’heures (0 si aucune).' })
      .min(0, 'Pas de valeur négative.')
      .max(35, 'Au plus 35 heures par semaine.')
      .multipleOf(0.25, 'Par quart d’heure (0,25).'),
  })
  .refine((v) => v.code !== OTHER || v.label.length >= 2, {
    message: 'Écrivez l’action en quelques mots (2 caractères au moins).',
    path: ['label'],
  })
  .refine((v) => !v.plannedEnd || v.plannedEnd >= v.plannedStart, {
    message: 'La fin prévue doit être après le début.',
    path: ['plannedEnd'],
  });
type ActionValues = z.infer<typeof actionForm>;
const formPaths = [
  'code',
  'label',
  'responsibleOrganisationId',
  'plannedStart',
  'plannedEnd',
  'plannedWeeklyHours',
];

/** Adds an action to an objective: from the territory list for its theme, or a short free label. */
export function AddActionForm({
  contract,
  objective,
  onDone,
  onCancel,
}: {
  contract: Contract;
  objective: Objective;
  onDone: (message: string) => void;
  onCancel: () => void;
}) {
  const list = useActionPlanList();
  const organisations = useOrganisationChoices();
  const choices = actionsForTheme(list.list, objective.theme);
  const add = useAddAction(contract.id);
  const start = contract.startOn && contract.startOn > todayIso() ? contract.startOn : todayIso();
  const form = useForm<ActionValues>({
    resolver: zodResolver(actionForm),
    defaultValues: {
      code: '',
      label: '',
      responsibleOrganisationId: contract.organisation?.id ?? '',
      plannedStart: start,
      plannedEnd: '',
      plannedWeeklyHours: 0,
    },
  });
  const { register, formState, setError, setValue, watch } = form;
  const errors = formState.errors;
  const [unmatched, setUnmatched] = useState<FieldError[]>([]);
  const code = watch('code');
  const titleId = `add-action-${objective.id}-title`;

  const submit = form.handleSubmit(async (values) => {
    setUnmatched([]);
    const other = values.code === OTHER;
    const label = other ? values.label.trim() : null;
    try {
      await add.mutateAsync({
        objectiveId: objective.id,
        body: {
          code: other ? null : values.code,
          label,
          responsibleOrganisationId: values.responsibleOrganisationId || null,
          plannedStart: values.plannedStart,
          plannedEnd: values.plannedEnd || null,
          plannedWeeklyHours: values.plannedWeeklyHours,
        },
      });
      const name = label ?? choices.find((c) => c.code === values.code)?.label ?? 'L’action';
      onDone(`L’action « ${name} » est ajoutée à l’objectif « ${objective.label} ».`);
    } catch (error) {
      setUnmatched(applyServerFieldErrors(error, setError, formPaths));
    }
  });

  return (
    <form noValidate onSubmit={submit} aria-labelledby={titleId} className="fr-mt-3w">
      <h5 id={titleId} className="fr-h6" tabIndex={-1}>
        Ajouter une action à l’objectif « {objective.label} »
      </h5>
      <p className="fr-text--sm">Les champs marqués d’un astérisque (*) sont obligatoires.</p>
      <ApiErrorAlert error={add.error} title="L’action n’a pas été ajoutée" />
      <ApiErrorAlert error={list.error} title="La liste des actions n’a pas pu être chargée" />
      <FieldErrorList fields={unmatched} />
      <Select
        label="Action *"
        hint="Actions de la liste du territoire pour ce thème."
        nativeSelectProps={{
          ...register('code', {
            onChange: (event) => {
              const chosen = choices.find((c) => c.code === event.target.value);
              if (chosen) setValue('plannedWeeklyHours', chosen.defaultWeeklyHours);
            },
          }),
        }}
        {...fieldState(errors.code)}
      >
        <option value="" disabled>
          {list.isPending ? 'Chargement de la liste…' : 'Choisir une action'}
        </option>
        {choices.map((choice) => (
          <option key={choice.code} value={choice.code}>
            {choice.label}
          </option>
        ))}
        <option value={OTHER}>Autre action (libellé court)</option>
      </Select>
      {code === OTHER && (
        <Input
          label="Libellé de l’action *"
          hintText={freeTextHint}
          nativeInputProps={{ ...register('label'), maxLength: 150, autoComplete: 'off' }}
          {...fieldState(errors.label)}
        />
      )}
      <Select
        label="Structure responsable"
        hint="La structure qui mène l’action ; elle pourra saisir les heures réalisées."
        nativeSelectProps={register('responsibleOrganisationId')}
        {...fieldState(errors.responsibleOrganisationId)}
      >
        <option value="">Non précisée</option>
        {(organisations.data?.items ?? []).map((organisation) => (
          <option key={organisation.id} value={organisation.id}>
            {organisation.name}
          </option>
        ))}
      </Select>
      <div className="spie-filters">
        <Input
          label="Début prévu *"
          nativeInputProps={{ ...register('plannedStart'), type: 'date' }}
          {...fieldState(errors.plannedStart)}
        />
        <Input
          label="Fin prévue (facultatif)"
          nativeInputProps={{ ...register('plannedEnd'), type: 'date' }}
          {...fieldState(errors.plannedEnd)}
        />
        <Input
          label="Heures par semaine *"
          hintText="Proposé d’après la liste ; modifiable."
          nativeInputProps={{
            ...register('plannedWeeklyHours', { valueAsNumber: true }),
            type: 'number',
            min: 0,
            max: 35,
            step: 0.25,
            inputMode: 'decimal',
          }}
          {...fieldState(errors.plannedWeeklyHours)}
        />
      </div>
      <div className="spie-actions">
        <Button type="submit" disabled={add.isPending}>
          {add.isPending ? 'Envoi en cours…' : 'Ajouter l’action'}
        </Button>
        <Button type="button" priority="tertiary" onClick={onCancel}>
          Annuler
        </Button>
      </div>
    </form>
  );
}
