import type { PersonContracts } from '@spie/contract/contracts';
import { pathLabel } from '../orientations/orientationFormat';
import { formatDay } from '../people/peopleFormat';
import { DeadlineText } from './ContractBadges';
import { StartContractForm } from './StartContractForm';

/** No contract yet: what it is, the orientation it answers, and how to start it. */
export function NoContractSection({
  personId,
  data,
  onDone,
}: {
  personId: string;
  data: PersonContracts;
  onDone: (message: string) => void;
}) {
  const orientation = data.orientation;
  const overdue =
    orientation?.contractDeadline !== null &&
    orientation?.contractDeadline !== undefined &&
    orientation.contractDeadline < new Date().toISOString().slice(0, 10);
  return (
    <section aria-labelledby="no-contract-title">
      <h3 id="no-contract-title" className="fr-h5">
        Pas encore de contrat d’engagement
      </h3>
      <p>
        Le contrat d’engagement fixe, avec la personne, les objectifs de son parcours, les actions pour les
        atteindre et son activité de chaque semaine (15 heures en général). Il est signé par la personne et
        par sa structure, puis revu régulièrement.
      </p>
      {orientation ? (
        <dl className="spie-facts">
          <dt>Parcours</dt>
          <dd>{pathLabel(orientation.path)}</dd>
          <dt>Structure</dt>
          <dd>{orientation.organisation?.name ?? '—'}</dd>
          <dt>Orientation notifiée le</dt>
          <dd>{orientation.notifiedAt ? formatDay(orientation.notifiedAt) : 'Pas encore notifiée'}</dd>
          {orientation.contractDeadline && (
            <>
              <dt>Contrat</dt>
              <dd>
                À signer avant le <DeadlineText date={orientation.contractDeadline} overdue={overdue} />
              </dd>
            </>
          )}
        </dl>
      ) : (
        <p className="fr-text--sm">
          La personne n’a pas d’orientation en cours : le contrat peut être fait quand même (par exemple pour
          une personne inscrite à France Travail ou suivie par une mission locale).
        </p>
      )}
      {data.canWrite ? (
        <StartContractForm personId={personId} defaultWeeklyHours={data.defaultWeeklyHours} onDone={onDone} />
      ) : (
        <p className="fr-text--sm">
          Seul·es le ou la référent·e et les co-référent·es peuvent commencer le contrat.
        </p>
      )}
    </section>
  );
}
