import { Alert } from '@codegouvfr/react-dsfr/Alert';
import { isApiError } from '../api';

/** Shows a failed request in plain words, with the request id people can give to the support. */
export function ApiErrorAlert({
  error,
  title = 'La demande n’a pas abouti',
}: {
  error: unknown;
  title?: string;
}) {
  if (!error) return null;
  const message = isApiError(error) ? error.message : 'Une erreur inattendue est survenue. Réessayez.';
  const requestId = isApiError(error) ? error.requestId : undefined;
  const conflict = isApiError(error) && error.kind === 'conflict';
  return (
    <Alert
      className="fr-mb-3w"
      severity="error"
      title={title}
      role="alert"
      description={
        <>
          <span className="spie-block">{message}</span>
          {conflict && (
            <span className="spie-block">
              Quelqu’un d’autre a peut-être modifié ces informations entre-temps : rechargez la page pour voir
              la dernière version, puis refaites vos changements.
            </span>
          )}
          {requestId && <span className="spie-block fr-text--xs">Référence de la demande : {requestId}</span>}
        </>
      }
    />
  );
}
