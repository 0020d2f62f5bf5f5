import { Alert } from '@codegouvfr/react-dsfr/Alert';
import { isApiError } from '../../api';

/**
 * 409 or a refused transition: someone else changed the appointment meanwhile (the revision sent
 * is old, or its state changed). The page reloads it; the person checks and tries again.
 */
export function isStale(error: unknown): boolean {
  return (
    isApiError(error) &&
    (error.status === 409 || error.kind === 'conflict' || error.kind === 'invalid_transition')
  );
}

export const staleTitle = 'Ce rendez-vous a changé entre-temps';
export const staleText =
  'Quelqu’un d’autre l’a modifié pendant que vous remplissiez le formulaire : rien n’a été enregistré. Nous avons rechargé le rendez-vous : vérifiez-le, puis recommencez si besoin.';

export function StaleAlert() {
  return (
    <Alert className="fr-mb-3w" severity="warning" role="alert" title={staleTitle} description={staleText} />
  );
}
