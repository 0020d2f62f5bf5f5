import { Button } from '@codegouvfr/react-dsfr/Button';
import { Input } from '@codegouvfr/react-dsfr/Input';
import { Select } from '@codegouvfr/react-dsfr/Select';
import {
  addStatusBody,
  type PersonRecord,
  rsaStateLabels,
  rsaStates,
  type StatusEntry,
  type StatusKind,
  statusKindLabels,
  statusKinds,
  statusSourceLabels,
  statusSources,
  workSituationLabels,
  workSituations,
} from '@spie/contract/people';
import { useEffect, useRef, useState } from 'react';
import { isApiError } from '../../api';
import { ApiErrorAlert } from '../../components/ApiErrorAlert';
import { DataTable } from '../../components/DataTable';
import { SuccessAlert } from '../../components/SuccessAlert';
import { useAddStatus, useEndStatus } from './people.queries';
import { formatDay, statusValueLabel, todayIso } from './peopleFormat';

/** Administrative statuses as a dated timeline, newest first, with "add" and "close". */
export function StatusesSection({ person, statuses }: { person: PersonRecord; statuses: StatusEntry[] }) {
  const canEdit = person.access.situation?.write === true && !person.mergedInto;
  const [adding, setAdding] = useState(false);
  const [closing, setClosing] = useState<StatusEntry | null>(null);
  const [success, setSuccess] = useState<string | null>(null);
  const addButtonRef = useRef<HTMLButtonElement>(null);
  const today = todayIso();
  const sorted = [...statuses].sort((a, b) => b.startDate.localeCompare(a.startDate));

  return (
    <section aria-labelledby="statuses-title" className="fr-mb-6w">
      <h3 id="statuses-title">Statuts administratifs</h3>
      {success && <SuccessAlert key={success + statuses.length} title={success} />}
      {sorted.length === 0 ? (
        <p className="spie-empty-state">Aucun statut enregistré pour le moment.</p>
      ) : (
        <DataTable
          caption="Statuts administratifs, du plus récent au plus ancien"
          headers={['Statut', 'Précision', 'Source', 'Début', 'Fin', ...(canEdit ? ['Action'] : [])]}
          rows={sorted.map((status) => {
            const open = !status.endDate || status.endDate >= today;
            return {
              key: status.id,
              cells: [
                statusKindLabels[status.kind],
                statusValueLabel(status.kind, status.value) ?? '—',
                statusSourceLabels[status.source],
                formatDay(status.startDate),
                status.endDate ? formatDay(status.endDate) : 'En cours',
                ...(canEdit
                  ? [
                      open && !status.endDate ? (
                        <Button
                          key="close"
                          size="small"
                          priority="secondary"
                          onClick={() => {
                            setSuccess(null);
                            setClosing(status);
                          }}
                        >
                          Clore
                          <span className="fr-sr-only"> le statut {statusKindLabels[status.kind]}</span>
                        </Button>
                      ) : (
                        '—'
                      ),
                    ]
                  : []),
              ],
            };
          })}
        />
      )}
      {closing && (
        <CloseStatusForm
          key={closing.id}
          personId={person.id}
          status={closing}
          onDone={(done) => {
            setClosing(null);
            if (done) setSuccess('Le statut est clos.');
          }}
        />
      )}
      {canEdit &&
        (adding ? (
          <AddStatusForm
            personId={person.id}
            onDone={(added) => {
              setAdding(false);
              if (added) setSuccess('Le statut est ajouté.');
              else requestAnimationFrame(() => addButtonRef.current?.focus());
            }}
          />
        ) : (
          <Button
            ref={addButtonRef}
            iconId="fr-icon-add-line"
            priority="secondary"
            onClick={() => {
              setSuccess(null);
              setAdding(true);
            }}
          >
            Ajouter un statut
          </Button>
        ))}
    </section>
  );
}

function CloseStatusForm({
  personId,
  status,
  onDone,
}: {
  personId: string;
  status: StatusEntry;
  onDone: (done: boolean) => void;
}) {
  const [endDate, setEndDate] = useState(todayIso());
  const [error, setError] = useState<string | null>(null);
  const end = useEndStatus(personId);
  const ref = useRef<HTMLInputElement>(null);
  useEffect(() => ref.current?.focus(), []);

  return (
    <form
      noValidate
      className="spie-panel fr-mt-3w"
      aria-label={`Clore le statut ${statusKindLabels[status.kind]}`}
      onSubmit={async (event) => {
        event.preventDefault();
        if (!/^\d{4}-\d{2}-\d{2}$/.test(endDate)) {
          setError('Date de fin : indiquez une date.');
          ref.current?.focus();
          return;
        }
        if (endDate < status.startDate) {
          setError(`La date de fin ne peut pas être avant le début (${formatDay(status.startDate)}).`);
          ref.current?.focus();
          return;
        }
        setError(null);
        try {
          await end.mutateAsync({ statusId: status.id, endDate });
          onDone(true);
        } catch {
          // Shown below.
        }
      }}
    >
      <p className="fr-text--bold">
        Clore le statut « {statusKindLabels[status.kind]} » commencé le {formatDay(status.startDate)}
      </p>
      <ApiErrorAlert error={end.error} title="Le statut n’a pas été clos" />
      <Input
        label="Date de fin"
        nativeInputProps={{
          ref,
          type: 'date',
          value: endDate,
          onChange: (event) => setEndDate(event.target.value),
        }}
        {...(error ? { state: 'error' as const, stateRelatedMessage: error } : {})}
      />
      <ul className="fr-btns-group fr-btns-group--inline-sm">
        <li>
          <Button type="submit" disabled={end.isPending}>
            Clore le statut
          </Button>
        </li>
        <li>
          <Button type="button" priority="secondary" onClick={() => onDone(false)}>
            Annuler
          </Button>
        </li>
      </ul>
    </form>
  );
}

type AddStatusDraft = { kind: string; value: string; source: string; startDate: string; endDate: string };

function ValueField({
  kind,
  value,
  onChange,
  error,
}: {
  kind: StatusKind | '';
  value: string;
  onChange: (value: string) => void;
  error?: string | undefined;
}) {
  const state = error ? { state: 'error' as const, stateRelatedMessage: error } : {};
  if (kind === 'rsa' || kind === 'work_situation') {
    const options =
      kind === 'rsa'
        ? rsaStates.map((state) => ({ value: state, label: rsaStateLabels[state] }))
        : workSituations.map((situation) => ({ value: situation, label: workSituationLabels[situation] }));
    return (
      <Select
        label={kind === 'rsa' ? 'État du droit RSA (facultatif)' : 'Situation (facultatif)'}
        nativeSelectProps={{ value, onChange: (event) => onChange(event.target.value) }}
        {...state}
      >
        <option value="">Non précisé</option>
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </Select>
    );
  }
  return (
    <Input
      label="Précision (facultatif)"
      hintText="Par exemple le type de structure d’insertion (ACI, EI…). 60 caractères au plus."
      nativeInputProps={{ value, maxLength: 60, onChange: (event) => onChange(event.target.value) }}
      {...state}
    />
  );
}

function AddStatusForm({ personId, onDone }: { personId: string; onDone: (added: boolean) => void }) {
  const [draft, setDraft] = useState<AddStatusDraft>({
    kind: '',
    value: '',
    source: 'manual',
    startDate: todayIso(),
    endDate: '',
  });
  const [errors, setErrors] = useState<Record<string, string>>({});
  const add = useAddStatus(personId);
  const formRef = useRef<HTMLFormElement>(null);
  useEffect(() => formRef.current?.querySelector('select')?.focus(), []);

  const show = (next: Record<string, string>) => {
    setErrors(next);
    const first = Object.keys(next)[0];
    if (first)
      formRef.current
        ?.querySelector<HTMLElement>(`[data-field="${first}"] select, [data-field="${first}"] input`)
        ?.focus();
  };

  const submit = async (event: React.FormEvent) => {
    event.preventDefault();
    const body = {
      kind: draft.kind,
      value: draft.value || null,
      source: draft.source,
      startDate: draft.startDate,
      endDate: draft.endDate || null,
    };
    const parsed = addStatusBody.safeParse(body);
    const next: Record<string, string> = {};
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        const key = String(issue.path[0]);
        next[key] ??=
          key === 'kind'
            ? 'Choisissez le type de statut.'
            : key === 'startDate'
              ? 'Date de début : indiquez une date.'
              : issue.message;
      }
    }
    if (draft.endDate && draft.startDate && draft.endDate < draft.startDate)
      next.endDate ??= 'La date de fin ne peut pas être avant la date de début.';
    if (!parsed.success || Object.keys(next).length > 0) {
      show(next);
      return;
    }
    setErrors({});
    try {
      await add.mutateAsync(parsed.data);
      onDone(true);
    } catch (error) {
      if (isApiError(error) && error.fields.length > 0) {
        show(
          Object.fromEntries(
            error.fields.map((field) => [field.path.split('.')[0] ?? field.path, field.message]),
          ),
        );
      }
    }
  };

  const fieldError = (key: string) =>
    errors[key] ? { state: 'error' as const, stateRelatedMessage: errors[key] } : {};

  return (
    <form
      ref={formRef}
      noValidate
      onSubmit={submit}
      className="spie-panel fr-mt-3w"
      aria-labelledby="add-status-title"
    >
      <h4 id="add-status-title" className="fr-h6">
        Ajouter un statut
      </h4>
      <ApiErrorAlert error={add.error} title="Le statut n’a pas été ajouté" />
      <div data-field="kind">
        <Select
          label="Type de statut"
          nativeSelectProps={{
            value: draft.kind,
            onChange: (event) => setDraft({ ...draft, kind: event.target.value, value: '' }),
          }}
          {...fieldError('kind')}
        >
          <option value="" disabled>
            Choisir un type
          </option>
          {statusKinds.map((kind) => (
            <option key={kind} value={kind}>
              {statusKindLabels[kind]}
            </option>
          ))}
        </Select>
      </div>
      <div data-field="value">
        <ValueField
          kind={draft.kind as StatusKind | ''}
          value={draft.value}
          onChange={(value) => setDraft({ ...draft, value })}
          error={errors.value}
        />
      </div>
      <div data-field="source">
        <Select
          label="Source de l’information"
          nativeSelectProps={{
            value: draft.source,
            onChange: (event) => setDraft({ ...draft, source: event.target.value }),
          }}
          {...fieldError('source')}
        >
          {statusSources.map((source) => (
            <option key={source} value={source}>
              {statusSourceLabels[source]}
            </option>
          ))}
        </Select>
      </div>
      <div className="spie-filters">
        <div data-field="startDate">
          <Input
            label="Date de début"
            nativeInputProps={{
              type: 'date',
              value: draft.startDate,
              onChange: (event) => setDraft({ ...draft, startDate: event.target.value }),
            }}
            {...fieldError('startDate')}
          />
        </div>
        <div data-field="endDate">
          <Input
            label="Date de fin (facultatif)"
            hintText="Laissez vide si le statut est en cours."
            nativeInputProps={{
              type: 'date',
              value: draft.endDate,
              onChange: (event) => setDraft({ ...draft, endDate: event.target.value }),
            }}
            {...fieldError('endDate')}
          />
        </div>
      </div>
      <ul className="fr-btns-group fr-btns-group--inline-sm">
        <li>
          <Button type="submit" disabled={add.isPending}>
            {add.isPending ? 'Enregistrement…' : 'Ajouter le statut'}
          </Button>
        </li>
        <li>
          <Button type="button" priority="secondary" onClick={() => onDone(false)}>
            Annuler
          </Button>
        </li>
      </ul>
    </form>
  );
}
