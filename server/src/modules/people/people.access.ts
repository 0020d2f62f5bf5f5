import type { Operation, Section, SectionAccess, TeamRole } from '@spie/contract/people';
import { sections } from '@spie/contract/people';
import type { MemberActor } from '../../kernel/actor';

/**
 * Need-to-know access to a person record (domain §8), as one pure function of who the actor is
 * (membership role) and how they relate to the person (team, consent). Default deny: a cell
 * not granted below is refused. The role × section × operation matrix test pins every cell.
 */
export interface Relation {
  /** The actor's own active role in the person's team (their account, in their organisation). */
  teamRole: TeamRole | null;
  /** The actor's organisation follows the person (any active follow-up of the organisation). */
  organisationFollows: boolean;
  /** Sections the person agreed to share with the actor's organisation (active consents). */
  consented: ReadonlySet<Section>;
  /** Sections the person refused to share with the actor's organisation (active objections). */
  objected: ReadonlySet<Section>;
}

export const noRelation: Relation = {
  teamRole: null,
  organisationFollows: false,
  consented: new Set(),
  objected: new Set(),
};

type Grants = Partial<Record<Section, Operation[]>>;
const R: Operation[] = ['read'];
const RW: Operation[] = ['read', 'write'];

function teamGrants(teamRole: TeamRole): Grants {
  if (teamRole === 'intervenant') {
    // Intervenants read the shared record and write journey entries of their own organisation.
    return { identity: R, situation: R, diagnostic: R, journey: RW, documents: R };
  }
  return { identity: RW, situation: RW, diagnostic: RW, journey: RW, documents: RW, consultations: R };
}

function roleGrants(actor: MemberActor, rel: Relation): Grants {
  switch (actor.role) {
    case 'orientation_manager':
      // Decides orientations across the territory: who, the administrative situation, the diagnostic summary.
      return { identity: R, situation: R, diagnostic: R };
    case 'territory_admin':
      // Identity (and team) to keep the records clean: duplicates, merges. Nothing of the content.
      return { identity: R };
    case 'structure_manager':
      // Assigns référents among the organisation's professionals.
      return rel.organisationFollows ? { identity: R, situation: R, journey: R } : {};
    default:
      return {};
  }
}

function sensitiveGrant(actor: MemberActor, rel: Relation): Operation[] {
  if (!rel.teamRole || rel.objected.has('sensitive')) return [];
  // Professionals bound by secrecy read and write it; organisations named in the person's
  // consent read it (what they learn is shared with them, they do not keep a health file).
  if (actor.role === 'social_worker') return RW;
  if (rel.consented.has('sensitive')) return R;
  return [];
}

export function sectionAccess(actor: MemberActor, rel: Relation): SectionAccess {
  const grants: Grants = {};
  const merge = (g: Grants) => {
    for (const [s, ops] of Object.entries(g) as [Section, Operation[]][]) {
      grants[s] = [...new Set([...(grants[s] ?? []), ...ops])];
    }
  };
  if (actor.role !== 'steering_viewer') {
    if (rel.teamRole) merge(teamGrants(rel.teamRole));
    merge(roleGrants(actor, rel));
    const sensitive = sensitiveGrant(actor, rel);
    if (sensitive.length > 0) merge({ sensitive });
  }
  const access = {} as SectionAccess;
  for (const s of sections) {
    const ops = grants[s] ?? [];
    access[s] = { read: ops.includes('read'), write: ops.includes('write') };
  }
  return access;
}

export const may = (access: SectionAccess, section: Section, op: Operation) => access[section]?.[op] ?? false;

/** Reading the NIR in full: those who handle the person's procedures. Each reveal is audited. */
export function mayRevealNir(actor: MemberActor, rel: Relation): boolean {
  if (actor.role === 'steering_viewer') return false;
  if (actor.role === 'orientation_manager') return true;
  return rel.teamRole === 'referent' || rel.teamRole === 'co_referent';
}

/** Who may see the person at all (search results): any readable identity. */
export const mayFind = (actor: MemberActor, rel: Relation) => sectionAccess(actor, rel).identity.read;

/** Managing the team: référents and co-référents; the structure manager for their organisation. */
export function mayManageTeam(actor: MemberActor, rel: Relation): boolean {
  return (
    rel.teamRole === 'referent' ||
    rel.teamRole === 'co_referent' ||
    (actor.role === 'structure_manager' && rel.organisationFollows)
  );
}
