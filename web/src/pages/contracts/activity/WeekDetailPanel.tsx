import { Select } from '@codegouvfr/react-dsfr/Select';
import { type Contract, runningContractStatuses } from '@spie/contract/contracts';
import { useId, useState } from 'react';
import { ApiErrorAlert } from '../../../components/ApiErrorAlert';
import { Loading } from '../../../components/Loading';
import { useWeekDetail } from './activity.queries';
import { formatHours, mondayOf, recentWeeks, shortDay, weekOptionLabel } from './activityFormat';
import { HoursRow } from './HoursRow';

/** How many past weeks the selector offers (the current one included). */
export const selectableWeeks = 12;

/** The weeks that can be chosen: the last 12, none before the contract's first week. */
export function weekChoices(currentMonday: string, startOn: string | null): string[] {
  const first = startOn ? mondayOf(startOn) : null;
  return recentWeeks(currentMonday, selectableWeeks).filter((week) => first === null || week >= first);
}

/** Choose a week, then see each action's planned hours and record the hours carried out. */
export function WeekDetailPanel({
  personId,
  contract,
  currentMonday,
}: {
  personId: string;
  contract: Contract;
  currentMonday: string;
}) {
  const titleId = useId();
  const choices = weekChoices(currentMonday, contract.startOn);
  const [chosen, setChosen] = useState<string | null>(null);
  const weekStart = chosen !== null && choices.includes(chosen) ? chosen : (choices[0] ?? null);

  if (!runningContractStatuses.includes(contract.status)) {
    return (
      <p className="spie-empty-state">
        Les heures réalisées pourront être saisies une fois le contrat signé.
      </p>
    );
  }
  if (weekStart === null) {
    return (
      <p className="spie-empty-state">
        Le contrat commence le {contract.startOn ? shortDay(contract.startOn) : '—'} : les heures pourront
        être saisies à partir de cette semaine-là.
      </p>
    );
  }

  return (
    <section aria-labelledby={titleId} className="fr-mt-4w">
      <h4 id={titleId} className="fr-h5">
        Heures d’une semaine
      </h4>
      <Select
        label="Semaine"
        hint="Les 12 dernières semaines. On ne peut pas saisir d’heures pour une semaine à venir."
        nativeSelectProps={{ value: weekStart, onChange: (event) => setChosen(event.target.value) }}
      >
        {choices.map((week) => (
          <option key={week} value={week}>
            {weekOptionLabel(week, currentMonday)}
          </option>
        ))}
      </Select>
      <WeekActions personId={personId} contractId={contract.id} weekStart={weekStart} />
    </section>
  );
}

function WeekActions({
  personId,
  contractId,
  weekStart,
}: {
  personId: string;
  contractId: string;
  weekStart: string;
}) {
  const week = useWeekDetail(contractId, weekStart);
  if (week.isPending) return <Loading label="Chargement de la semaine…" />;
  if (week.isError) return <ApiErrorAlert error={week.error} title="La semaine n’a pas pu être chargée" />;
  const { data } = week;
  const planned = data.actions.reduce((sum, action) => sum + action.plannedHours, 0);
  return (
    <>
      <p className="fr-text--sm">
        Semaine du {shortDay(data.weekStart)} : {formatHours(data.targetHours)} attendues,{' '}
        {formatHours(planned)} prévues.
      </p>
      {data.actions.length === 0 ? (
        <p className="spie-empty-state">Aucune action prévue cette semaine.</p>
      ) : (
        <ul className="spie-plain-list" aria-label={`Actions de la semaine du ${shortDay(data.weekStart)}`}>
          {data.actions.map((action) => (
            <HoursRow
              key={`${action.actionId}-${data.weekStart}`}
              personId={personId}
              weekStart={data.weekStart}
              action={action}
            />
          ))}
        </ul>
      )}
    </>
  );
}
