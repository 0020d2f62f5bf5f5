import { Alert } from '@codegouvfr/react-dsfr/Alert';
import { isApiError } from '../../api';

/** A refusal in the server's own plain words (no staff wording such as "reload to see the last version"). */
export function PublicErrorAlert({ error, title }: { error: unknown; title: string }) {
  if (!error) return null;
  const message = isApiError(error) ? error.message : 'Une erreur inattendue est survenue. Réessayez.';
  return <Alert className="fr-mb-3w" severity="error" title={title} role="alert" description={message} />;
}
