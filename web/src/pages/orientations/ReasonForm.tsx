import { Button } from '@codegouvfr/react-dsfr/Button';
import { Input } from '@codegouvfr/react-dsfr/Input';
import { type FormEvent, useState } from 'react';
import { isApiError } from '../../api';
import { ApiErrorAlert } from '../../components/ApiErrorAlert';
import { FieldErrorList } from '../../components/FieldErrorList';

/**
 * One required reason and one button (classer sans suite, refuser une proposition ou une
 * réorientation). The reason's error is written under the field and announced.
 */
export function ReasonForm({
  id,
  title,
  intro,
  label = 'Motif *',
  hint = 'Ce motif est conservé dans l’historique de la personne. 1000 caractères au plus.',
  submitLabel,
  errorTitle,
  pending,
  error,
  onSubmit,
  onCancel,
  titleAs: TitleTag = 'h3',
}: {
  id: string;
  title: string;
  intro?: string;
  label?: string;
  hint?: string;
  submitLabel: string;
  errorTitle: string;
  pending: boolean;
  error: unknown;
  onSubmit: (reason: string) => Promise<unknown>;
  onCancel?: () => void;
  titleAs?: 'h2' | 'h3' | 'h4';
}) {
  const [reason, setReason] = useState('');
  const [missing, setMissing] = useState<string | null>(null);
  const fieldId = `${id}-reason`;
  const serverReason = isApiError(error) ? error.fields.find((f) => f.path === 'reason')?.message : undefined;
  const otherFields = isApiError(error) ? error.fields.filter((f) => f.path !== 'reason') : [];
  const message = missing ?? serverReason;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const text = reason.trim();
    if (!text) {
      setMissing('Indiquez un motif.');
      document.getElementById(fieldId)?.focus();
      return;
    }
    if (text.length > 1000) {
      setMissing('Motif : 1000 caractères au plus.');
      document.getElementById(fieldId)?.focus();
      return;
    }
    setMissing(null);
    try {
      await onSubmit(text);
      setReason('');
    } catch {
      // Shown by the alert below.
    }
  };

  return (
    <form noValidate onSubmit={submit} aria-labelledby={`${id}-title`} className="fr-mt-4w">
      <TitleTag id={`${id}-title`} className="fr-h5" tabIndex={-1}>
        {title}
      </TitleTag>
      {intro && <p className="fr-text--sm">{intro}</p>}
      <ApiErrorAlert error={error} title={errorTitle} />
      <FieldErrorList fields={otherFields} />
      <Input
        textArea
        label={label}
        hintText={hint}
        nativeTextAreaProps={{
          id: fieldId,
          rows: 3,
          maxLength: 1000,
          value: reason,
          onChange: (event) => setReason(event.target.value),
        }}
        {...(message ? { state: 'error' as const, stateRelatedMessage: message } : {})}
      />
      <div className="spie-actions">
        <Button type="submit" priority="secondary" disabled={pending}>
          {pending ? 'Envoi en cours…' : submitLabel}
        </Button>
        {onCancel && (
          <Button type="button" priority="tertiary" onClick={onCancel}>
            Annuler
          </Button>
        )}
      </div>
    </form>
  );
}
