import { Badge } from '@codegouvfr/react-dsfr/Badge';
import { Button } from '@codegouvfr/react-dsfr/Button';
import { Input } from '@codegouvfr/react-dsfr/Input';
import { Select } from '@codegouvfr/react-dsfr/Select';
import { followUpStatusLabels, type TeamMember, teamRoleLabels } from '@spie/contract/people';
import { organisationKindLabels } from '@spie/contract/territories';
import { useEffect, useRef, useState } from 'react';
import { Link } from 'react-router';
import { ApiErrorAlert } from '../../components/ApiErrorAlert';
import { Loading } from '../../components/Loading';
import { SuccessAlert } from '../../components/SuccessAlert';
import { useSession } from '../auth/auth.queries';
import { usePersonContext } from './PersonLayout';
import { useDesignateReferent, useLeaveTeam, useOrganisationAccounts, useTeam } from './people.queries';
import { formatDay } from './peopleFormat';
import { TeamInviteForm } from './TeamInviteForm';

const roleSeverity = { referent: 'success', co_referent: 'info', intervenant: 'new' } as const;

export function TeamTab() {
  const { person } = usePersonContext();
  const session = useSession().data;
  const me = session?.account?.id;
  const membership = session?.activeMembership;
  const isManager = membership?.role === 'structure_manager';
  const team = useTeam(person.id);
  // The counter remounts the alert (and moves the focus to it) even when a message repeats.
  const [success, setSuccess] = useState<{ message: string; n: number } | null>(null);
  const showSuccess = (message: string) => setSuccess((last) => ({ message, n: (last?.n ?? 0) + 1 }));
  const [ending, setEnding] = useState<TeamMember | null>(null);
  const items = team.data?.items ?? person.team;
  const current = items.filter((member) => member.status === 'active');
  const pending = items.filter((member) => member.status === 'requested' || member.status === 'invited');
  const past = items.filter((member) => member.status === 'declined' || member.status === 'ended');
  // Mirrors the server's `mayManageTeam`: (co-)référent·e, or manager of a following organisation.
  const mayManageTeam =
    person.myRole === 'referent' ||
    person.myRole === 'co_referent' ||
    (isManager && current.some((member) => member.organisationId === membership?.organisationId));
  const mayEnd = (member: TeamMember) =>
    member.accountId === me || (isManager && member.organisationId === membership?.organisationId);

  return (
    <>
      <h2>Équipe</h2>
      <p>
        Les professionnels qui accompagnent la personne. Le ou la référent·e unique est responsable de son
        parcours.
      </p>
      {team.isPending && <Loading />}
      <ApiErrorAlert error={team.error} title="L’équipe n’a pas pu être chargée" />
      {success && <SuccessAlert key={success.n} title={success.message} />}

      <h3 className="fr-h5">Membres actuels</h3>
      {current.length === 0 ? (
        <p className="spie-empty-state">Personne n’accompagne cette personne pour le moment.</p>
      ) : (
        <ul className="spie-plain-list">
          {current.map((member) => (
            <li key={member.followUpId} className="spie-member">
              <MemberText member={member} isMe={member.accountId === me} />
              {mayEnd(member) && !ending && (
                <Button
                  size="small"
                  priority="secondary"
                  className="fr-mt-1w"
                  onClick={() => {
                    setSuccess(null);
                    setEnding(member);
                  }}
                >
                  {member.accountId === me ? 'Quitter l’équipe' : 'Mettre fin à ce suivi'}
                  {member.accountId !== me && (
                    <span className="fr-sr-only">
                      {' '}
                      de {member.professionalName ?? member.organisationName}
                    </span>
                  )}
                </Button>
              )}
              {ending?.followUpId === member.followUpId && (
                <EndFollowUpForm
                  personId={person.id}
                  member={member}
                  isMe={member.accountId === me}
                  onDone={(message) => {
                    setEnding(null);
                    if (message) showSuccess(message);
                  }}
                />
              )}
            </li>
          ))}
        </ul>
      )}

      {pending.length > 0 && (
        <>
          <h3 className="fr-h5 fr-mt-4w">En attente de réponse</h3>
          <ul className="spie-plain-list">
            {pending.map((member) => (
              <li key={member.followUpId} className="spie-member">
                <MemberText member={member} isMe={member.accountId === me} />
              </li>
            ))}
          </ul>
          <p className="fr-text--sm">
            Les réponses se donnent depuis la page <Link to="/equipes/demandes">Demandes d’équipe</Link>.
          </p>
        </>
      )}

      {isManager && membership && (
        <DesignateReferentForm
          personId={person.id}
          organisationId={membership.organisationId}
          organisationName={membership.organisationName}
          onDone={showSuccess}
        />
      )}

      {mayManageTeam ? (
        <TeamInviteForm personId={person.id} team={items} onDone={showSuccess} />
      ) : (
        <>
          <h3 className="fr-h5 fr-mt-4w">Inviter un·e professionnel·le</h3>
          <p className="fr-text--sm">
            Seuls le ou la référent·e unique, les co-référent·es et les responsables des structures de
            l’équipe peuvent inviter un·e professionnel·le. Un·e professionnel·le peut aussi trouver la
            personne dans l’annuaire (page « Rechercher une personne ») et demander à rejoindre l’équipe.
          </p>
        </>
      )}

      {past.length > 0 && (
        <>
          <h3 className="fr-h5 fr-mt-4w">Anciens membres et demandes refusées</h3>
          <ul className="spie-plain-list">
            {past.map((member) => (
              <li key={member.followUpId} className="spie-member">
                <MemberText member={member} isMe={member.accountId === me} />
              </li>
            ))}
          </ul>
        </>
      )}
    </>
  );
}

function MemberText({ member, isMe }: { member: TeamMember; isMe: boolean }) {
  return (
    <>
      <p className="fr-mb-1v">
        <strong>{member.professionalName ?? 'Professionnel·le non nommé·e'}</strong>
        {isMe && ' (vous)'} — {member.organisationName} ({organisationKindLabels[member.organisationKind]}){' '}
        <Badge small severity={roleSeverity[member.role]}>
          {teamRoleLabels[member.role]}
        </Badge>{' '}
        {member.status !== 'active' && <Badge small>{followUpStatusLabels[member.status]}</Badge>}
      </p>
      <p className="fr-text--sm fr-mb-1v">
        {member.startedAt && <>Depuis le {formatDay(member.startedAt)}</>}
        {member.endedAt && <> — jusqu’au {formatDay(member.endedAt)}</>}
        {member.reason && <span className="spie-block">Motif : {member.reason}</span>}
        {(member.workEmail || member.workPhone) && (
          <span className="spie-block spie-break">
            {member.workEmail && <a href={`mailto:${member.workEmail}`}>{member.workEmail}</a>}
            {member.workEmail && member.workPhone && ' — '}
            {member.workPhone && <a href={`tel:${member.workPhone}`}>{member.workPhone}</a>}
          </span>
        )}
      </p>
    </>
  );
}

function EndFollowUpForm({
  personId,
  member,
  isMe,
  onDone,
}: {
  personId: string;
  member: TeamMember;
  isMe: boolean;
  onDone: (message: string | null) => void;
}) {
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | null>(null);
  const leave = useLeaveTeam(personId);
  const ref = useRef<HTMLTextAreaElement>(null);
  useEffect(() => ref.current?.focus(), []);

  return (
    <form
      noValidate
      className="spie-panel fr-mt-2w"
      aria-label={isMe ? 'Quitter l’équipe' : 'Mettre fin au suivi'}
      onSubmit={async (event) => {
        event.preventDefault();
        if (!reason.trim()) {
          setError('Indiquez un motif.');
          ref.current?.focus();
          return;
        }
        setError(null);
        try {
          await leave.mutateAsync({ followUpId: member.followUpId, reason: reason.trim() });
          onDone(isMe ? 'Vous avez quitté l’équipe.' : 'Le suivi a pris fin.');
        } catch {
          // Shown below.
        }
      }}
    >
      <ApiErrorAlert error={leave.error} title="La demande n’a pas abouti" />
      <Input
        textArea
        label="Motif *"
        hintText="Par exemple : « Fin de l’accompagnement, la personne a trouvé un emploi. » 500 caractères au plus."
        nativeTextAreaProps={{
          ref,
          rows: 3,
          maxLength: 500,
          value: reason,
          onChange: (e) => setReason(e.target.value),
        }}
        {...(error ? { state: 'error' as const, stateRelatedMessage: error } : {})}
      />
      <ul className="fr-btns-group fr-btns-group--inline-sm">
        <li>
          <Button type="submit" disabled={leave.isPending}>
            {isMe ? 'Quitter l’équipe' : 'Mettre fin au suivi'}
          </Button>
        </li>
        <li>
          <Button type="button" priority="secondary" onClick={() => onDone(null)}>
            Annuler
          </Button>
        </li>
      </ul>
    </form>
  );
}

function DesignateReferentForm({
  personId,
  organisationId,
  organisationName,
  onDone,
}: {
  personId: string;
  organisationId: string;
  organisationName: string;
  onDone: (message: string) => void;
}) {
  const accounts = useOrganisationAccounts(organisationId, true);
  const designate = useDesignateReferent(personId);
  const [accountId, setAccountId] = useState('');
  const [reason, setReason] = useState('');
  const [errors, setErrors] = useState<{ accountId?: string; reason?: string }>({});
  const choices = (accounts.data?.items ?? []).filter(
    (account) =>
      account.active &&
      account.memberships.some(
        (m) =>
          m.organisationId === organisationId &&
          m.active &&
          (m.role === 'professional' || m.role === 'social_worker' || m.role === 'structure_manager'),
      ),
  );

  return (
    <form
      noValidate
      className="fr-mt-4w"
      aria-labelledby="designate-title"
      onSubmit={async (event) => {
        event.preventDefault();
        const next: typeof errors = {};
        if (!accountId) next.accountId = 'Choisissez le ou la professionnel·le.';
        if (!reason.trim()) next.reason = 'Indiquez un motif.';
        setErrors(next);
        if (next.accountId || next.reason) {
          document.getElementById(next.accountId ? 'designate-account' : 'designate-reason')?.focus();
          return;
        }
        try {
          await designate.mutateAsync({ accountId, organisationId, reason: reason.trim() });
          setAccountId('');
          setReason('');
          onDone('Le ou la référent·e unique est désigné·e.');
        } catch {
          // Shown below.
        }
      }}
    >
      <h3 id="designate-title" className="fr-h5">
        Désigner le ou la référent·e unique
      </h3>
      <p className="fr-text--sm">Parmi les professionnels de {organisationName}.</p>
      <ApiErrorAlert
        error={accounts.error}
        title="Les professionnels de la structure n’ont pas pu être chargés"
      />
      <ApiErrorAlert error={designate.error} title="La désignation n’a pas abouti" />
      <Select
        label="Professionnel·le *"
        nativeSelectProps={{
          id: 'designate-account',
          value: accountId,
          onChange: (e) => setAccountId(e.target.value),
        }}
        {...(errors.accountId ? { state: 'error' as const, stateRelatedMessage: errors.accountId } : {})}
      >
        <option value="">{accounts.isPending ? 'Chargement…' : 'Choisir un·e professionnel·le'}</option>
        {choices.map((account) => (
          <option key={account.id} value={account.id}>
            {account.firstName} {account.lastName}
          </option>
        ))}
      </Select>
      <Input
        textArea
        label="Motif *"
        hintText="Par exemple : « Affectation après orientation. » 500 caractères au plus."
        nativeTextAreaProps={{
          id: 'designate-reason',
          rows: 2,
          maxLength: 500,
          value: reason,
          onChange: (e) => setReason(e.target.value),
        }}
        {...(errors.reason ? { state: 'error' as const, stateRelatedMessage: errors.reason } : {})}
      />
      <Button type="submit" priority="secondary" disabled={designate.isPending}>
        Désigner
      </Button>
    </form>
  );
}
