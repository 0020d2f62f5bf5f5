import { sectionLabels } from '@spie/contract/people';
import { ApiErrorAlert } from '../../components/ApiErrorAlert';
import { DataTable } from '../../components/DataTable';
import { formatDateTime } from '../../components/formatDate';
import { Loading } from '../../components/Loading';
import { LoadMoreButton } from '../../components/LoadMoreButton';
import { usePersonContext } from './PersonLayout';
import { useConsultations } from './people.queries';

/** Who saw or changed which part of the record, newest first (domain §8: traceability). */
export function ConsultationsTab() {
  const { person } = usePersonContext();
  const consultations = useConsultations(person.id);
  const items = consultations.data?.pages.flatMap((page) => page.items) ?? [];

  return (
    <>
      <h2>Journal des consultations</h2>
      <p>
        Chaque consultation et chaque modification du dossier est enregistrée. La personne peut en demander la
        liste.
      </p>
      {consultations.isPending && <Loading />}
      <ApiErrorAlert error={consultations.error} title="Le journal n’a pas pu être chargé" />
      {consultations.data && items.length === 0 && (
        <p className="spie-empty-state">Aucune consultation enregistrée.</p>
      )}
      {items.length > 0 && (
        <DataTable
          caption="Consultations et modifications du dossier, de la plus récente à la plus ancienne"
          headers={['Quand', 'Qui', 'Structure', 'Quoi']}
          rows={items.map((entry, index) => ({
            key: `${entry.at}-${index}`,
            cells: [
              <time key="at" dateTime={entry.at}>
                {formatDateTime(entry.at)}
              </time>,
              entry.accountName ?? 'Action automatique',
              entry.organisationName ?? '—',
              <span key="what">
                {entry.kind === 'write' ? 'Modification' : 'Consultation'}
                {entry.sections.length > 0 && (
                  <> : {entry.sections.map((s) => sectionLabels[s]).join(', ')}</>
                )}
              </span>,
            ],
          }))}
        />
      )}
      <LoadMoreButton
        hasMore={consultations.hasNextPage}
        loading={consultations.isFetchingNextPage}
        onClick={() => consultations.fetchNextPage()}
      />
    </>
  );
}
