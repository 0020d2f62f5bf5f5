import { Button } from '@codegouvfr/react-dsfr/Button';
import { Select } from '@codegouvfr/react-dsfr/Select';
import { type FormEvent, useState } from 'react';
import { isApiError } from '../../api';
import { ApiErrorAlert } from '../../components/ApiErrorAlert';
import { useOrganisationProfessionals } from '../people/people.queries';
import { useTransition } from './orientations.queries';

/**
 * The receiving structure's manager names the référent·e unique among the organisation's
 * professionals. `compact` fits a table cell (the label names the person for screen readers).
 */
export function AssignReferentForm({
  orientationId,
  organisationId,
  personName,
  defaultAccountId,
  compact = false,
  onDone,
}: {
  orientationId: string;
  organisationId: string;
  personName: string;
  defaultAccountId?: string | undefined;
  compact?: boolean;
  onDone: (message: string) => void;
}) {
  const professionals = useOrganisationProfessionals(organisationId);
  const assign = useTransition();
  const [accountId, setAccountId] = useState(defaultAccountId ?? '');
  const [missing, setMissing] = useState<string | null>(null);
  const selectId = `assign-${orientationId}`;
  const items = professionals.data?.items ?? [];
  const serverField = isApiError(assign.error)
    ? assign.error.fields.find((f) => f.path === 'referentAccountId')?.message
    : undefined;
  const message = missing ?? serverField;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!accountId) {
      setMissing('Choisissez le ou la référent·e.');
      document.getElementById(selectId)?.focus();
      return;
    }
    setMissing(null);
    try {
      await assign.mutateAsync({ orientationId, body: { action: 'assign', referentAccountId: accountId } });
      const chosen = items.find((p) => p.accountId === accountId);
      const who = chosen ? `${chosen.firstName} ${chosen.lastName}` : 'La personne choisie';
      onDone(`${who} est désigné·e référent·e unique de ${personName}.`);
    } catch {
      // Shown below.
    }
  };

  return (
    <form noValidate onSubmit={submit} aria-label={`Désigner le ou la référent·e de ${personName}`}>
      <ApiErrorAlert error={assign.error} title="Le ou la référent·e n’a pas été désigné·e" />
      <ApiErrorAlert error={professionals.error} title="Les professionnels n’ont pas pu être chargés" />
      <Select
        label={
          compact ? (
            <>
              Référent·e<span className="fr-sr-only"> de {personName}</span>
            </>
          ) : (
            'Référent·e unique *'
          )
        }
        {...(compact ? {} : { hint: 'Parmi les professionnels de votre structure.' })}
        nativeSelectProps={{ id: selectId, value: accountId, onChange: (e) => setAccountId(e.target.value) }}
        {...(message ? { state: 'error' as const, stateRelatedMessage: message } : {})}
      >
        <option value="">{professionals.isPending ? 'Chargement…' : 'Choisir un·e professionnel·le'}</option>
        {items.map((p) => (
          <option key={p.accountId} value={p.accountId}>
            {p.firstName} {p.lastName}
          </option>
        ))}
      </Select>
      <Button type="submit" size={compact ? 'small' : 'medium'} disabled={assign.isPending}>
        {assign.isPending ? 'Envoi en cours…' : 'Désigner'}
        {compact && <span className="fr-sr-only"> le ou la référent·e de {personName}</span>}
      </Button>
    </form>
  );
}
