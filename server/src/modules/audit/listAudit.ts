import type { AuditEntry } from '@spie/contract/audit';
import { auditRoutes } from '@spie/contract/audit';
import { sql } from 'kysely';
import { defineUseCase } from '../../kernel/useCase';

/** The territory's audit trail, newest first (territory admins). */
export const listAudit = defineUseCase({
  name: 'audit.list',
  kind: 'query',
  input: auditRoutes.listAudit.query,
  authorize: (ctx) => ctx.actor.role === 'territory_admin',
  run: async (ctx, input): Promise<{ items: AuditEntry[]; next: string | null }> => {
    let q = ctx.trx
      .selectFrom('audit_log as l')
      .leftJoin('accounts as a', 'a.id', 'l.account_id')
      .leftJoin('organisations as o', (j) => j.onRef('o.id', '=', 'l.organisation_id'))
      .select([
        'l.seq',
        'l.at',
        'l.account_id',
        sql<string | null>`a.first_name || ' ' || a.last_name`.as('account_name'),
        'o.name as organisation_name',
        'l.role',
        'l.action',
        'l.subject_type',
        'l.subject_id',
        'l.person_id',
        'l.section',
        'l.outcome',
        'l.request_id',
      ])
      .where('l.territory_id', '=', ctx.actor.territoryId);
    if (input.action) q = q.where('l.action', '=', input.action);
    if (input.accountId) q = q.where('l.account_id', '=', input.accountId);
    if (input.after) q = q.where('l.seq', '<', Number(input.after));
    const rows = await q
      .orderBy('l.seq', 'desc')
      .limit(input.limit + 1)
      .execute();
    const pageRows = rows.slice(0, input.limit);
    const last = pageRows[pageRows.length - 1];
    return {
      items: pageRows.map((r) => ({
        seq: String(r.seq),
        at: r.at.toISOString(),
        accountId: r.account_id,
        accountName: r.account_name,
        organisationName: r.organisation_name,
        role: r.role,
        action: r.action,
        subjectType: r.subject_type,
        subjectId: r.subject_id,
        personId: r.person_id,
        section: r.section,
        outcome: r.outcome as AuditEntry['outcome'],
        requestId: r.request_id,
      })),
      next: rows.length > input.limit && last ? String(last.seq) : null,
    };
  },
});
