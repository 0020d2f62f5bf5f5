import { Badge } from '@codegouvfr/react-dsfr/Badge';
import { fraisLabels, type ServiceCard, serviceTypeLabels } from '@spie/contract/catalogue';
import { Link } from 'react-router';
import { distanceLabel, formatIsoDate, placesLabel, qualityLabel } from './catalogueFormat';

/** One offer in a list of results: name, structure, where, places, next session. */
export function ServiceCardItem({ card, personId }: { card: ServiceCard; personId?: string | undefined }) {
  const distance = distanceLabel(card.distanceKm);
  const places = placesLabel(card.freePlaces, card.waiting);
  const to = `/offres/services/${encodeURIComponent(card.id)}${personId ? `?personne=${encodeURIComponent(personId)}` : ''}`;
  const where = [card.commune, distance].filter(Boolean).join(', ');
  return (
    <li className="spie-panel">
      <h3 className="fr-h5 fr-mb-1v">
        <Link to={to}>{card.nom}</Link>
      </h3>
      <p className="fr-mb-1v">{card.structureNom}</p>
      <p className="fr-text--sm fr-mb-1v">
        {where && <span className="spie-block">{where}</span>}
        {card.type && <span className="spie-block">{serviceTypeLabels[card.type]}</span>}
        {card.frais && <span className="spie-block">{fraisLabels[card.frais]}</span>}
        {card.nextSessionStart && (
          <span className="spie-block">Prochaine session : {formatIsoDate(card.nextSessionStart)}</span>
        )}
      </p>
      {places && (
        <p className="fr-mb-1v">
          <Badge severity={card.freePlaces && card.freePlaces > 0 ? 'success' : 'warning'} noIcon small>
            {places}
          </Badge>
        </p>
      )}
      <p className="fr-text--xs fr-mb-0 spie-muted">{qualityLabel(card.qualityScore)}</p>
    </li>
  );
}
