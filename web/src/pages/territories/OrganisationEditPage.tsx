import { Badge } from '@codegouvfr/react-dsfr/Badge';
import { Button } from '@codegouvfr/react-dsfr/Button';
import type { Organisation, OrganisationInput } from '@spie/contract/territories';
import { useState } from 'react';
import { useLocation, useParams } from 'react-router';
import { ApiErrorAlert } from '../../components/ApiErrorAlert';
import { Loading } from '../../components/Loading';
import { PageBreadcrumb } from '../../components/PageBreadcrumb';
import { PageHeading } from '../../components/PageHeading';
import { SuccessAlert } from '../../components/SuccessAlert';
import { OrganisationForm } from './OrganisationForm';
import { useOrganisation, useSetOrganisationActive, useUpdateOrganisation } from './organisations.queries';

function toFormValues(organisation: Organisation): OrganisationInput {
  return {
    kind: organisation.kind,
    name: organisation.name,
    siret: organisation.siret ?? '',
    safirCode: organisation.safirCode ?? '',
    address: {
      line: organisation.address.line ?? '',
      postalCode: organisation.address.postalCode ?? '',
      communeCode: organisation.address.communeCode ?? '',
    },
    email: organisation.email ?? '',
    phone: organisation.phone ?? '',
    sensitive: organisation.sensitive,
    parentId: organisation.parentId,
  };
}

export function OrganisationEditPage() {
  const id = useParams().id ?? '';
  const organisation = useOrganisation(id);
  const created = Boolean((useLocation().state as { created?: boolean } | null)?.created);
  const [success, setSuccess] = useState<string | null>(created ? 'La structure est créée.' : null);
  const update = useUpdateOrganisation(id);
  const setActive = useSetOrganisationActive(id);
  const data = organisation.data;

  return (
    <>
      <PageBreadcrumb
        current={data?.name ?? 'Structure'}
        parents={[{ label: 'Structures', to: '/admin/structures' }]}
      />
      <PageHeading title={data ? `Structure : ${data.name}` : 'Structure'} />
      {organisation.isPending && <Loading />}
      <ApiErrorAlert error={organisation.error} title="La structure n’a pas pu être chargée" />
      {success && <SuccessAlert key={`${success}-${data?.version}`} title={success} />}
      {data && (
        <>
          <section aria-labelledby="organisation-state-title" className="fr-mb-4w">
            <h2 id="organisation-state-title" className="fr-h4">
              État
            </h2>
            <p>
              {data.active ? <Badge severity="success">Active</Badge> : <Badge>Désactivée</Badge>}{' '}
              {data.memberCount} membre{data.memberCount > 1 ? 's' : ''}.
            </p>
            <p className="fr-text--sm">
              {data.active
                ? 'Une structure désactivée n’apparaît plus dans les choix ; son historique est conservé.'
                : 'Réactiver la structure la rend de nouveau disponible.'}
            </p>
            <ApiErrorAlert error={setActive.error} title="Le changement d’état n’a pas abouti" />
            <Button
              priority="secondary"
              disabled={setActive.isPending}
              onClick={() =>
                setActive.mutate(!data.active, {
                  onSuccess: (result) =>
                    setSuccess(
                      result.active ? 'La structure est réactivée.' : 'La structure est désactivée.',
                    ),
                })
              }
            >
              {data.active ? 'Désactiver la structure' : 'Réactiver la structure'}
            </Button>
          </section>

          <h2 className="fr-h4">Informations</h2>
          <OrganisationForm
            key={data.version}
            defaultValues={toFormValues(data)}
            communeName={data.address.communeName}
            ownId={data.id}
            submitLabel="Enregistrer les modifications"
            serverPrefix="organisation"
            onSubmit={async (values) => {
              setSuccess(null);
              await update.mutateAsync({ organisation: values, version: data.version });
              setSuccess('Les modifications sont enregistrées.');
            }}
          />
        </>
      )}
    </>
  );
}
