import { Badge } from '@codegouvfr/react-dsfr/Badge';
import { Button } from '@codegouvfr/react-dsfr/Button';
import { Checkbox } from '@codegouvfr/react-dsfr/Checkbox';
import { Input } from '@codegouvfr/react-dsfr/Input';
import { Select } from '@codegouvfr/react-dsfr/Select';
import { type OrganisationKind, organisationKindLabels, organisationKinds } from '@spie/contract/territories';
import { useState } from 'react';
import { Link } from 'react-router';
import { ApiErrorAlert } from '../../components/ApiErrorAlert';
import { DataTable } from '../../components/DataTable';
import { Loading } from '../../components/Loading';
import { PageBreadcrumb } from '../../components/PageBreadcrumb';
import { PageHeading } from '../../components/PageHeading';
import { type OrganisationFilters, useOrganisations } from './organisations.queries';

export function OrganisationsPage() {
  const [draft, setDraft] = useState({ q: '', kind: '', includeInactive: false });
  const [filters, setFilters] = useState<OrganisationFilters>({});
  const organisations = useOrganisations(filters);
  const items = organisations.data?.items ?? [];

  return (
    <>
      <PageBreadcrumb current="Structures" />
      <PageHeading title="Structures" />
      <div className="spie-actions">
        <Button linkProps={{ to: '/admin/structures/nouvelle' }} iconId="fr-icon-add-line">
          Créer une structure
        </Button>
      </div>

      <form
        aria-label="Filtrer les structures"
        onSubmit={(event) => {
          event.preventDefault();
          setFilters({
            q: draft.q.trim() || undefined,
            kind: (draft.kind || undefined) as OrganisationKind | undefined,
            includeInactive: draft.includeInactive,
          });
        }}
      >
        <div className="spie-filters">
          <Input
            label="Rechercher par nom, SIRET ou commune"
            nativeInputProps={{
              value: draft.q,
              onChange: (event) => setDraft({ ...draft, q: event.target.value }),
            }}
          />
          <Select
            label="Type de structure"
            nativeSelectProps={{
              value: draft.kind,
              onChange: (event) => setDraft({ ...draft, kind: event.target.value }),
            }}
          >
            <option value="">Tous les types</option>
            {organisationKinds.map((kind) => (
              <option key={kind} value={kind}>
                {organisationKindLabels[kind]}
              </option>
            ))}
          </Select>
          <div className="spie-filters__submit">
            <Button type="submit" priority="secondary" iconId="fr-icon-search-line">
              Filtrer
            </Button>
          </div>
        </div>
        <Checkbox
          small
          options={[
            {
              label: 'Afficher aussi les structures désactivées',
              nativeInputProps: {
                checked: draft.includeInactive,
                onChange: (event) => setDraft({ ...draft, includeInactive: event.target.checked }),
              },
            },
          ]}
        />
      </form>

      {organisations.isPending && <Loading />}
      <ApiErrorAlert error={organisations.error} title="Les structures n’ont pas pu être chargées" />
      {organisations.data && (
        <>
          <p role="status">
            {items.length === 0
              ? 'Aucune structure ne correspond à ces critères.'
              : `${items.length} structure${items.length > 1 ? 's' : ''}.`}
          </p>
          {items.length > 0 && (
            <DataTable
              caption="Structures du territoire"
              headers={['Nom', 'Type', 'Commune', 'Membres', 'État']}
              rows={items.map((organisation) => ({
                key: organisation.id,
                cells: [
                  <Link key="name" to={`/admin/structures/${organisation.id}`}>
                    {organisation.name}
                  </Link>,
                  organisationKindLabels[organisation.kind],
                  organisation.address.communeName ?? '—',
                  organisation.memberCount,
                  <span key="state">
                    {organisation.active ? (
                      <Badge severity="success" small>
                        Active
                      </Badge>
                    ) : (
                      <Badge small>Désactivée</Badge>
                    )}{' '}
                    {organisation.sensitive && (
                      <Badge severity="warning" small>
                        Sensible
                      </Badge>
                    )}
                  </span>,
                ],
              }))}
            />
          )}
        </>
      )}
    </>
  );
}
