import {
  type ReferralView,
  referralOutcomeLabels,
  referralStatusLabels,
  refusalReasonLabels,
  sharedItemLabels,
} from '@spie/contract/referrals';
import { DataTable } from '../../components/DataTable';
import { formatDateTime } from '../../components/formatDate';
import { formatDay } from '../people/peopleFormat';
import { formatHours, weekLabel } from './referralFormat';

/** What the referral says and shares: the same blocks for the team, the structure and the link holder. */
export function ReferralDetails({
  referral,
  headingLevel = 2,
}: {
  referral: ReferralView;
  headingLevel?: 2 | 3;
}) {
  const H = headingLevel === 2 ? 'h2' : 'h3';
  const data = referral.sharedData;
  const shares = (item: ReferralView['shared'][number]) => referral.shared.includes(item);
  return (
    <>
      <section aria-labelledby="referral-facts" className="spie-referral__section">
        <H id="referral-facts" className="fr-h5">
          La prescription
        </H>
        <dl className="spie-facts">
          <dt>Personne</dt>
          <dd>
            {referral.person.firstName} {referral.person.lastName}
          </dd>
          <dt>Offre</dt>
          <dd>
            {referral.service.nom} — {referral.service.structureNom}
          </dd>
          {referral.session && (
            <>
              <dt>Session</dt>
              <dd>
                {referral.session.label ?? 'Session'} (début le {formatDay(referral.session.startDate)})
              </dd>
            </>
          )}
          <dt>Envoyée par</dt>
          <dd>
            {referral.sender.name} — {referral.sender.organisation}, le {formatDay(referral.createdAt)}
          </dd>
          <dt>Structure qui reçoit la personne</dt>
          <dd>{referral.receivingOrganisation.name}</dd>
          {referral.entryDate && (
            <>
              <dt>Date d’entrée</dt>
              <dd>{formatDay(referral.entryDate)}</dd>
            </>
          )}
          {referral.endDate && (
            <>
              <dt>Date de fin</dt>
              <dd>
                {formatDay(referral.endDate)}
                {referral.outcome && <> — {referralOutcomeLabels[referral.outcome]}</>}
              </dd>
            </>
          )}
          {referral.refusalReason && (
            <>
              <dt>Motif du refus</dt>
              <dd>{refusalReasonLabels[referral.refusalReason]}</dd>
            </>
          )}
          {referral.statusNote && (
            <>
              <dt>Précision</dt>
              <dd>{referral.statusNote}</dd>
            </>
          )}
          {referral.waitingPosition !== null && (
            <>
              <dt>Place dans la liste d’attente</dt>
              <dd>{referral.waitingPosition}</dd>
            </>
          )}
        </dl>
      </section>

      <section aria-labelledby="referral-reason" className="spie-referral__section">
        <H id="referral-reason" className="fr-h5">
          Pourquoi cette orientation
        </H>
        <p className="spie-referral__text">{referral.reason}</p>
        {referral.needs.length > 0 && (
          <>
            <p className="fr-mb-1w">Besoins auxquels elle répond :</p>
            <ul>
              {referral.needs.map((need) => (
                <li key={need.theme}>{need.label}</li>
              ))}
            </ul>
          </>
        )}
      </section>

      <section aria-labelledby="referral-shared" className="spie-referral__section">
        <H id="referral-shared" className="fr-h5">
          Informations partagées avec l’accord de la personne
        </H>
        {referral.shared.length === 0 ? (
          <p>Seuls le nom, le prénom et le motif sont transmis.</p>
        ) : (
          <>
            <p className="fr-mb-1w">
              En plus du nom et du motif :{' '}
              {referral.shared.map((item) => sharedItemLabels[item].toLocaleLowerCase('fr-FR')).join(', ')}.
            </p>
            <dl className="spie-facts">
              {shares('coordonnees') && (
                <>
                  <dt>Téléphone</dt>
                  <dd>{data.phone ?? 'Non renseigné'}</dd>
                  <dt>Adresse électronique</dt>
                  <dd>{data.email ?? 'Non renseignée'}</dd>
                </>
              )}
              {shares('date_de_naissance') && (
                <>
                  <dt>Date de naissance</dt>
                  <dd>{formatDay(data.birthDate)}</dd>
                </>
              )}
              {shares('situation') && (
                <>
                  <dt>Situation</dt>
                  <dd>{data.situation.length > 0 ? data.situation.join(', ') : 'Rien de particulier'}</dd>
                </>
              )}
              {shares('documents') && (
                <>
                  <dt>Documents joints</dt>
                  <dd>
                    {data.documents.length === 0 ? (
                      'Aucun document'
                    ) : (
                      <ul className="spie-plain-list">
                        {data.documents.map((doc) => (
                          <li key={doc.id}>{doc.name}</li>
                        ))}
                      </ul>
                    )}
                  </dd>
                </>
              )}
            </dl>
          </>
        )}
      </section>
    </>
  );
}

/** Hours recorded per week, newest first. */
export function AttendanceTable({ referral }: { referral: ReferralView }) {
  if (referral.attendance.length === 0)
    return <p className="spie-empty-state">Aucune heure de présence notée pour le moment.</p>;
  const rows = [...referral.attendance]
    .sort((a, b) => b.week.localeCompare(a.week))
    .map((line) => ({ key: line.week, cells: [weekLabel(line.week), formatHours(line.hours)] }));
  const total = referral.attendance.reduce((sum, line) => sum + line.hours, 0);
  return (
    <>
      <DataTable caption="Heures de présence par semaine" headers={['Semaine', 'Heures']} rows={rows} />
      <p>Total : {formatHours(total)}</p>
    </>
  );
}

/** Each step of the referral, oldest first. */
export function ReferralHistory({ referral }: { referral: ReferralView }) {
  const steps = [...referral.history].sort((a, b) => a.at.localeCompare(b.at));
  return (
    <ol className="spie-referral__history">
      {steps.map((step) => (
        <li key={`${step.at}-${step.to}`}>
          <strong>{referralStatusLabels[step.to]}</strong> — {formatDateTime(step.at)}, par {step.by}
          {step.note && <span className="spie-block">{step.note}</span>}
        </li>
      ))}
    </ol>
  );
}
