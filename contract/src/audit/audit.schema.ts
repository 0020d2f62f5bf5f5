import { z } from 'zod';

export const auditOutcomes = ['success', 'denied', 'failure'] as const;

export const auditEntry = z.object({
  seq: z.string(),
  at: z.string(),
  accountId: z.string().nullable(),
  accountName: z.string().nullable(),
  organisationName: z.string().nullable(),
  role: z.string().nullable(),
  action: z.string(),
  subjectType: z.string().nullable(),
  subjectId: z.string().nullable(),
  personId: z.string().nullable(),
  section: z.string().nullable(),
  outcome: z.enum(auditOutcomes),
  requestId: z.string().nullable(),
});
export type AuditEntry = z.infer<typeof auditEntry>;

export const auditOutcomeLabels: Record<(typeof auditOutcomes)[number], string> = {
  success: 'Réussi',
  denied: 'Refusé',
  failure: 'Échec',
};
