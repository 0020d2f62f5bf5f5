import { Alert } from '@codegouvfr/react-dsfr/Alert';
import { Button } from '@codegouvfr/react-dsfr/Button';
import { roleLabels } from '@spie/contract/territories';
import { useNavigate } from 'react-router';
import { ApiErrorAlert } from '../../components/ApiErrorAlert';
import { DataTable } from '../../components/DataTable';
import { Loading } from '../../components/Loading';
import { useDemoAccounts, useDemoLogin } from './auth.queries';

/** Demo mode: pick a fictitious person and sign in as them, with one click. */
export function DemoAccountsTable() {
  const accounts = useDemoAccounts(true);
  const login = useDemoLogin();
  const navigate = useNavigate();

  return (
    <>
      <Alert
        className="fr-mb-4w"
        severity="info"
        title="Mode démonstration"
        description="Les personnes et les données de ce site sont fictives. Choisissez un compte pour découvrir ce que voit chaque rôle."
      />
      <ApiErrorAlert error={login.error} title="La connexion n’a pas abouti" />
      {accounts.isPending && <Loading label="Chargement des comptes de démonstration…" />}
      {accounts.isError && <ApiErrorAlert error={accounts.error} />}
      {accounts.data && (
        <DataTable
          caption="Comptes de démonstration"
          headers={['Nom', 'Structure(s)', 'Rôle(s)', 'Action']}
          rows={accounts.data.items.map((account) => {
            const fullName = `${account.firstName} ${account.lastName}`;
            return {
              key: account.id,
              cells: [
                fullName,
                <ul key="organisations" className="spie-plain-list">
                  {account.memberships.map((membership) => (
                    <li key={`${membership.organisationName}-${membership.role}`}>
                      {membership.organisationName}
                    </li>
                  ))}
                </ul>,
                <ul key="roles" className="spie-plain-list">
                  {account.memberships.map((membership) => (
                    <li key={`${membership.organisationName}-${membership.role}`}>
                      {roleLabels[membership.role]}
                    </li>
                  ))}
                </ul>,
                <Button
                  key="login"
                  size="small"
                  disabled={login.isPending}
                  onClick={() =>
                    login.mutate(account.id, {
                      onSuccess: (session) => navigate(session.activeMembership ? '/' : '/choisir-structure'),
                    })
                  }
                >
                  {`Se connecter en tant que ${fullName}`}
                </Button>,
              ],
            };
          })}
        />
      )}
    </>
  );
}
