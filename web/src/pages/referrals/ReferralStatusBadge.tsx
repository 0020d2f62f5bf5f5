import { Badge } from '@codegouvfr/react-dsfr/Badge';
import { type ReferralStatus, referralStatusLabels } from '@spie/contract/referrals';
import { referralStatusSeverity } from './referralFormat';

export function ReferralStatusBadge({ status }: { status: ReferralStatus }) {
  const severity = referralStatusSeverity[status];
  return (
    <Badge small noIcon as="span" {...(severity ? { severity } : {})}>
      {referralStatusLabels[status]}
    </Badge>
  );
}
