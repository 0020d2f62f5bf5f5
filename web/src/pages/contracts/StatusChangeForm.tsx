import { Button } from '@codegouvfr/react-dsfr/Button';
import { Input } from '@codegouvfr/react-dsfr/Input';
import { Select } from '@codegouvfr/react-dsfr/Select';
import { type FormEvent, type ReactNode, useId, useState } from 'react';
import { isApiError } from '../../api';
import { ApiErrorAlert } from '../../components/ApiErrorAlert';
import { freeTextHint } from './contractFormat';

/**
 * Quick status change of an objective or an action: a select and « Enregistrer »; a reason is
 * asked when the new status needs one (abandoned, cancelled).
 */
export function StatusChangeForm<S extends string>({
  current,
  currentReason,
  statuses,
  labels,
  withReason,
  what,
  onSave,
}: {
  current: S;
  currentReason: string | null;
  statuses: readonly S[];
  labels: Record<S, string>;
  withReason: readonly S[];
  /** Named for screen readers: « de l’action « Atelier CV » ». */
  what: ReactNode;
  onSave: (status: S, reason: string | null) => Promise<unknown>;
}) {
  const id = useId();
  const [status, setStatus] = useState<S>(current);
  const [reason, setReason] = useState(currentReason ?? '');
  const [error, setError] = useState<string | null>(null);
  const [serverError, setServerError] = useState<unknown>(null);
  const [saved, setSaved] = useState('');
  const [pending, setPending] = useState(false);
  const needsReason = withReason.includes(status);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setSaved('');
    if (needsReason && !reason.trim()) {
      setError('Indiquez un motif.');
      document.getElementById(`${id}-reason`)?.focus();
      return;
    }
    setError(null);
    setServerError(null);
    setPending(true);
    try {
      await onSave(status, needsReason ? reason.trim() : null);
      setSaved(`Enregistré : ${labels[status]}.`);
    } catch (e) {
      setServerError(e);
      const field = isApiError(e) ? e.fields.find((f) => f.path.endsWith('statusReason')) : undefined;
      if (field) setError(field.message);
    } finally {
      setPending(false);
    }
  };

  return (
    <form noValidate onSubmit={submit} className="spie-status-form">
      <Select
        label={
          <>
            Nouvel état<span className="fr-sr-only"> {what}</span>
          </>
        }
        nativeSelectProps={{
          id: `${id}-status`,
          value: status,
          onChange: (event) => {
            setSaved('');
            setStatus(event.target.value as S);
          },
        }}
      >
        {statuses.map((value) => (
          <option key={value} value={value}>
            {labels[value]}
          </option>
        ))}
      </Select>
      {needsReason && (
        <Input
          label={
            <>
              Motif *<span className="fr-sr-only"> {what}</span>
            </>
          }
          hintText={freeTextHint}
          nativeInputProps={{
            id: `${id}-reason`,
            value: reason,
            maxLength: 500,
            onChange: (event) => setReason(event.target.value),
          }}
          {...(error ? { state: 'error' as const, stateRelatedMessage: error } : {})}
        />
      )}
      <Button type="submit" size="small" priority="secondary" disabled={pending}>
        {pending ? 'Enregistrement…' : 'Enregistrer'}
        <span className="fr-sr-only"> le nouvel état {what}</span>
      </Button>
      <p role="status" className="fr-text--xs fr-mb-0">
        {saved}
      </p>
      {!error && <ApiErrorAlert error={serverError} title="L’état n’a pas été changé" />}
    </form>
  );
}
