import type { Membership } from '@spie/contract/territories';
import { useSession } from './auth.queries';

/** The active membership; pages under `RequireMember` can rely on it being set. */
export function useActiveMembership(): Membership | null {
  return useSession().data?.activeMembership ?? null;
}
