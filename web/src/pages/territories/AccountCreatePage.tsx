import { Button } from '@codegouvfr/react-dsfr/Button';
import { zodResolver } from '@hookform/resolvers/zod';
import type { FieldError } from '@spie/contract';
import { createAccountBody } from '@spie/contract/territories';
import { useState } from 'react';
import { useFieldArray, useForm } from 'react-hook-form';
import { useNavigate } from 'react-router';
import { ApiErrorAlert } from '../../components/ApiErrorAlert';
import { FieldErrorList } from '../../components/FieldErrorList';
import { PageBreadcrumb } from '../../components/PageBreadcrumb';
import { PageHeading } from '../../components/PageHeading';
import { applyServerFieldErrors } from '../../components/serverFieldErrors';
import { AccountIdentityFields, identityPaths } from './AccountIdentityFields';
import { type CreateAccountBody, useCreateAccount } from './accounts.queries';
import { MembershipFields } from './MembershipFields';

const emptyMembership = {
  organisationId: '',
  role: '',
} as unknown as CreateAccountBody['memberships'][number];

export function AccountCreatePage() {
  const form = useForm<CreateAccountBody, unknown, CreateAccountBody>({
    resolver: zodResolver(createAccountBody, undefined, { raw: true }),
    defaultValues: { email: '', firstName: '', lastName: '', phone: '', memberships: [emptyMembership] },
  });
  const { register, formState, control, setError } = form;
  const errors = formState.errors;
  const memberships = useFieldArray({ control, name: 'memberships' });
  const create = useCreateAccount();
  const navigate = useNavigate();
  const [serverError, setServerError] = useState<unknown>(null);
  const [unmatched, setUnmatched] = useState<FieldError[]>([]);

  const submit = form.handleSubmit(async (values) => {
    setServerError(null);
    setUnmatched([]);
    try {
      const account = await create.mutateAsync(values);
      navigate(`/admin/comptes/${account.id}`, { state: { created: true } });
    } catch (error) {
      setServerError(error);
      const membershipPaths = memberships.fields.flatMap((_, index) => [
        `memberships.${index}.organisationId`,
        `memberships.${index}.role`,
      ]);
      setUnmatched(
        applyServerFieldErrors(error, setError, [...identityPaths, ...membershipPaths, 'memberships']),
      );
    }
  });

  const membershipsError = errors.memberships?.message ?? errors.memberships?.root?.message;

  return (
    <>
      <PageBreadcrumb current="Nouveau compte" parents={[{ label: 'Comptes', to: '/admin/comptes' }]} />
      <PageHeading title="Créer un compte" />
      <form onSubmit={submit} noValidate>
        <ApiErrorAlert error={serverError} title="Le compte n’a pas été créé" />
        <FieldErrorList fields={unmatched} />
        <p className="fr-text--sm">Les champs marqués d’un astérisque (*) sont obligatoires.</p>
        <AccountIdentityFields register={register} errors={errors} />

        <h2 className="fr-h5">Rattachements</h2>
        <p className="fr-text--sm">
          Un rattachement dit pour quelle structure et avec quel rôle la personne agit. Il en faut au moins
          un.
        </p>
        {membershipsError && <p className="fr-error-text">{membershipsError}</p>}
        {memberships.fields.map((field, index) => (
          <fieldset key={field.id} className="fr-fieldset">
            <legend className="fr-fieldset__legend fr-text--regular">Rattachement {index + 1}</legend>
            <MembershipFields
              organisationProps={{ ...register(`memberships.${index}.organisationId`), required: true }}
              roleProps={{ ...register(`memberships.${index}.role`), required: true }}
              organisationError={errors.memberships?.[index]?.organisationId?.message}
              roleError={errors.memberships?.[index]?.role?.message}
            />
            {memberships.fields.length > 1 && (
              <div className="fr-fieldset__element">
                <Button
                  type="button"
                  priority="tertiary"
                  size="small"
                  onClick={() => memberships.remove(index)}
                >
                  {`Retirer le rattachement ${index + 1}`}
                </Button>
              </div>
            )}
          </fieldset>
        ))}
        <div className="spie-actions">
          <Button
            type="button"
            priority="secondary"
            iconId="fr-icon-add-line"
            onClick={() => memberships.append(emptyMembership)}
          >
            Ajouter un rattachement
          </Button>
          <Button type="submit" disabled={formState.isSubmitting}>
            {formState.isSubmitting ? 'Création…' : 'Créer le compte'}
          </Button>
        </div>
      </form>
    </>
  );
}
