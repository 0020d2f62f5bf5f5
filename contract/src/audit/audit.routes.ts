import { z } from 'zod';
import { defineRoute, page } from '../http';
import { auditEntry } from './audit.schema';

export const auditRoutes = {
  listAudit: defineRoute({
    id: 'audit.list',
    method: 'GET',
    path: '/api/audit',
    summary: "Journal d'audit du territoire (du plus récent au plus ancien)",
    tags: ['Audit'],
    query: z.object({
      action: z.string().trim().max(100).optional(),
      accountId: z.uuid().optional(),
      after: z
        .string()
        .regex(/^\d{1,18}$/, 'Curseur de pagination invalide.')
        .optional(),
      limit: z.coerce.number().int().min(1).max(200).default(50),
    }),
    response: page(auditEntry),
  }),
} as const;
