import { roleLabels } from '@spie/contract/territories';
import { useSession } from '../pages/auth/auth.queries';
import { MembershipSwitcher } from './MembershipSwitcher';

/** Who the person acts as right now: territory, organisation and role, with a way to change. */
export function ActiveMembershipBar() {
  const session = useSession().data;
  const active = session?.activeMembership;
  if (!session?.authenticated || !active) return null;
  return (
    <section aria-label="Votre rattachement actif" className="spie-context-bar">
      <div className="fr-container spie-context-bar__inner">
        <p className="fr-text--sm fr-mb-0">
          <span className="spie-nowrap">
            Territoire : <strong>{active.territoryName}</strong>
          </span>{' '}
          <span aria-hidden="true">·</span>{' '}
          <span>
            Structure : <strong>{active.organisationName}</strong>
          </span>{' '}
          <span aria-hidden="true">·</span>{' '}
          <span>
            Rôle : <strong>{roleLabels[active.role]}</strong>
          </span>
        </p>
        {session.memberships.length > 1 && (
          <MembershipSwitcher memberships={session.memberships} activeId={active.id} />
        )}
      </div>
    </section>
  );
}
