import { Button } from '@codegouvfr/react-dsfr/Button';
import { Input } from '@codegouvfr/react-dsfr/Input';
import { Select } from '@codegouvfr/react-dsfr/Select';
import {
  type OrientationSource,
  orientationSourceLabels,
  orientationSources,
} from '@spie/contract/orientations';
import { type FormEvent, useState } from 'react';
import { isApiError } from '../../api';
import { ApiErrorAlert } from '../../components/ApiErrorAlert';
import { FieldErrorList } from '../../components/FieldErrorList';
import { todayIso } from '../people/peopleFormat';
import { useStartOrientation } from './orientations.queries';

const startSources = orientationSources.filter((s) => s !== 'reorientation') as Exclude<
  OrientationSource,
  'reorientation'
>[];

/** « Mettre à orienter »: the person enters the queue; the deadline counts from the information date. */
export function StartOrientationForm({
  personId,
  onDone,
  onCancel,
}: {
  personId: string;
  onDone: (message: string) => void;
  onCancel: () => void;
}) {
  const start = useStartOrientation(personId);
  const [source, setSource] = useState('');
  const [receivedOn, setReceivedOn] = useState(todayIso());
  const [reason, setReason] = useState('');
  const [missing, setMissing] = useState<{ source?: string; receivedOn?: string }>({});
  const serverFields = isApiError(start.error) ? start.error.fields : [];
  const serverMessage = (path: string) => serverFields.find((f) => f.path === path)?.message;
  const other = serverFields.filter((f) => !['source', 'informationReceivedOn', 'reason'].includes(f.path));

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const next: typeof missing = {};
    if (!source) next.source = 'Choisissez l’origine de la demande d’orientation.';
    if (!receivedOn) next.receivedOn = 'Indiquez la date à laquelle l’information est arrivée.';
    else if (receivedOn > todayIso()) next.receivedOn = 'La date ne peut pas être dans le futur.';
    setMissing(next);
    if (next.source) return document.getElementById('start-source')?.focus();
    if (next.receivedOn) return document.getElementById('start-received-on')?.focus();
    try {
      await start.mutateAsync({
        source: source as (typeof startSources)[number],
        informationReceivedOn: receivedOn,
        reason: reason.trim() || null,
      });
      onDone('La personne est mise « à orienter » : elle apparaît dans la liste des personnes à orienter.');
    } catch {
      // Shown below.
    }
  };

  const sourceError = missing.source ?? serverMessage('source');
  const dateError = missing.receivedOn ?? serverMessage('informationReceivedOn');
  const reasonError = serverMessage('reason');

  return (
    <form noValidate onSubmit={submit} aria-labelledby="start-title" className="fr-mt-2w spie-panel">
      <h3 id="start-title" className="fr-h5" tabIndex={-1}>
        Mettre à orienter
      </h3>
      <p className="fr-text--sm">
        Les informations RSA de la CAF ou de la MSA mettent la personne à orienter automatiquement. Utilisez
        ce formulaire pour les autres cas. Les champs marqués d’un astérisque (*) sont obligatoires.
      </p>
      <ApiErrorAlert error={start.error} title="La personne n’a pas été mise à orienter" />
      <FieldErrorList fields={other} />
      <Select
        label="Origine *"
        nativeSelectProps={{ id: 'start-source', value: source, onChange: (e) => setSource(e.target.value) }}
        {...(sourceError ? { state: 'error' as const, stateRelatedMessage: sourceError } : {})}
      >
        <option value="" disabled>
          Choisir l’origine
        </option>
        {startSources.map((value) => (
          <option key={value} value={value}>
            {orientationSourceLabels[value]}
          </option>
        ))}
      </Select>
      <Input
        label="Information reçue le *"
        hintText="Le délai d’orientation compte à partir de cette date."
        nativeInputProps={{
          id: 'start-received-on',
          type: 'date',
          max: todayIso(),
          value: receivedOn,
          onChange: (e) => setReceivedOn(e.target.value),
        }}
        {...(dateError ? { state: 'error' as const, stateRelatedMessage: dateError } : {})}
      />
      <Input
        textArea
        label="Précision (facultatif)"
        hintText="500 caractères au plus. N’écrivez pas d’information de santé ou de justice."
        nativeTextAreaProps={{
          id: 'start-reason',
          rows: 2,
          maxLength: 500,
          value: reason,
          onChange: (e) => setReason(e.target.value),
        }}
        {...(reasonError ? { state: 'error' as const, stateRelatedMessage: reasonError } : {})}
      />
      <div className="spie-actions">
        <Button type="submit" disabled={start.isPending}>
          {start.isPending ? 'Envoi en cours…' : 'Mettre à orienter'}
        </Button>
        <Button type="button" priority="tertiary" onClick={onCancel}>
          Annuler
        </Button>
      </div>
    </form>
  );
}
