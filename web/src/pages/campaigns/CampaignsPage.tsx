import { Badge } from '@codegouvfr/react-dsfr/Badge';
import { Button } from '@codegouvfr/react-dsfr/Button';
import { campaignStatusLabels } from '@spie/contract/campaigns';
import type { Role } from '@spie/contract/territories';
import { Link } from 'react-router';
import { ApiErrorAlert } from '../../components/ApiErrorAlert';
import { DataTable } from '../../components/DataTable';
import { Loading } from '../../components/Loading';
import { LoadMoreButton } from '../../components/LoadMoreButton';
import { PageBreadcrumb } from '../../components/PageBreadcrumb';
import { PageHeading } from '../../components/PageHeading';
import { formatDay } from '../people/peopleFormat';
import { percentOf } from './campaignFormat';
import { useCampaigns } from './campaigns.queries';

export const campaignRoles: readonly Role[] = ['structure_manager', 'territory_admin'];

const title = 'Campagnes de remobilisation';

/** `/campagnes`: the campaigns of the organisation (or territory), the most recent first. */
export function CampaignsPage() {
  const campaigns = useCampaigns();
  const items = campaigns.data?.pages.flatMap((page) => page.items) ?? [];

  return (
    <>
      <PageBreadcrumb current={title} />
      <PageHeading title={title} />
      <p>
        Une campagne invite les personnes qui ont perdu le contact (par SMS, courriel ou courrier) à choisir
        un rendez-vous ou à demander à être rappelées. Le bilan montre qui a répondu et qui est venu.
      </p>
      <div className="spie-actions">
        <Button iconId="fr-icon-add-line" linkProps={{ to: '/campagnes/nouvelle' }}>
          Nouvelle campagne
        </Button>
      </div>
      {campaigns.isPending && <Loading label="Chargement des campagnes…" />}
      <ApiErrorAlert error={campaigns.error} title="Les campagnes n’ont pas pu être chargées" />
      {campaigns.data && items.length === 0 && (
        <p className="spie-empty-state">Aucune campagne pour l’instant.</p>
      )}
      {items.length > 0 && (
        <DataTable
          caption="Campagnes, les plus récentes d’abord"
          headers={['Campagne', 'Lancée le', 'État', 'Personnes', 'Réponses', 'Rendez-vous pris', 'Honorés']}
          rows={items.map((campaign) => ({
            key: campaign.id,
            cells: [
              <Link key="name" to={`/campagnes/${campaign.id}`}>
                {campaign.name}
              </Link>,
              <span key="launched">
                {formatDay(campaign.launchedAt)}
                <span className="spie-block fr-text--xs fr-mb-0">par {campaign.createdBy.name}</span>
              </span>,
              <Badge
                key="status"
                small
                noIcon
                as="span"
                {...(campaign.status === 'en_cours' ? { severity: 'info' as const } : {})}
              >
                {campaignStatusLabels[campaign.status]}
              </Badge>,
              campaign.counts.people.toLocaleString('fr-FR'),
              `${campaign.counts.answered.toLocaleString('fr-FR')} ${percentOf(campaign.counts.answered, campaign.counts.people)}`,
              `${campaign.counts.booked.toLocaleString('fr-FR')} ${percentOf(campaign.counts.booked, campaign.counts.people)}`,
              `${campaign.counts.honoured.toLocaleString('fr-FR')} ${percentOf(campaign.counts.honoured, campaign.counts.people)}`,
            ],
          }))}
        />
      )}
      <LoadMoreButton
        hasMore={campaigns.hasNextPage}
        loading={campaigns.isFetchingNextPage}
        onClick={() => campaigns.fetchNextPage()}
      />
    </>
  );
}
