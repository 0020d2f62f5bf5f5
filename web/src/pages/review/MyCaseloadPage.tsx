import { Input } from '@codegouvfr/react-dsfr/Input';
import { SegmentedControl } from '@codegouvfr/react-dsfr/SegmentedControl';
import { Select } from '@codegouvfr/react-dsfr/Select';
import { teamRoleLabels } from '@spie/contract/people';
import {
  type AlertRuleId,
  type AlertSeverity,
  alertRules,
  alertSeverities,
  alertSeverityLabels,
} from '@spie/contract/review';
import { useState } from 'react';
import { Link } from 'react-router';
import { ApiErrorAlert } from '../../components/ApiErrorAlert';
import { DataTable } from '../../components/DataTable';
import { Loading } from '../../components/Loading';
import { LoadMoreButton } from '../../components/LoadMoreButton';
import { PageBreadcrumb } from '../../components/PageBreadcrumb';
import { PageHeading } from '../../components/PageHeading';
import { CommuneField } from '../people/CommuneField';
import { todayIso } from '../people/peopleFormat';
import { useDebounced } from '../people/useDebounced';
import { AlertBadge } from './AlertBadge';
import { useCaseloadSize, useCoverage, useMyCaseload } from './review.queries';
import {
  alertStateText,
  type CaseloadFilters,
  caseloadCsvHref,
  caseloadEmptyText,
  caseloadSummary,
  coverageSentence,
  lastContactLabel,
  matchingText,
  reviewDueLabel,
  sortAlerts,
} from './reviewFormat';

const title = 'Ma file active';
const showChoices = [
  { value: 'alertes', label: 'Avec une alerte' },
  { value: 'tous', label: 'Toutes' },
  { value: 'reportees', label: 'Reportées' },
] as const satisfies readonly { value: CaseloadFilters['show']; label: string }[];

/** « Ma file active »: the people I follow, the most urgent first, with filters and a CSV export. */
export function MyCaseloadPage() {
  const [show, setShow] = useState<CaseloadFilters['show']>('alertes');
  const [ruleId, setRuleId] = useState<AlertRuleId | undefined>(undefined);
  const [severity, setSeverity] = useState<AlertSeverity | undefined>(undefined);
  const [commune, setCommune] = useState<{ code: string; text: string } | null>(null);
  const [search, setSearch] = useState('');
  const q = useDebounced(search.trim(), 300);
  const filters: CaseloadFilters = {
    show,
    ruleId,
    severity,
    communeCode: commune?.code,
    q: q.length >= 2 ? q : undefined,
  };
  const caseload = useMyCaseload(filters);
  const coverage = useCoverage({ scope: 'mine' });
  const size = useCaseloadSize();
  const firstPage = caseload.data?.pages[0];
  const items = caseload.data?.pages.flatMap((page) => page.items) ?? [];
  const today = todayIso();
  const segment = (choice: (typeof showChoices)[number]) => ({
    label: choice.label,
    nativeInputProps: { checked: show === choice.value, onChange: () => setShow(choice.value) },
  });

  return (
    <>
      <PageBreadcrumb current={title} />
      <PageHeading title={title} />
      <p>
        Les personnes dont vous êtes référent·e ou co-référent·e, les plus urgentes d’abord. Ouvrez le dossier
        d’une personne pour prendre en compte une alerte, noter un contact ou faire le point de situation.
      </p>
      {firstPage && (
        <p className="fr-text--lead" role="status">
          {caseloadSummary({ ...firstPage, people: size.data })}
          {matchingText(filters, firstPage.total) && <> {matchingText(filters, firstPage.total)}</>}
        </p>
      )}
      {coverage.data && coverage.data.total.people > 0 && (
        <p>
          <strong>Points de situation : </strong>
          {coverageSentence(coverage.data.total, coverage.data.periodDays)}
        </p>
      )}

      <form aria-label="Filtrer la file active" onSubmit={(event) => event.preventDefault()}>
        <SegmentedControl
          className="fr-mb-3w"
          legend="Afficher"
          segments={[segment(showChoices[0]), segment(showChoices[1]), segment(showChoices[2])]}
        />
        <div className="spie-filters">
          <Select
            label="Type d’alerte"
            nativeSelectProps={{
              value: ruleId ?? '',
              onChange: (event) => setRuleId((event.target.value || undefined) as AlertRuleId | undefined),
            }}
          >
            <option value="">Tous les types</option>
            {(firstPage?.countsByRule ?? []).map((count) => (
              <option key={count.ruleId} value={count.ruleId}>
                {count.label} ({count.count})
              </option>
            ))}
            {ruleId && !firstPage?.countsByRule.some((count) => count.ruleId === ruleId) && (
              <option value={ruleId}>
                {alertRules.find((rule) => rule.id === ruleId)?.label ?? ruleId} (0)
              </option>
            )}
          </Select>
          <Select
            label="Urgence"
            nativeSelectProps={{
              value: severity ?? '',
              onChange: (event) =>
                setSeverity((event.target.value || undefined) as AlertSeverity | undefined),
            }}
          >
            <option value="">Toutes les urgences</option>
            {alertSeverities.map((value) => (
              <option key={value} value={value}>
                {alertSeverityLabels[value]}
              </option>
            ))}
          </Select>
          <div>
            <CommuneField
              label="Commune"
              initialText={commune?.text ?? ''}
              chosenCode={commune?.code ?? ''}
              onChoose={(choice) => setCommune(choice ? { code: choice.code, text: choice.name } : null)}
            />
          </div>
          <Input
            label="Nom de la personne"
            hintText="Au moins 2 lettres du nom ou du prénom."
            nativeInputProps={{
              type: 'search',
              value: search,
              autoComplete: 'off',
              onChange: (event) => setSearch(event.target.value),
            }}
          />
        </div>
      </form>

      <p>
        <a
          className="fr-link fr-icon-download-line fr-link--icon-left"
          href={caseloadCsvHref(filters)}
          download
        >
          Télécharger la liste (CSV)
        </a>
      </p>

      {caseload.isPending && <Loading />}
      <ApiErrorAlert error={caseload.error} title="La file active n’a pas pu être chargée" />
      {caseload.data && items.length === 0 && (
        <p className="spie-empty-state">{caseloadEmptyText(filters, size.data)}</p>
      )}
      {items.length > 0 && (
        <DataTable
          caption="Personnes de ma file active, les plus urgentes d’abord"
          headers={['Personne', 'Alertes', 'Dernier contact', 'Prochain point de situation', 'Mon rôle']}
          rows={items.map((row) => {
            const due = reviewDueLabel(row.reviewDueOn, today);
            return {
              key: row.personId,
              cells: [
                <span key="person">
                  <Link to={`/personnes/${row.personId}`}>{row.displayName}</Link>
                  {row.commune && <span className="spie-block fr-text--xs fr-mb-0">{row.commune}</span>}
                </span>,
                row.alerts.length === 0 ? (
                  'Aucune alerte'
                ) : (
                  <ul key="alerts" className="spie-plain-list">
                    {sortAlerts(row.alerts).map((alert) => {
                      const state = alertStateText(alert, today);
                      return (
                        <li key={alert.id} className="fr-mb-1v">
                          <AlertBadge alert={alert} />
                          {state && <span className="spie-block fr-text--xs fr-mb-0">{state}</span>}
                        </li>
                      );
                    })}
                  </ul>
                ),
                lastContactLabel(row.lastContactAt, today),
                due.late ? <strong key="due">{due.text}</strong> : due.text,
                teamRoleLabels[row.role],
              ],
            };
          })}
        />
      )}
      <LoadMoreButton
        hasMore={caseload.hasNextPage}
        loading={caseload.isFetchingNextPage}
        onClick={() => caseload.fetchNextPage()}
      />
    </>
  );
}
