import { Button } from '@codegouvfr/react-dsfr/Button';
import { Input } from '@codegouvfr/react-dsfr/Input';
import { zodResolver } from '@hookform/resolvers/zod';
import type { FieldError } from '@spie/contract';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { z } from 'zod';
import { ApiErrorAlert } from '../../components/ApiErrorAlert';
import { FieldErrorList } from '../../components/FieldErrorList';
import { fieldState } from '../../components/fieldState';
import { applyServerFieldErrors } from '../../components/serverFieldErrors';
import { todayIso } from '../people/peopleFormat';
import { addMonthsIso, formatHours } from './contractFormat';
import { useCreateContract } from './contracts.queries';

const startForm = z
  .object({
    startOn: z.string().min(1, 'Indiquez la date de début.'),
    endOn: z.string().min(1, 'Indiquez la date de fin.'),
    weeklyTargetHours: z
      .number({ message: 'Indiquez un nombre d’heures.' })
      .min(0, 'Pas de valeur négative.')
      .max(35, 'Au plus 35 heures par semaine.')
      .multipleOf(0.25, 'Par quart d’heure (0,25).'),
  })
  .refine((v) => !v.startOn || !v.endOn || v.endOn > v.startOn, {
    message: 'La fin doit être après le début.',
    path: ['endOn'],
  });
type StartValues = z.infer<typeof startForm>;

/** « Commencer le contrat d’engagement »: a draft with its dates and weekly hours. */
export function StartContractForm({
  personId,
  defaultWeeklyHours,
  onDone,
}: {
  personId: string;
  defaultWeeklyHours: number;
  onDone: (message: string) => void;
}) {
  const today = todayIso();
  const form = useForm<StartValues>({
    resolver: zodResolver(startForm),
    defaultValues: { startOn: today, endOn: addMonthsIso(today, 12), weeklyTargetHours: defaultWeeklyHours },
  });
  const { register, formState, setError, setValue, getFieldState } = form;
  const errors = formState.errors;
  const create = useCreateContract(personId);
  const [unmatched, setUnmatched] = useState<FieldError[]>([]);

  const submit = form.handleSubmit(async (values) => {
    setUnmatched([]);
    try {
      await create.mutateAsync(values);
      onDone('Le contrat d’engagement est commencé (brouillon). Construisez maintenant le plan d’action.');
    } catch (error) {
      setUnmatched(applyServerFieldErrors(error, setError, ['startOn', 'endOn', 'weeklyTargetHours']));
    }
  });

  return (
    <form noValidate onSubmit={submit} aria-labelledby="start-contract-title" className="spie-panel fr-mt-3w">
      <h3 id="start-contract-title" className="fr-h5">
        Commencer le contrat d’engagement
      </h3>
      <p className="fr-text--sm">
        Le contrat reste un brouillon tant que vous ne le proposez pas à la personne. Les champs marqués d’un
        astérisque (*) sont obligatoires.
      </p>
      <ApiErrorAlert error={create.error} title="Le contrat n’a pas été commencé" />
      <FieldErrorList fields={unmatched} />
      <div className="spie-filters">
        <Input
          label="Date de début *"
          nativeInputProps={{
            ...register('startOn', {
              onChange: (event) => {
                // The end follows the start (12 months) until it is changed by hand.
                if (!getFieldState('endOn').isDirty && event.target.value)
                  setValue('endOn', addMonthsIso(event.target.value, 12));
              },
            }),
            type: 'date',
          }}
          {...fieldState(errors.startOn)}
        />
        <Input
          label="Date de fin *"
          hintText="Par défaut, 12 mois après le début."
          nativeInputProps={{ ...register('endOn'), type: 'date' }}
          {...fieldState(errors.endOn)}
        />
        <Input
          label="Heures d’activité par semaine *"
          hintText={`${formatHours(defaultWeeklyHours)} par défaut sur le territoire.`}
          nativeInputProps={{
            ...register('weeklyTargetHours', { valueAsNumber: true }),
            type: 'number',
            min: 0,
            max: 35,
            step: 0.25,
            inputMode: 'decimal',
          }}
          {...fieldState(errors.weeklyTargetHours)}
        />
      </div>
      <Button type="submit" disabled={create.isPending}>
        {create.isPending ? 'Envoi en cours…' : 'Commencer le contrat d’engagement'}
      </Button>
    </form>
  );
}
