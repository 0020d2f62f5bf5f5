import { appointmentTypeLabels } from '@spie/contract/appointments';
import { taggedPdf } from '../../kernel/pdf';
import {
  type AppointmentFacts,
  howToExcuse,
  type MessageKind,
  type OrganisationContact,
  organisationAddress,
  placeWords,
} from './messages';
import { frenchDateTimeWords, frenchDayWords } from './parisTime';

export const LETTER_TITLE = 'Convocation / rendez-vous';

export interface AppointmentLetterFacts {
  kind: Exclude<MessageKind, 'rappel'>;
  /** A convocation (after an invitation left unanswered) says so. */
  convocation: boolean;
  appointment: AppointmentFacts;
  organisation: OrganisationContact;
  recipient: { name: string; addressLines: string[] };
  writtenOn: Date;
}

/**
 * The posted letter for someone whose channel is the post: an accessible PDF (tagged, French,
 * real text, title shown), in plain words. It goes into the person's documents and the
 * organisation prints and posts it.
 */
export function renderAppointmentLetter(f: AppointmentLetterFacts): Promise<Buffer> {
  const o = f.organisation;
  const a = f.appointment;
  const heading =
    f.kind === 'annulation'
      ? 'Annulation de votre rendez-vous'
      : f.kind === 'deplacement'
        ? 'Votre rendez-vous est déplacé'
        : f.convocation
          ? 'Convocation à un rendez-vous'
          : 'Votre rendez-vous';
  const pdf = taggedPdf({ title: `${LETTER_TITLE} — ${o.name}`, author: o.name, subject: heading });
  const { p, h2 } = pdf;
  p([o.name, organisationAddress(o)].filter(Boolean).join('\n'));
  p([f.recipient.name, ...f.recipient.addressLines].join('\n'));
  p(`Le ${frenchDayWords(f.writtenOn)}`);
  pdf.h1(heading);
  p('Madame, Monsieur,');
  const when = frenchDateTimeWords(a.startsAt);
  if (f.kind === 'annulation') {
    p(`Votre rendez-vous avec ${o.name} du ${when} est annulé. Nous vous proposerons une autre date.`);
    h2('Pour toute question');
    p(`${howToExcuse(o).replace(/^prévenez/, 'Contactez')}.`);
  } else {
    p(
      f.convocation
        ? `Vous êtes convoqué·e à un rendez-vous avec ${o.name}.`
        : `Vous avez rendez-vous avec ${o.name}.`,
    );
    h2('Quand');
    p(`Le ${when}. Le rendez-vous dure environ ${a.durationMinutes} minutes.`);
    h2('Où');
    p(`${placeWords(a, o).replace(/^./, (c) => c.toLocaleUpperCase('fr-FR'))}.`);
    h2('Pour quoi');
    p(appointmentTypeLabels[a.type]);
    h2('Si vous ne pouvez pas venir');
    p(
      `Il est important de venir. Si vous ne pouvez pas, ${howToExcuse(o)} le plus tôt possible : nous fixerons un autre rendez-vous.`,
    );
  }
  p('Veuillez agréer, Madame, Monsieur, nos salutations distinguées.');
  p(o.name);
  return pdf.finish();
}
