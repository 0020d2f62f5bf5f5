import { Button } from '@codegouvfr/react-dsfr/Button';
import type { Contract } from '@spie/contract/contracts';
import { useId, useState } from 'react';
import { ApiErrorAlert } from '../../../components/ApiErrorAlert';
import { Loading } from '../../../components/Loading';
import { type ActivityRange, useWeeklyActivity } from './activity.queries';
import { activitySentence, mondayOf, parisDay, twoYearRange } from './activityFormat';
import { WeekDetailPanel } from './WeekDetailPanel';
import { WeeklyActivityChart } from './WeeklyActivityChart';
import { WeeklyActivityTable } from './WeeklyActivityTable';
import './activity.css';

/**
 * « Activité hebdomadaire » of the contract tab: the target in words (with a reduction or waiver),
 * the 12 last weeks as a chart and a table (planned vs done), the last 2 years as a table, and the
 * hours of one week, action by action.
 */
export function WeeklyActivitySection({ personId, contract }: { personId: string; contract: Contract }) {
  const titleId = useId();
  const today = parisDay();
  const currentMonday = mondayOf(today);
  const [long, setLong] = useState(false);
  const range: ActivityRange = long ? twoYearRange(currentMonday) : null;
  const activity = useWeeklyActivity(personId, range);
  const weeks = activity.data?.weeks ?? [];

  return (
    <section aria-labelledby={titleId} className="fr-mt-6w">
      <h3 id={titleId}>Activité hebdomadaire</h3>
      <p>{activitySentence(contract.weeklyTargetHours, contract.adjustments, today)}</p>

      <ApiErrorAlert error={activity.error} title="L’activité hebdomadaire n’a pas pu être chargée" />
      {activity.isPending && <Loading label="Chargement de l’activité hebdomadaire…" />}
      {activity.data && (
        <>
          {!long && weeks.length > 0 && <WeeklyActivityChart weeks={weeks} />}
          {weeks.length === 0 ? (
            <p className="spie-empty-state">Aucune semaine à afficher pour le moment.</p>
          ) : (
            <WeeklyActivityTable
              weeks={weeks}
              caption={
                long
                  ? 'Activité des 2 dernières années, semaine par semaine (la plus récente en premier)'
                  : `Activité des ${weeks.length} dernières semaines`
              }
              newestFirst={long}
            />
          )}
        </>
      )}
      <div className="spie-actions fr-mt-2w">
        <Button
          type="button"
          priority="tertiary"
          iconId={long ? 'fr-icon-arrow-left-line' : 'fr-icon-calendar-line'}
          onClick={() => setLong(!long)}
        >
          {long ? 'Revenir aux 12 dernières semaines' : 'Voir les 2 dernières années'}
        </Button>
      </div>

      <WeekDetailPanel personId={personId} contract={contract} currentMonday={currentMonday} />
    </section>
  );
}
