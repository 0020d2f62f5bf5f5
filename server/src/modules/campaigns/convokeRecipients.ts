import type { AppointmentType } from '@spie/contract/appointments';
import { campaignsRoutes } from '@spie/contract/campaigns';
import { sql } from 'kysely';
import { conflict, DomainError } from '../../kernel/errors';
import { defineUseCase } from '../../kernel/useCase';
import { bookAppointment } from '../appointments';
import { loadCampaign, mayHandleCampaign, organisationContact } from './campaigns.access';
import { convocationTimes, fromParisLocal } from './campaigns.time';

const input = campaignsRoutes.convoke.params.extend(campaignsRoutes.convoke.body.shape);

/**
 * Convokes the people whose invitation expired without an answer (domain §7: a convocation comes
 * only after the invitation): one appointment each, one after the other from `firstStartsAt`
 * every `intervalMinutes`, the next weekday at 09:00 once `dayEndsAt` is passed. Each appointment
 * is booked through the appointments module (source « convocation », the person told by their
 * channel). A person who cannot be booked is skipped and counted.
 */
export const convokeRecipients = defineUseCase({
  name: 'campaigns.convoke',
  kind: 'command',
  input,
  authorize: (ctx, input) => mayHandleCampaign(ctx, input.id),
  run: async (ctx, input) => {
    const c = await loadCampaign(ctx, input.id, true);
    const t = c.territory_id;
    if (c.status === 'annulee') {
      throw conflict('campaigns.cancelled', 'Cette campagne est annulée : on ne convoque plus.');
    }
    const first = fromParisLocal(input.firstStartsAt);
    if (!first || first.getTime() <= ctx.now.getTime()) {
      throw new DomainError(
        'validation',
        'campaigns.convocation_in_the_past',
        'Choisissez une date et une heure à venir.',
        [{ path: 'firstStartsAt', message: 'Choisissez une date et une heure à venir.' }],
      );
    }
    const member = await ctx.trx
      .selectFrom('memberships')
      .select('account_id')
      .where('territory_id', '=', t)
      .where('organisation_id', '=', c.organisation_id)
      .where('account_id', '=', input.professionalAccountId)
      .where('ended_at', 'is', null)
      .where('role', 'in', ['professional', 'social_worker', 'structure_manager'])
      .executeTakeFirst();
    const organisation = await organisationContact(ctx, c.organisation_id, t);
    if (!member) {
      throw new DomainError(
        'validation',
        'campaigns.invalid_professional',
        'Choisissez un professionnel de la structure.',
        [
          {
            path: 'professionalAccountId',
            message: `Choisissez un professionnel de la structure (${organisation?.name ?? 'celle de la campagne'}).`,
          },
        ],
      );
    }
    const address =
      input.mode === 'sur_place' ? input.address?.trim() || organisation?.address || null : null;
    if (input.mode === 'visio') {
      throw new DomainError(
        'validation',
        'campaigns.invalid_mode',
        'Les convocations se tiennent sur place ou par téléphone.',
        [{ path: 'mode', message: 'Choisissez « sur place » ou « par téléphone ».' }],
      );
    }
    const expired = await ctx.trx
      .selectFrom('campaign_recipients as r')
      .innerJoin('persons as p', (j) =>
        j.onRef('p.territory_id', '=', 'r.territory_id').onRef('p.id', '=', 'r.person_id'),
      )
      .select(['r.id', 'r.person_id', 'p.merged_into_id'])
      .where('r.territory_id', '=', t)
      .where('r.campaign_id', '=', c.id)
      .where('r.step', '=', 'expiree')
      .where('r.answer', 'is', null)
      .where('r.appointment_id', 'is', null)
      .orderBy('r.id')
      .forUpdate('r')
      .execute();
    // A record merged into another since the launch: the kept record is convoked on its own.
    const due = expired.filter((r) => r.merged_into_id === null);
    let skipped = expired.length - due.length;
    const times = convocationTimes(input.firstStartsAt, due.length, input.intervalMinutes, input.dayEndsAt);
    const convoked: { id: string; appointmentId: string }[] = [];
    let slot = 0;
    for (const r of due) {
      const startsAt = fromParisLocal(times[slot] as string);
      try {
        const { id } = await bookAppointment(ctx, {
          personId: r.person_id,
          organisationId: c.organisation_id,
          type: c.appointment_type as AppointmentType,
          startsAt: startsAt as Date,
          durationMinutes: input.durationMinutes,
          mode: input.mode,
          address,
          visioUrl: null,
          professionalAccountIds: [input.professionalAccountId],
          source: 'convocation',
          campaignId: c.id,
          notifyPerson: true,
        });
        convoked.push({ id: r.id, appointmentId: id });
        slot++;
      } catch (error) {
        // A refusal about the input (place incomplete…) concerns everyone: the whole convocation stops.
        if (!(error instanceof DomainError) || error.kind === 'validation') throw error;
        skipped++;
      }
    }
    if (convoked.length > 0) {
      await sql`
        update campaign_recipients r set step = 'convoquee', convoked_at = ${ctx.now}, appointment_id = v.appointment_id,
          updated_at = ${ctx.now}
        from unnest(${convoked.map((x) => x.id)}::uuid[], ${convoked.map((x) => x.appointmentId)}::uuid[])
          as v(id, appointment_id)
        where r.territory_id = ${t}::uuid and r.id = v.id`.execute(ctx.trx);
    }
    return { convoked: convoked.length, skipped };
  },
  auditSubject: (input, output) => ({
    subjectType: 'campaign',
    subjectId: input.id,
    details: { convoked: output.convoked, skipped: output.skipped },
  }),
});
