import { Badge } from '@codegouvfr/react-dsfr/Badge';
import { Button } from '@codegouvfr/react-dsfr/Button';
import { Checkbox } from '@codegouvfr/react-dsfr/Checkbox';
import { Select } from '@codegouvfr/react-dsfr/Select';
import {
  catalogueRoutes,
  type PublicationStatus,
  publicationStatuses,
  publicationStatusLabels,
} from '@spie/contract/catalogue';
import { useState } from 'react';
import { Link } from 'react-router';
import { call } from '../../api';
import { ApiErrorAlert } from '../../components/ApiErrorAlert';
import { DataTable } from '../../components/DataTable';
import { Loading } from '../../components/Loading';
import { LoadMoreButton } from '../../components/LoadMoreButton';
import { PageBreadcrumb } from '../../components/PageBreadcrumb';
import { PageHeading } from '../../components/PageHeading';
import { SuccessAlert } from '../../components/SuccessAlert';
import { useSession } from '../auth/auth.queries';
import { useMarkUpToDate, useOwnedServices } from './catalogue.queries';
import {
  exportHref,
  formatCount,
  formatShortDate,
  placesLabel,
  plural,
  statusSeverity,
} from './catalogueFormat';

const title = 'Mes offres';

export function ExportLinks() {
  return (
    <ul className="spie-plain-list fr-mb-3w">
      {(['services', 'structures'] as const).map((kind) =>
        (['json', 'csv'] as const).map((format) => (
          <li key={`${kind}-${format}`}>
            <a
              className="fr-link fr-icon-download-line fr-link--icon-left"
              href={exportHref(kind, format)}
              download
            >
              Exporter les {kind === 'services' ? 'services publiés' : 'structures publiées'} (
              {format.toUpperCase()}, format data·inclusion)
            </a>
          </li>
        )),
      )}
    </ul>
  );
}

/** `/offres/gestion`: the services of my organisation (all of the territory for its administration). */
export function MyServicesPage() {
  const session = useSession().data;
  const isAdmin = session?.activeMembership?.role === 'territory_admin';
  const [status, setStatus] = useState<PublicationStatus | ''>('');
  const [stale, setStale] = useState(false);
  const services = useOwnedServices({ status, stale });
  const markUpToDate = useMarkUpToDate();
  const [marked, setMarked] = useState<string | null>(null);
  const firstPage = services.data?.pages[0];
  const items = services.data?.pages.flatMap((page) => page.items) ?? [];

  return (
    <>
      <PageBreadcrumb current={title} />
      <PageHeading title={title} />
      <p>
        Les offres de votre structure : vérifiez qu’elles sont à jour, indiquez les places et les sessions, et
        suivez la liste d’attente.
      </p>
      <div className="spie-actions">
        <Link className="fr-btn fr-icon-add-line fr-btn--icon-left" to="/offres/gestion/nouveau">
          Nouveau service
        </Link>
        <Link className="fr-btn fr-btn--secondary" to="/offres/occupation">
          Occupation des places
        </Link>
        {isAdmin && (
          <Link className="fr-btn fr-btn--secondary" to="/territoire/catalogue/import">
            Importer des offres
          </Link>
        )}
      </div>
      {marked && <SuccessAlert key={marked} title={`« ${marked} » est marqué comme à jour.`} />}
      <ApiErrorAlert error={markUpToDate.error} title="Le service n’a pas pu être marqué comme à jour" />

      {firstPage && (
        <p role="status">
          {plural(firstPage.counts.total, 'service', 'services')}
          {firstPage.counts.stale > 0 && ` dont ${formatCount(firstPage.counts.stale)} à mettre à jour`}
          {firstPage.counts.suspended > 0 &&
            `, ${plural(firstPage.counts.suspended, 'suspendu', 'suspendus')}`}
          {firstPage.counts.draft > 0 && `, ${plural(firstPage.counts.draft, 'brouillon', 'brouillons')}`}.
        </p>
      )}
      <form aria-label="Filtrer mes offres" onSubmit={(event) => event.preventDefault()}>
        <div className="spie-filters">
          <Select
            label="État"
            nativeSelectProps={{
              value: status,
              onChange: (event) => setStatus(event.target.value as PublicationStatus | ''),
            }}
          >
            <option value="">Tous les états</option>
            {publicationStatuses.map((value) => (
              <option key={value} value={value}>
                {publicationStatusLabels[value]}
              </option>
            ))}
          </Select>
          <Checkbox
            options={[
              {
                label: 'Seulement les offres à mettre à jour',
                nativeInputProps: { checked: stale, onChange: (event) => setStale(event.target.checked) },
              },
            ]}
          />
        </div>
      </form>

      {services.isPending && <Loading />}
      <ApiErrorAlert error={services.error} title="Vos offres n’ont pas pu être chargées" />
      {services.data && items.length === 0 && (
        <p className="spie-empty-state">Aucune offre ne correspond. Créez-en une avec « Nouveau service ».</p>
      )}
      {items.length > 0 && (
        <DataTable
          caption="Offres de ma structure"
          headers={['Offre', 'État', 'Places', 'Mise à jour', 'Actions']}
          rows={items.map((item) => ({
            key: item.id,
            cells: [
              <span key="name">
                <Link to={`/offres/gestion/services/${encodeURIComponent(item.id)}`}>{item.nom}</Link>
                <span className="spie-block fr-text--xs fr-mb-0">{item.structureNom}</span>
              </span>,
              <span key="status" className="spie-badge-list">
                <Badge severity={statusSeverity[item.status]} noIcon small>
                  {publicationStatusLabels[item.status]}
                </Badge>
                {item.stale && (
                  <Badge severity="warning" noIcon small>
                    À mettre à jour
                  </Badge>
                )}
              </span>,
              item.capacity === null
                ? 'Non comptées'
                : `${formatCount(item.capacity)} places — ${placesLabel(item.freePlaces, item.waiting) ?? ''}`,
              formatShortDate(item.dateMaj),
              <span key="actions" className="spie-badge-list">
                <Link className="fr-link fr-text--sm" to={`/offres/services/${encodeURIComponent(item.id)}`}>
                  Voir la fiche<span className="fr-sr-only"> de « {item.nom} »</span>
                </Link>
                {item.stale && (
                  <Button
                    size="small"
                    priority="secondary"
                    disabled={markUpToDate.isPending}
                    onClick={async () => {
                      // The list carries no revision: read the service's current one first.
                      const current = await call(catalogueRoutes.getService, { params: { id: item.id } });
                      markUpToDate.mutate(
                        { id: item.id, revision: current.revision },
                        { onSuccess: () => setMarked(item.nom) },
                      );
                    }}
                  >
                    Marquer comme à jour<span className="fr-sr-only"> : {item.nom}</span>
                  </Button>
                )}
              </span>,
            ],
          }))}
        />
      )}
      <LoadMoreButton
        hasMore={services.hasNextPage}
        loading={services.isFetchingNextPage}
        onClick={() => services.fetchNextPage()}
      />

      <h2 className="fr-mt-4w">Exporter le catalogue</h2>
      <p>Les offres publiées du territoire, au format data·inclusion (pour le catalogue national).</p>
      <ExportLinks />
    </>
  );
}
