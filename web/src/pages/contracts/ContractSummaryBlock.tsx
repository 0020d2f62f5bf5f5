import { contractKindLabels } from '@spie/contract/contracts';
import { Link } from 'react-router';
import { ApiErrorAlert } from '../../components/ApiErrorAlert';
import { formatDay } from '../people/peopleFormat';
import { ContractStatusBadge, DeadlineText } from './ContractBadges';
import { versionLabel } from './contractFormat';
import { usePersonContracts } from './contracts.queries';

/** The contract's state and deadlines on the person's summary (readers of the journey section). */
export function ContractSummaryBlock({ personId }: { personId: string }) {
  const contracts = usePersonContracts(personId);
  const data = contracts.data;
  const current = data?.current ?? null;
  const link = `/personnes/${personId}/contrat`;

  return (
    <section aria-labelledby="summary-contract-title" className="spie-panel fr-mt-4w">
      <h3 id="summary-contract-title" className="fr-h5">
        Contrat d’engagement
      </h3>
      {contracts.isPending && <p className="fr-text--sm">Chargement…</p>}
      <ApiErrorAlert error={contracts.error} title="Le contrat n’a pas pu être chargé" />
      {data && !current && (
        <p>
          Pas de contrat en cours.
          {data.orientation?.contractDeadline && (
            <> À signer avant le {formatDay(data.orientation.contractDeadline)}.</>
          )}
        </p>
      )}
      {current && (
        <dl className="spie-facts">
          <dt>État</dt>
          <dd>
            {current.kind !== 'engagement' && <>{contractKindLabels[current.kind]} — </>}
            <ContractStatusBadge status={current.status} /> {versionLabel(current.version)}
          </dd>
          {current.version === 0 && current.deadlines.signatureDeadline && (
            <>
              <dt>À signer avant le</dt>
              <dd>
                <DeadlineText
                  date={current.deadlines.signatureDeadline}
                  overdue={current.deadlines.signatureOverdue}
                />
              </dd>
            </>
          )}
          {current.deadlines.reviewDueOn && (
            <>
              <dt>Prochaine révision</dt>
              <dd>
                <DeadlineText
                  date={current.deadlines.reviewDueOn}
                  overdue={current.deadlines.reviewOverdue}
                />
              </dd>
            </>
          )}
          <dt>Fin du contrat</dt>
          <dd>{formatDay(current.deadlines.endOn ?? current.endOn)}</dd>
        </dl>
      )}
      {data && (
        <p className="fr-mb-0">
          <Link to={link}>Voir le contrat et le plan d’action</Link>
        </p>
      )}
    </section>
  );
}
