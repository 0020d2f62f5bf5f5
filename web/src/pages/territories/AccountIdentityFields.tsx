import { Input } from '@codegouvfr/react-dsfr/Input';
import type { UseFormRegisterReturn } from 'react-hook-form';
import { fieldState } from '../../components/fieldState';

export type IdentityField = 'email' | 'firstName' | 'lastName' | 'phone';
export const identityPaths: readonly IdentityField[] = ['email', 'firstName', 'lastName', 'phone'];

/** Identity inputs shared by the account creation and edition forms. */
export function AccountIdentityFields({
  register,
  errors,
}: {
  register: (name: IdentityField) => UseFormRegisterReturn;
  errors: Partial<Record<IdentityField, { message?: string | undefined }>>;
}) {
  return (
    <fieldset className="fr-fieldset">
      <legend className="fr-fieldset__legend">Identité</legend>
      <div className="fr-fieldset__element fr-fieldset__element--inline">
        <Input
          label="Prénom *"
          nativeInputProps={{ ...register('firstName'), autoComplete: 'off', required: true }}
          {...fieldState(errors.firstName)}
        />
      </div>
      <div className="fr-fieldset__element fr-fieldset__element--inline">
        <Input
          label="Nom *"
          nativeInputProps={{ ...register('lastName'), autoComplete: 'off', required: true }}
          {...fieldState(errors.lastName)}
        />
      </div>
      <div className="fr-fieldset__element">
        <Input
          label="Adresse électronique professionnelle *"
          hintText="Elle sert à se connecter. Par exemple : prenom.nom@departement.fr"
          nativeInputProps={{ ...register('email'), type: 'email', autoComplete: 'off', required: true }}
          {...fieldState(errors.email)}
        />
      </div>
      <div className="fr-fieldset__element">
        <Input
          label="Téléphone"
          hintText="Facultatif."
          nativeInputProps={{ ...register('phone'), type: 'tel', autoComplete: 'off' }}
          {...fieldState(errors.phone)}
        />
      </div>
    </fieldset>
  );
}
