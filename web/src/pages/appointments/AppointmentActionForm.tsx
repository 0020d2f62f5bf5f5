import { Button } from '@codegouvfr/react-dsfr/Button';
import { Checkbox } from '@codegouvfr/react-dsfr/Checkbox';
import { Input } from '@codegouvfr/react-dsfr/Input';
import { RadioButtons } from '@codegouvfr/react-dsfr/RadioButtons';
import { zodResolver } from '@hookform/resolvers/zod';
import type { FieldError } from '@spie/contract';
import {
  type Appointment,
  type AppointmentAction,
  appointmentStatusLabels,
  appointmentTransitions,
} from '@spie/contract/appointments';
import { useEffect, useId, useRef, useState } from 'react';
import { useForm } from 'react-hook-form';
import { ApiErrorAlert } from '../../components/ApiErrorAlert';
import { FieldErrorList } from '../../components/FieldErrorList';
import { fieldState } from '../../components/fieldState';
import {
  actionFields,
  correctableStatuses,
  type RescheduleValues,
  rescheduleForm,
  type StatusActionValues,
  statusActionForm,
  toRescheduleBody,
  toStatusBody,
} from './appointmentForm';
import {
  actionDoneMessages,
  appointmentFormPath,
  formSubmitLabels,
  parisNowLocal,
  splitLocal,
} from './appointmentFormat';
import { useChangeAppointmentStatus, useUpdateAppointment } from './appointments.queries';
import { isStale, StaleAlert } from './conflict';
import { applyMappedFieldErrors } from './mappedFieldErrors';

export const actionLabel = (action: AppointmentAction): string =>
  appointmentTransitions.find((t) => t.action === action)?.label ?? action;

interface ActionFormProps {
  appointment: Appointment;
  action: AppointmentAction;
  /** « du mardi 24 novembre 2026 à 10 h 30 », for screen readers. */
  when: string;
  onDone: (message: string) => void;
  onClose: () => void;
}

/** The small form of one action on an appointment; it takes the focus when it opens. */
export function AppointmentActionForm(props: ActionFormProps) {
  return props.action === 'reschedule' ? <RescheduleForm {...props} /> : <StatusActionForm {...props} />;
}

function FormTitle({ id, text }: { id: string; text: string }) {
  const ref = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    ref.current?.focus();
  }, []);
  return (
    <h4 id={id} ref={ref} tabIndex={-1} className="fr-h6 spie-page-heading">
      {text}
    </h4>
  );
}

function RescheduleForm({ appointment, action, when, onDone, onClose }: ActionFormProps) {
  const id = useId();
  const update = useUpdateAppointment();
  const current = splitLocal(appointment.startsAtLocal);
  const form = useForm<RescheduleValues>({
    resolver: zodResolver(rescheduleForm(() => parisNowLocal())),
    defaultValues: {
      date: current.date,
      time: current.time,
      durationMinutes: appointment.durationMinutes,
      notifyPerson: true,
    },
  });
  const { register, formState, setError } = form;
  const errors = formState.errors;
  const [unmatched, setUnmatched] = useState<FieldError[]>([]);

  const submit = form.handleSubmit(async (values) => {
    setUnmatched([]);
    try {
      await update.mutateAsync({
        id: appointment.id,
        body: toRescheduleBody(rescheduleForm(() => '').parse(values), appointment.revision),
      });
      onDone(actionDoneMessages[action]);
    } catch (error) {
      setUnmatched(
        applyMappedFieldErrors(
          error,
          setError,
          (path) => ['date', 'time', 'durationMinutes'].includes(path),
          appointmentFormPath,
        ),
      );
    }
  });

  return (
    <form noValidate onSubmit={submit} aria-labelledby={`${id}-title`} className="spie-appointment-form">
      <FormTitle id={`${id}-title`} text={actionLabel(action)} />
      {isStale(update.error) ? (
        <StaleAlert />
      ) : (
        <ApiErrorAlert error={update.error} title="Le rendez-vous n’a pas été déplacé" />
      )}
      <FieldErrorList fields={unmatched} />
      <div className="spie-filters">
        <Input
          label="Nouvelle date *"
          nativeInputProps={{ ...register('date'), id: `${id}-date`, type: 'date' }}
          {...fieldState(errors.date)}
        />
        <Input
          label="Nouvelle heure *"
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
      <Checkbox
        options={[
          {
            label: 'Prévenir la personne du changement',
            hintText: 'Par son moyen de contact préféré (SMS, courriel ou courrier).',
            nativeInputProps: { ...register('notifyPerson') },
          },
        ]}
      />
      <div className="spie-actions">
        <Button type="submit" disabled={update.isPending}>
          {update.isPending ? 'Enregistrement…' : formSubmitLabels[action]}
          <span className="fr-sr-only"> {when}</span>
        </Button>
        <Button type="button" priority="tertiary" onClick={onClose}>
          Fermer<span className="fr-sr-only"> sans rien changer</span>
        </Button>
      </div>
    </form>
  );
}

function StatusActionForm({ appointment, action, when, onDone, onClose }: ActionFormProps) {
  const id = useId();
  const change = useChangeAppointmentStatus();
  const fields = actionFields(action);
  const firstOther = correctableStatuses.find((s) => s !== appointment.status) ?? 'honore';
  const form = useForm<StatusActionValues>({
    resolver: zodResolver(statusActionForm(action)),
    defaultValues: {
      status: action === 'correct' ? firstOther : '',
      reason: '',
      outcomeNote: appointment.outcomeNote ?? '',
    },
  });
  const { register, formState, setError } = form;
  const errors = formState.errors;
  const [unmatched, setUnmatched] = useState<FieldError[]>([]);

  const submit = form.handleSubmit(async (values) => {
    if (action === 'reschedule') return;
    setUnmatched([]);
    try {
      await change.mutateAsync({
        id: appointment.id,
        body: toStatusBody(action, values, appointment.revision),
      });
      onDone(actionDoneMessages[action]);
    } catch (error) {
      setUnmatched(
        applyMappedFieldErrors(
          error,
          setError,
          (path) => ['status', 'reason', 'outcomeNote'].includes(path),
          (path) => path,
        ),
      );
    }
  });

  return (
    <form noValidate onSubmit={submit} aria-labelledby={`${id}-title`} className="spie-appointment-form">
      <FormTitle id={`${id}-title`} text={actionLabel(action)} />
      {fields.reason === 'required' && (
        <p className="fr-text--sm">Les champs marqués d’un astérisque (*) sont obligatoires.</p>
      )}
      {isStale(change.error) ? (
        <StaleAlert />
      ) : (
        <ApiErrorAlert error={change.error} title="Le rendez-vous n’a pas été mis à jour" />
      )}
      <FieldErrorList fields={unmatched} />
      {fields.status && (
        <RadioButtons
          legend="Résultat du rendez-vous *"
          hintText={`Aujourd’hui : ${appointmentStatusLabels[appointment.status]}.`}
          name={`${id}-status`}
          options={correctableStatuses.map((status) => ({
            label: appointmentStatusLabels[status],
            nativeInputProps: { ...register('status'), value: status },
          }))}
          {...fieldState(errors.status)}
        />
      )}
      {fields.reason && (
        <Input
          label={
            action === 'cancel'
              ? 'Motif de l’annulation *'
              : action === 'markExcused'
                ? 'Motif de l’excuse *'
                : 'Motif de la correction (facultatif)'
          }
          hintText={
            action === 'cancel'
              ? 'Il est gardé dans le dossier. La personne est prévenue de l’annulation.'
              : 'Quelques mots, sans information de santé.'
          }
          nativeInputProps={{ ...register('reason'), id: `${id}-reason`, maxLength: 300 }}
          {...fieldState(errors.reason)}
        />
      )}
      {fields.outcomeNote && (
        <Input
          textArea
          label="Compte rendu (facultatif)"
          hintText="Ce qui a été vu ou décidé, en quelques lignes. Pas d’information de santé."
          nativeTextAreaProps={{ ...register('outcomeNote'), id: `${id}-note`, rows: 3, maxLength: 1000 }}
          {...fieldState(errors.outcomeNote)}
        />
      )}
      <div className="spie-actions">
        <Button type="submit" disabled={change.isPending}>
          {change.isPending ? 'Enregistrement…' : formSubmitLabels[action]}
          <span className="fr-sr-only"> {when}</span>
        </Button>
        <Button type="button" priority="tertiary" onClick={onClose}>
          Fermer<span className="fr-sr-only"> sans rien changer</span>
        </Button>
      </div>
    </form>
  );
}
