import { Badge } from '@codegouvfr/react-dsfr/Badge';
import { channelLabels, deliveryStatusLabels } from '@spie/contract/notifications';
import { ApiErrorAlert } from '../../components/ApiErrorAlert';
import { DataTable } from '../../components/DataTable';
import { formatDateTime } from '../../components/formatDate';
import { Loading } from '../../components/Loading';
import { LoadMoreButton } from '../../components/LoadMoreButton';
import { PageBreadcrumb } from '../../components/PageBreadcrumb';
import { PageHeading } from '../../components/PageHeading';
import { useDemoInbox } from './inbox.queries';

const statusSeverity = { pending: 'info', sent: 'success', failed: 'error' } as const;

/** Demo mode: what would have been sent by e-mail, SMS or letter, so it can be read without sending. */
export function DemoInboxPage() {
  const inbox = useDemoInbox();
  const items = inbox.data?.pages.flatMap((page) => page.items) ?? [];
  return (
    <>
      <PageBreadcrumb current="Boîte de réception de démonstration" />
      <PageHeading title="Boîte de réception de démonstration" />
      <p>
        En démonstration, aucun courriel, SMS ou courrier ne part vraiment : chaque message est rangé ici, du
        plus récent au plus ancien.
      </p>
      {inbox.isPending && <Loading />}
      <ApiErrorAlert error={inbox.error} title="Les messages n’ont pas pu être chargés" />
      {inbox.data && items.length === 0 && <p role="status">Aucun message pour le moment.</p>}
      {items.length > 0 && (
        <DataTable
          caption="Messages qui auraient été envoyés"
          headers={['Objet et contenu', 'Canal', 'Destinataire', 'État', 'Date']}
          rows={items.map((message) => ({
            key: message.id,
            cells: [
              <details key="body">
                <summary>{message.subject || '(sans objet)'}</summary>
                <p className="spie-message-body fr-mt-1w fr-mb-0">{message.body}</p>
              </details>,
              channelLabels[message.channel],
              <span key="recipient" className="spie-break">
                {message.recipient}
              </span>,
              <span key="status">
                <Badge small severity={statusSeverity[message.status]}>
                  {deliveryStatusLabels[message.status]}
                </Badge>
                {message.lastError && <span className="spie-block fr-text--xs">{message.lastError}</span>}
              </span>,
              formatDateTime(message.sentAt ?? message.createdAt),
            ],
          }))}
        />
      )}
      <LoadMoreButton
        hasMore={inbox.hasNextPage}
        loading={inbox.isFetchingNextPage}
        onClick={() => inbox.fetchNextPage()}
      />
    </>
  );
}
