import { Button } from '@codegouvfr/react-dsfr/Button';
import { SegmentedControl } from '@codegouvfr/react-dsfr/SegmentedControl';
import { Select } from '@codegouvfr/react-dsfr/Select';
import {
  type StatusKind,
  statusKindLabels,
  statusKinds,
  type TeamRole,
  teamRoleLabels,
  teamRoles,
} from '@spie/contract/people';
import { useState } from 'react';
import { ApiErrorAlert } from '../../components/ApiErrorAlert';
import { Loading } from '../../components/Loading';
import { LoadMoreButton } from '../../components/LoadMoreButton';
import { PageBreadcrumb } from '../../components/PageBreadcrumb';
import { PageHeading } from '../../components/PageHeading';
import { useSession } from '../auth/auth.queries';
import { PeopleTable } from './PeopleTable';
import { type CaseloadFilters, useCaseload } from './people.queries';
import { plural } from './peopleFormat';

export function CaseloadPage() {
  const isManager = useSession().data?.activeMembership?.role === 'structure_manager';
  const [filters, setFilters] = useState<CaseloadFilters>({ scope: 'mine', sort: 'name' });
  const caseload = useCaseload(filters);
  const items = caseload.data?.pages.flatMap((page) => page.items) ?? [];
  const filtered = Boolean(filters.role || filters.status);
  const organisationScope = filters.scope === 'organisation';

  return (
    <>
      <PageBreadcrumb current="Personnes accompagnées" />
      <PageHeading
        title={organisationScope ? 'Personnes accompagnées par ma structure' : 'Mes personnes accompagnées'}
      />
      <div className="spie-actions">
        <Button linkProps={{ to: '/personnes/recherche' }} iconId="fr-icon-search-line">
          Rechercher une personne
        </Button>
        <Button linkProps={{ to: '/personnes/nouvelle' }} iconId="fr-icon-add-line" priority="secondary">
          Créer un dossier
        </Button>
      </div>

      {isManager && (
        <SegmentedControl
          className="fr-mb-3w"
          legend="Afficher"
          segments={[
            {
              label: 'Mes personnes',
              nativeInputProps: {
                checked: !organisationScope,
                onChange: () => setFilters({ ...filters, scope: 'mine' }),
              },
            },
            {
              label: 'Toute ma structure',
              nativeInputProps: {
                checked: organisationScope,
                onChange: () => setFilters({ ...filters, scope: 'organisation' }),
              },
            },
          ]}
        />
      )}

      <form aria-label="Filtrer et trier la liste" onSubmit={(event) => event.preventDefault()}>
        <div className="spie-filters">
          <Select
            label={organisationScope ? 'Rôle de la structure' : 'Mon rôle'}
            nativeSelectProps={{
              value: filters.role ?? '',
              onChange: (event) =>
                setFilters({ ...filters, role: (event.target.value || undefined) as TeamRole | undefined }),
            }}
          >
            <option value="">Tous les rôles</option>
            {teamRoles.map((role) => (
              <option key={role} value={role}>
                {teamRoleLabels[role]}
              </option>
            ))}
          </Select>
          <Select
            label="Statut en cours"
            nativeSelectProps={{
              value: filters.status ?? '',
              onChange: (event) =>
                setFilters({
                  ...filters,
                  status: (event.target.value || undefined) as StatusKind | undefined,
                }),
            }}
          >
            <option value="">Tous les statuts</option>
            {statusKinds.map((kind) => (
              <option key={kind} value={kind}>
                {statusKindLabels[kind]}
              </option>
            ))}
          </Select>
          <Select
            label="Trier par"
            nativeSelectProps={{
              value: filters.sort,
              onChange: (event) => setFilters({ ...filters, sort: event.target.value as 'name' | 'recent' }),
            }}
          >
            <option value="name">Nom (de A à Z)</option>
            <option value="recent">Suivi le plus récent d’abord</option>
          </Select>
        </div>
      </form>

      {caseload.isPending && <Loading />}
      <ApiErrorAlert error={caseload.error} title="La liste n’a pas pu être chargée" />
      {caseload.data && (
        <p role="status" className={items.length === 0 ? 'spie-empty-state' : undefined}>
          {items.length === 0
            ? filtered
              ? 'Aucune personne ne correspond à ces critères.'
              : organisationScope
                ? 'Votre structure n’accompagne encore personne.'
                : 'Vous n’accompagnez encore personne. Recherchez une personne ou créez son dossier.'
            : `${plural(items.length, 'personne')} affichée${items.length > 1 ? 's' : ''}${caseload.hasNextPage ? ' (il y en a d’autres : « Voir plus » en bas de la liste)' : ''}.`}
        </p>
      )}
      {items.length > 0 && (
        <PeopleTable
          caption={
            organisationScope ? 'Personnes accompagnées par ma structure' : 'Mes personnes accompagnées'
          }
          people={items}
          roleHeader={organisationScope ? 'Rôle dans l’équipe' : 'Mon rôle'}
        />
      )}
      <LoadMoreButton
        hasMore={caseload.hasNextPage}
        loading={caseload.isFetchingNextPage}
        onClick={() => caseload.fetchNextPage()}
      />
    </>
  );
}
