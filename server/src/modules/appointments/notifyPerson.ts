import type { AppointmentMode, AppointmentType } from '@spie/contract/appointments';
import type { UseCaseContext } from '../../kernel/useCase';
import { queueNotification } from '../notifications';
import { displayName, parisToday, storeGeneratedDocument } from '../people';
import { renderAppointmentLetter } from './letter';
import {
  type AppointmentFacts,
  appointmentMessage,
  type MessageKind,
  type OrganisationContact,
  type PersonContact,
  personAddressLines,
  type Reach,
  reachFor,
} from './messages';

export interface AppointmentToTell {
  id: string;
  territoryId: string;
  personId: string;
  organisationId: string;
  type: AppointmentType;
  startsAt: Date;
  durationMinutes: number;
  mode: AppointmentMode;
  address: string | null;
  visioUrl: string | null;
  source: string;
}

export interface Told {
  reach: Reach['channel'];
  notificationId: string | null;
  documentId: string | null;
}

/** The person's contact data (read for a message only). */
export function personContact(ctx: UseCaseContext, territoryId: string, personId: string) {
  return ctx.trx
    .selectFrom('persons as p')
    .leftJoin('communes as c', 'c.code', 'p.commune_code')
    .select([
      'p.first_names',
      'p.birth_name',
      'p.usage_name',
      'p.preferred_channel',
      'p.phone_mobile',
      'p.phone_invalid_at',
      'p.email',
      'p.email_invalid_at',
      'p.address_line',
      'p.postal_code',
      'c.name as commune_name',
    ])
    .where('p.territory_id', '=', territoryId)
    .where('p.id', '=', personId)
    .executeTakeFirstOrThrow() satisfies Promise<PersonContact>;
}

export function organisationContact(
  ctx: Pick<UseCaseContext, 'trx'>,
  territoryId: string,
  organisationId: string,
): Promise<OrganisationContact> {
  return ctx.trx
    .selectFrom('organisations as o')
    .leftJoin('communes as c', 'c.code', 'o.commune_code')
    .select(['o.name', 'o.phone', 'o.email', 'o.address_line', 'o.postal_code', 'c.name as commune_name'])
    .where('o.territory_id', '=', territoryId)
    .where('o.id', '=', organisationId)
    .executeTakeFirstOrThrow();
}

/**
 * Tells the person about their appointment by their channel (see `reachFor`): a stored SMS or
 * e-mail, or for the post a PDF letter kept in their documents plus a letter notification (to
 * print and post). Someone who prefers a call, or who has no usable contact, gets nothing stored:
 * the caller says so on the timeline.
 */
export async function tellPerson(
  ctx: UseCaseContext,
  a: AppointmentToTell,
  kind: MessageKind,
): Promise<Told> {
  const [person, organisation] = await Promise.all([
    personContact(ctx, a.territoryId, a.personId),
    organisationContact(ctx, a.territoryId, a.organisationId),
  ]);
  const reach = reachFor(person, kind === 'rappel' ? 'reminder' : 'confirmation');
  const createdByAccountId = ctx.actor.kind === 'member' ? ctx.actor.accountId : null;
  const facts: AppointmentFacts = {
    type: a.type,
    startsAt: a.startsAt,
    durationMinutes: a.durationMinutes,
    mode: a.mode,
    address: a.address,
    visioUrl: a.visioUrl,
  };
  if (reach.channel === 'phone' || reach.channel === 'none') {
    return { reach: reach.channel, notificationId: null, documentId: null };
  }
  if (reach.channel === 'letter') {
    const letterKind = kind === 'rappel' ? 'confirmation' : kind;
    const bytes = await renderAppointmentLetter({
      kind: letterKind,
      convocation: a.source === 'convocation',
      appointment: facts,
      organisation,
      recipient: { name: displayName(person), addressLines: personAddressLines(person) },
      writtenOn: ctx.now,
    });
    const day = parisToday(a.startsAt);
    const documentId = await storeGeneratedDocument(ctx.trx, {
      territoryId: a.territoryId,
      personId: a.personId,
      category: 'letter',
      section: 'journey',
      filename: `${letterKind === 'annulation' ? 'annulation-rendez-vous' : 'rendez-vous'}-${day}.pdf`,
      contentType: 'application/pdf',
      bytes,
      organisationId: a.organisationId,
      at: ctx.now,
    });
    const notificationId = await queueNotification(
      ctx.trx,
      {
        territoryId: a.territoryId,
        channel: 'letter',
        recipient: reach.recipient,
        personId: a.personId,
        createdByAccountId,
        subject:
          letterKind === 'annulation'
            ? 'Annulation de rendez-vous (courrier postal à envoyer)'
            : 'Convocation / rendez-vous (courrier postal à envoyer)',
        body: `Courrier à imprimer et poster : document ${documentId} du dossier (${letterKind === 'annulation' ? 'annulation de rendez-vous' : 'convocation / rendez-vous'}).`,
        relatedKind: 'appointment',
        relatedId: a.id,
      },
      ctx.now,
    );
    return { reach: 'letter', notificationId, documentId };
  }
  const message = appointmentMessage(kind, reach.channel, facts, organisation);
  const notificationId = await queueNotification(
    ctx.trx,
    {
      territoryId: a.territoryId,
      channel: reach.channel,
      recipient: reach.recipient,
      personId: a.personId,
      createdByAccountId,
      subject: message.subject,
      body: message.body,
      relatedKind: 'appointment',
      relatedId: a.id,
    },
    ctx.now,
  );
  return { reach: reach.channel, notificationId, documentId: null };
}

/** A few words for the timeline about how the person was told. */
export function toldWords(told: Told | null): string {
  if (!told) return 'Sans message à la personne.';
  switch (told.reach) {
    case 'sms':
      return 'Message envoyé par SMS.';
    case 'email':
      return 'Message envoyé par courriel.';
    case 'letter':
      return 'Courrier à poster (dans les documents).';
    case 'phone':
      return 'La personne préfère le téléphone : appelez-la pour le lui dire.';
    default:
      return 'Aucun message : pas de coordonnées utilisables, prévenez la personne autrement.';
  }
}
