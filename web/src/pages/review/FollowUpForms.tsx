import { Button } from '@codegouvfr/react-dsfr/Button';
import { Checkbox } from '@codegouvfr/react-dsfr/Checkbox';
import { Input } from '@codegouvfr/react-dsfr/Input';
import { RadioButtons } from '@codegouvfr/react-dsfr/RadioButtons';
import { zodResolver } from '@hookform/resolvers/zod';
import type { FieldError } from '@spie/contract';
import { isoDate } from '@spie/contract/people';
import {
  acknowledgeBody,
  contactKindLabels,
  recordContactBody,
  situationReviewBody,
  snoozeBody,
} from '@spie/contract/review';
import { type ReactNode, useEffect, useState } from 'react';
import { useForm } from 'react-hook-form';
import { z } from 'zod';
import { ApiErrorAlert } from '../../components/ApiErrorAlert';
import { FieldErrorList } from '../../components/FieldErrorList';
import { fieldState } from '../../components/fieldState';
import { applyServerFieldErrors } from '../../components/serverFieldErrors';
import { formatDay, todayIso } from '../people/peopleFormat';
import {
  useAcknowledgeAlert,
  useAddSituationReview,
  useRecordContact,
  useSnoozeAlert,
} from './review.queries';
import { addDaysIso } from './reviewFormat';

/** A date field: an empty input says what is missing before the format is checked. */
const day = (missing: string) => z.string().min(1, missing).pipe(isoDate);

const noHealthHint = 'N’écrivez pas d’information de santé ou de justice.';

/** The frame of the small forms of this block: a legend, the fields, « Enregistrer… » and « Annuler ». */
function FollowUpForm({
  legend,
  submitLabel,
  pending,
  error,
  errorTitle,
  unmatched,
  onSubmit,
  onCancel,
  children,
}: {
  legend: ReactNode;
  submitLabel: string;
  pending: boolean;
  error: unknown;
  errorTitle: string;
  unmatched: FieldError[];
  onSubmit: (event: React.FormEvent<HTMLFormElement>) => void;
  onCancel: () => void;
  children: ReactNode;
}) {
  return (
    <form noValidate onSubmit={onSubmit} className="spie-panel fr-mt-2w">
      <fieldset className="fr-fieldset fr-mb-0">
        <legend className="fr-fieldset__legend">{legend}</legend>
        <div className="fr-fieldset__element">
          <p className="fr-text--sm">Les champs marqués d’un astérisque (*) sont obligatoires.</p>
          <ApiErrorAlert error={error} title={errorTitle} />
          <FieldErrorList fields={unmatched} />
          {children}
          <div className="spie-actions">
            <Button type="submit" disabled={pending}>
              {pending ? 'Enregistrement…' : submitLabel}
            </Button>
            <Button type="button" priority="tertiary" onClick={onCancel}>
              Annuler
            </Button>
          </div>
        </div>
      </fieldset>
    </form>
  );
}

const acknowledgeForm = acknowledgeBody.extend({
  nextStepOn: day('Indiquez la date de la prochaine étape.'),
});
type AcknowledgeValues = z.infer<typeof acknowledgeForm>;

/** « Prendre en compte »: what is done or planned, and when the next step is. */
export function AcknowledgeForm({
  personId,
  alert,
  onDone,
  onCancel,
}: {
  personId: string;
  alert: { id: string; label: string };
  onDone: (message: string) => void;
  onCancel: () => void;
}) {
  const form = useForm<AcknowledgeValues>({
    resolver: zodResolver(acknowledgeForm),
    defaultValues: { note: '', nextStepOn: '' },
  });
  const acknowledge = useAcknowledgeAlert(personId);
  const [unmatched, setUnmatched] = useState<FieldError[]>([]);
  const errors = form.formState.errors;
  const { setFocus } = form;
  useEffect(() => setFocus('note'), [setFocus]);

  const submit = form.handleSubmit(async (body) => {
    setUnmatched([]);
    try {
      await acknowledge.mutateAsync({ alertId: alert.id, body });
      onDone(
        `L’alerte « ${alert.label} » est prise en compte. Prochaine étape le ${formatDay(body.nextStepOn)}.`,
      );
    } catch (error) {
      setUnmatched(applyServerFieldErrors(error, form.setError, ['note', 'nextStepOn']));
    }
  });

  return (
    <FollowUpForm
      legend={`Prendre en compte l’alerte « ${alert.label} »`}
      submitLabel="Enregistrer la prise en compte"
      pending={acknowledge.isPending}
      error={acknowledge.error}
      errorTitle="La prise en compte n’a pas été enregistrée"
      unmatched={unmatched}
      onSubmit={submit}
      onCancel={onCancel}
    >
      <Input
        textArea
        label="Ce qui est fait ou prévu *"
        hintText={`Par exemple : « Appel prévu, courrier envoyé ». 500 caractères au plus. ${noHealthHint}`}
        nativeTextAreaProps={{ ...form.register('note'), rows: 3, maxLength: 500 }}
        {...fieldState(errors.note)}
      />
      <Input
        label="Date de la prochaine étape *"
        hintText="La date à laquelle vous referez le point sur cette alerte."
        nativeInputProps={{ ...form.register('nextStepOn'), type: 'date', min: todayIso() }}
        {...fieldState(errors.nextStepOn)}
      />
    </FollowUpForm>
  );
}

const snoozeForm = snoozeBody.extend({ until: day('Indiquez jusqu’à quelle date reporter l’alerte.') });
type SnoozeValues = z.infer<typeof snoozeForm>;

/** « Reporter »: the alert leaves the worklists until a date, for a reason. */
export function SnoozeForm({
  personId,
  alert,
  onDone,
  onCancel,
}: {
  personId: string;
  alert: { id: string; label: string };
  onDone: (message: string) => void;
  onCancel: () => void;
}) {
  const form = useForm<SnoozeValues>({
    resolver: zodResolver(snoozeForm),
    defaultValues: { until: '', reason: '' },
  });
  const snooze = useSnoozeAlert(personId);
  const [unmatched, setUnmatched] = useState<FieldError[]>([]);
  const errors = form.formState.errors;
  const { setFocus } = form;
  useEffect(() => setFocus('until'), [setFocus]);

  const submit = form.handleSubmit(async (body) => {
    setUnmatched([]);
    try {
      await snooze.mutateAsync({ alertId: alert.id, body });
      onDone(`L’alerte « ${alert.label} » est reportée jusqu’au ${formatDay(body.until)}.`);
    } catch (error) {
      setUnmatched(applyServerFieldErrors(error, form.setError, ['until', 'reason']));
    }
  });

  return (
    <FollowUpForm
      legend={`Reporter l’alerte « ${alert.label} »`}
      submitLabel="Reporter l’alerte"
      pending={snooze.isPending}
      error={snooze.error}
      errorTitle="L’alerte n’a pas été reportée"
      unmatched={unmatched}
      onSubmit={submit}
      onCancel={onCancel}
    >
      <Input
        label="Reporter jusqu’au *"
        hintText="Jusqu’à cette date, l’alerte n’apparaît plus dans « Ma file active »."
        nativeInputProps={{ ...form.register('until'), type: 'date', min: addDaysIso(todayIso(), 1) }}
        {...fieldState(errors.until)}
      />
      <Input
        textArea
        label="Motif du report *"
        hintText={`Par exemple : « Hospitalisation, reprise de contact prévue ». 300 caractères au plus. ${noHealthHint}`}
        nativeTextAreaProps={{ ...form.register('reason'), rows: 2, maxLength: 300 }}
        {...fieldState(errors.reason)}
      />
    </FollowUpForm>
  );
}

const contactForm = recordContactBody.extend({
  occurredOn: day('Indiquez la date du contact.'),
  note: z.string().trim().max(300, 'Note : 300 caractères au plus.'),
});
type ContactValues = z.infer<typeof contactForm>;
const manualKinds = ['appel', 'message', 'visite'] as const;

/** « Noter un contact »: a call, a message the person answered, a visit (resets the lost-contact clock). */
export function ContactForm({
  personId,
  onDone,
  onCancel,
}: {
  personId: string;
  onDone: (message: string) => void;
  onCancel: () => void;
}) {
  const form = useForm<ContactValues>({
    resolver: zodResolver(contactForm),
    defaultValues: { kind: undefined, occurredOn: todayIso(), note: '' },
  });
  const record = useRecordContact(personId);
  const [unmatched, setUnmatched] = useState<FieldError[]>([]);
  const errors = form.formState.errors;
  const { setFocus } = form;
  useEffect(() => setFocus('kind'), [setFocus]);

  const submit = form.handleSubmit(async (values) => {
    setUnmatched([]);
    try {
      await record.mutateAsync({
        kind: values.kind,
        occurredOn: values.occurredOn,
        ...(values.note ? { note: values.note } : {}),
      });
      onDone(`Le contact du ${formatDay(values.occurredOn)} est enregistré.`);
    } catch (error) {
      setUnmatched(applyServerFieldErrors(error, form.setError, ['kind', 'occurredOn', 'note']));
    }
  });

  return (
    <FollowUpForm
      legend="Noter un contact avec la personne"
      submitLabel="Enregistrer le contact"
      pending={record.isPending}
      error={record.error}
      errorTitle="Le contact n’a pas été enregistré"
      unmatched={unmatched}
      onSubmit={submit}
      onCancel={onCancel}
    >
      <RadioButtons
        legend="Type de contact *"
        hintText="Un rendez-vous honoré est noté depuis la rubrique Rendez-vous."
        options={manualKinds.map((kind) => ({
          label: contactKindLabels[kind],
          nativeInputProps: { ...form.register('kind'), value: kind },
        }))}
        {...(errors.kind ? { state: 'error' as const, stateRelatedMessage: errors.kind.message } : {})}
      />
      <Input
        label="Date du contact *"
        nativeInputProps={{ ...form.register('occurredOn'), type: 'date', max: todayIso() }}
        {...fieldState(errors.occurredOn)}
      />
      <Input
        textArea
        label="Note (facultatif)"
        hintText={`300 caractères au plus. ${noHealthHint}`}
        nativeTextAreaProps={{ ...form.register('note'), rows: 2, maxLength: 300 }}
        {...fieldState(errors.note)}
      />
    </FollowUpForm>
  );
}

const situationForm = situationReviewBody.extend({
  nextStepOn: day('Indiquez la date de la prochaine étape.'),
  withPerson: z.boolean(),
});
type SituationValues = z.infer<typeof situationForm>;

/** « Faire le point de situation »: the situation, the next step and its date (on the timeline). */
export function SituationReviewForm({
  personId,
  onDone,
  onCancel,
}: {
  personId: string;
  onDone: (message: string) => void;
  onCancel: () => void;
}) {
  const form = useForm<SituationValues>({
    resolver: zodResolver(situationForm),
    defaultValues: { situation: '', nextStep: '', nextStepOn: '', withPerson: true },
  });
  const add = useAddSituationReview(personId);
  const [unmatched, setUnmatched] = useState<FieldError[]>([]);
  const errors = form.formState.errors;
  const { setFocus } = form;
  useEffect(() => setFocus('situation'), [setFocus]);

  const submit = form.handleSubmit(async (body) => {
    setUnmatched([]);
    try {
      await add.mutateAsync(body);
      onDone(
        `Le point de situation est enregistré. Prochaine étape le ${formatDay(body.nextStepOn)} : ${body.nextStep}.`,
      );
    } catch (error) {
      setUnmatched(
        applyServerFieldErrors(error, form.setError, ['situation', 'nextStep', 'nextStepOn', 'withPerson']),
      );
    }
  });

  return (
    <FollowUpForm
      legend="Faire le point de situation"
      submitLabel="Enregistrer le point de situation"
      pending={add.isPending}
      error={add.error}
      errorTitle="Le point de situation n’a pas été enregistré"
      unmatched={unmatched}
      onSubmit={submit}
      onCancel={onCancel}
    >
      <Input
        textArea
        label="Situation de la personne *"
        hintText={`Où en est la personne, en quelques mots. 1000 caractères au plus. ${noHealthHint}`}
        nativeTextAreaProps={{ ...form.register('situation'), rows: 3, maxLength: 1000 }}
        {...fieldState(errors.situation)}
      />
      <Input
        label="Prochaine étape *"
        hintText="Par exemple : « Atelier CV », « Rendez-vous à France Travail ». 300 caractères au plus."
        nativeInputProps={{ ...form.register('nextStep'), maxLength: 300, autoComplete: 'off' }}
        {...fieldState(errors.nextStep)}
      />
      <Input
        label="Date de la prochaine étape *"
        nativeInputProps={{ ...form.register('nextStepOn'), type: 'date', min: todayIso() }}
        {...fieldState(errors.nextStepOn)}
      />
      <Checkbox
        options={[
          {
            label: 'Point fait avec la personne',
            hintText: 'Cochez si la personne était là ou au téléphone : cela compte comme un contact.',
            nativeInputProps: form.register('withPerson'),
          },
        ]}
        {...fieldState(errors.withPerson)}
      />
    </FollowUpForm>
  );
}
