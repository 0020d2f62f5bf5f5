import { Alert } from '@codegouvfr/react-dsfr/Alert';
import { Navigate, useLocation } from 'react-router';
import { ApiErrorAlert } from '../../components/ApiErrorAlert';
import { Loading } from '../../components/Loading';
import { PageHeading } from '../../components/PageHeading';
import { useLoginMethods, useSession } from './auth.queries';
import { DemoAccountsTable } from './DemoAccountsTable';

export function LoginPage() {
  const session = useSession();
  const methods = useLoginMethods();
  const notice = (useLocation().state as { notice?: string } | null)?.notice;

  if (session.data?.authenticated) {
    return <Navigate to={session.data.activeMembership ? '/' : '/choisir-structure'} replace />;
  }

  return (
    <>
      <PageHeading title="Connexion" />
      {notice && <Alert className="fr-mb-3w" severity="info" small description={notice} />}
      {methods.isPending && <Loading />}
      {methods.isError && (
        <ApiErrorAlert error={methods.error} title="Les moyens de connexion n’ont pas pu être chargés" />
      )}
      {methods.data?.demo && <DemoAccountsTable />}
      {methods.data && !methods.data.demo && (
        <Alert
          severity="info"
          title="La connexion se fait avec ProConnect"
          description="ProConnect est l’identifiant unique des professionnels. Il n’est pas encore configuré sur ce serveur : contactez l’administrateur ou l’administratrice de votre territoire."
        />
      )}
    </>
  );
}
