import type { PublicSignatureState } from '@spie/contract/contracts';
import { telHref } from './signatureFormat';

/** Who to call or write to: the référent and the organisation's phone and e-mail. */
export function ContactBlock({
  title = 'Qui contacter ?',
  organisationName,
  contact,
}: {
  title?: string;
  organisationName: string;
  contact: PublicSignatureState['contact'];
}) {
  const hasWay = Boolean(contact.phone || contact.email);
  return (
    <div className="spie-signature__contact">
      <h2 className="fr-h5 fr-mb-1w">{title}</h2>
      <p className="fr-mb-1w">
        {contact.referentName ? `${contact.referentName}, ${organisationName}` : organisationName}
      </p>
      {hasWay ? (
        <ul className="spie-plain-list">
          {contact.phone && (
            <li>
              Téléphone : <a href={telHref(contact.phone)}>{contact.phone}</a>
            </li>
          )}
          {contact.email && (
            <li>
              E-mail : <a href={`mailto:${contact.email}`}>{contact.email}</a>
            </li>
          )}
        </ul>
      ) : (
        <p className="fr-mb-0">Appelez ou passez voir votre référent·e à l’accueil de la structure.</p>
      )}
    </div>
  );
}
