import { type Contract, contractEndReasonLabels, contractKindLabels } from '@spie/contract/contracts';
import { formatDateTime } from '../../components/formatDate';
import { pathLabel } from '../orientations/orientationFormat';
import { formatDay } from '../people/peopleFormat';
import { ContractStatusBadge, DeadlineText } from './ContractBadges';
import { ContractTransitions } from './ContractTransitions';
import { versionLabel } from './contractFormat';

/** The contract at a glance: state, version, deadlines, who, and the next steps allowed. */
export function ContractGlance({
  contract,
  readOnly,
  onDone,
}: {
  contract: Contract;
  readOnly: boolean;
  onDone: (message: string) => void;
}) {
  const deadlines = contract.deadlines;
  const signed = contract.version > 0;
  const organisation = contract.organisation?.name ?? contract.organisationName;
  const endOn = deadlines.endOn ?? contract.endOn;
  return (
    <section aria-labelledby="contract-glance-title" className="spie-panel">
      <h3 id="contract-glance-title" className="fr-h5">
        {contractKindLabels[contract.kind]} <ContractStatusBadge status={contract.status} />
      </h3>
      <dl className="spie-facts">
        <dt>{contract.kind === 'engagement' ? 'Version' : 'Signé le'}</dt>
        <dd>
          {contract.kind === 'engagement'
            ? versionLabel(contract.version)
            : contract.signedAt
              ? formatDay(contract.signedAt)
              : 'Date de signature non connue'}
          {contract.kind === 'engagement' && contract.signedAt && (
            <> — signée le {formatDay(contract.signedAt)}</>
          )}
          {contract.planChanged && (
            <span className="spie-block fr-text--sm">
              Le plan a changé depuis la dernière signature : l’avenant doit être proposé puis signé.
            </span>
          )}
        </dd>
        {!signed && contract.kind === 'engagement' && (
          <>
            <dt>À signer avant le</dt>
            <dd>
              {deadlines.signatureDeadline ? (
                <DeadlineText date={deadlines.signatureDeadline} overdue={deadlines.signatureOverdue} />
              ) : (
                'Pas de délai : aucune orientation notifiée.'
              )}
            </dd>
          </>
        )}
        {deadlines.reviewDueOn && (
          <>
            <dt>Prochaine révision</dt>
            <dd>
              <DeadlineText date={deadlines.reviewDueOn} overdue={deadlines.reviewOverdue} />
            </dd>
          </>
        )}
        <dt>Période</dt>
        <dd>
          {contract.startOn ? `Du ${formatDay(contract.startOn)}` : 'Début non fixé'}
          {endOn ? ` au ${formatDay(endOn)}` : ''}
        </dd>
        <dt>Référent·e unique</dt>
        <dd>{contract.referent?.name ?? 'Pas encore désigné·e'}</dd>
        <dt>Structure</dt>
        <dd>{organisation ?? '—'}</dd>
        {contract.path && (
          <>
            <dt>Parcours</dt>
            <dd>{pathLabel(contract.path)}</dd>
          </>
        )}
        {contract.nextAppointment && (
          <>
            <dt>Prochain rendez-vous</dt>
            <dd>
              {formatDateTime(contract.nextAppointment.at)} — {contract.nextAppointment.place}
            </dd>
          </>
        )}
        {contract.endReason && (
          <>
            <dt>Motif de fin</dt>
            <dd>
              {contractEndReasonLabels[contract.endReason]}
              {contract.endNote && <span className="spie-block fr-text--sm">{contract.endNote}</span>}
            </dd>
          </>
        )}
      </dl>
      {!readOnly && <ContractTransitions contract={contract} onDone={onDone} />}
    </section>
  );
}
