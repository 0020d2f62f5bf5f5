import { Badge } from '@codegouvfr/react-dsfr/Badge';
import { appointmentModeLabels, appointmentTypeLabels } from '@spie/contract/appointments';
import { type Campaign, campaignStatusLabels } from '@spie/contract/campaigns';
import { useState } from 'react';
import { useLocation, useParams } from 'react-router';
import { ApiErrorAlert } from '../../components/ApiErrorAlert';
import { DataTable } from '../../components/DataTable';
import { Loading } from '../../components/Loading';
import { PageBreadcrumb } from '../../components/PageBreadcrumb';
import { PageHeading } from '../../components/PageHeading';
import { SuccessAlert } from '../../components/SuccessAlert';
import { localInWords } from '../appointments/appointmentFormat';
import { formatDay } from '../people/peopleFormat';
import { dayInWords } from '../signature/signatureFormat';
import { ConvocationSection } from './ConvocationSection';
import { channelLabel, keyFigures } from './campaignFormat';
import { lettersPdfHref, reportCsvHref, useCampaign } from './campaigns.queries';
import { RecipientsSection } from './RecipientsSection';
import { StopCampaign } from './StopCampaign';
import './campaigns.css';

/**
 * `/campagnes/:id`: the campaign's report — key figures, by channel, slots and places taken, each
 * person's outcome — with the CSV export, the letters to print, the convocation of those who did
 * not answer and the button to stop it.
 */
export function CampaignReportPage() {
  const id = useParams().id ?? '';
  const launched = Boolean((useLocation().state as { launched?: boolean } | null)?.launched);
  const campaign = useCampaign(id);
  const data = campaign.data;
  const [success, setSuccess] = useState<{ message: string; n: number } | null>(null);
  const notify = (message: string) => setSuccess((last) => ({ message, n: (last?.n ?? 0) + 1 }));
  const name = data?.name ?? 'Bilan de la campagne';

  return (
    <>
      <PageBreadcrumb current={name} parents={[{ label: 'Campagnes de remobilisation', to: '/campagnes' }]} />
      <PageHeading title={name} />
      {campaign.isPending && <Loading label="Chargement du bilan…" />}
      <ApiErrorAlert error={campaign.error} title="La campagne n’a pas pu être chargée" />
      {launched && !success && (
        <SuccessAlert
          title="La campagne est lancée."
          description="Les invitations partent maintenant. Les chiffres se mettent à jour au fil des envois et des réponses."
        />
      )}
      {success && <SuccessAlert key={success.n} title={success.message} />}
      {data && <Report campaign={data} onDone={notify} />}
    </>
  );
}

function Report({ campaign, onDone }: { campaign: Campaign; onDone: (message: string) => void }) {
  const figures = keyFigures(campaign.counts);
  return (
    <>
      <p>
        <Badge
          small
          noIcon
          as="span"
          {...(campaign.status === 'en_cours' ? { severity: 'info' as const } : {})}
        >
          {campaignStatusLabels[campaign.status]}
        </Badge>{' '}
        Lancée le {formatDay(campaign.launchedAt)} par {campaign.createdBy.name} ({campaign.organisation.name}
        ). Invitations valables jusqu’au {dayInWords(campaign.expiresOn)}, relance après{' '}
        {campaign.reminderDays} jours. Rendez-vous proposé : {appointmentTypeLabels[campaign.appointmentType]}
        {campaign.allowCallback ? ', ou être rappelé·e.' : '.'}
      </p>
      <div className="spie-actions">
        <a
          className="fr-btn fr-btn--secondary fr-icon-download-line fr-btn--icon-left"
          href={reportCsvHref(campaign.id)}
          download
        >
          Télécharger le bilan (CSV)
        </a>
        {campaign.lettersPdfAvailable && (
          <a
            className="fr-btn fr-btn--secondary fr-icon-printer-line fr-btn--icon-left"
            href={lettersPdfHref(campaign.id)}
            target="_blank"
            rel="noopener"
          >
            Imprimer les courriers (PDF)<span className="fr-sr-only"> (nouvelle fenêtre)</span>
          </a>
        )}
      </div>

      <section aria-labelledby="report-figures">
        <h2 id="report-figures">Chiffres clés</h2>
        <ul className="spie-figures">
          {figures.map((figure) => (
            <li key={figure.label}>
              <span className="spie-figure">{figure.value}</span> {figure.label}
              {figure.percent && <span className="spie-block fr-text--sm fr-mb-0">{figure.percent}</span>}
            </li>
          ))}
        </ul>
      </section>

      <section aria-labelledby="report-channels">
        <h2 id="report-channels">Par canal</h2>
        {campaign.byChannel.length === 0 ? (
          <p className="spie-empty-state">Aucun envoi pour l’instant.</p>
        ) : (
          <DataTable
            caption="Résultats par canal d’envoi"
            headers={[
              'Canal',
              'Personnes',
              'Envoyés',
              'Remis',
              'Non remis',
              'Relances',
              'Réponses',
              'Rendez-vous pris',
              'Honorés',
              'Injoignables',
            ]}
            rows={campaign.byChannel.map((row) => ({
              key: row.channel,
              cells: [
                channelLabel(row.channel),
                row.people,
                row.sent,
                row.delivered,
                row.failed,
                row.reminded,
                row.answered,
                row.booked,
                row.honoured,
                row.unreachable,
              ].map((cell) => (typeof cell === 'number' ? cell.toLocaleString('fr-FR') : cell)),
            }))}
          />
        )}
      </section>

      <section aria-labelledby="report-slots">
        <h2 id="report-slots">Créneaux proposés</h2>
        {campaign.slots.length === 0 ? (
          <p className="spie-empty-state">
            Aucun créneau proposé
            {campaign.allowCallback ? ' : les personnes peuvent demander à être rappelées.' : '.'}
          </p>
        ) : (
          <DataTable
            caption="Créneaux proposés et places prises"
            headers={['Créneau', 'Lieu', 'Professionnel·le', 'Places', 'Places prises']}
            rows={campaign.slots.map((slot) => ({
              key: slot.id,
              cells: [
                localInWords(slot.startsAtLocal, true),
                slot.mode === 'sur_place' && slot.address ? slot.address : appointmentModeLabels[slot.mode],
                slot.professional.name,
                slot.capacity,
                `${slot.booked}${slot.booked >= slot.capacity ? ' (complet)' : ''}`,
              ],
            }))}
          />
        )}
      </section>

      <RecipientsSection campaignId={campaign.id} />
      {campaign.status !== 'annulee' && <ConvocationSection campaign={campaign} onDone={onDone} />}
      {campaign.status === 'en_cours' && <StopCampaign campaignId={campaign.id} onDone={onDone} />}
    </>
  );
}
