import {
  type AppointmentMode,
  type AppointmentType,
  appointmentTypeLabels,
} from '@spie/contract/appointments';
import { displayName } from '../people';
import { frenchDateTimeWords } from './parisTime';

/**
 * What the person is told about an appointment, and through which channel. A message holds what
 * the person needs and nothing more: when, where (or how), with which organisation, how to
 * excuse oneself. Never the person's situation, never their name outside a posted letter.
 */

export type Channel = 'sms' | 'email' | 'letter';
export type Reach = { channel: Channel; recipient: string } | { channel: 'phone' } | { channel: 'none' };

/** The person's contact data, as read for a message. */
export interface PersonContact {
  first_names: string[];
  birth_name: string;
  usage_name: string | null;
  preferred_channel: string | null;
  phone_mobile: string | null;
  phone_invalid_at: Date | string | null;
  email: string | null;
  email_invalid_at: Date | string | null;
  address_line: string | null;
  postal_code: string | null;
  commune_name: string | null;
}

export const personAddressLines = (p: PersonContact) =>
  [p.address_line, [p.postal_code, p.commune_name].filter(Boolean).join(' ')].filter((l): l is string => !!l);

/**
 * The preferred channel when its contact data is usable (not missing, not found invalid by a
 * delivery report); otherwise SMS, e-mail, then letter. Someone who prefers to be called gets
 * no message: the professional calls. A reminder is never a letter (it would arrive too late).
 */
export function reachFor(p: PersonContact, purpose: 'confirmation' | 'reminder'): Reach {
  if (p.preferred_channel === 'phone') return { channel: 'phone' };
  const usable: Record<Channel, string | null> = {
    sms: p.phone_mobile && !p.phone_invalid_at ? p.phone_mobile : null,
    email: p.email && !p.email_invalid_at ? p.email : null,
    letter:
      p.address_line && (p.postal_code || p.commune_name)
        ? [displayName(p), ...personAddressLines(p)].join(', ')
        : null,
  };
  const preferred = (['sms', 'email', 'letter'] as const).find((c) => c === p.preferred_channel);
  const order: Channel[] = [...(preferred ? [preferred] : []), 'sms', 'email', 'letter'];
  for (const channel of order) {
    if (purpose === 'reminder' && channel === 'letter') continue;
    const recipient = usable[channel];
    if (recipient) return { channel, recipient };
  }
  return { channel: 'none' };
}

export const channelLabels: Record<Channel, string> = { sms: 'SMS', email: 'courriel', letter: 'courrier' };

/** The organisation as the person reads it: name, phone, e-mail, address. */
export interface OrganisationContact {
  name: string;
  phone: string | null;
  email: string | null;
  address_line: string | null;
  postal_code: string | null;
  commune_name: string | null;
}

export const organisationAddress = (o: OrganisationContact) =>
  [o.address_line, [o.postal_code, o.commune_name].filter(Boolean).join(' ')].filter(Boolean).join(', ');

/** How to reach the organisation to excuse oneself or move the appointment. */
export function howToExcuse(o: OrganisationContact): string {
  const ways = [
    o.phone ? `par téléphone au ${o.phone}` : null,
    o.email ? `par courriel à ${o.email}` : null,
  ].filter(Boolean);
  if (ways.length > 0) return `prévenez ${o.name} ${ways.join(' ou ')}`;
  const address = organisationAddress(o);
  return address ? `prévenez ${o.name} (${address})` : `prévenez ${o.name}`;
}

export interface AppointmentFacts {
  type: AppointmentType;
  startsAt: Date;
  durationMinutes: number;
  mode: AppointmentMode;
  address: string | null;
  visioUrl: string | null;
}

/** « au 25 rue de l’Exemple, 93000 Bobigny », « par téléphone : … vous appellera », « en visioconférence : https://… ». */
export function placeWords(a: AppointmentFacts, o: OrganisationContact): string {
  if (a.mode === 'sur_place') return `à l’adresse suivante : ${a.address ?? organisationAddress(o)}`;
  if (a.mode === 'visio') return `en visioconférence, avec ce lien : ${a.visioUrl ?? ''}`;
  return `par téléphone : ${o.name} vous appellera`;
}

export type MessageKind = 'confirmation' | 'deplacement' | 'rappel' | 'annulation';

/** Subject and body of a short message (SMS or e-mail) about one appointment. */
export function appointmentMessage(
  kind: MessageKind,
  channel: 'sms' | 'email',
  a: AppointmentFacts,
  o: OrganisationContact,
): { subject: string; body: string } {
  const when = frenchDateTimeWords(a.startsAt);
  const what = appointmentTypeLabels[a.type].toLocaleLowerCase('fr-FR');
  const excuse = howToExcuse(o);
  const subject =
    kind === 'annulation'
      ? `Rendez-vous annulé : ${when}`
      : kind === 'rappel'
        ? `Rappel de votre rendez-vous du ${when}`
        : kind === 'deplacement'
          ? `Votre rendez-vous est déplacé au ${when}`
          : `Votre rendez-vous du ${when}`;
  if (kind === 'annulation') {
    const body =
      channel === 'sms'
        ? `${o.name} : votre rendez-vous du ${when} est annulé. Nous vous proposerons une autre date. Pour toute question, ${excuse}.`
        : [
            'Bonjour,',
            `Votre rendez-vous avec ${o.name} du ${when} est annulé. Nous vous proposerons une autre date.`,
            `Pour toute question, ${excuse}.`,
            o.name,
          ].join('\n\n');
    return { subject, body };
  }
  const lead =
    kind === 'rappel'
      ? 'Rappel : vous avez rendez-vous'
      : kind === 'deplacement'
        ? 'Votre rendez-vous est déplacé. Nouveau rendez-vous'
        : 'Vous avez rendez-vous';
  if (channel === 'sms') {
    return {
      subject,
      body: `${o.name} : ${lead} le ${when}, ${placeWords(a, o)}. Si vous ne pouvez pas venir, ${excuse}.`,
    };
  }
  const body = [
    'Bonjour,',
    `${lead} avec ${o.name} :`,
    [
      `- quand : le ${when} (environ ${a.durationMinutes} minutes) ;`,
      `- pour quoi : ${what} ;`,
      `- où : ${placeWords(a, o)}.`,
    ].join('\n'),
    `Si vous ne pouvez pas venir, ${excuse}, le plus tôt possible : nous fixerons un autre rendez-vous.`,
    o.name,
  ].join('\n\n');
  return { subject, body };
}
