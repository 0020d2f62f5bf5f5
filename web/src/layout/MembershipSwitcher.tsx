import { Button } from '@codegouvfr/react-dsfr/Button';
import { type Membership, roleLabels } from '@spie/contract/territories';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { ApiErrorAlert } from '../components/ApiErrorAlert';
import { useChooseMembership } from '../pages/auth/auth.queries';

export function membershipLabel(membership: Membership): string {
  return `${membership.organisationName} — ${roleLabels[membership.role]}`;
}

/** Change the organisation and role one acts with; every cached answer is dropped, then home. */
export function MembershipSwitcher({
  memberships,
  activeId,
}: {
  memberships: Membership[];
  activeId: string;
}) {
  const [selected, setSelected] = useState(activeId);
  const choose = useChooseMembership();
  const navigate = useNavigate();

  return (
    <form
      className="spie-switcher"
      onSubmit={(event) => {
        event.preventDefault();
        if (selected === activeId) return;
        choose.mutate(selected, { onSuccess: () => navigate('/') });
      }}
    >
      <label className="fr-label fr-text--sm" htmlFor="membership-switcher">
        Changer de structure ou de rôle
      </label>
      <div className="spie-switcher__row">
        <select
          id="membership-switcher"
          className="fr-select"
          value={selected}
          onChange={(event) => setSelected(event.target.value)}
        >
          {memberships.map((membership) => (
            <option key={membership.id} value={membership.id}>
              {membershipLabel(membership)}
            </option>
          ))}
        </select>
        <Button type="submit" size="small" priority="secondary" disabled={choose.isPending}>
          Changer
        </Button>
      </div>
      {choose.isError && <ApiErrorAlert error={choose.error} title="Le changement n’a pas abouti" />}
    </form>
  );
}
