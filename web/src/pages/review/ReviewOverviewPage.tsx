import { Button } from '@codegouvfr/react-dsfr/Button';
import { Select } from '@codegouvfr/react-dsfr/Select';
import { type AlertRuleId, alertRules, alertSeverityLabels } from '@spie/contract/review';
import type { Role } from '@spie/contract/territories';
import { useState } from 'react';
import { Link } from 'react-router';
import { ApiErrorAlert } from '../../components/ApiErrorAlert';
import { DataTable } from '../../components/DataTable';
import { Loading } from '../../components/Loading';
import { PageBreadcrumb } from '../../components/PageBreadcrumb';
import { PageHeading } from '../../components/PageHeading';
import { useSession } from '../auth/auth.queries';
import { SeverityBadge } from './AlertBadge';
import { useCoverage, useOverview } from './review.queries';
import { coverageSentence, overviewSummary, rateLabel } from './reviewFormat';

export const reviewOverviewRoles: readonly Role[] = [
  'structure_manager',
  'territory_admin',
  'steering_viewer',
];

/** The campaign form, with the alert type already chosen (it reads `?regles=`). */
const campaignLink = (ruleId: AlertRuleId | undefined) =>
  ruleId ? `/campagnes/nouvelle?regles=${ruleId}` : '/campagnes/nouvelle';

/**
 * « Alertes »: open alerts counted by type and by référent (structure managers) or by structure
 * (territory), with a drill-down into one structure, and the coverage of the « points de situation ».
 * Only totals at territory level: no person is named.
 */
export function ReviewOverviewPage() {
  const membership = useSession().data?.activeMembership;
  const territoryLevel = membership?.role === 'territory_admin' || membership?.role === 'steering_viewer';
  const mayCampaign = membership?.role === 'structure_manager' || membership?.role === 'territory_admin';
  // Only a territory admin may open one structure's counts (by référent).
  const mayDrill = membership?.role === 'territory_admin';
  const [organisationId, setOrganisationId] = useState<string | undefined>(undefined);
  const [ruleId, setRuleId] = useState<AlertRuleId | undefined>(undefined);
  const drilled = territoryLevel && organisationId !== undefined;
  const title = territoryLevel ? 'Alertes du territoire' : 'Alertes de ma structure';

  // The territory's structures (the drill-down choices) are always asked at territory level.
  const territory = useOverview({ scope: 'territory', ...(ruleId ? { ruleId } : {}) }, territoryLevel);
  const organisation = useOverview(
    { scope: 'organisation', ...(drilled ? { organisationId } : {}), ...(ruleId ? { ruleId } : {}) },
    !territoryLevel || drilled,
  );
  const overview = territoryLevel && !drilled ? territory : organisation;
  const coverage = useCoverage(
    territoryLevel && !drilled
      ? { scope: 'territory' }
      : { scope: 'organisation', ...(drilled ? { organisationId } : {}) },
  );
  const data = overview.data;
  const organisations = territory.data?.byGroup ?? [];
  const shownRules = (data?.byRule ?? []).filter((row) => row.count > 0);
  const byOrganisation = territoryLevel && !drilled;
  const groupName = byOrganisation ? 'Structure' : 'Référent·e';
  const chosenName = organisations.find((o) => o.id === organisationId)?.name;

  return (
    <>
      <PageBreadcrumb current={title} />
      <PageHeading title={title} />
      <p>
        {territoryLevel
          ? 'Les alertes ouvertes des personnes suivies sur le territoire, par type et par structure. Ce sont des totaux : aucune personne n’est nommée.'
          : `Les alertes ouvertes des personnes suivies par ${membership?.organisationName ?? 'votre structure'}, par type et par référent·e.`}{' '}
        Les alertes reportées sont comptées.
      </p>
      {mayCampaign && (
        <div className="spie-actions">
          <Button linkProps={{ to: campaignLink(ruleId) }} iconId="fr-icon-mail-line" priority="secondary">
            Préparer une campagne de reprise de contact
          </Button>
        </div>
      )}

      <form aria-label="Choisir ce qui est compté" onSubmit={(event) => event.preventDefault()}>
        <div className="spie-filters">
          {mayDrill && (
            <Select
              label="Structure"
              nativeSelectProps={{
                value: organisationId ?? '',
                onChange: (event) => setOrganisationId(event.target.value || undefined),
              }}
            >
              <option value="">Tout le territoire</option>
              {organisations.map((o) => (
                <option key={o.id} value={o.id}>
                  {o.name}
                </option>
              ))}
            </Select>
          )}
          <Select
            label="Type d’alerte"
            nativeSelectProps={{
              value: ruleId ?? '',
              onChange: (event) => setRuleId((event.target.value || undefined) as AlertRuleId | undefined),
            }}
          >
            <option value="">Tous les types</option>
            {alertRules.map((rule) => (
              <option key={rule.id} value={rule.id}>
                {rule.label}
              </option>
            ))}
          </Select>
        </div>
      </form>

      {overview.isPending && <Loading />}
      <ApiErrorAlert error={overview.error} title="Les alertes n’ont pas pu être comptées" />
      {data && (
        <>
          <p className="fr-text--lead" role="status">
            {drilled && chosenName ? `${chosenName} : ` : ''}
            {overviewSummary(data.total)}
          </p>

          <h2>Alertes ouvertes par type</h2>
          {shownRules.length === 0 ? (
            <p className="spie-empty-state">Aucune alerte ouverte.</p>
          ) : (
            <DataTable
              caption="Alertes ouvertes par type"
              headers={['Type d’alerte', 'Urgence', 'Alertes ouvertes', ...(mayCampaign ? ['Campagne'] : [])]}
              rows={shownRules.map((row) => ({
                key: row.ruleId,
                cells: [
                  row.label,
                  <SeverityBadge key="severity" severity={row.severity} />,
                  row.count,
                  ...(mayCampaign
                    ? [
                        <Link key="campaign" to={campaignLink(row.ruleId)}>
                          Préparer une campagne<span className="fr-sr-only"> : {row.label}</span>
                        </Link>,
                      ]
                    : []),
                ],
              }))}
            />
          )}

          <h2>{byOrganisation ? 'Par structure' : 'Par référent·e'}</h2>
          {data.byGroup.length === 0 ? (
            <p className="spie-empty-state">
              {byOrganisation
                ? 'Aucune structure ne suit de personne.'
                : 'Aucun·e référent·e ne suit de personne.'}
            </p>
          ) : (
            <DataTable
              caption={
                byOrganisation
                  ? 'Alertes ouvertes par structure'
                  : `Alertes ouvertes par référent·e${data.organisation ? ` — ${data.organisation.name}` : ''}`
              }
              headers={[
                groupName,
                'Personnes suivies',
                'Avec au moins une alerte',
                ...shownRules.map(
                  (row) => `${row.label} (${alertSeverityLabels[row.severity].toLowerCase()})`,
                ),
                ...(byOrganisation && mayDrill ? ['Détail'] : []),
              ]}
              rows={data.byGroup.map((group) => ({
                key: group.id,
                cells: [
                  group.name,
                  group.people,
                  group.withAlerts,
                  ...shownRules.map((row) => group.counts[row.ruleId] ?? 0),
                  ...(byOrganisation && mayDrill
                    ? [
                        <Button
                          key="detail"
                          size="small"
                          priority="tertiary"
                          onClick={() => setOrganisationId(group.id)}
                        >
                          Voir par référent·e<span className="fr-sr-only"> : {group.name}</span>
                        </Button>,
                      ]
                    : []),
                ],
              }))}
            />
          )}
          {drilled && (
            <Button priority="secondary" onClick={() => setOrganisationId(undefined)}>
              Revenir à tout le territoire
            </Button>
          )}
        </>
      )}

      <h2 className="fr-mt-4w">Points de situation</h2>
      {coverage.isPending && <Loading label="Chargement des points de situation…" />}
      <ApiErrorAlert error={coverage.error} title="Les points de situation n’ont pas pu être comptés" />
      {coverage.data && (
        <>
          <p>
            Chaque personne suivie doit avoir un point de situation au moins tous les{' '}
            {coverage.data.periodDays} jours.{' '}
            {coverageSentence(coverage.data.total, coverage.data.periodDays)}
          </p>
          {coverage.data.rows.length > 0 && (
            <DataTable
              caption={`Points de situation faits dans les ${coverage.data.periodDays} jours`}
              headers={[
                byOrganisation ? 'Structure' : 'Référent·e',
                'Personnes suivies',
                'Point de situation à jour',
                'Taux',
              ]}
              rows={coverage.data.rows.map((row) => ({
                key: row.id,
                cells: [row.name, row.people, row.reviewedOnTime, rateLabel(row.rate)],
              }))}
            />
          )}
        </>
      )}
    </>
  );
}
