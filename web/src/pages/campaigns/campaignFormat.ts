import { type CampaignChannel, campaignChannelLabels, type RecipientOutcome } from '@spie/contract/campaigns';
import { type AlertRuleId, alertRuleById } from '@spie/contract/review';

/** A plain-French default message; {prenom}, {structure} and {lien} are replaced for each person. */
export const defaultCampaignMessage =
  'Bonjour {prenom}, c’est {structure}. Nous aimerions vous revoir pour faire le point avec vous. Choisissez un rendez-vous ici : {lien}';

/**
 * The key of one launch, chosen when the page opens and sent again on a retry or a double click:
 * the server creates one campaign per key. 32 hexadecimal characters.
 */
export function newLaunchKey(
  source: Pick<Crypto, 'getRandomValues'> & { randomUUID?: () => string } = crypto,
): string {
  if (typeof source.randomUUID === 'function') return source.randomUUID().replaceAll('-', '');
  const bytes = source.getRandomValues(new Uint8Array(16));
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

/** "Perdu·e de vue — novembre 2026", a name the manager can change. */
export function defaultCampaignName(ruleIds: readonly AlertRuleId[], today: Date = new Date()): string {
  const month = new Intl.DateTimeFormat('fr-FR', {
    month: 'long',
    year: 'numeric',
    timeZone: 'Europe/Paris',
  }).format(today);
  const labels = ruleIds.map((id) => alertRuleById[id]?.label ?? id);
  const what =
    labels.length === 0 ? 'Campagne' : labels.length <= 2 ? labels.join(' et ') : `${labels[0]} et autres`;
  return `${what} — ${month}`;
}

export function channelLabel(channel: string): string {
  return campaignChannelLabels[channel as CampaignChannel] ?? channel;
}

export function plural(count: number, singular: string, pluralForm = `${singular}s`): string {
  return `${count.toLocaleString('fr-FR')} ${count > 1 ? pluralForm : singular}`;
}

/** "(12 %)" of a total; empty when the total is 0. */
export function percentOf(count: number, total: number): string {
  if (total <= 0) return '';
  return `(${Math.round((count / total) * 100)} %)`;
}

/** The preview in sentences, for the manager before launching. */
export function previewSentences(preview: {
  people: number;
  byChannel: Record<string, number>;
  withoutContact: number;
  tooMany: boolean;
}): string[] {
  if (preview.people === 0)
    return [
      'Personne ne correspond à ces critères. Choisissez d’autres types d’alerte ou d’autres communes.',
    ];
  const lines = [`${plural(preview.people, 'personne recevra', 'personnes recevront')} l’invitation.`];
  const channels = Object.entries(preview.byChannel)
    .filter(([, count]) => count > 0)
    .map(([channel, count]) => {
      const label = channelLabel(channel);
      const word = label === label.toLocaleUpperCase('fr-FR') ? label : label.toLocaleLowerCase('fr-FR');
      return `par ${word} : ${count.toLocaleString('fr-FR')}`;
    });
  if (channels.length > 0) lines.push(`${channels.join(', ').replace(/^p/, 'P')}.`);
  if (preview.withoutContact > 0)
    lines.push(
      `${plural(preview.withoutContact, 'personne n’a', 'personnes n’ont')} ni téléphone, ni courriel, ni adresse utilisable : ${
        preview.withoutContact > 1 ? 'elles ne recevront' : 'elle ne recevra'
      } rien et ${preview.withoutContact > 1 ? 'seront comptées' : 'sera comptée'} « injoignable » dans le bilan.`,
    );
  return lines;
}

/** A stable key of the selection, to know whether the preview shown is still the right one. */
export function selectionKey(selection: {
  ruleIds: readonly string[];
  communeCodes?: readonly string[] | undefined;
  organisationId?: string | undefined;
  includeSnoozed?: boolean | undefined;
}): string {
  return JSON.stringify([
    [...selection.ruleIds].sort(),
    [...(selection.communeCodes ?? [])].sort(),
    selection.organisationId ?? '',
    selection.includeSnoozed === true,
  ]);
}

/**
 * The server's field paths → the form's: the selection is flat in the form, and each slot's
 * `startsAt` is a date and a time input.
 */
export function campaignFormPath(serverPath: string): string {
  const selection = /^selection\.(ruleIds|organisationId|includeSnoozed)(\..*)?$/.exec(serverPath);
  if (selection) return selection[1] ?? serverPath;
  const slot = /^slots\.(\d+)\.startsAt$/.exec(serverPath);
  if (slot) return `slots.${slot[1]}.date`;
  if (serverPath === 'firstStartsAt') return 'firstDate';
  return serverPath;
}

export interface CampaignCountsLike {
  people: number;
  sent: number;
  delivered: number;
  failed: number;
  reminded: number;
  answered: number;
  callbacks: number;
  booked: number;
  honoured: number;
  unreachable: number;
  noAnswer: number;
  convoked: number;
}

function share(count: number, total: number, of: string): string | null {
  if (total <= 0) return null;
  return `${Math.round((count / total) * 100)} % ${of}`;
}

/** The report's key figures: the number, its words, and a share when it helps. */
export function keyFigures(
  counts: CampaignCountsLike,
): { label: string; value: string; percent: string | null }[] {
  const n = (value: number) => value.toLocaleString('fr-FR');
  const ofPeople = (value: number) => share(value, counts.people, 'des personnes invitées');
  return [
    { label: 'personnes invitées', value: n(counts.people), percent: null },
    { label: 'envoyés', value: n(counts.sent), percent: null },
    {
      label: 'remis',
      value: n(counts.delivered),
      percent: share(counts.delivered, counts.sent, 'des envoyés'),
    },
    { label: 'relances', value: n(counts.reminded), percent: null },
    { label: 'réponses', value: n(counts.answered), percent: ofPeople(counts.answered) },
    { label: 'demandes de rappel', value: n(counts.callbacks), percent: null },
    { label: 'rendez-vous pris', value: n(counts.booked), percent: ofPeople(counts.booked) },
    { label: 'honorés', value: n(counts.honoured), percent: ofPeople(counts.honoured) },
    { label: 'injoignables', value: n(counts.unreachable), percent: ofPeople(counts.unreachable) },
    { label: 'sans réponse', value: n(counts.noAnswer), percent: ofPeople(counts.noAnswer) },
    { label: 'convoqués', value: n(counts.convoked), percent: null },
  ];
}

/** Badge colour of an outcome; the outcome is always written too. */
export const outcomeSeverity: Record<
  RecipientOutcome,
  'info' | 'success' | 'warning' | 'error' | 'new' | undefined
> = {
  en_attente: undefined,
  recontacte: 'info',
  rendez_vous_pris: 'info',
  rendez_vous_honore: 'success',
  injoignable: 'error',
  sans_reponse: 'warning',
};

/** The result of the convocation in words. */
export function convocationResultWords(result: { convoked: number; skipped: number }): string {
  const done =
    result.convoked === 0
      ? 'Aucune convocation envoyée.'
      : `${plural(result.convoked, 'personne convoquée', 'personnes convoquées')} : ${
          result.convoked > 1 ? 'les convocations partent' : 'la convocation part'
        } par leur moyen de contact préféré.`;
  if (result.skipped === 0) return done;
  return `${done} ${plural(result.skipped, 'personne laissée', 'personnes laissées')} de côté : déjà un rendez-vous, ou pas de coordonnées utilisables.`;
}
