import { Button } from '@codegouvfr/react-dsfr/Button';
import { Checkbox } from '@codegouvfr/react-dsfr/Checkbox';
import { Input } from '@codegouvfr/react-dsfr/Input';
import { hoursBody, hoursSourceLabels, type WeekDetail } from '@spie/contract/contracts';
import { type FormEvent, useState } from 'react';
import { isApiError } from '../../../api';
import { formatDateTime } from '../../../components/formatDate';
import { useRecordHours } from './activity.queries';
import { formatHours, parseHours } from './activityFormat';

type WeekAction = WeekDetail['actions'][number];

/** The server's refusal in words (future week, over 60 h, before the contract…), shown on the field. */
export function hoursErrorMessage(error: unknown): string {
  if (!isApiError(error)) return 'Les heures n’ont pas pu être enregistrées. Réessayez.';
  return error.fields[0]?.message ?? error.message;
}

function entryText(action: WeekAction): string {
  const entry = action.entry;
  if (!entry) return 'Rien de saisi pour cette semaine.';
  const by = entry.recordedBy ? ` par ${entry.recordedBy.name}` : '';
  return `Réalisé : ${formatHours(entry.hours)}. ${hoursSourceLabels[entry.source]}${by}, le ${formatDateTime(entry.recordedAt)}.`;
}

/** One action of the week: its planned hours, what was recorded, and the form to record hours. */
export function HoursRow({
  personId,
  weekStart,
  action,
}: {
  personId: string;
  weekStart: string;
  action: WeekAction;
}) {
  const record = useRecordHours(personId);
  const [text, setText] = useState(action.entry ? String(action.entry.hours).replace('.', ',') : '');
  const [declared, setDeclared] = useState(action.entry?.source === 'person');
  const [localError, setLocalError] = useState<string | null>(null);
  const [saved, setSaved] = useState(false);
  const inputId = `hours-${action.actionId}-${weekStart}`;
  const error = localError ?? (record.isError ? hoursErrorMessage(record.error) : null);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setSaved(false);
    record.reset();
    const value = parseHours(text);
    const checked =
      value === null
        ? {
            success: false as const,
            message: 'Heures réalisées : un nombre d’heures est attendu, par exemple 7,5.',
          }
        : (() => {
            const result = hoursBody.shape.hours.safeParse(value);
            return result.success
              ? { success: true as const, value: result.data }
              : { success: false as const, message: result.error.issues[0]?.message ?? 'Valeur invalide.' };
          })();
    if (!checked.success) {
      setLocalError(checked.message);
      document.getElementById(inputId)?.focus();
      return;
    }
    setLocalError(null);
    try {
      await record.mutateAsync({
        actionId: action.actionId,
        body: { weekStart, hours: checked.value, declaredByPerson: declared },
      });
      setSaved(true);
    } catch {
      document.getElementById(inputId)?.focus();
    }
  };

  const organisation = action.responsibleOrganisation
    ? ` Structure : ${action.responsibleOrganisation.name}.`
    : '';
  return (
    <li className="spie-hours-row">
      <form noValidate onSubmit={submit}>
        <fieldset className="fr-fieldset fr-mb-0" aria-describedby={`${inputId}-about`}>
          <legend className="fr-fieldset__legend fr-text--md fr-mb-1w">{action.label}</legend>
          <div id={`${inputId}-about`} className="fr-col-12">
            <p className="fr-text--sm fr-mb-1w">
              Objectif : {action.objectiveLabel}.{organisation} Prévu : {formatHours(action.plannedHours)}{' '}
              cette semaine.
            </p>
            <p className="fr-text--sm fr-mb-1w">{entryText(action)}</p>
          </div>
          {action.canRecord ? (
            <div className="fr-col-12 spie-hours-row__fields">
              <Input
                label="Heures réalisées"
                hintText="Par quart d’heure, par exemple 7,5. 60 h au plus."
                nativeInputProps={{
                  id: inputId,
                  inputMode: 'decimal',
                  autoComplete: 'off',
                  value: text,
                  onChange: (event) => setText(event.target.value),
                }}
                {...(error ? { state: 'error' as const, stateRelatedMessage: error } : {})}
              />
              <Checkbox
                small
                options={[
                  {
                    label: 'Déclaré par la personne',
                    nativeInputProps: {
                      checked: declared,
                      onChange: (event) => setDeclared(event.target.checked),
                    },
                  },
                ]}
              />
              <div className="fr-mb-3w">
                <Button type="submit" priority="secondary" size="small" disabled={record.isPending}>
                  {record.isPending ? 'Enregistrement…' : 'Enregistrer'}
                  <span className="fr-sr-only"> les heures de « {action.label} »</span>
                </Button>
              </div>
            </div>
          ) : (
            <p className="fr-col-12 fr-text--sm fr-mb-0 spie-muted">
              Seul·e le ou la référent·e ou la structure qui mène l’action peut saisir ces heures.
            </p>
          )}
          <p role="status" className="fr-col-12 fr-text--sm fr-mb-0">
            {saved ? `Heures enregistrées pour « ${action.label} ».` : ''}
          </p>
        </fieldset>
      </form>
    </li>
  );
}
