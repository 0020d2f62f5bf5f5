import { Select } from '@codegouvfr/react-dsfr/Select';
import { type Role, roleLabels, roles } from '@spie/contract/territories';
import type { ComponentProps } from 'react';
import { useOrganisations } from './organisations.queries';

type NativeSelectProps = ComponentProps<'select'>;

/** The two choices of a membership: an active organisation of the territory and a role. */
export function MembershipFields({
  organisationProps,
  roleProps,
  organisationError,
  roleError,
}: {
  organisationProps: NativeSelectProps;
  roleProps: NativeSelectProps;
  organisationError?: string | undefined;
  roleError?: string | undefined;
}) {
  const organisations = useOrganisations({});
  return (
    <>
      <div className="fr-fieldset__element fr-fieldset__element--inline">
        <Select
          label="Structure *"
          nativeSelectProps={organisationProps}
          {...(organisationError ? { state: 'error' as const, stateRelatedMessage: organisationError } : {})}
        >
          <option value="" disabled>
            {organisations.isPending ? 'Chargement des structures…' : 'Choisir une structure'}
          </option>
          {(organisations.data?.items ?? []).map((organisation) => (
            <option key={organisation.id} value={organisation.id}>
              {organisation.name}
            </option>
          ))}
        </Select>
      </div>
      <div className="fr-fieldset__element fr-fieldset__element--inline">
        <Select
          label="Rôle *"
          nativeSelectProps={roleProps}
          {...(roleError ? { state: 'error' as const, stateRelatedMessage: roleError } : {})}
        >
          <option value="" disabled>
            Choisir un rôle
          </option>
          {roles.map((role: Role) => (
            <option key={role} value={role}>
              {roleLabels[role]}
            </option>
          ))}
        </Select>
      </div>
    </>
  );
}
