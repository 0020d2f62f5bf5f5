import { Button } from '@codegouvfr/react-dsfr/Button';
import { RadioButtons } from '@codegouvfr/react-dsfr/RadioButtons';
import { useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useParams } from 'react-router';
import { isApiError } from '../../api';
import { Loading } from '../../components/Loading';
import { useDocumentTitle } from '../../components/PageHeading';
import { PublicErrorAlert } from '../signature/PublicErrorAlert';
import { StepHeading } from '../signature/StepHeading';
import { dayInWords, telHref } from '../signature/signatureFormat';
import {
  invitationKey,
  type PublicInvitation,
  useAskCallback,
  useBookSlot,
  usePublicInvitation,
} from './invitation.queries';
import {
  type CallbackTime,
  callbackSentence,
  callbackTimeLabels,
  callbackTimes,
  normalizeToken,
  slotHintLines,
  slotLabel,
  slotPlaceInWords,
} from './invitationFormat';
import './invitation.css';

/** What the person just did on this page (kept while the answer is shown). */
type Done = { kind: 'creneau' } | { kind: 'rappel'; time: CallbackTime };

/**
 * `/rdv/:token` — the link (or the code of the letter) received by a person invited by a
 * campaign, without an account: choose one of the proposed appointments, or ask to be called back.
 * Large text, one question at a time; the confirmation takes the focus on its title.
 */
export function PublicInvitationPage() {
  const token = normalizeToken(useParams().token ?? '');
  const invitation = usePublicInvitation(token);
  const client = useQueryClient();
  const [done, setDone] = useState<Done | null>(null);
  const answered = (what: Done, answer: PublicInvitation) => {
    setDone(what);
    client.setQueryData(invitationKey(token ?? ''), answer);
  };

  return <div className="spie-invitation">{content()}</div>;

  function content() {
    if (token === null) return <UnknownLinkPage />;
    if (invitation.isPending) return <PendingTitle />;
    if (invitation.isError) {
      const status = isApiError(invitation.error) ? invitation.error.status : 0;
      if (status === 404 || status === 400) return <UnknownLinkPage />;
      return <LoadError error={invitation.error} />;
    }
    const data = invitation.data;
    if (data.state === 'repondue') return <AnsweredPage invitation={data} done={done} />;
    if (data.state === 'expiree') return <ExpiredPage invitation={data} />;
    return (
      <ChoicePage
        token={token}
        invitation={data}
        onDone={answered}
        onRefused={() => void invitation.refetch()}
      />
    );
  }
}

function ChoicePage({
  token,
  invitation,
  onDone,
  onRefused,
}: {
  token: string;
  invitation: PublicInvitation;
  onDone: (done: Done, answer: PublicInvitation) => void;
  onRefused: () => void;
}) {
  const book = useBookSlot(token);
  const callback = useAskCallback(token);
  const [slotId, setSlotId] = useState<string | null>(null);
  const [slotError, setSlotError] = useState<string | null>(null);
  const [time, setTime] = useState<CallbackTime>('indifferent');
  const open = invitation.slots.filter((slot) => slot.placesLeft > 0);
  const title = invitation.firstName
    ? `Bonjour ${invitation.firstName}, vous êtes invité·e à un rendez-vous`
    : 'Bonjour, vous êtes invité·e à un rendez-vous';

  const choose = (event: FormEvent) => {
    event.preventDefault();
    callback.reset();
    if (!slotId) {
      setSlotError('Choisissez un rendez-vous dans la liste.');
      document.querySelector<HTMLInputElement>('input[name="invitation-slot"]:not(:disabled)')?.focus();
      return;
    }
    setSlotError(null);
    book.mutate(slotId, {
      onSuccess: (answer) => onDone({ kind: 'creneau' }, answer),
      onError: () => {
        setSlotId(null);
        onRefused();
      },
    });
  };

  const askCallback = (event: FormEvent) => {
    event.preventDefault();
    book.reset();
    callback.mutate(time, {
      onSuccess: (answer) => onDone({ kind: 'rappel', time }, answer),
      onError: () => onRefused(),
    });
  };

  return (
    <>
      <StepHeading title={title} focus={false} />
      <p>
        <strong>{invitation.organisationName}</strong> vous propose un rendez-vous (
        {invitation.appointmentTypeLabel}).
      </p>
      <p>Vous pouvez répondre jusqu’au {dayInWords(invitation.expiresOn)}.</p>

      <section aria-labelledby="invitation-choose" className="spie-invitation__section">
        <h2 id="invitation-choose">Choisir un rendez-vous</h2>
        {open.length === 0 ? (
          <p>
            Il n’y a plus de place sur les rendez-vous proposés.
            {invitation.allowCallback
              ? ' Demandez à être rappelé·e, plus bas sur cette page.'
              : ` Appelez ${invitation.contact.organisationName} pour avoir un rendez-vous.`}
          </p>
        ) : (
          <form noValidate onSubmit={choose}>
            <PublicErrorAlert error={book.error} title="Ce rendez-vous n’a pas pu être réservé" />
            <RadioButtons
              className="spie-invitation__slots"
              legend="Quel moment vous convient ?"
              name="invitation-slot"
              options={invitation.slots.map((slot) => ({
                label: slotLabel(slot),
                hintText: (
                  <>
                    {slotHintLines(slot).map((line) => (
                      <span key={line} className="spie-block">
                        {line}
                      </span>
                    ))}
                  </>
                ),
                nativeInputProps: {
                  value: slot.id,
                  checked: slotId === slot.id,
                  disabled: slot.placesLeft <= 0,
                  onChange: () => {
                    setSlotId(slot.id);
                    setSlotError(null);
                  },
                },
              }))}
              {...(slotError ? { state: 'error' as const, stateRelatedMessage: slotError } : {})}
            />
            <Button type="submit" size="large" disabled={book.isPending}>
              {book.isPending ? 'Envoi en cours…' : 'Je choisis ce rendez-vous'}
            </Button>
          </form>
        )}
      </section>

      {invitation.allowCallback && (
        <section aria-labelledby="invitation-callback" className="spie-invitation__section">
          <h2 id="invitation-callback">Aucun horaire ne me convient</h2>
          <p>Vous pouvez demander à être rappelé·e pour trouver un autre moment.</p>
          <form noValidate onSubmit={askCallback}>
            <PublicErrorAlert error={callback.error} title="Votre demande n’a pas pu être envoyée" />
            <RadioButtons
              legend="Quand préférez-vous être appelé·e ?"
              name="invitation-callback-time"
              options={callbackTimes.map((value) => ({
                label: callbackTimeLabels[value],
                nativeInputProps: { value, checked: time === value, onChange: () => setTime(value) },
              }))}
            />
            <Button type="submit" size="large" priority="secondary" disabled={callback.isPending}>
              {callback.isPending ? 'Envoi en cours…' : 'Je veux être rappelé·e'}
            </Button>
          </form>
        </section>
      )}

      <ContactBlock invitation={invitation} title="Une question ?" />
    </>
  );
}

/** Answered: just now on this page (the title takes the focus) or earlier with this link. */
function AnsweredPage({ invitation, done }: { invitation: PublicInvitation; done: Done | null }) {
  const answer = invitation.answer;
  const now = done !== null;
  if (answer?.kind === 'rappel') {
    return (
      <>
        <StepHeading
          title={now ? 'C’est noté : nous allons vous rappeler' : 'Vous avez déjà répondu'}
          focus={now}
        />
        {!now && <p>Vous avez demandé à être rappelé·e.</p>}
        <p>{callbackSentence(invitation.organisationName, done?.kind === 'rappel' ? done.time : null)}</p>
        <p>Gardez votre téléphone près de vous. Vous pouvez fermer cette page.</p>
        <ContactBlock invitation={invitation} title="Vous voulez appeler vous-même ?" />
      </>
    );
  }
  return (
    <>
      <StepHeading
        title={now ? 'Votre rendez-vous est réservé' : 'Vous avez déjà choisi votre rendez-vous'}
        focus={now}
      />
      {answer?.startsAtLocal ? (
        <div className="spie-invitation__appointment">
          <p className="fr-mb-1w">Votre rendez-vous avec {invitation.organisationName} :</p>
          <p className="spie-invitation__when">{slotLabel({ startsAtLocal: answer.startsAtLocal })}</p>
          {answer.address && (
            <p className="fr-mb-0">{slotPlaceInWords({ mode: 'sur_place', address: answer.address })}</p>
          )}
        </div>
      ) : (
        <p>Votre réponse est enregistrée.</p>
      )}
      <p>Notez-le dans votre agenda ou sur un papier. Vous allez aussi recevoir une confirmation.</p>
      <ContactBlock invitation={invitation} title="Vous ne pouvez pas venir ?" lead="Prévenez" />
    </>
  );
}

function ExpiredPage({ invitation }: { invitation: PublicInvitation }) {
  return (
    <>
      <StepHeading title="Cette invitation a expiré" focus={false} />
      <p>Il fallait répondre avant le {dayInWords(invitation.expiresOn)}. Ce lien ne marche plus.</p>
      <p>Vous pouvez quand même avoir un rendez-vous : appelez {invitation.contact.organisationName}.</p>
      <ContactBlock invitation={invitation} title="Qui appeler ?" />
    </>
  );
}

/** The link is unknown (mistyped, cut, or a wrong code). */
function UnknownLinkPage() {
  return (
    <>
      <StepHeading title="Ce lien ne marche pas" focus={false} />
      <p>
        Le lien est peut-être incomplet. Vérifiez que vous avez ouvert le lien en entier, tel que vous l’avez
        reçu. Si vous avez tapé le code d’un courrier, vérifiez chaque lettre et chaque chiffre.
      </p>
      <p>
        Si cela ne marche toujours pas, appelez la structure qui vous a écrit : son numéro de téléphone est
        sur le message ou sur le courrier.
      </p>
    </>
  );
}

/** Who to call: the organisation and its phone number. */
function ContactBlock({
  invitation,
  title,
  lead = 'Appelez',
}: {
  invitation: PublicInvitation;
  title: string;
  lead?: string;
}) {
  const { organisationName, phone } = invitation.contact;
  return (
    <div className="spie-invitation__contact">
      <h2 className="fr-h5 fr-mb-1w">{title}</h2>
      {phone ? (
        <p className="fr-mb-0">
          {lead} {organisationName} au <a href={telHref(phone)}>{phone}</a>.
        </p>
      ) : (
        <p className="fr-mb-0">
          {lead} {organisationName}, ou passez à l’accueil.
        </p>
      )}
    </div>
  );
}

function PendingTitle() {
  useDocumentTitle('Votre invitation');
  return <Loading label="Chargement de votre invitation…" />;
}

function LoadError({ error }: { error: unknown }) {
  useDocumentTitle('Votre invitation');
  return (
    <>
      <h1 tabIndex={-1} className="spie-page-heading">
        Votre invitation
      </h1>
      <PublicErrorAlert error={error} title="La page n’a pas pu être chargée" />
      <p>Rechargez la page dans quelques instants.</p>
    </>
  );
}
