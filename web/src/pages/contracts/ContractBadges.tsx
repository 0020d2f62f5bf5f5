import { Badge } from '@codegouvfr/react-dsfr/Badge';
import { type ContractStatus, contractStatusLabels } from '@spie/contract/contracts';
import { daysLeftFromDeadline } from '../orientations/orientationFormat';
import { formatDay } from '../people/peopleFormat';
import { contractStatusSeverity } from './contractFormat';

export function ContractStatusBadge({ status }: { status: ContractStatus }) {
  const severity = contractStatusSeverity[status];
  return (
    <Badge small noIcon as="span" {...(severity ? { severity } : {})}>
      {contractStatusLabels[status]}
    </Badge>
  );
}

/**
 * A deadline in words: « 12/03/2026 (5 jours restants) », or the date with an « En retard… »
 * badge when the server says it is overdue (written, not only coloured).
 */
export function DeadlineText({ date, overdue }: { date: string | null; overdue: boolean }) {
  if (!date) return <>—</>;
  const left = daysLeftFromDeadline(date);
  return (
    <>
      {formatDay(date)}{' '}
      {overdue ? (
        <Badge severity="error" small as="span">
          {left?.overdue ? left.text : 'En retard'}
        </Badge>
      ) : (
        left && !left.overdue && <span className="spie-muted">({left.text})</span>
      )}
    </>
  );
}

/** The hint shown near every free text of the plan. */
export { freeTextHint } from './contractFormat';
