import { Alert } from '@codegouvfr/react-dsfr/Alert';
import { Button } from '@codegouvfr/react-dsfr/Button';
import { Input } from '@codegouvfr/react-dsfr/Input';
import { RadioButtons } from '@codegouvfr/react-dsfr/RadioButtons';
import { Select } from '@codegouvfr/react-dsfr/Select';
import { zodResolver } from '@hookform/resolvers/zod';
import type { FieldError } from '@spie/contract';
import { type TeamMember, teamRoleLabels } from '@spie/contract/people';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { z } from 'zod';
import { isApiError } from '../../api';
import { ApiErrorAlert } from '../../components/ApiErrorAlert';
import { FieldErrorList } from '../../components/FieldErrorList';
import { fieldState } from '../../components/fieldState';
import { applyServerFieldErrors } from '../../components/serverFieldErrors';
import { useInviteToTeam, useOrganisationChoices, useOrganisationProfessionals } from './people.queries';

const invitableRoles = ['co_referent', 'intervenant'] as const;

/** The form's own rules, in French; the server checks them again (and more) on `inviteToTeam`. */
const inviteForm = z.object({
  organisationId: z.string().min(1, 'Choisissez la structure du ou de la professionnel·le.'),
  accountId: z.string().min(1, 'Choisissez le ou la professionnel·le à inviter.'),
  role: z.enum(invitableRoles, { message: 'Choisissez le rôle dans l’équipe.' }),
  reason: z.string().trim().min(1, 'Indiquez un motif.').max(500, 'Motif : 500 caractères au plus.'),
});
type InviteForm = z.infer<typeof inviteForm>;

const formPaths = ['organisationId', 'accountId', 'role', 'reason'] as const;
const empty: InviteForm = { organisationId: '', accountId: '', role: 'intervenant', reason: '' };

const pendingLabel: Partial<Record<TeamMember['status'], string>> = {
  active: 'déjà dans l’équipe',
  invited: 'invitation en attente',
  requested: 'demande en attente',
};

/**
 * Invites a professional (of any organisation of the territory) into the person's team, as
 * co-référent·e or intervenant·e. Offered to those who may manage the team; the invitee accepts
 * or declines from « Demandes d’équipe ».
 */
export function TeamInviteForm({
  personId,
  team,
  onDone,
}: {
  personId: string;
  team: TeamMember[];
  onDone: (message: string) => void;
}) {
  const form = useForm<InviteForm>({ resolver: zodResolver(inviteForm), defaultValues: empty });
  const { register, formState, watch, setValue, setError, reset } = form;
  const errors = formState.errors;
  const organisationId = watch('organisationId');
  const organisations = useOrganisationChoices();
  const professionals = useOrganisationProfessionals(organisationId || undefined);
  const invite = useInviteToTeam(personId);
  const [unmatched, setUnmatched] = useState<FieldError[]>([]);
  const choices = professionals.data?.items ?? [];
  const organisationName = (id: string) =>
    organisations.data?.items.find((organisation) => organisation.id === id)?.name;
  const statusOf = (accountId: string) =>
    team.find(
      (member) =>
        member.accountId === accountId &&
        member.organisationId === organisationId &&
        pendingLabel[member.status] !== undefined,
    )?.status;

  const submit = form.handleSubmit(async (values) => {
    setUnmatched([]);
    try {
      await invite.mutateAsync(values);
      const professional = choices.find((p) => p.accountId === values.accountId);
      const who = professional ? `${professional.firstName} ${professional.lastName}` : 'la personne choisie';
      const where = organisationName(values.organisationId);
      reset(empty);
      onDone(`Invitation envoyée à ${who}${where ? ` (${where})` : ''}.`);
    } catch (error) {
      setUnmatched(applyServerFieldErrors(error, setError, formPaths));
    }
  });

  const failure = invite.error;
  const isConflict = isApiError(failure) && failure.status === 409;
  const organisationField = register('organisationId', {
    onChange: () => setValue('accountId', '', { shouldValidate: formState.isSubmitted }),
  });

  return (
    <form noValidate onSubmit={submit} className="fr-mt-4w" aria-labelledby="invite-title">
      <h3 id="invite-title" className="fr-h5">
        Inviter un·e professionnel·le
      </h3>
      <p className="fr-text--sm">
        La personne invitée rejoint l’équipe quand elle accepte l’invitation, depuis sa page « Demandes
        d’équipe ». Elle reçoit un courriel qui ne nomme pas la personne accompagnée.
      </p>
      <p className="fr-text--sm">Les champs marqués d’un astérisque (*) sont obligatoires.</p>
      {isConflict ? (
        <Alert
          className="fr-mb-3w"
          severity="error"
          role="alert"
          title="L’invitation n’a pas été envoyée"
          description={failure.message}
        />
      ) : (
        <ApiErrorAlert error={failure} title="L’invitation n’a pas été envoyée" />
      )}
      <FieldErrorList fields={unmatched} />
      <ApiErrorAlert error={organisations.error} title="Les structures n’ont pas pu être chargées" />
      <Select
        label="Structure *"
        hint="La structure dans laquelle la personne invitée accompagnera."
        nativeSelectProps={{ ...organisationField, id: 'invite-organisation', required: true }}
        {...fieldState(errors.organisationId)}
      >
        <option value="">{organisations.isPending ? 'Chargement…' : 'Choisir une structure'}</option>
        {(organisations.data?.items ?? []).map((organisation) => (
          <option key={organisation.id} value={organisation.id}>
            {organisation.name}
          </option>
        ))}
      </Select>
      <Select
        label="Professionnel·le *"
        hint={organisationId ? undefined : 'Choisissez d’abord la structure.'}
        nativeSelectProps={{ ...register('accountId'), id: 'invite-account', required: true }}
        {...(professionals.error
          ? {
              state: 'error' as const,
              stateRelatedMessage: isApiError(professionals.error)
                ? professionals.error.message
                : 'Les professionnels de cette structure n’ont pas pu être chargés.',
            }
          : fieldState(errors.accountId))}
      >
        <option value="">
          {!organisationId
            ? 'Choisir d’abord une structure'
            : professionals.isPending
              ? 'Chargement…'
              : professionals.error
                ? 'Aucun·e professionnel·le affiché·e'
                : choices.length === 0
                  ? 'Aucun·e professionnel·le dans cette structure'
                  : 'Choisir un·e professionnel·le'}
        </option>
        {choices.map((professional) => {
          const status = statusOf(professional.accountId);
          return (
            <option key={professional.accountId} value={professional.accountId}>
              {professional.firstName} {professional.lastName} — {professional.workEmail}
              {status ? ` (${pendingLabel[status]})` : ''}
            </option>
          );
        })}
      </Select>
      <RadioButtons
        legend="Rôle dans l’équipe *"
        orientation="horizontal"
        options={invitableRoles.map((role) => ({
          label: teamRoleLabels[role],
          nativeInputProps: { ...register('role'), value: role },
        }))}
        {...fieldState(errors.role)}
      />
      <Input
        textArea
        label="Motif *"
        hintText="Par exemple : « Accompagnement vers l’emploi proposé à la personne. » 500 caractères au plus."
        nativeTextAreaProps={{ ...register('reason'), id: 'invite-reason', rows: 3, maxLength: 500 }}
        {...fieldState(errors.reason)}
      />
      <Button type="submit" iconId="fr-icon-mail-line" disabled={formState.isSubmitting}>
        Envoyer l’invitation
      </Button>
    </form>
  );
}
