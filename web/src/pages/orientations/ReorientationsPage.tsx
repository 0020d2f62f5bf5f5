import { Badge } from '@codegouvfr/react-dsfr/Badge';
import { Button } from '@codegouvfr/react-dsfr/Button';
import {
  leadKindLabels,
  type ReorientationRequest,
  reorientationStatusLabels,
} from '@spie/contract/orientations';
import type { Role } from '@spie/contract/territories';
import { useEffect, useState } from 'react';
import { Link } from 'react-router';
import { ApiErrorAlert } from '../../components/ApiErrorAlert';
import { DataTable } from '../../components/DataTable';
import { Loading } from '../../components/Loading';
import { LoadMoreButton } from '../../components/LoadMoreButton';
import { PageBreadcrumb } from '../../components/PageBreadcrumb';
import { PageHeading } from '../../components/PageHeading';
import { SuccessAlert } from '../../components/SuccessAlert';
import { useSession } from '../auth/auth.queries';
import { formatDay, plural } from '../people/peopleFormat';
import { pathLabel } from './orientationFormat';
import { useRefuseReorientation, useReorientationRequests } from './orientations.queries';
import { ReasonForm } from './ReasonForm';

/** Orientation managers answer the requests; those who accompany people (référents) make them. */
export const reorientationRoles: readonly Role[] = [
  'orientation_manager',
  'professional',
  'social_worker',
  'structure_manager',
];

type Row = ReorientationRequest & { personDisplayName: string };

/**
 * Orientation managers answer pending reorientation requests; référents follow their own.
 */
export function ReorientationsPage() {
  const role = useSession().data?.activeMembership?.role;
  return role === 'orientation_manager' ? <PendingRequests /> : <MyRequests />;
}

function proposalText(request: Row): string {
  return [
    pathLabel(request.proposedPath),
    request.proposedLeadKind ? leadKindLabels[request.proposedLeadKind] : null,
    request.proposedOrganisation?.name ?? null,
  ]
    .filter(Boolean)
    .join(' — ');
}

function PendingRequests() {
  const list = useReorientationRequests('pending');
  const refuse = useRefuseReorientation();
  const items = list.data?.pages.flatMap((page) => page.items) ?? [];
  const [refusing, setRefusing] = useState<Row | null>(null);
  const [success, setSuccess] = useState<{ message: string; n: number } | null>(null);

  useEffect(() => {
    if (refusing) document.getElementById('refuse-request-title')?.focus();
  }, [refusing]);

  return (
    <>
      <PageBreadcrumb current="Réorientations" />
      <PageHeading title="Demandes de réorientation" />
      <p>
        Les référent·es demandent une autre orientation quand la situation de la personne a changé. Accepter
        décide une nouvelle orientation (l’ancienne reste dans l’historique) ; refuser laisse l’orientation
        actuelle en vigueur.
      </p>
      {success && <SuccessAlert key={success.n} title={success.message} />}
      {list.isPending && <Loading />}
      <ApiErrorAlert error={list.error} title="Les demandes n’ont pas pu être chargées" />
      {list.data && (
        <p role="status" className={items.length === 0 ? 'spie-empty-state' : undefined}>
          {items.length === 0
            ? 'Aucune demande de réorientation à traiter.'
            : `${plural(items.length, 'demande')} à traiter${list.hasNextPage ? ' (il y en a d’autres : « Voir plus » en bas de la liste)' : ''}.`}
        </p>
      )}
      {items.length > 0 && (
        <DataTable
          caption="Demandes de réorientation à traiter"
          headers={['Personne', 'Demandée par', 'Motif', 'Proposition', 'Demandée le', 'Actions']}
          rows={items.map((request) => ({
            key: request.id,
            cells: [
              <Link key="person" to={`/personnes/${request.personId}/orientation`}>
                {request.personDisplayName}
              </Link>,
              <span key="by">
                {request.requestedBy.name}
                <span className="spie-block fr-text--xs fr-mb-0">{request.requestedByOrganisation.name}</span>
              </span>,
              <span key="reason" className="spie-break">
                {request.reason}
              </span>,
              proposalText(request),
              formatDay(request.requestedAt),
              <div key="actions" className="spie-actions fr-mb-0">
                <Button
                  size="small"
                  linkProps={{
                    to: `/personnes/${request.personId}/orientation/reorientations/${request.id}`,
                  }}
                >
                  Accepter<span className="fr-sr-only"> la réorientation de {request.personDisplayName}</span>
                </Button>
                <Button
                  size="small"
                  priority="secondary"
                  onClick={() => {
                    setSuccess(null);
                    refuse.reset();
                    setRefusing(request);
                  }}
                >
                  Refuser<span className="fr-sr-only"> la réorientation de {request.personDisplayName}</span>
                </Button>
              </div>,
            ],
          }))}
        />
      )}
      <LoadMoreButton
        hasMore={list.hasNextPage}
        loading={list.isFetchingNextPage}
        onClick={() => list.fetchNextPage()}
      />
      {refusing && (
        <ReasonForm
          key={refusing.id}
          id="refuse-request"
          label="Motif du refus *"
          title={`Refuser la réorientation de ${refusing.personDisplayName}`}
          intro="L’orientation actuelle reste en vigueur. Le motif est transmis au ou à la référent·e qui a fait la demande."
          submitLabel="Confirmer le refus"
          errorTitle="La réorientation n’a pas été refusée"
          pending={refuse.isPending}
          error={refuse.error}
          titleAs="h2"
          onCancel={() => setRefusing(null)}
          onSubmit={async (reason) => {
            await refuse.mutateAsync({ requestId: refusing.id, reason });
            setRefusing(null);
            setSuccess((last) => ({
              message: `La demande de réorientation de ${refusing.personDisplayName} est refusée.`,
              n: (last?.n ?? 0) + 1,
            }));
          }}
        />
      )}
    </>
  );
}

function MyRequests() {
  const list = useReorientationRequests('mine');
  const items = list.data?.pages.flatMap((page) => page.items) ?? [];
  return (
    <>
      <PageBreadcrumb current="Réorientations" />
      <PageHeading title="Mes demandes de réorientation" />
      <p>
        Les réorientations que vous avez demandées et la réponse de la cellule d’orientation. Pour faire une
        nouvelle demande, ouvrez la rubrique « Orientation » du dossier de la personne.
      </p>
      {list.isPending && <Loading />}
      <ApiErrorAlert error={list.error} title="Les demandes n’ont pas pu être chargées" />
      {list.data && items.length === 0 && (
        <p className="spie-empty-state">Vous n’avez demandé aucune réorientation.</p>
      )}
      {items.length > 0 && (
        <DataTable
          caption="Mes demandes de réorientation"
          headers={['Personne', 'Demandée le', 'Proposition', 'État', 'Réponse']}
          rows={items.map((request) => ({
            key: request.id,
            cells: [
              <Link key="person" to={`/personnes/${request.personId}/orientation`}>
                {request.personDisplayName}
              </Link>,
              formatDay(request.requestedAt),
              proposalText(request),
              <Badge
                key="status"
                small
                noIcon
                as="span"
                severity={
                  request.status === 'acceptee'
                    ? 'success'
                    : request.status === 'refusee'
                      ? 'warning'
                      : 'info'
                }
              >
                {reorientationStatusLabels[request.status]}
              </Badge>,
              request.answeredAt ? (
                <span key="answer" className="spie-break">
                  Le {formatDay(request.answeredAt)}
                  {request.answeredBy && ` par ${request.answeredBy.name}`}
                  {request.answerReason && ` : ${request.answerReason}`}
                </span>
              ) : (
                'En attente'
              ),
            ],
          }))}
        />
      )}
      <LoadMoreButton
        hasMore={list.hasNextPage}
        loading={list.isFetchingNextPage}
        onClick={() => list.fetchNextPage()}
      />
    </>
  );
}
