import { useNavigate } from 'react-router';
import { PageBreadcrumb } from '../../components/PageBreadcrumb';
import { PageHeading } from '../../components/PageHeading';
import { emptyOrganisation, OrganisationForm } from './OrganisationForm';
import { useCreateOrganisation } from './organisations.queries';

export function OrganisationCreatePage() {
  const create = useCreateOrganisation();
  const navigate = useNavigate();
  return (
    <>
      <PageBreadcrumb
        current="Nouvelle structure"
        parents={[{ label: 'Structures', to: '/admin/structures' }]}
      />
      <PageHeading title="Créer une structure" />
      <OrganisationForm
        defaultValues={emptyOrganisation}
        submitLabel="Créer la structure"
        onSubmit={async (values) => {
          const organisation = await create.mutateAsync(values);
          navigate(`/admin/structures/${organisation.id}`, { state: { created: true } });
        }}
      />
    </>
  );
}
