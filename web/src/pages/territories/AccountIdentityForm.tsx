import { Button } from '@codegouvfr/react-dsfr/Button';
import { zodResolver } from '@hookform/resolvers/zod';
import type { FieldError } from '@spie/contract';
import { type Account, accountInput } from '@spie/contract/territories';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { ApiErrorAlert } from '../../components/ApiErrorAlert';
import { FieldErrorList } from '../../components/FieldErrorList';
import { applyServerFieldErrors } from '../../components/serverFieldErrors';
import { AccountIdentityFields, identityPaths } from './AccountIdentityFields';
import { type AccountIdentityBody, useUpdateAccount } from './accounts.queries';

/** Edits name, e-mail and phone; `version` guards against overwriting someone else's change. */
export function AccountIdentityForm({
  account,
  onSaved,
}: {
  account: Account;
  onSaved: (message: string) => void;
}) {
  const form = useForm<AccountIdentityBody, unknown, AccountIdentityBody>({
    resolver: zodResolver(accountInput, undefined, { raw: true }),
    defaultValues: {
      email: account.email,
      firstName: account.firstName,
      lastName: account.lastName,
      phone: account.phone ?? '',
    },
  });
  const update = useUpdateAccount(account.id);
  const [serverError, setServerError] = useState<unknown>(null);
  const [unmatched, setUnmatched] = useState<FieldError[]>([]);

  const submit = form.handleSubmit(async (values) => {
    setServerError(null);
    setUnmatched([]);
    try {
      await update.mutateAsync({ account: values, version: account.version });
      onSaved('Les informations du compte sont enregistrées.');
    } catch (error) {
      setServerError(error);
      setUnmatched(applyServerFieldErrors(error, form.setError, identityPaths, 'account'));
    }
  });

  return (
    <form onSubmit={submit} noValidate>
      <ApiErrorAlert error={serverError} title="Les modifications n’ont pas été enregistrées" />
      <FieldErrorList fields={unmatched} />
      <AccountIdentityFields register={form.register} errors={form.formState.errors} />
      <Button type="submit" disabled={form.formState.isSubmitting}>
        Enregistrer les modifications
      </Button>
    </form>
  );
}
