import { liveReferralStatuses } from '@spie/contract/referrals';
import { Link } from 'react-router';
import { ApiErrorAlert } from '../../components/ApiErrorAlert';
import { formatDay } from '../people/peopleFormat';
import { ReferralStatusBadge } from './ReferralStatusBadge';
import { usePersonReferrals } from './referrals.queries';

/** The person's referrals still running, on the record's summary (readers of the journey section). */
export function ReferralSummaryBlock({ personId }: { personId: string }) {
  const referrals = usePersonReferrals(personId);
  const live = (referrals.data?.items ?? []).filter((line) => liveReferralStatuses.includes(line.status));
  return (
    <section aria-labelledby="summary-referrals-title" className="spie-panel fr-mt-4w">
      <h3 id="summary-referrals-title" className="fr-h5">
        Prescriptions
      </h3>
      {referrals.isPending && <p className="fr-text--sm">Chargement…</p>}
      <ApiErrorAlert error={referrals.error} title="Les prescriptions n’ont pas pu être chargées" />
      {referrals.data &&
        (live.length === 0 ? (
          <p>Aucune prescription en cours.</p>
        ) : (
          <ul className="spie-plain-list">
            {live.map((line) => (
              <li key={line.id} className="fr-mb-1w">
                <Link to={`/prescriptions/${line.id}`}>{line.service.nom}</Link> —{' '}
                {line.receivingOrganisation} <ReferralStatusBadge status={line.status} />{' '}
                <span className="spie-muted">(mise à jour le {formatDay(line.updatedAt)})</span>
              </li>
            ))}
          </ul>
        ))}
      <p className="fr-mb-0">
        <Link to={`/personnes/${personId}/prescriptions`}>Voir les offres et toutes les prescriptions</Link>
      </p>
    </section>
  );
}
