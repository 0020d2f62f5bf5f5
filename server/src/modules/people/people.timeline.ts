import type { Section } from '@spie/contract/people';
import type { Deps } from '../../kernel/deps';
import type { DomainEvent, StoredEvent } from '../../kernel/outbox';
import type { UseCaseContext } from '../../kernel/useCase';

/**
 * The journey timeline is fed by domain events: any event whose payload carries `personId` and
 * `timeline` becomes one entry, visible to readers of its `section`. Other modules (diagnostics,
 * orientations, contracts…) only have to emit such events.
 */
export interface TimelinePayload {
  personId: string;
  actorAccountId: string | null;
  organisationId: string | null;
  timeline: { section: Section; summary: string; link?: string | null };
  [key: string]: unknown;
}

/** Builds a person event with its timeline entry, from a use case's context. */
export function personEvent(
  ctx: UseCaseContext,
  type: string,
  personId: string,
  timeline: TimelinePayload['timeline'],
  extra: Record<string, unknown> = {},
): DomainEvent {
  const actor = ctx.actor;
  const territoryId =
    actor.kind === 'member' ? actor.territoryId : actor.kind === 'system' ? actor.territoryId : null;
  return {
    type,
    territoryId,
    payload: {
      ...extra,
      personId,
      actorAccountId: actor.kind === 'member' || actor.kind === 'account' ? actor.accountId : null,
      organisationId: actor.kind === 'member' ? actor.organisationId : null,
      timeline,
    } satisfies TimelinePayload,
  };
}

/** Subscriber: one timeline entry per event (idempotent on the event id). */
export async function recordTimelineEntry(deps: Deps, event: StoredEvent): Promise<void> {
  const p = event.payload as Partial<TimelinePayload>;
  if (!event.territoryId || typeof p.personId !== 'string' || !p.timeline) return;
  const section = (await involvesSensitiveOrganisation(deps, event.territoryId, p))
    ? 'sensitive'
    : p.timeline.section;
  await deps.database.db
    .insertInto('timeline_events')
    .values({
      territory_id: event.territoryId,
      person_id: p.personId,
      occurred_at: event.occurredAt,
      type: event.type,
      section,
      summary: p.timeline.summary.slice(0, 300),
      actor_account_id: p.actorAccountId ?? null,
      organisation_id: p.organisationId ?? null,
      link: p.timeline.link ?? null,
      source_event_id: event.id,
    })
    .onConflict((oc) =>
      oc.columns(['source_event_id', 'person_id']).where('source_event_id', 'is not', null).doNothing(),
    )
    .execute();
}

/**
 * That a health or justice organisation (addiction care, SPIP…) takes part in someone's journey
 * is itself sensitive: any entry done by, or about a follow-up of, such an organisation is only
 * shown to readers of the sensitive section, whatever section its author gave it.
 */
async function involvesSensitiveOrganisation(
  deps: Deps,
  territoryId: string,
  p: Partial<TimelinePayload>,
): Promise<boolean> {
  const orgIds = new Set<string>();
  if (typeof p.organisationId === 'string') orgIds.add(p.organisationId);
  if (typeof p.followUpId === 'string') {
    const f = await deps.database.db
      .selectFrom('follow_ups')
      .select('organisation_id')
      .where('territory_id', '=', territoryId)
      .where('id', '=', p.followUpId)
      .executeTakeFirst();
    if (f) orgIds.add(f.organisation_id);
  }
  if (orgIds.size === 0) return false;
  const sensitive = await deps.database.db
    .selectFrom('organisations')
    .select('id')
    .where('territory_id', '=', territoryId)
    .where('id', 'in', [...orgIds])
    .where('sensitive', '=', true)
    .executeTakeFirst();
  return sensitive !== undefined;
}
