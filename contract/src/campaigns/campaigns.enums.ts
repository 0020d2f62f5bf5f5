import { z } from 'zod';

export const campaignStatuses = ['en_cours', 'terminee', 'annulee'] as const;
export const campaignStatus = z.enum(campaignStatuses);
export type CampaignStatus = z.infer<typeof campaignStatus>;
export const campaignStatusLabels: Record<CampaignStatus, string> = {
  en_cours: 'En cours',
  terminee: 'Terminée',
  annulee: 'Annulée',
};

/**
 * Where each person is in the campaign (rdv-insertion's steps, domain §7):
 * invitation queued → sent → reminded at D+3 → answered | expired at D+10 → convoked.
 */
export const recipientSteps = [
  'a_envoyer',
  'invitee',
  'relancee',
  'repondu',
  'expiree',
  'convoquee',
] as const;
export const recipientStep = z.enum(recipientSteps);
export type RecipientStep = z.infer<typeof recipientStep>;
export const recipientStepLabels: Record<RecipientStep, string> = {
  a_envoyer: 'Invitation à envoyer',
  invitee: 'Invitation envoyée',
  relancee: 'Relance envoyée',
  repondu: 'A répondu',
  expiree: 'Invitation expirée',
  convoquee: 'Convocation envoyée',
};

/** The outcome for the person (the report's columns). */
export const recipientOutcomes = [
  'en_attente',
  'recontacte',
  'rendez_vous_pris',
  'rendez_vous_honore',
  'injoignable',
  'sans_reponse',
] as const;
export const recipientOutcome = z.enum(recipientOutcomes);
export type RecipientOutcome = z.infer<typeof recipientOutcome>;
export const recipientOutcomeLabels: Record<RecipientOutcome, string> = {
  en_attente: 'En attente de réponse',
  recontacte: 'Recontacté·e (demande de rappel)',
  rendez_vous_pris: 'Rendez-vous pris',
  rendez_vous_honore: 'Rendez-vous honoré',
  injoignable: 'Injoignable (coordonnées invalides)',
  sans_reponse: 'Sans réponse',
};

/** Delivery of the last message sent to the person, from the provider's delivery report. */
export const deliveryStatuses = ['en_attente', 'envoye', 'remis', 'echec'] as const;
export type DeliveryStatus = (typeof deliveryStatuses)[number];
export const deliveryStatusLabels: Record<DeliveryStatus, string> = {
  en_attente: 'Pas encore envoyé',
  envoye: 'Envoyé',
  remis: 'Remis',
  echec: 'Non remis',
};

export const campaignChannels = ['sms', 'email', 'letter'] as const;
export type CampaignChannel = (typeof campaignChannels)[number];
export const campaignChannelLabels: Record<CampaignChannel, string> = {
  sms: 'SMS',
  email: 'Courriel',
  letter: 'Courrier',
};
