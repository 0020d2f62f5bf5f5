import { Badge } from '@codegouvfr/react-dsfr/Badge';
import { Select } from '@codegouvfr/react-dsfr/Select';
import {
  deliveryStatusLabels,
  type RecipientOutcome,
  recipientOutcomeLabels,
  recipientOutcomes,
  recipientStepLabels,
} from '@spie/contract/campaigns';
import { useState } from 'react';
import { Link } from 'react-router';
import { ApiErrorAlert } from '../../components/ApiErrorAlert';
import { DataTable } from '../../components/DataTable';
import { formatDateTime } from '../../components/formatDate';
import { Loading } from '../../components/Loading';
import { LoadMoreButton } from '../../components/LoadMoreButton';
import { instantInWords } from '../appointments/appointmentFormat';
import { channelLabel, outcomeSeverity, plural } from './campaignFormat';
import { useCampaignRecipients } from './campaigns.queries';

/**
 * The people of the campaign with their outcome, filtered by outcome. The name opens the person
 * record (the server decides whether this professional may read it).
 */
export function RecipientsSection({ campaignId }: { campaignId: string }) {
  const [outcome, setOutcome] = useState<RecipientOutcome | ''>('');
  const recipients = useCampaignRecipients(campaignId, outcome || undefined);
  const items = recipients.data?.pages.flatMap((page) => page.items) ?? [];
  const counts = recipients.data?.pages[0]?.counts;
  const total = counts ? Object.values(counts).reduce((sum, n) => sum + n, 0) : undefined;

  return (
    <section aria-labelledby="report-recipients">
      <h2 id="report-recipients">Personnes invitées</h2>
      <Select
        label="Afficher"
        nativeSelectProps={{
          id: 'recipients-outcome',
          value: outcome,
          onChange: (event) => setOutcome(event.target.value as RecipientOutcome | ''),
        }}
      >
        <option value="">Toutes les personnes{total !== undefined ? ` (${total})` : ''}</option>
        {recipientOutcomes.map((value) => (
          <option key={value} value={value}>
            {recipientOutcomeLabels[value]}
            {counts ? ` (${counts[value] ?? 0})` : ''}
          </option>
        ))}
      </Select>
      {recipients.isPending && <Loading label="Chargement des personnes…" />}
      <ApiErrorAlert error={recipients.error} title="La liste des personnes n’a pas pu être chargée" />
      {recipients.data && (
        <p role="status" className={items.length === 0 ? 'spie-empty-state' : 'fr-text--sm'}>
          {items.length === 0
            ? 'Aucune personne avec ce résultat.'
            : `${plural(items.length, 'personne affichée', 'personnes affichées')}${recipients.hasNextPage ? ' : cliquez sur « Voir plus » pour la suite' : ''}.`}
        </p>
      )}
      {items.length > 0 && (
        <DataTable
          caption={
            outcome ? `Personnes : ${recipientOutcomeLabels[outcome]}` : 'Toutes les personnes invitées'
          }
          headers={['Personne', 'Canal', 'Étape', 'Message', 'Résultat', 'Rendez-vous']}
          rows={items.map((item) => {
            const severity = outcomeSeverity[item.outcome];
            return {
              key: item.id,
              cells: [
                <Link key="person" to={`/personnes/${item.personId}`}>
                  {item.displayName}
                </Link>,
                item.channel ? channelLabel(item.channel) : 'Aucun (pas de coordonnées)',
                <span key="step">
                  {recipientStepLabels[item.step]}
                  {item.invitedAt && (
                    <span className="spie-block fr-text--xs fr-mb-0">
                      Invitée le {formatDateTime(item.invitedAt)}
                    </span>
                  )}
                  {item.remindedAt && (
                    <span className="spie-block fr-text--xs fr-mb-0">
                      Relancée le {formatDateTime(item.remindedAt)}
                    </span>
                  )}
                  {item.answeredAt && (
                    <span className="spie-block fr-text--xs fr-mb-0">
                      A répondu le {formatDateTime(item.answeredAt)}
                    </span>
                  )}
                </span>,
                deliveryStatusLabels[item.delivery],
                <Badge key="outcome" small noIcon as="span" {...(severity ? { severity } : {})}>
                  {recipientOutcomeLabels[item.outcome]}
                </Badge>,
                item.appointmentStartsAt ? instantInWords(item.appointmentStartsAt, true) : '—',
              ],
            };
          })}
        />
      )}
      <LoadMoreButton
        hasMore={recipients.hasNextPage}
        loading={recipients.isFetchingNextPage}
        onClick={() => recipients.fetchNextPage()}
      />
    </section>
  );
}
