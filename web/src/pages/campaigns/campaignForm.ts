import { durationMinutes, localDateTime } from '@spie/contract/appointments';
import { campaignMessage, campaignSelection, campaignSlotInput, launchBody } from '@spie/contract/campaigns';
import { z } from 'zod';
import { joinLocal } from '../appointments/appointmentFormat';
import type { ConvocationBody, LaunchBody, PreviewBody } from './campaigns.queries';

/** Cross-field checks run even when another field is wrong: every message is shown at once. */
const always = { when: () => true };

function checkFuture(
  date: string,
  time: string,
  now: string,
  ctx: z.RefinementCtx,
  path: (string | number)[],
  what: string,
): void {
  if (!date) {
    ctx.addIssue({ code: 'custom', path: [...path, 'date'], message: `Indiquez la date ${what}.` });
    return;
  }
  if (!time) {
    ctx.addIssue({ code: 'custom', path: [...path, 'time'], message: `Indiquez l’heure ${what}.` });
    return;
  }
  const local = joinLocal(date, time);
  if (!localDateTime.safeParse(local).success)
    ctx.addIssue({ code: 'custom', path: [...path, 'date'], message: 'Date ou heure invalide.' });
  else if (local <= now)
    ctx.addIssue({ code: 'custom', path: [...path, 'date'], message: 'Choisissez une date à venir.' });
}

const slotRow = z.object({
  date: z.string(),
  time: z.string(),
  durationMinutes,
  address: z
    .string()
    .trim()
    .min(1, 'Indiquez le lieu du rendez-vous.')
    .max(300, 'Lieu : 300 caractères au plus.'),
  capacity: campaignSlotInput.shape.capacity,
  professionalAccountId: z.string().min(1, 'Choisissez qui reçoit la personne.'),
});
export type SlotRow = z.input<typeof slotRow>;

/** The new campaign's form: the selection is flat, each slot has a date and a time input. */
export function campaignForm(now: () => string) {
  return z
    .object({
      ruleIds: campaignSelection.shape.ruleIds,
      organisationId: z.string(),
      includeSnoozed: z.boolean(),
      message: campaignMessage,
      appointmentType: launchBody.shape.appointmentType.unwrap(),
      slots: z.array(slotRow).max(200, 'Au plus 200 créneaux.'),
      allowCallback: z.boolean(),
      name: launchBody.shape.name,
    })
    .superRefine((values, ctx) => {
      const current = now();
      values.slots.forEach((slot, index) => {
        checkFuture(slot.date, slot.time, current, ctx, ['slots', index], 'du créneau');
      });
      if (values.slots.length === 0 && !values.allowCallback)
        ctx.addIssue({
          code: 'custom',
          path: ['allowCallback'],
          message:
            'Proposez au moins un créneau, ou laissez la personne demander à être rappelée : sinon elle ne pourra pas répondre.',
        });
    }, always);
}
export type CampaignFormValues = z.input<ReturnType<typeof campaignForm>>;
export type CampaignFormOutput = z.output<ReturnType<typeof campaignForm>>;

export function emptySlot(previous?: SlotRow, professionalAccountId = ''): SlotRow {
  return {
    date: previous?.date ?? '',
    time: '',
    durationMinutes: previous?.durationMinutes ?? 30,
    address: previous?.address ?? '',
    capacity: previous?.capacity ?? 1,
    professionalAccountId: previous?.professionalAccountId ?? professionalAccountId,
  };
}

export function toSelection(values: {
  ruleIds: readonly string[];
  organisationId: string;
  includeSnoozed: boolean;
  communeCodes: readonly string[];
}): PreviewBody['selection'] {
  return {
    ruleIds: [...values.ruleIds] as PreviewBody['selection']['ruleIds'],
    communeCodes: [...values.communeCodes],
    ...(values.organisationId ? { organisationId: values.organisationId } : {}),
    includeSnoozed: values.includeSnoozed,
  };
}

/** The preview asks the sample of the message only when it is valid (else: the count alone). */
export function toPreviewBody(selection: PreviewBody['selection'], message: string): PreviewBody {
  return campaignMessage.safeParse(message).success ? { selection, message } : { selection };
}

export function toLaunchBody(
  values: CampaignFormOutput,
  communeCodes: readonly string[],
  idempotencyKey: string,
): LaunchBody {
  return {
    idempotencyKey,
    name: values.name,
    selection: toSelection({ ...values, communeCodes }),
    message: values.message,
    appointmentType: values.appointmentType,
    slots: values.slots.map((slot) => ({
      startsAt: joinLocal(slot.date, slot.time),
      durationMinutes: slot.durationMinutes,
      mode: 'sur_place' as const,
      address: slot.address,
      capacity: slot.capacity,
      professionalAccountId: slot.professionalAccountId,
    })),
    allowCallback: values.allowCallback,
  };
}

/** « Convoquer les personnes sans réponse »: the first appointment, then one every N minutes. */
export function convocationForm(now: () => string) {
  return z
    .object({
      firstDate: z.string(),
      firstTime: z.string(),
      intervalMinutes: z
        .number({ message: 'Écart : un nombre de minutes est attendu.' })
        .int('Écart : un nombre entier de minutes.')
        .min(10, 'Au moins 10 minutes entre deux rendez-vous.')
        .max(240, 'Au plus 4 heures entre deux rendez-vous.'),
      durationMinutes,
      dayEndsAt: z.string().regex(/^\d{2}:\d{2}$/, 'Indiquez l’heure du dernier rendez-vous de la journée.'),
      address: z
        .string()
        .trim()
        .min(1, 'Indiquez le lieu des rendez-vous.')
        .max(300, 'Lieu : 300 caractères au plus.'),
      professionalAccountId: z.string().min(1, 'Choisissez qui reçoit les personnes.'),
    })
    .superRefine((values, ctx) => {
      if (!values.firstDate) {
        ctx.addIssue({
          code: 'custom',
          path: ['firstDate'],
          message: 'Indiquez la date du premier rendez-vous.',
        });
        return;
      }
      if (!values.firstTime) {
        ctx.addIssue({
          code: 'custom',
          path: ['firstTime'],
          message: 'Indiquez l’heure du premier rendez-vous.',
        });
        return;
      }
      const local = joinLocal(values.firstDate, values.firstTime);
      if (!localDateTime.safeParse(local).success || local <= now())
        ctx.addIssue({ code: 'custom', path: ['firstDate'], message: 'Choisissez une date à venir.' });
      else if (values.dayEndsAt && values.dayEndsAt < values.firstTime)
        ctx.addIssue({
          code: 'custom',
          path: ['dayEndsAt'],
          message: 'Le dernier rendez-vous de la journée doit être après le premier.',
        });
    }, always);
}
export type ConvocationFormValues = z.input<ReturnType<typeof convocationForm>>;

export function toConvocationBody(values: z.output<ReturnType<typeof convocationForm>>): ConvocationBody {
  return {
    firstStartsAt: joinLocal(values.firstDate, values.firstTime),
    intervalMinutes: values.intervalMinutes,
    durationMinutes: values.durationMinutes,
    dayEndsAt: values.dayEndsAt,
    mode: 'sur_place',
    address: values.address,
    professionalAccountId: values.professionalAccountId,
  };
}
