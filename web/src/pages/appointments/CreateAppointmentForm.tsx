import { Button } from '@codegouvfr/react-dsfr/Button';
import { Checkbox } from '@codegouvfr/react-dsfr/Checkbox';
import { Input } from '@codegouvfr/react-dsfr/Input';
import { RadioButtons } from '@codegouvfr/react-dsfr/RadioButtons';
import { Select } from '@codegouvfr/react-dsfr/Select';
import { zodResolver } from '@hookform/resolvers/zod';
import type { FieldError } from '@spie/contract';
import {
  appointmentModeLabels,
  appointmentModes,
  appointmentTypeLabels,
  appointmentTypes,
} from '@spie/contract/appointments';
import { useId, useMemo, useState } from 'react';
import { useForm } from 'react-hook-form';
import type { z } from 'zod';
import { ApiErrorAlert } from '../../components/ApiErrorAlert';
import { FieldErrorList } from '../../components/FieldErrorList';
import { fieldState } from '../../components/fieldState';
import {
  type CreateAppointmentValues,
  createAppointmentDefaults,
  createAppointmentForm,
  createAppointmentPaths,
  toCreateBody,
} from './appointmentForm';
import { appointmentFormPath, localInWords, parisNowLocal, parisToday } from './appointmentFormat';
import { useCreateAppointment } from './appointments.queries';
import { applyMappedFieldErrors } from './mappedFieldErrors';

type Output = z.output<ReturnType<typeof createAppointmentForm>>;

/** « Fixer un rendez-vous »: type, date and time (France), duration, how, tell the person, note. */
export function CreateAppointmentForm({
  personId,
  onDone,
}: {
  personId: string;
  onDone: (message: string) => void;
}) {
  const id = useId();
  const create = useCreateAppointment(personId);
  const schema = useMemo(() => createAppointmentForm(() => parisNowLocal()), []);
  const form = useForm<CreateAppointmentValues, unknown, Output>({
    resolver: zodResolver(schema),
    defaultValues: createAppointmentDefaults,
  });
  const { register, formState, setError, watch, reset } = form;
  const errors = formState.errors;
  const mode = watch('mode');
  const [unmatched, setUnmatched] = useState<FieldError[]>([]);

  const submit = form.handleSubmit(async (values) => {
    setUnmatched([]);
    try {
      const created = await create.mutateAsync(toCreateBody(values));
      reset({ ...createAppointmentDefaults, type: values.type, mode: values.mode, address: values.address });
      onDone(
        `Le rendez-vous est fixé au ${localInWords(created.startsAtLocal)}.${
          values.notifyPerson ? ' La confirmation part à la personne par son moyen de contact préféré.' : ''
        }`,
      );
    } catch (error) {
      setUnmatched(
        applyMappedFieldErrors(
          error,
          setError,
          (path) => (createAppointmentPaths as readonly string[]).includes(path),
          appointmentFormPath,
        ),
      );
    }
  });

  return (
    <form noValidate onSubmit={submit} aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>Fixer un rendez-vous</h2>
      <p className="fr-text--sm">Les champs marqués d’un astérisque (*) sont obligatoires.</p>
      <ApiErrorAlert error={create.error} title="Le rendez-vous n’a pas été fixé" />
      <FieldErrorList fields={unmatched} />
      <Select
        label="Type de rendez-vous *"
        nativeSelectProps={{ ...register('type'), id: `${id}-type` }}
        {...fieldState(errors.type)}
      >
        <option value="" disabled>
          Choisir le type
        </option>
        {appointmentTypes.map((type) => (
          <option key={type} value={type}>
            {appointmentTypeLabels[type]}
          </option>
        ))}
      </Select>
      <div className="spie-filters">
        <Input
          label="Date *"
          nativeInputProps={{ ...register('date'), id: `${id}-date`, type: 'date', min: parisToday() }}
          {...fieldState(errors.date)}
        />
        <Input
          label="Heure *"
          nativeInputProps={{ ...register('time'), id: `${id}-time`, type: 'time' }}
          {...fieldState(errors.time)}
        />
        <Input
          label="Durée (en minutes) *"
          nativeInputProps={{
            ...register('durationMinutes', { valueAsNumber: true }),
            id: `${id}-duration`,
            type: 'number',
            min: 10,
            max: 480,
            step: 5,
          }}
          {...fieldState(errors.durationMinutes)}
        />
      </div>
      <RadioButtons
        legend="Comment se passe le rendez-vous ? *"
        name={`${id}-mode`}
        orientation="horizontal"
        options={appointmentModes.map((value) => ({
          label: appointmentModeLabels[value],
          nativeInputProps: { ...register('mode'), value },
        }))}
        {...fieldState(errors.mode)}
      />
      {mode === 'sur_place' && (
        <Input
          label="Adresse du rendez-vous *"
          hintText="Par exemple : 12 rue de la République, 93000 Bobigny — bureau 4, 2e étage"
          nativeInputProps={{
            ...register('address'),
            id: `${id}-address`,
            autoComplete: 'off',
            maxLength: 300,
          }}
          {...fieldState(errors.address)}
        />
      )}
      {mode === 'visio' && (
        <Input
          label="Lien de la visioconférence *"
          hintText="Une adresse qui commence par https://"
          nativeInputProps={{ ...register('visioUrl'), id: `${id}-visio`, type: 'url', inputMode: 'url' }}
          {...fieldState(errors.visioUrl)}
        />
      )}
      {mode === 'telephone' && (
        <p className="fr-text--sm">Vous appellerez la personne au numéro de son dossier.</p>
      )}
      <Checkbox
        options={[
          {
            label: 'Prévenir la personne',
            hintText:
              'Une confirmation part par son moyen de contact préféré (SMS, courriel ou courrier), puis un rappel avant le rendez-vous.',
            nativeInputProps: { ...register('notifyPerson') },
          },
        ]}
      />
      <Input
        textArea
        label="Note (facultatif)"
        hintText="Pour l’équipe : l’objet du rendez-vous, ce qu’il faut apporter… Pas d’information de santé."
        nativeTextAreaProps={{ ...register('note'), id: `${id}-note`, rows: 3, maxLength: 500 }}
        {...fieldState(errors.note)}
      />
      <Button type="submit" disabled={create.isPending}>
        {create.isPending ? 'Enregistrement…' : 'Fixer le rendez-vous'}
      </Button>
    </form>
  );
}
