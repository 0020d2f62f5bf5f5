import { useState } from 'react';
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
import { AssignReferentForm } from './AssignReferentForm';
import { pathLabel } from './orientationFormat';
import { useToAssign } from './orientations.queries';

/** « À affecter »: people oriented to my organisation who still wait for their référent·e unique. */
export function ToAssignPage() {
  const membership = useSession().data?.activeMembership;
  const list = useToAssign();
  const items = list.data?.pages.flatMap((page) => page.items) ?? [];
  const [success, setSuccess] = useState<{ message: string; n: number } | null>(null);
  const organisationId = membership?.organisationId ?? '';

  return (
    <>
      <PageBreadcrumb current="À affecter" />
      <PageHeading title="Personnes à affecter" />
      <p>
        Les personnes orientées vers {membership?.organisationName ?? 'votre structure'} qui attendent leur
        référent·e unique. Le contrat d’engagement doit être signé avant la date indiquée.
      </p>
      {success && <SuccessAlert key={success.n} title={success.message} />}
      {list.isPending && <Loading />}
      <ApiErrorAlert error={list.error} title="La liste n’a pas pu être chargée" />
      {list.data && (
        <p role="status" className={items.length === 0 ? 'spie-empty-state' : undefined}>
          {items.length === 0
            ? 'Aucune personne n’attend de référent·e dans votre structure.'
            : `${plural(items.length, 'personne')} à affecter${list.hasNextPage ? ' (il y en a d’autres : « Voir plus » en bas de la liste)' : ''}.`}
        </p>
      )}
      {items.length > 0 && (
        <DataTable
          caption="Personnes à affecter à un·e référent·e"
          headers={[
            'Nom',
            'Commune',
            'Parcours',
            'Décidée le',
            'Notifiée le',
            'Contrat à signer avant le',
            'Référent·e proposé·e',
            'Désigner',
          ]}
          rows={items.map((item) => ({
            key: item.orientationId,
            cells: [
              <Link key="name" to={`/personnes/${item.personId}/orientation`}>
                {item.displayName}
              </Link>,
              item.communeName ?? '—',
              pathLabel(item.path),
              formatDay(item.decidedAt),
              item.notifiedAt ? formatDay(item.notifiedAt) : 'Pas encore',
              formatDay(item.contractDeadline),
              item.proposedReferent ? (
                item.proposedReferent.name
              ) : item.previousReferent ? (
                <span key="previous">
                  Aucun·e
                  <span className="spie-block fr-text--xs fr-mb-0">
                    Précédent·e : {item.previousReferent.name}
                  </span>
                </span>
              ) : (
                'Aucun·e'
              ),
              <AssignReferentForm
                key="assign"
                compact
                orientationId={item.orientationId}
                organisationId={organisationId}
                personName={item.displayName}
                defaultAccountId={item.proposedReferent?.accountId}
                onDone={(message) => setSuccess((last) => ({ message, n: (last?.n ?? 0) + 1 }))}
              />,
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
