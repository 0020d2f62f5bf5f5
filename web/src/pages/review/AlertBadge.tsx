import { Badge } from '@codegouvfr/react-dsfr/Badge';
import { type AlertSeverity, alertSeverityLabels } from '@spie/contract/review';
import { alertBadgeText, severityBadge } from './reviewFormat';

/** An alert as a DSFR badge: its severity is written (« Urgent : Perdu·e de vue »), not only coloured. */
export function AlertBadge({ alert }: { alert: { severity: AlertSeverity; label: string } }) {
  return (
    <Badge small as="span" severity={severityBadge[alert.severity]}>
      {alertBadgeText(alert)}
    </Badge>
  );
}

/** The severity alone, in words and colour (« Urgent »). */
export function SeverityBadge({ severity }: { severity: AlertSeverity }) {
  return (
    <Badge small as="span" severity={severityBadge[severity]}>
      {alertSeverityLabels[severity]}
    </Badge>
  );
}
