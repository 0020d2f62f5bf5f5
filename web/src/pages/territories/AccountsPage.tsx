import { Badge } from '@codegouvfr/react-dsfr/Badge';
import { Button } from '@codegouvfr/react-dsfr/Button';
import { Input } from '@codegouvfr/react-dsfr/Input';
import { roleLabels } from '@spie/contract/territories';
import { useState } from 'react';
import { Link } from 'react-router';
import { ApiErrorAlert } from '../../components/ApiErrorAlert';
import { DataTable } from '../../components/DataTable';
import { Loading } from '../../components/Loading';
import { LoadMoreButton } from '../../components/LoadMoreButton';
import { PageBreadcrumb } from '../../components/PageBreadcrumb';
import { PageHeading } from '../../components/PageHeading';
import { useAccounts } from './accounts.queries';

export function AccountsPage() {
  const [draft, setDraft] = useState('');
  const [search, setSearch] = useState('');
  const accounts = useAccounts(search);
  const items = accounts.data?.pages.flatMap((page) => page.items) ?? [];

  return (
    <>
      <PageBreadcrumb current="Comptes" />
      <PageHeading title="Comptes" />
      <div className="spie-actions">
        <Button linkProps={{ to: '/admin/comptes/nouveau' }} iconId="fr-icon-add-line">
          Créer un compte
        </Button>
      </div>

      <form
        aria-label="Rechercher un compte"
        onSubmit={(event) => {
          event.preventDefault();
          setSearch(draft);
        }}
      >
        <div className="spie-filters">
          <Input
            label="Rechercher par nom ou adresse électronique"
            nativeInputProps={{
              type: 'search',
              value: draft,
              onChange: (event) => setDraft(event.target.value),
            }}
          />
          <div className="spie-filters__submit">
            <Button type="submit" priority="secondary" iconId="fr-icon-search-line">
              Rechercher
            </Button>
          </div>
        </div>
      </form>

      {accounts.isPending && <Loading />}
      <ApiErrorAlert error={accounts.error} title="Les comptes n’ont pas pu être chargés" />
      {accounts.data && items.length === 0 && (
        <p role="status">Aucun compte ne correspond à cette recherche.</p>
      )}
      {items.length > 0 && (
        <DataTable
          caption="Comptes des professionnels"
          headers={['Nom', 'Adresse électronique', 'Rattachements', 'État']}
          rows={items.map((account) => ({
            key: account.id,
            cells: [
              <Link key="name" to={`/admin/comptes/${account.id}`}>
                {account.lastName.toUpperCase()} {account.firstName}
              </Link>,
              <span key="email" className="spie-break">
                {account.email}
              </span>,
              account.memberships.length === 0 ? (
                'Aucun'
              ) : (
                <ul key="memberships" className="spie-plain-list">
                  {account.memberships.map((membership) => (
                    <li key={membership.id}>
                      {membership.organisationName} — {roleLabels[membership.role]}
                    </li>
                  ))}
                </ul>
              ),
              account.active ? (
                <Badge key="state" severity="success" small>
                  Actif
                </Badge>
              ) : (
                <Badge key="state" small>
                  Désactivé
                </Badge>
              ),
            ],
          }))}
        />
      )}
      <LoadMoreButton
        hasMore={accounts.hasNextPage}
        loading={accounts.isFetchingNextPage}
        onClick={() => accounts.fetchNextPage()}
      />
    </>
  );
}
