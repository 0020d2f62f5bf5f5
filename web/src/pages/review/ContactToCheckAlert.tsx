import { Alert } from '@codegouvfr/react-dsfr/Alert';
import { Link } from 'react-router';

const lines: Record<'phone' | 'email', string> = {
  phone: 'Numéro de téléphone à vérifier : un message n’a pas pu être remis.',
  email: 'Adresse e-mail à vérifier : un message n’a pas pu être remis.',
};

/**
 * A delivery report said a message could not be delivered: the phone or e-mail is probably wrong.
 * The flag goes away when the phone or e-mail is changed in the identity section.
 */
export function ContactToCheckAlert({
  personId,
  contactToCheck,
  mayEdit,
}: {
  personId: string;
  contactToCheck: readonly ('phone' | 'email')[];
  mayEdit: boolean;
}) {
  if (contactToCheck.length === 0) return null;
  return (
    <Alert
      className="fr-mb-3w"
      severity="warning"
      small
      description={
        <>
          {contactToCheck.map((kind) => (
            <span key={kind} className="spie-block">
              {lines[kind]}
            </span>
          ))}
          <Link to={`/personnes/${personId}/situation`}>
            {mayEdit ? 'Corriger les coordonnées' : 'Voir les coordonnées'}
          </Link>
        </>
      }
    />
  );
}
