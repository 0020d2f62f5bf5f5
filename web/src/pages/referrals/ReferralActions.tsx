import { Button } from '@codegouvfr/react-dsfr/Button';
import { Input } from '@codegouvfr/react-dsfr/Input';
import { Select } from '@codegouvfr/react-dsfr/Select';
import type { FieldError } from '@spie/contract';
import {
  type ReferralAction,
  type ReferralView,
  referralOutcomeLabels,
  referralOutcomes,
  referralTransition,
  refusalReasonLabels,
  refusalReasons,
} from '@spie/contract/referrals';
import { useEffect, useState } from 'react';
import { useForm } from 'react-hook-form';
import { ApiErrorAlert } from '../../components/ApiErrorAlert';
import { FieldErrorList } from '../../components/FieldErrorList';
import { fieldState } from '../../components/fieldState';
import { applyServerFieldErrors } from '../../components/serverFieldErrors';
import { todayIso } from '../people/peopleFormat';
import type { TransitionInput } from './referrals.queries';

export interface ActionRunner {
  run: (body: TransitionInput) => Promise<unknown>;
  pending: boolean;
  error: unknown;
  reset: () => void;
}

const doneMessages: Record<ReferralAction, string> = {
  accept: 'La personne est acceptée.',
  refuse: 'Le refus est enregistré.',
  waitlist: 'La personne est sur la liste d’attente.',
  expire: 'La prescription a expiré.',
  cancel: 'La prescription est annulée.',
  recordEntry: 'L’entrée est notée.',
  start: 'Le début de l’accompagnement est noté.',
  finish: 'La fin est notée.',
};

/** The steps the server allows now, as buttons; a step needing details opens a small form. */
export function ReferralActions({
  referral,
  runner,
  onDone,
}: {
  referral: ReferralView;
  runner: ActionRunner;
  onDone: (message: string) => void;
}) {
  const [opened, setOpened] = useState<ReferralAction | null>(null);
  useEffect(() => {
    if (opened) document.getElementById('referral-action-title')?.focus();
  }, [opened]);

  const transitions = referral.allowedActions
    .map((action) => referralTransition(action, referral.status))
    .filter((tr) => tr !== undefined);
  if (transitions.length === 0) return null;

  const click = async (action: ReferralAction, needsForm: boolean) => {
    runner.reset();
    if (needsForm) return setOpened(action);
    try {
      await runner.run({ action, revision: referral.revision });
      onDone(doneMessages[action]);
    } catch {
      // Shown below.
    }
  };
  const openedTransition = transitions.find((tr) => tr.action === opened);

  return (
    <>
      <div className="spie-actions">
        {transitions.map((tr) => {
          const needsForm = tr.requires.length > 0;
          return (
            <Button
              key={tr.action}
              priority={tr.action === 'refuse' || tr.action === 'cancel' ? 'secondary' : 'primary'}
              disabled={runner.pending}
              aria-expanded={needsForm ? opened === tr.action : undefined}
              onClick={() => click(tr.action, needsForm)}
            >
              {tr.label}
            </Button>
          );
        })}
      </div>
      {!openedTransition && <ApiErrorAlert error={runner.error} title="L’étape n’a pas été enregistrée" />}
      {openedTransition && (
        <ActionForm
          key={openedTransition.action}
          action={openedTransition.action}
          title={openedTransition.label}
          revision={referral.revision}
          runner={runner}
          onCancel={() => setOpened(null)}
          onDone={(message) => {
            setOpened(null);
            onDone(message);
          }}
        />
      )}
    </>
  );
}

interface ActionValues {
  reason: string;
  note: string;
  date: string;
  outcome: string;
}
const formPaths = ['reason', 'note', 'date', 'outcome'] as const;

function ActionForm({
  action,
  title,
  revision,
  runner,
  onCancel,
  onDone,
}: {
  action: ReferralAction;
  title: string;
  revision: number;
  runner: ActionRunner;
  onCancel: () => void;
  onDone: (message: string) => void;
}) {
  const form = useForm<ActionValues>({
    defaultValues: { reason: '', note: '', date: todayIso(), outcome: '' },
  });
  const { register, setError, watch, formState } = form;
  const errors = formState.errors;
  const [unmatched, setUnmatched] = useState<FieldError[]>([]);
  const reason = watch('reason');
  const outcome = watch('outcome');
  const noteRequired =
    action === 'cancel' ||
    (action === 'refuse' && reason === 'autre') ||
    (action === 'finish' && outcome === 'autre');
  const needsDate = action === 'recordEntry' || action === 'finish';

  const submit = form.handleSubmit(async (values) => {
    setUnmatched([]);
    if (action === 'refuse' && !values.reason)
      return setError('reason', { message: 'Choisissez le motif du refus.' }, { shouldFocus: true });
    if (action === 'finish' && !values.outcome)
      return setError(
        'outcome',
        { message: 'Choisissez comment l’accompagnement s’est terminé.' },
        { shouldFocus: true },
      );
    if (needsDate && !values.date)
      return setError('date', { message: 'Indiquez la date.' }, { shouldFocus: true });
    if (needsDate && values.date > todayIso())
      return setError('date', { message: 'La date ne peut pas être dans le futur.' }, { shouldFocus: true });
    if (noteRequired && !values.note.trim())
      return setError('note', { message: 'Précisez en quelques mots.' }, { shouldFocus: true });
    try {
      await runner.run({
        action,
        revision,
        reason: action === 'refuse' ? (values.reason as (typeof refusalReasons)[number]) : null,
        outcome: action === 'finish' ? (values.outcome as (typeof referralOutcomes)[number]) : null,
        date: needsDate ? values.date : null,
        note: values.note.trim() || null,
      });
      onDone(doneMessages[action]);
    } catch (error) {
      setUnmatched(applyServerFieldErrors(error, setError, formPaths));
    }
  });

  return (
    <form
      noValidate
      onSubmit={submit}
      aria-labelledby="referral-action-title"
      className="spie-panel fr-mt-3w"
    >
      <h3 id="referral-action-title" className="fr-h6" tabIndex={-1}>
        {title}
      </h3>
      <p className="fr-text--sm">Les champs marqués d’un astérisque (*) sont obligatoires.</p>
      <ApiErrorAlert error={runner.error} title="L’étape n’a pas été enregistrée" />
      <FieldErrorList fields={unmatched} />
      {action === 'refuse' && (
        <Select
          label="Motif du refus *"
          nativeSelectProps={{ ...register('reason'), id: 'referral-refusal-reason' }}
          {...fieldState(errors.reason)}
        >
          <option value="" disabled>
            Choisir un motif
          </option>
          {refusalReasons.map((value) => (
            <option key={value} value={value}>
              {refusalReasonLabels[value]}
            </option>
          ))}
        </Select>
      )}
      {action === 'finish' && (
        <Select
          label="Comment l’accompagnement s’est terminé *"
          nativeSelectProps={{ ...register('outcome'), id: 'referral-outcome' }}
          {...fieldState(errors.outcome)}
        >
          <option value="" disabled>
            Choisir
          </option>
          {referralOutcomes.map((value) => (
            <option key={value} value={value}>
              {referralOutcomeLabels[value]}
            </option>
          ))}
        </Select>
      )}
      {needsDate && (
        <Input
          label={action === 'recordEntry' ? 'Date d’entrée *' : 'Date de fin *'}
          hintText="Format : jj/mm/aaaa"
          nativeInputProps={{ ...register('date'), type: 'date', id: 'referral-date', max: todayIso() }}
          {...fieldState(errors.date)}
        />
      )}
      {(noteRequired || action === 'refuse' || action === 'finish') && (
        <Input
          textArea
          label={noteRequired ? 'Précision *' : 'Précision (facultatif)'}
          hintText="Quelques mots, sans information de santé."
          nativeTextAreaProps={{ ...register('note'), id: 'referral-note', rows: 3, maxLength: 1000 }}
          {...fieldState(errors.note)}
        />
      )}
      <div className="spie-actions">
        <Button type="submit" disabled={runner.pending}>
          {runner.pending ? 'Enregistrement…' : 'Valider'}
        </Button>
        <Button type="button" priority="secondary" onClick={onCancel}>
          Annuler
        </Button>
      </div>
    </form>
  );
}
