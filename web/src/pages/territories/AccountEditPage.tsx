import { Badge } from '@codegouvfr/react-dsfr/Badge';
import { Button } from '@codegouvfr/react-dsfr/Button';
import { organisationKindLabels, roleLabels } from '@spie/contract/territories';
import { useState } from 'react';
import { useLocation, useParams } from 'react-router';
import { ApiErrorAlert } from '../../components/ApiErrorAlert';
import { DataTable } from '../../components/DataTable';
import { Loading } from '../../components/Loading';
import { PageBreadcrumb } from '../../components/PageBreadcrumb';
import { PageHeading } from '../../components/PageHeading';
import { SuccessAlert } from '../../components/SuccessAlert';
import { AccountIdentityForm } from './AccountIdentityForm';
import { AddMembershipForm } from './AddMembershipForm';
import { useAccount, useEndMembership, useSetAccountActive } from './accounts.queries';

export function AccountEditPage() {
  const id = useParams().id ?? '';
  const account = useAccount(id);
  const created = Boolean((useLocation().state as { created?: boolean } | null)?.created);
  const [success, setSuccess] = useState<{ message: string; at: number } | null>(
    created ? { message: 'Le compte est créé.', at: 0 } : null,
  );
  const notify = (message: string) => setSuccess({ message, at: Date.now() });
  const setActive = useSetAccountActive(id);
  const endMembership = useEndMembership(id);
  const data = account.data;
  const fullName = data ? `${data.firstName} ${data.lastName}` : 'Compte';
  const activeMemberships = data?.memberships.filter((membership) => membership.active) ?? [];

  return (
    <>
      <PageBreadcrumb current={fullName} parents={[{ label: 'Comptes', to: '/admin/comptes' }]} />
      <PageHeading title={data ? `Compte de ${fullName}` : 'Compte'} />
      {account.isPending && <Loading />}
      <ApiErrorAlert error={account.error} title="Le compte n’a pas pu être chargé" />
      {success && <SuccessAlert key={success.at} title={success.message} />}
      {data && (
        <>
          <section aria-labelledby="account-state-title" className="fr-mb-6w">
            <h2 id="account-state-title" className="fr-h4">
              État du compte
            </h2>
            <p>{data.active ? <Badge severity="success">Actif</Badge> : <Badge>Désactivé</Badge>}</p>
            <p className="fr-text--sm">
              {data.active
                ? 'Désactiver le compte ferme immédiatement toutes ses sessions ; la personne ne peut plus se connecter.'
                : 'Réactiver le compte permet de nouveau à la personne de se connecter.'}
            </p>
            <ApiErrorAlert error={setActive.error} title="Le changement d’état n’a pas abouti" />
            <Button
              priority="secondary"
              disabled={setActive.isPending}
              onClick={() =>
                setActive.mutate(!data.active, {
                  onSuccess: (result) =>
                    notify(result.active ? 'Le compte est réactivé.' : 'Le compte est désactivé.'),
                })
              }
            >
              {data.active ? 'Désactiver le compte' : 'Réactiver le compte'}
            </Button>
          </section>

          <section aria-labelledby="account-identity-title" className="fr-mb-6w">
            <h2 id="account-identity-title" className="fr-h4">
              Identité
            </h2>
            <AccountIdentityForm key={data.version} account={data} onSaved={notify} />
          </section>

          <section aria-labelledby="account-memberships-title">
            <h2 id="account-memberships-title" className="fr-h4">
              Rattachements
            </h2>
            <ApiErrorAlert error={endMembership.error} title="Le rattachement n’a pas été retiré" />
            {activeMemberships.length === 0 ? (
              <p>Ce compte n’a aucun rattachement actif : la personne ne peut agir pour aucune structure.</p>
            ) : (
              <DataTable
                caption={`Rattachements de ${fullName}`}
                headers={['Structure', 'Type', 'Rôle', 'Action']}
                rows={activeMemberships.map((membership) => ({
                  key: membership.id,
                  cells: [
                    membership.organisationName,
                    organisationKindLabels[membership.organisationKind],
                    roleLabels[membership.role],
                    <Button
                      key="remove"
                      size="small"
                      priority="tertiary"
                      disabled={endMembership.isPending}
                      onClick={() =>
                        endMembership.mutate(membership.id, {
                          onSuccess: () => notify('Le rattachement est retiré.'),
                        })
                      }
                    >
                      Retirer
                      <span className="fr-sr-only">
                        {` le rattachement ${membership.organisationName} — ${roleLabels[membership.role]}`}
                      </span>
                    </Button>,
                  ],
                }))}
              />
            )}
            <AddMembershipForm accountId={data.id} onAdded={notify} />
          </section>
        </>
      )}
    </>
  );
}
