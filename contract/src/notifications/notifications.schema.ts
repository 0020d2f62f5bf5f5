import { z } from 'zod';
import { uuid } from '../http';

export const channels = ['email', 'sms', 'letter'] as const;
export const channel = z.enum(channels);
export type Channel = z.infer<typeof channel>;
export const channelLabels: Record<Channel, string> = { email: 'Courriel', sms: 'SMS', letter: 'Courrier' };

export const deliveryStatuses = ['pending', 'sent', 'failed'] as const;
export type DeliveryStatus = (typeof deliveryStatuses)[number];
export const deliveryStatusLabels: Record<DeliveryStatus, string> = {
  pending: 'En attente d’envoi',
  sent: 'Envoyé',
  failed: 'Échec de l’envoi',
};

export const notification = z.object({
  id: uuid,
  channel,
  recipient: z.string(),
  subject: z.string(),
  body: z.string(),
  status: z.enum(deliveryStatuses),
  attempts: z.number().int(),
  createdAt: z.string(),
  sentAt: z.string().nullable(),
  lastError: z.string().nullable(),
});
export type Notification = z.infer<typeof notification>;
