import { Badge } from '@codegouvfr/react-dsfr/Badge';
import type { Referential } from '@spie/contract/diagnostics';
import { formatDateTime } from '../../components/formatDate';

/** Which version of a reference list is in force (0 = the national list). */
export function VersionLine({ referential }: { referential: Referential }) {
  if (referential.version === 0)
    return (
      <p>
        <Badge small noIcon>
          Version nationale
        </Badge>{' '}
        Le territoire utilise la liste nationale proposée par défaut (version 0).
      </p>
    );
  return (
    <p>
      <Badge small severity="info" noIcon>
        Version {referential.version}
      </Badge>{' '}
      En vigueur depuis le {referential.updatedAt ? formatDateTime(referential.updatedAt) : '—'}
      {referential.updatedBy ? `, publiée par ${referential.updatedBy}` : ''}.
    </p>
  );
}
