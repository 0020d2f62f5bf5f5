import { Alert } from '@codegouvfr/react-dsfr/Alert';
import { Button } from '@codegouvfr/react-dsfr/Button';
import { Checkbox } from '@codegouvfr/react-dsfr/Checkbox';
import { SegmentedControl } from '@codegouvfr/react-dsfr/SegmentedControl';
import { contractStatusLabels, type WorklistItem } from '@spie/contract/contracts';
import { useState } from 'react';
import { Link } from 'react-router';
import { ApiErrorAlert } from '../../components/ApiErrorAlert';
import { DataTable } from '../../components/DataTable';
import { formatDateTime } from '../../components/formatDate';
import { Loading } from '../../components/Loading';
import { LoadMoreButton } from '../../components/LoadMoreButton';
import { PageBreadcrumb } from '../../components/PageBreadcrumb';
import { PageHeading } from '../../components/PageHeading';
import { SuccessAlert } from '../../components/SuccessAlert';
import { useSession } from '../auth/auth.queries';
import { daysLeftLabel } from '../orientations/orientationFormat';
import { formatDay, plural } from '../people/peopleFormat';
import {
  useContractWorklist,
  useIssueSignatureLinks,
  type WorklistList,
  type WorklistScope,
} from './contracts.queries';
import { worklistSummary } from './worklistFormat';

const title = 'Contrats à signer ou à réviser';

/** « Contrats à signer / à réviser »: nearest deadline first, and signature links sent in bulk. */
export function ContractsWorklistPage() {
  const isManager = useSession().data?.activeMembership?.role === 'structure_manager';
  const [list, setList] = useState<WorklistList>('a_signer');
  const [scope, setScope] = useState<WorklistScope>('mine');
  const worklist = useContractWorklist(list, scope);
  const items = worklist.data?.pages.flatMap((page) => page.items) ?? [];
  const counts = worklist.data?.pages[0]?.counts;
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const issue = useIssueSignatureLinks();
  const [result, setResult] = useState<{
    issued: number;
    skipped: { contractId: string; reason: string }[];
  } | null>(null);
  const signing = list === 'a_signer';
  const selectable = (item: WorklistItem) => signing && item.status === 'propose' && item.contractId !== null;
  const nameOf = (contractId: string) =>
    items.find((i) => i.contractId === contractId)?.displayName ?? 'Contrat';

  const choose = (next: WorklistList) => {
    setList(next);
    setSelected(new Set());
    setResult(null);
  };
  const toggle = (contractId: string, checked: boolean) =>
    setSelected((current) => {
      const next = new Set(current);
      if (checked) next.add(contractId);
      else next.delete(contractId);
      return next;
    });

  const send = async () => {
    setResult(null);
    try {
      const answer = await issue.mutateAsync([...selected]);
      setResult(answer);
      setSelected(new Set());
    } catch {
      // Shown below.
    }
  };

  return (
    <>
      <PageBreadcrumb current={title} />
      <PageHeading title={title} />
      <p>
        Les contrats d’engagement à faire signer (un mois après la notification de l’orientation) et ceux à
        revoir avec la personne, l’échéance la plus proche d’abord.
      </p>

      <SegmentedControl
        className="fr-mb-3w"
        legend="Liste"
        segments={[
          {
            label: `À signer${counts ? ` (${counts.a_signer})` : ''}`,
            nativeInputProps: { checked: list === 'a_signer', onChange: () => choose('a_signer') },
          },
          {
            label: `À réviser${counts ? ` (${counts.a_reviser})` : ''}`,
            nativeInputProps: { checked: list === 'a_reviser', onChange: () => choose('a_reviser') },
          },
        ]}
      />
      {isManager && (
        <SegmentedControl
          className="fr-mb-3w"
          legend="Afficher"
          segments={[
            {
              label: 'Mes personnes',
              nativeInputProps: {
                checked: scope === 'mine',
                onChange: () => {
                  setScope('mine');
                  setSelected(new Set());
                },
              },
            },
            {
              label: 'Ma structure',
              nativeInputProps: {
                checked: scope === 'organisation',
                onChange: () => {
                  setScope('organisation');
                  setSelected(new Set());
                },
              },
            },
          ]}
        />
      )}

      {worklist.isPending && <Loading />}
      <ApiErrorAlert error={worklist.error} title="La liste n’a pas pu être chargée" />
      {result && (
        <>
          <SuccessAlert
            key={`${result.issued}-${result.skipped.length}`}
            title={
              result.issued === 0
                ? 'Aucun lien envoyé.'
                : `${plural(result.issued, 'lien de signature envoyé', 'liens de signature envoyés')}.`
            }
          />
          {result.skipped.length > 0 && (
            <Alert
              className="fr-mb-3w"
              severity="warning"
              title={`${plural(result.skipped.length, 'contrat', 'contrats')} sans lien`}
              description={
                <ul>
                  {result.skipped.map((skip) => (
                    <li key={skip.contractId}>
                      {nameOf(skip.contractId)} : {skip.reason}
                    </li>
                  ))}
                </ul>
              }
            />
          )}
        </>
      )}
      <ApiErrorAlert error={issue.error} title="Les liens n’ont pas été envoyés" />
      {worklist.data && (
        <p role="status" className={items.length === 0 ? 'spie-empty-state' : undefined}>
          {worklistSummary(list, counts, items.length, worklist.hasNextPage)}
        </p>
      )}

      {signing && items.some(selectable) && (
        <div className="spie-actions">
          <Button
            iconId="fr-icon-send-plane-line"
            disabled={selected.size === 0 || issue.isPending}
            onClick={send}
          >
            {issue.isPending ? 'Envoi en cours…' : 'Envoyer les liens de signature'}
          </Button>
          <p className="fr-text--sm fr-mb-0" aria-live="polite">
            {selected.size === 0
              ? 'Cochez les contrats « Proposé à la personne » à envoyer.'
              : `${plural(selected.size, 'contrat choisi', 'contrats choisis')}.`}
          </p>
        </div>
      )}

      {items.length > 0 && (
        <DataTable
          caption={signing ? 'Contrats à signer' : 'Contrats à réviser'}
          headers={[
            'Personne',
            'État',
            signing ? 'À signer avant le' : 'À réviser avant le',
            'Jours restants',
            'Dernier lien envoyé',
            'Référent·e',
            ...(signing ? ['Envoyer le lien'] : []),
          ]}
          rows={items.map((item) => {
            const left = daysLeftLabel(item.daysLeft);
            return {
              key: `${item.personId}-${item.contractId ?? 'none'}`,
              cells: [
                <Link key="person" to={`/personnes/${item.personId}/contrat`}>
                  {item.displayName}
                </Link>,
                item.status ? contractStatusLabels[item.status] : 'Pas encore commencé',
                <span key="due">
                  {formatDay(item.dueOn)}
                  {left?.overdue && <span className="spie-block fr-text--bold">en retard</span>}
                </span>,
                left?.text ?? '—',
                item.lastLinkSentAt ? formatDateTime(item.lastLinkSentAt) : 'Aucun',
                item.referent?.name ?? '—',
                ...(signing
                  ? [
                      selectable(item) && item.contractId ? (
                        <Checkbox
                          key="select"
                          small
                          options={[
                            {
                              label: (
                                <>
                                  Choisir<span className="fr-sr-only"> {item.displayName}</span>
                                </>
                              ),
                              nativeInputProps: {
                                checked: selected.has(item.contractId),
                                onChange: (event) => toggle(item.contractId as string, event.target.checked),
                              },
                            },
                          ]}
                        />
                      ) : (
                        <span key="select" className="fr-text--xs">
                          {item.status === null ? 'Contrat à commencer' : 'Contrat à proposer d’abord'}
                        </span>
                      ),
                    ]
                  : []),
              ],
            };
          })}
        />
      )}
      <LoadMoreButton
        hasMore={worklist.hasNextPage}
        loading={worklist.isFetchingNextPage}
        onClick={() => worklist.fetchNextPage()}
      />
    </>
  );
}
