import { Button } from '@codegouvfr/react-dsfr/Button';
import { useEffect, useRef, useState } from 'react';
import { useParams } from 'react-router';
import { isApiError } from '../../api';
import { formatDateTime } from '../../components/formatDate';
import { Loading } from '../../components/Loading';
import { useDocumentTitle } from '../../components/PageHeading';
import { SuccessAlert } from '../../components/SuccessAlert';
import { PublicErrorAlert } from '../signature/PublicErrorAlert';
import { telHref } from '../signature/signatureFormat';
import { AttendanceForm } from './AttendanceForm';
import { ReferralActions } from './ReferralActions';
import { AttendanceTable, ReferralDetails, ReferralHistory } from './ReferralDetails';
import { ReferralStatusBadge } from './ReferralStatusBadge';
import { linkProblem, nextStepText } from './referralFormat';
import {
  usePublicAttendance,
  usePublicReferral,
  usePublicTransition,
  useRenewLink,
} from './referrals.queries';
import './referrals.css';

/**
 * `/prescription/:token`: the receiving structure without an account answers the referral and
 * follows it (entry, hours of presence, end) through the link it received by e-mail. It sees only
 * what the referral shares. A dead link says why and what to do.
 */
export function PublicReferralPage() {
  const token = useParams().token ?? '';
  const link = usePublicReferral(token);
  const transition = usePublicTransition(token);
  const attendance = usePublicAttendance(token);
  const [success, setSuccess] = useState<{ message: string; n: number } | null>(null);
  const notify = (message: string) => setSuccess((last) => ({ message, n: (last?.n ?? 0) + 1 }));
  // A refused step may mean the link died meanwhile: ask its state again.
  const onStepError = (error: unknown) => {
    if (isApiError(error) && error.code.startsWith('referral_link.')) void link.refetch();
  };

  return <div className="spie-referral-public">{content()}</div>;

  function content() {
    if (link.isPending) return <PendingTitle />;
    if (link.isError) {
      const problem = linkProblem(link.error);
      if (problem === 'other') return <LoadError error={link.error} />;
      return <DeadLinkPage token={token} problem={problem} />;
    }
    const { referral, contactOfSender, linkExpiresAt } = link.data;
    const name = `${referral.person.firstName} ${referral.person.lastName}`;
    return (
      <>
        <Heading title={`Prescription pour ${name}`} />
        <p>
          {contactOfSender.name} ({contactOfSender.organisation}) vous adresse {name} pour «{' '}
          {referral.service.nom} ».
        </p>
        {success && <SuccessAlert key={success.n} title={success.message} />}
        <section aria-labelledby="public-status" className="spie-referral__next">
          <h2 id="public-status" className="fr-h5 fr-mb-1w">
            État : <ReferralStatusBadge status={referral.status} />
          </h2>
          <p className="fr-mb-0">
            {nextStepText(referral.status, 'receiver', referral.receivingOrganisation.name)}
          </p>
        </section>
        <ReferralActions
          referral={referral}
          runner={{
            run: (body) => transition.mutateAsync(body, { onError: onStepError }),
            pending: transition.isPending,
            error: transition.error,
            reset: transition.reset,
          }}
          onDone={notify}
        />
        <ReferralDetails referral={referral} />
        {(referral.canRecordAttendance || referral.attendance.length > 0) && (
          <section aria-labelledby="public-attendance" className="spie-referral__section">
            <h2 id="public-attendance" className="fr-h5">
              Heures de présence
            </h2>
            <p>Notez chaque semaine les heures où la personne était présente.</p>
            <AttendanceTable referral={referral} />
            {referral.canRecordAttendance && (
              <AttendanceForm
                referral={referral}
                runner={{
                  run: (body) => attendance.mutateAsync(body, { onError: onStepError }),
                  pending: attendance.isPending,
                  error: attendance.error,
                }}
                onDone={notify}
              />
            )}
          </section>
        )}
        <section aria-labelledby="public-history" className="spie-referral__section">
          <h2 id="public-history" className="fr-h5">
            Historique
          </h2>
          <ReferralHistory referral={referral} />
        </section>
        <section aria-labelledby="public-contact" className="spie-referral__section">
          <h2 id="public-contact" className="fr-h5">
            Une question ?
          </h2>
          <p>
            Contactez {contactOfSender.name}, {contactOfSender.organisation}
            {contactOfSender.phone && (
              <>
                {' '}
                — téléphone : <a href={telHref(contactOfSender.phone)}>{contactOfSender.phone}</a>
              </>
            )}
            {contactOfSender.email && (
              <>
                {' '}
                — e-mail : <a href={`mailto:${contactOfSender.email}`}>{contactOfSender.email}</a>
              </>
            )}
            .
          </p>
          <p className="fr-text--sm">
            Ce lien marche jusqu’au {formatDateTime(linkExpiresAt)}. Ne le transmettez pas : il donne accès à
            cette prescription.
          </p>
        </section>
      </>
    );
  }
}

function Heading({ title, focus = false }: { title: string; focus?: boolean }) {
  const ref = useRef<HTMLHeadingElement>(null);
  useDocumentTitle(title);
  useEffect(() => {
    if (focus) ref.current?.focus();
  }, [focus]);
  return (
    <h1 ref={ref} tabIndex={-1} className="spie-page-heading">
      {title}
    </h1>
  );
}

function PendingTitle() {
  useDocumentTitle('Prescription');
  return <Loading label="Chargement de la prescription…" />;
}

function LoadError({ error }: { error: unknown }) {
  return (
    <>
      <Heading title="Prescription" />
      <PublicErrorAlert error={error} title="La page n’a pas pu être chargée" />
      <p>Rechargez la page dans quelques instants.</p>
    </>
  );
}

/** Expired, replaced or unknown link: say so plainly and what to do. */
function DeadLinkPage({ token, problem }: { token: string; problem: 'expired' | 'replaced' | 'unknown' }) {
  const renew = useRenewLink(token);
  if (renew.isSuccess) {
    return (
      <>
        <Heading title="Un nouveau lien vous a été envoyé" focus />
        <p>
          Nous avons envoyé un nouveau lien à l’adresse électronique de contact de votre structure, celle qui
          a reçu la prescription. Ouvrez ce nouveau lien pour répondre.
        </p>
        <p>Si vous ne le recevez pas, regardez dans les courriers indésirables.</p>
      </>
    );
  }
  if (problem === 'expired') {
    return (
      <>
        <Heading title="Ce lien a expiré" />
        <p>Ce lien n’est plus valable. Rien n’a été perdu : la prescription vous attend toujours.</p>
        <p>
          Demandez un nouveau lien : il sera envoyé à l’adresse électronique de contact de votre structure,
          celle qui a reçu le premier lien.
        </p>
        <PublicErrorAlert error={renew.error} title="Le nouveau lien n’a pas été envoyé" />
        <Button disabled={renew.isPending} onClick={() => renew.mutate()}>
          {renew.isPending ? 'Envoi…' : 'Recevoir un nouveau lien'}
        </Button>
      </>
    );
  }
  if (problem === 'replaced') {
    return (
      <>
        <Heading title="Ce lien a été remplacé" />
        <p>Un lien plus récent a été envoyé à votre structure. Ce lien-ci ne marche plus.</p>
        <p>
          Ouvrez le lien le plus récent, reçu par e-mail. Si vous ne le retrouvez pas, contactez la personne
          qui vous a adressé la prescription.
        </p>
      </>
    );
  }
  return (
    <>
      <Heading title="Ce lien n’existe pas" />
      <p>
        Le lien est peut-être incomplet. Vérifiez que vous avez ouvert le lien en entier, tel que vous l’avez
        reçu par e-mail.
      </p>
      <p>Si cela ne marche toujours pas, contactez la personne qui vous a adressé la prescription.</p>
    </>
  );
}
