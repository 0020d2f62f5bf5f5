import { useState } from 'react';
import { ApiErrorAlert } from '../../components/ApiErrorAlert';
import { DataTable } from '../../components/DataTable';
import { Loading } from '../../components/Loading';
import { LoadMoreButton } from '../../components/LoadMoreButton';
import { PageBreadcrumb } from '../../components/PageBreadcrumb';
import { PageHeading } from '../../components/PageHeading';
import { ThematiqueSelect } from './CatalogueSearchPage';
import { useOccupancy } from './catalogue.queries';
import { daysLabel, formatCount, formatRate } from './catalogueFormat';

const title = 'Occupation des places';

/** `/offres/occupation`: places, occupied, waiting and free, for the territory, by organisation and by service. */
export function OccupancyPage() {
  const [thematique, setThematique] = useState('');
  const occupancy = useOccupancy({ thematique: thematique || undefined });
  const firstPage = occupancy.data?.pages[0];
  const services = occupancy.data?.pages.flatMap((page) => page.services) ?? [];
  const t = firstPage?.totals;

  return (
    <>
      <PageBreadcrumb current={title} />
      <PageHeading title={title} />
      <p>
        Combien de places les offres du territoire proposent, combien sont occupées par des personnes
        prescrites, combien de personnes attendent. Seuls des nombres sont montrés, jamais de noms.
      </p>
      <form aria-label="Filtrer l’occupation" onSubmit={(event) => event.preventDefault()}>
        <div className="spie-filters">
          <ThematiqueSelect value={thematique} onChange={setThematique} />
        </div>
      </form>
      {occupancy.isPending && <Loading />}
      <ApiErrorAlert error={occupancy.error} title="L’occupation n’a pas pu être chargée" />
      {t && (
        <>
          <h2>Sur le territoire</h2>
          <DataTable
            caption="Occupation des places sur le territoire"
            captionHidden
            headers={[
              'Offres',
              'Places',
              'Occupées',
              'En attente',
              'Libres',
              'Taux d’occupation',
              'Délai médian de réponse',
            ]}
            rows={[
              {
                key: 'totals',
                cells: [
                  formatCount(t.services),
                  formatCount(t.places),
                  formatCount(t.occupied),
                  formatCount(t.waiting),
                  formatCount(t.free),
                  formatRate(t.rate),
                  daysLabel(t.medianDaysToAnswer),
                ],
              },
            ]}
          />
          <h2>Par structure</h2>
          {firstPage.byOrganisation.length === 0 ? (
            <p className="spie-empty-state">Aucune structure ne compte de places.</p>
          ) : (
            <DataTable
              caption="Occupation par structure"
              headers={['Structure', 'Places', 'Occupées', 'En attente', 'Libres', 'Taux', 'Délai médian']}
              rows={firstPage.byOrganisation.map((o) => ({
                key: o.organisationId ?? o.name,
                cells: [
                  o.name,
                  formatCount(o.places),
                  formatCount(o.occupied),
                  formatCount(o.waiting),
                  formatCount(o.free),
                  formatRate(o.rate),
                  daysLabel(o.medianDaysToAnswer),
                ],
              }))}
            />
          )}
          <h2>Par offre</h2>
          {services.length === 0 ? (
            <p className="spie-empty-state">Aucune offre ne correspond.</p>
          ) : (
            <DataTable
              caption="Occupation par offre"
              headers={['Offre', 'Structure', 'Places', 'Occupées', 'En attente', 'Libres', 'Taux']}
              rows={services.map((s) => ({
                key: s.id,
                cells: [
                  s.nom,
                  s.owner ?? '—',
                  formatCount(s.places),
                  formatCount(s.occupied),
                  formatCount(s.waiting),
                  formatCount(s.free),
                  formatRate(s.rate),
                ],
              }))}
            />
          )}
          <LoadMoreButton
            hasMore={occupancy.hasNextPage}
            loading={occupancy.isFetchingNextPage}
            onClick={() => occupancy.fetchNextPage()}
          />
        </>
      )}
    </>
  );
}
