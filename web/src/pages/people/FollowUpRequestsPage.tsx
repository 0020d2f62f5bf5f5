import { Badge } from '@codegouvfr/react-dsfr/Badge';
import { Button } from '@codegouvfr/react-dsfr/Button';
import { Input } from '@codegouvfr/react-dsfr/Input';
import { teamRoleLabels } from '@spie/contract/people';
import { organisationKindLabels } from '@spie/contract/territories';
import { useState } from 'react';
import { Link } from 'react-router';
import { ApiErrorAlert } from '../../components/ApiErrorAlert';
import { Loading } from '../../components/Loading';
import { PageBreadcrumb } from '../../components/PageBreadcrumb';
import { PageHeading } from '../../components/PageHeading';
import { SuccessAlert } from '../../components/SuccessAlert';
import { useAnswerFollowUp, usePendingFollowUps } from './people.queries';
import { formatDay } from './peopleFormat';

type Pending = NonNullable<ReturnType<typeof usePendingFollowUps>['data']>['items'][number];

/** Invitations addressed to me and requests to join the teams I belong to. */
export function FollowUpRequestsPage() {
  const pending = usePendingFollowUps();
  const [success, setSuccess] = useState<string | null>(null);
  const items = pending.data?.items ?? [];
  const invitations = items.filter((item) => item.direction === 'invitation');
  const requests = items.filter((item) => item.direction === 'request');

  return (
    <>
      <PageBreadcrumb
        current="Demandes d’équipe"
        parents={[{ label: 'Personnes accompagnées', to: '/personnes' }]}
      />
      <PageHeading title="Demandes d’équipe" />
      <p>
        Les invitations à rejoindre l’équipe d’une personne, et les demandes de professionnels qui souhaitent
        rejoindre une équipe dont vous faites partie.
      </p>
      {pending.isPending && <Loading />}
      <ApiErrorAlert error={pending.error} title="Les demandes n’ont pas pu être chargées" />
      {success && <SuccessAlert key={success + items.length} title={success} />}
      {pending.data && (
        <>
          <section aria-labelledby="invitations-title" className="fr-mb-6w">
            <h2 id="invitations-title" className="fr-h4">
              Invitations reçues
            </h2>
            {invitations.length === 0 ? (
              <p className="spie-empty-state">Aucune invitation en attente.</p>
            ) : (
              <ul className="spie-plain-list">
                {invitations.map((item) => (
                  <PendingItem key={item.followUpId} item={item} onAnswered={setSuccess} />
                ))}
              </ul>
            )}
          </section>
          <section aria-labelledby="requests-title">
            <h2 id="requests-title" className="fr-h4">
              Demandes pour rejoindre vos équipes
            </h2>
            {requests.length === 0 ? (
              <p className="spie-empty-state">Aucune demande en attente.</p>
            ) : (
              <ul className="spie-plain-list">
                {requests.map((item) => (
                  <PendingItem key={item.followUpId} item={item} onAnswered={setSuccess} />
                ))}
              </ul>
            )}
          </section>
        </>
      )}
    </>
  );
}

function PendingItem({ item, onAnswered }: { item: Pending; onAnswered: (message: string) => void }) {
  const answer = useAnswerFollowUp();
  const [reason, setReason] = useState('');
  const person = item.personName ?? 'une personne';
  const who = item.professionalName ?? item.organisationName;

  const respond = (accept: boolean) =>
    answer.mutate(
      { followUpId: item.followUpId, accept, reason: reason.trim() || undefined },
      {
        onSuccess: () =>
          onAnswered(
            item.direction === 'invitation'
              ? accept
                ? `Vous avez rejoint l’équipe de ${person}.`
                : `Vous avez refusé l’invitation pour ${person}.`
              : accept
                ? `${who} a rejoint l’équipe de ${person}.`
                : `La demande de ${who} est refusée.`,
          ),
      },
    );

  return (
    <li className="spie-member">
      <h3 className="fr-h6 fr-mb-1v">
        {item.direction === 'invitation' ? 'Invitation' : 'Demande'} pour{' '}
        {item.personName ? <Link to={`/personnes/${item.personId}`}>{item.personName}</Link> : 'une personne'}
      </h3>
      <p className="fr-text--sm fr-mb-1v">
        {item.direction === 'request' ? 'De' : 'Pour'} :{' '}
        <strong>{item.professionalName ?? 'Professionnel·le non nommé·e'}</strong> — {item.organisationName} (
        {organisationKindLabels[item.organisationKind]}) <Badge small>{teamRoleLabels[item.role]}</Badge>
        {item.startedAt && <span className="spie-block">Le {formatDay(item.startedAt)}</span>}
        {item.reason && <span className="spie-block">Motif : « {item.reason} »</span>}
      </p>
      <ApiErrorAlert error={answer.error} title="La réponse n’a pas été enregistrée" />
      <Input
        label="Message avec votre réponse (facultatif)"
        hintText="Par exemple la raison d’un refus. 500 caractères au plus."
        nativeInputProps={{ value: reason, maxLength: 500, onChange: (e) => setReason(e.target.value) }}
      />
      <ul className="fr-btns-group fr-btns-group--inline-sm">
        <li>
          <Button disabled={answer.isPending} iconId="fr-icon-check-line" onClick={() => respond(true)}>
            Accepter
            <span className="fr-sr-only">
              {' '}
              ({who}, {person})
            </span>
          </Button>
        </li>
        <li>
          <Button
            disabled={answer.isPending}
            priority="secondary"
            iconId="fr-icon-close-line"
            onClick={() => respond(false)}
          >
            Refuser
            <span className="fr-sr-only">
              {' '}
              ({who}, {person})
            </span>
          </Button>
        </li>
      </ul>
    </li>
  );
}
