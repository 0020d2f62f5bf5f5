import { Button } from '@codegouvfr/react-dsfr/Button';
import { RadioButtons } from '@codegouvfr/react-dsfr/RadioButtons';
import { roleDescriptions, roleLabels } from '@spie/contract/territories';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { ApiErrorAlert } from '../../components/ApiErrorAlert';
import { PageHeading } from '../../components/PageHeading';
import { useChooseMembership, useSession } from './auth.queries';

/** A person with several memberships chooses the organisation and role to act with. */
export function ChooseMembershipPage() {
  const session = useSession().data;
  const memberships = session?.memberships ?? [];
  const [selected, setSelected] = useState(session?.activeMembership?.id ?? '');
  const [missing, setMissing] = useState(false);
  const choose = useChooseMembership();
  const navigate = useNavigate();

  return (
    <>
      <PageHeading title="Choisir votre structure" />
      <p>
        {session?.account ? `Bonjour ${session.account.firstName}. ` : ''}
        Vous travaillez pour plusieurs structures ou avec plusieurs rôles. Choisissez avec lequel vous voulez
        agir maintenant ; vous pourrez en changer à tout moment en haut de la page.
      </p>
      <ApiErrorAlert error={choose.error} title="Le choix n’a pas abouti" />
      {memberships.length === 0 ? (
        <p>
          Votre compte n’est rattaché à aucune structure active. Contactez l’administrateur de votre
          territoire.
        </p>
      ) : (
        <form
          onSubmit={(event) => {
            event.preventDefault();
            if (!selected) {
              setMissing(true);
              return;
            }
            choose.mutate(selected, { onSuccess: () => navigate('/') });
          }}
        >
          <RadioButtons
            legend="Structure et rôle"
            name="membership"
            state={missing ? 'error' : 'default'}
            stateRelatedMessage={missing ? 'Choisissez une structure pour continuer.' : undefined}
            options={memberships.map((membership) => ({
              label: `${membership.organisationName} — ${roleLabels[membership.role]}`,
              hintText: `${membership.territoryName}. ${roleDescriptions[membership.role]}`,
              nativeInputProps: {
                value: membership.id,
                checked: selected === membership.id,
                onChange: () => {
                  setSelected(membership.id);
                  setMissing(false);
                },
              },
            }))}
          />
          <Button type="submit" disabled={choose.isPending}>
            Continuer
          </Button>
        </form>
      )}
    </>
  );
}
