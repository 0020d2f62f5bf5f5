import { Badge } from '@codegouvfr/react-dsfr/Badge';
import { type AppointmentStatus, appointmentStatusLabels } from '@spie/contract/appointments';
import { statusSeverity } from './appointmentFormat';

/** The status in words (the colour only repeats it). */
export function AppointmentStatusBadge({ status }: { status: AppointmentStatus }) {
  const severity = statusSeverity[status];
  return (
    <Badge small noIcon as="span" {...(severity ? { severity } : {})}>
      {appointmentStatusLabels[status]}
    </Badge>
  );
}
