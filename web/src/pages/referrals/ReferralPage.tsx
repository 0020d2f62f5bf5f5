import { Button } from '@codegouvfr/react-dsfr/Button';
import { liveReferralStatuses } from '@spie/contract/referrals';
import { useState } from 'react';
import { Link, useLocation, useParams } from 'react-router';
import { ApiErrorAlert } from '../../components/ApiErrorAlert';
import { formatDateTime } from '../../components/formatDate';
import { Loading } from '../../components/Loading';
import { PageBreadcrumb } from '../../components/PageBreadcrumb';
import { PageHeading } from '../../components/PageHeading';
import { SuccessAlert } from '../../components/SuccessAlert';
import { useSession } from '../auth/auth.queries';
import { AttendanceForm } from './AttendanceForm';
import { ReferralActions } from './ReferralActions';
import { AttendanceTable, ReferralDetails, ReferralHistory } from './ReferralDetails';
import { ReferralStatusBadge } from './ReferralStatusBadge';
import { nextStepText } from './referralFormat';
import { useIssueLink, useRecordAttendance, useReferral, useReferralTransition } from './referrals.queries';
import './referrals.css';

/**
 * `/prescriptions/:id`: where the referral stands and what comes next, what it shares, its
 * history and hours of presence, and the steps the server allows to the viewer.
 */
export function ReferralPage() {
  const id = useParams().id ?? '';
  const { state } = useLocation();
  const referral = useReferral(id);
  const transition = useReferralTransition(id);
  const attendance = useRecordAttendance(id);
  const issueLink = useIssueLink(id);
  const organisationId = useSession().data?.activeMembership?.organisationId;
  const initial = (state as { referralMessage?: string } | null)?.referralMessage;
  const [success, setSuccess] = useState<{ message: string; n: number } | null>(
    initial ? { message: initial, n: 0 } : null,
  );
  const notify = (message: string) => setSuccess((last) => ({ message, n: (last?.n ?? 0) + 1 }));
  const data = referral.data;
  const title = data ? `Prescription — ${data.service.nom}` : 'Prescription';
  const receiver = data !== undefined && data.receivingOrganisation.id === organisationId;
  const mayIssueLink =
    data !== undefined &&
    !receiver &&
    data.receivingOrganisation.id === null &&
    liveReferralStatuses.includes(data.status);

  return (
    <>
      <PageBreadcrumb current={title} parents={[{ label: 'Prescriptions', to: '/prescriptions' }]} />
      <PageHeading title={title} />
      {referral.isPending && <Loading label="Chargement de la prescription…" />}
      <ApiErrorAlert error={referral.error} title="La prescription n’a pas pu être affichée" />
      {success && <SuccessAlert key={success.n} title={success.message} />}
      {data && (
        <div className="spie-referral">
          <p>
            Pour{' '}
            <Link to={`/personnes/${data.person.id}/prescriptions`}>
              {data.person.firstName} {data.person.lastName}
            </Link>{' '}
            — {data.service.structureNom}
          </p>
          <section aria-labelledby="referral-status" className="spie-referral__next">
            <h2 id="referral-status" className="fr-h5 fr-mb-1w">
              État : <ReferralStatusBadge status={data.status} />
            </h2>
            <p className="fr-mb-0">
              {nextStepText(data.status, receiver ? 'receiver' : 'team', data.receivingOrganisation.name)}
            </p>
            {data.status === 'envoyee' && data.expiresAt && (
              <p className="fr-mb-0 fr-mt-1w">
                Sans réponse, la prescription expirera le {formatDateTime(data.expiresAt)}.
              </p>
            )}
          </section>

          <ReferralActions
            referral={data}
            runner={{
              run: (body) => transition.mutateAsync(body),
              pending: transition.isPending,
              error: transition.error,
              reset: transition.reset,
            }}
            onDone={notify}
          />

          {mayIssueLink && (
            <section aria-labelledby="referral-link" className="spie-panel fr-mt-3w">
              <h2 id="referral-link" className="fr-h5">
                Lien de réponse pour la structure
              </h2>
              <p>
                {data.receivingOrganisation.name} n’a pas de compte sur la plateforme : elle répond par un
                lien reçu par e-mail, valable 8 jours. Un nouveau lien remplace le précédent.
              </p>
              <Button
                priority="secondary"
                disabled={issueLink.isPending}
                onClick={() => {
                  issueLink.reset();
                  issueLink.mutate(undefined, {
                    onSuccess: (result) =>
                      notify(
                        `Lien envoyé à ${result.sentTo}. Il est valable jusqu’au ${formatDateTime(result.expiresAt)}.`,
                      ),
                  });
                }}
              >
                {issueLink.isPending ? 'Envoi…' : 'Envoyer le lien à la structure'}
              </Button>
              {issueLink.data && (
                <p className="fr-mt-2w fr-mb-0">
                  Dernier lien envoyé à <strong>{issueLink.data.sentTo}</strong>, valable jusqu’au{' '}
                  {formatDateTime(issueLink.data.expiresAt)}.
                </p>
              )}
              <ApiErrorAlert error={issueLink.error} title="Le lien n’a pas été envoyé" />
            </section>
          )}

          <ReferralDetails referral={data} />

          <section aria-labelledby="referral-attendance" className="spie-referral__section">
            <h2 id="referral-attendance" className="fr-h5">
              Heures de présence
            </h2>
            <p className="fr-text--sm">
              Les heures notées par la structure comptent dans l’activité de la semaine du contrat de la
              personne.
            </p>
            <AttendanceTable referral={data} />
            {data.canRecordAttendance && (
              <AttendanceForm
                referral={data}
                runner={{
                  run: (body) => attendance.mutateAsync(body),
                  pending: attendance.isPending,
                  error: attendance.error,
                }}
                onDone={notify}
              />
            )}
          </section>

          <section aria-labelledby="referral-history" className="spie-referral__section">
            <h2 id="referral-history" className="fr-h5">
              Historique
            </h2>
            <ReferralHistory referral={data} />
          </section>
        </div>
      )}
    </>
  );
}
