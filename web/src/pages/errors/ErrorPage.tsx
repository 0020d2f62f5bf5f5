import { Button } from '@codegouvfr/react-dsfr/Button';
import { isRouteErrorResponse, useRouteError } from 'react-router';
import { isApiError } from '../../api';
import { PageHeading } from '../../components/PageHeading';
import { AppLayout } from '../../layout/AppLayout';
import { NotFoundPage } from './NotFoundPage';

function ErrorContent() {
  const error = useRouteError();
  if (isRouteErrorResponse(error) && error.status === 404) return <NotFoundPage />;
  const requestId = isApiError(error) ? error.requestId : undefined;
  return (
    <div className="fr-my-7w">
      <PageHeading title="Une erreur est survenue" />
      <p className="fr-text--lead">
        Le service n’a pas pu afficher cette page. Excusez-nous pour la gêne occasionnée.
      </p>
      <p>
        Réessayez dans quelques instants. Si le problème continue, contactez l’assistance
        {requestId ? ' en donnant la référence ci-dessous.' : '.'}
      </p>
      {requestId && (
        <p>
          Référence de la demande : <strong className="spie-break">{requestId}</strong>
        </p>
      )}
      <ul className="fr-btns-group fr-btns-group--inline-md">
        <li>
          <Button onClick={() => window.location.reload()}>Recharger la page</Button>
        </li>
        <li>
          <Button priority="secondary" linkProps={{ to: '/' }}>
            Retourner à l’accueil
          </Button>
        </li>
      </ul>
    </div>
  );
}

/** Error boundary inside the page frame (the header and footer still work). */
export function ErrorPage() {
  return <ErrorContent />;
}

/** Last-resort boundary, when the frame itself failed: it draws the frame around the message. */
export function RootErrorPage() {
  return (
    <AppLayout>
      <ErrorContent />
    </AppLayout>
  );
}
