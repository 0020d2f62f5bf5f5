import { type AppointmentMode, appointmentModeLabels } from '@spie/contract/appointments';
import { durationInWords, localInWords } from '../appointments/appointmentFormat';

/**
 * The code as the person may type it from a letter: spaces and dashes removed. Null when it cannot
 * be a code (the page then explains the link does not work, without asking the server).
 */
export function normalizeToken(raw: string): string | null {
  const token = raw.replace(/[\s-]/g, '');
  return /^[A-Za-z0-9]{8,64}$/.test(token) ? token : null;
}

/** The radio's label: "Mardi 24 novembre 2026 à 10 h 30". */
export function slotLabel(slot: { startsAtLocal: string }): string {
  return localInWords(slot.startsAtLocal, true);
}

/** "3 places", "1 place", "Complet". */
export function placesInWords(placesLeft: number): string {
  if (placesLeft <= 0) return 'Complet';
  return `${placesLeft} ${placesLeft > 1 ? 'places' : 'place'}`;
}

/** Where: "Adresse : 3 rue Haute, Bobigny", "Par téléphone : nous vous appellerons". */
export function slotPlaceInWords(slot: { mode: AppointmentMode; address: string | null }): string {
  if (slot.mode === 'sur_place') return slot.address ? `Adresse : ${slot.address}` : 'Sur place';
  if (slot.mode === 'telephone') return 'Par téléphone : nous vous appellerons';
  return `${appointmentModeLabels.visio} : vous recevrez le lien`;
}

/** The lines under a slot: where, how long, places left. */
export function slotHintLines(slot: {
  mode: AppointmentMode;
  address: string | null;
  durationMinutes: number;
  placesLeft: number;
}): string[] {
  return [
    slotPlaceInWords(slot),
    `Durée : ${durationInWords(slot.durationMinutes)}`,
    placesInWords(slot.placesLeft),
  ];
}

export const callbackTimes = ['matin', 'apres_midi', 'indifferent'] as const;
export type CallbackTime = (typeof callbackTimes)[number];
export const callbackTimeLabels: Record<CallbackTime, string> = {
  matin: 'Le matin',
  apres_midi: 'L’après-midi',
  indifferent: 'Peu importe',
};

/** "Nous vous appellerons le matin, dans les prochains jours." */
export function callbackSentence(organisationName: string, time: CallbackTime | null): string {
  const when = time === 'matin' ? ' le matin' : time === 'apres_midi' ? ' l’après-midi' : '';
  return `${organisationName} va vous appeler${when}, dans les prochains jours.`;
}
