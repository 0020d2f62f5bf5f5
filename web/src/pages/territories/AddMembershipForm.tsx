import { Button } from '@codegouvfr/react-dsfr/Button';
import { zodResolver } from '@hookform/resolvers/zod';
import { addMembershipBody } from '@spie/contract/territories';
import { useForm } from 'react-hook-form';
import { ApiErrorAlert } from '../../components/ApiErrorAlert';
import { applyServerFieldErrors } from '../../components/serverFieldErrors';
import { type MembershipBody, useAddMembership } from './accounts.queries';
import { MembershipFields } from './MembershipFields';

const empty = { organisationId: '', role: '' } as unknown as MembershipBody;

export function AddMembershipForm({
  accountId,
  onAdded,
}: {
  accountId: string;
  onAdded: (message: string) => void;
}) {
  const form = useForm<MembershipBody, unknown, MembershipBody>({
    resolver: zodResolver(addMembershipBody, undefined, { raw: true }),
    defaultValues: empty,
  });
  const add = useAddMembership(accountId);
  const errors = form.formState.errors;

  const submit = form.handleSubmit(async (values) => {
    try {
      await add.mutateAsync(values);
      form.reset(empty);
      onAdded('Le rattachement est ajouté.');
    } catch (error) {
      applyServerFieldErrors(error, form.setError, ['organisationId', 'role']);
    }
  });

  return (
    <form onSubmit={submit} noValidate>
      <ApiErrorAlert error={add.error} title="Le rattachement n’a pas été ajouté" />
      <fieldset className="fr-fieldset">
        <legend className="fr-fieldset__legend">Ajouter un rattachement</legend>
        <MembershipFields
          organisationProps={{ ...form.register('organisationId'), required: true }}
          roleProps={{ ...form.register('role'), required: true }}
          organisationError={errors.organisationId?.message}
          roleError={errors.role?.message}
        />
      </fieldset>
      <Button
        type="submit"
        priority="secondary"
        iconId="fr-icon-add-line"
        disabled={form.formState.isSubmitting}
      >
        Ajouter le rattachement
      </Button>
    </form>
  );
}
