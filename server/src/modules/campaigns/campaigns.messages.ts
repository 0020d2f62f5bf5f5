import { frenchDayWords } from '../appointments';
import type { CampaignOrganisation } from './campaigns.access';
import { parisDayStart } from './campaigns.time';
import { spacedCode } from './campaigns.tokens';

/** « jeudi 12 novembre 2026 ». */
export const dayWords = (day: string) => frenchDayWords(parisDayStart(day));
const frenchDate = dayWords;

/** The manager's message with {prenom}, {structure} and {lien} replaced for one person. */
export function fillMessage(
  template: string,
  v: { prenom: string; structure: string; lien: string },
): string {
  return template
    .replaceAll('{prenom}', v.prenom)
    .replaceAll('{structure}', v.structure)
    .replaceAll('{lien}', v.lien);
}

export const SAMPLE_FIRST_NAME = 'Camille';
export const SAMPLE_CODE = 'ABCD2345EFGH';

export const invitationSubject = (organisationName: string) =>
  `${organisationName} vous propose un rendez-vous`;

/** The e-mail: the message, then how to answer if the link does not open. */
export function invitationEmail(filled: string, o: CampaignOrganisation, expiresOn: string): string {
  return [
    filled,
    '',
    `Vous pouvez répondre jusqu’au ${frenchDate(expiresOn)} inclus.`,
    ...(o.phone ? [`Vous pouvez aussi appeler ${o.name} au ${o.phone}.`] : []),
    '',
    o.name,
  ].join('\n');
}

export interface LetterFacts {
  organisation: CampaignOrganisation;
  recipientName: string;
  addressLines: string[];
  today: string;
  filled: string;
  url: string;
  code: string;
  expiresOn: string;
}

/**
 * The letter, as plain text kept in the letter notification: the letters PDF is printed from it
 * (blocks separated by a blank line; the « Objet » block is the page's heading).
 */
export function invitationLetter(f: LetterFacts): string {
  const o = f.organisation;
  return [
    [o.name, ...(o.address ? [o.address] : []), ...(o.phone ? [`Téléphone : ${o.phone}`] : [])].join('\n'),
    [f.recipientName, ...f.addressLines].join('\n'),
    `Le ${frenchDate(f.today)}`,
    'Objet : proposition de rendez-vous',
    f.filled,
    `Pour répondre, tapez cette adresse sur un téléphone ou un ordinateur :\n${f.url}\nVotre code personnel : ${spacedCode(f.code)}`,
    `Vous pouvez choisir un rendez-vous ou demander à être rappelé·e, jusqu’au ${frenchDate(f.expiresOn)} inclus.${o.phone ? ` Sans téléphone ni ordinateur, appelez ${o.name} au ${o.phone}.` : ''}`,
    o.name,
  ].join('\n\n');
}

/** The reminder at D+3 (SMS or e-mail only: a letter would arrive too late). */
export function reminderText(v: {
  prenom: string;
  structure: string;
  lien: string;
  expiresOn: string;
  allowCallback?: boolean;
}): string {
  const ask =
    v.allowCallback === false
      ? 'Choisissez un rendez-vous'
      : 'Choisissez un rendez-vous ou demandez à être rappelé·e';
  return `Bonjour ${v.prenom}, ${v.structure} attend votre réponse. ${ask} au plus tard le ${frenchDate(v.expiresOn)} : ${v.lien}`;
}

export const reminderSubject = (organisationName: string) =>
  `Rappel : ${organisationName} attend votre réponse`;

/** What to do when the link no longer works. */
export function callTheOrganisation(o: { name: string; phone: string | null }): string {
  return o.phone ? `appelez ${o.name} au ${o.phone}` : `contactez ${o.name}`;
}
