import type { offerMatch } from '@spie/contract/catalogue';
import { referralStatusLabels } from '@spie/contract/referrals';
import { Link, useLocation } from 'react-router';
import type { z } from 'zod';
import { ApiErrorAlert } from '../../components/ApiErrorAlert';
import { DataTable } from '../../components/DataTable';
import { Loading } from '../../components/Loading';
import { SuccessAlert } from '../../components/SuccessAlert';
import { usePersonContext } from '../people/PersonLayout';
import { formatDay } from '../people/peopleFormat';
import { ReferralStatusBadge } from './ReferralStatusBadge';
import { formatDistance, offersBasisText, placesText } from './referralFormat';
import { usePersonOffers, usePersonReferrals } from './referrals.queries';
import './referrals.css';

type Offer = z.infer<typeof offerMatch>;

/**
 * « Prescriptions » of the person record (`/personnes/:id/prescriptions`): offers that match the
 * person (with why), a link to search others, and the person's referrals.
 */
export function ReferralsTab() {
  const { person } = usePersonContext();
  const { state } = useLocation();
  const created = (state as { referralMessage?: string } | null)?.referralMessage;
  const referrals = usePersonReferrals(person.id);
  const canRefer = referrals.data?.canRefer === true && !person.mergedInto;
  const offers = usePersonOffers(person.id);
  const basis = offers.data?.basis;
  const searchParams = new URLSearchParams({ personne: person.id });
  if (basis?.commune) {
    searchParams.set('commune', basis.commune.code);
    searchParams.set('radiusKm', String(basis.radiusKm));
  }

  return (
    <>
      {created && <SuccessAlert title={created} />}
      <section aria-labelledby="offers-title">
        <h2 id="offers-title">Offres pour cette personne</h2>
        {offers.isPending && <Loading label="Chargement des offres…" />}
        <ApiErrorAlert error={offers.error} title="Les offres n’ont pas pu être chargées" />
        {offers.data && basis && (
          <>
            <p>
              {offersBasisText(basis, null)}
              {basis.needs.length > 0 && (
                <> Besoins pris en compte : {basis.needs.map((need) => need.label).join(', ')}.</>
              )}
            </p>
            {offers.data.hint && <p className="fr-text--sm">{offers.data.hint}</p>}
            {offers.data.items.length === 0 ? (
              <p className="spie-empty-state">Aucune offre ne correspond pour le moment.</p>
            ) : (
              <ul className="spie-plain-list">
                {offers.data.items.map((offer) => (
                  <li key={offer.id}>
                    <OfferCard offer={offer} personId={person.id} canRefer={canRefer} />
                  </li>
                ))}
              </ul>
            )}
          </>
        )}
        <p>
          <Link
            to={`/offres?${searchParams.toString()}`}
            className="fr-link fr-icon-search-line fr-link--icon-left"
          >
            Chercher une autre offre
          </Link>
        </p>
      </section>

      <section aria-labelledby="person-referrals-title" className="fr-mt-4w">
        <h2 id="person-referrals-title">Prescriptions de la personne</h2>
        {referrals.isPending && <Loading label="Chargement des prescriptions…" />}
        <ApiErrorAlert error={referrals.error} title="Les prescriptions n’ont pas pu être chargées" />
        {referrals.data &&
          (referrals.data.items.length === 0 ? (
            <p className="spie-empty-state">Aucune prescription pour le moment.</p>
          ) : (
            <DataTable
              caption="Prescriptions de la personne"
              headers={['Offre', 'État', 'Structure', 'Envoyée le', 'Mise à jour le']}
              rows={referrals.data.items.map((line) => ({
                key: line.id,
                cells: [
                  <Link key="link" to={`/prescriptions/${line.id}`}>
                    {line.service.nom}
                    <span className="fr-sr-only"> — {referralStatusLabels[line.status]}</span>
                  </Link>,
                  <ReferralStatusBadge key="status" status={line.status} />,
                  line.receivingOrganisation,
                  formatDay(line.createdAt),
                  formatDay(line.updatedAt),
                ],
              }))}
            />
          ))}
        {referrals.data && !canRefer && (
          <p className="fr-text--sm">
            Seuls les professionnels de l’équipe qui accompagnent la personne peuvent prescrire une offre.
          </p>
        )}
      </section>
    </>
  );
}

function OfferCard({ offer, personId, canRefer }: { offer: Offer; personId: string; canRefer: boolean }) {
  const titleId = `offer-${offer.id}`;
  const distance = formatDistance(offer.distanceKm);
  return (
    <article aria-labelledby={titleId} className="spie-panel spie-referral__offer">
      <h3 id={titleId} className="fr-h6 fr-mb-1w">
        {offer.nom}
      </h3>
      <p className="fr-mb-1w">
        {offer.structureNom}
        {offer.commune && <> — {offer.commune}</>}
        {distance && <> ({distance})</>}
      </p>
      <p className="fr-mb-1w">
        {placesText(offer.freePlaces, offer.waiting)}
        {offer.nextSessionStart && <> — prochaine session le {formatDay(offer.nextSessionStart)}</>}
      </p>
      {offer.reasons.length > 0 && (
        <>
          <p className="fr-mb-0">Pourquoi cette offre :</p>
          <ul>
            {offer.reasons.map((reason) => (
              <li key={reason}>{reason}</li>
            ))}
          </ul>
        </>
      )}
      <div className="spie-actions">
        {canRefer && (
          <Link
            className="fr-btn"
            to={`/personnes/${personId}/prescriptions/nouvelle?service=${encodeURIComponent(offer.id)}`}
            aria-label={`Prescrire « ${offer.nom} »`}
          >
            Prescrire
          </Link>
        )}
        <Link
          className="fr-btn fr-btn--secondary"
          to={`/offres/services/${encodeURIComponent(offer.id)}?personne=${personId}`}
          aria-label={`Voir l’offre « ${offer.nom} »`}
        >
          Voir l’offre
        </Link>
      </div>
    </article>
  );
}
