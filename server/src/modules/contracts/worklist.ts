import { type ContractStatus, contractsRoutes, type WorklistItem } from '@spie/contract/contracts';
import { sql } from 'kysely';
import { decodeCursor, encodeCursor, isUuidValue } from '../../kernel/cursor';
import { defineUseCase } from '../../kernel/useCase';
import { addDays, displayName, parisToday } from '../people';
import { daysBetween } from './contracts.store';

const r = contractsRoutes.worklist;
const FAR = '9999-12-31';
const isDay = (v: unknown) => typeof v === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(v);

interface Row {
  person_id: string;
  first_names: string[];
  birth_name: string;
  usage_name: string | null;
  referent_id: string | null;
  referent_name: string | null;
  contract_id: string | null;
  status: string | null;
  due_on: string | null;
  sort_due: string;
  last_link_at: Date | string | null;
}

/**
 * « Contrats à signer / à réviser » of a référent (their people), or of a structure manager's
 * organisation (people whose référent works there). À signer: a notified orientation and no
 * engagement contract signed yet, or a draft / proposed contract — due on the signature
 * deadline. À réviser: running contracts whose review is due within 30 days or overdue, and
 * contracts in review — due on the review date. Nearest due date first, keyset pages.
 */
export const contractWorklist = defineUseCase({
  name: 'contracts.worklist',
  kind: 'query',
  input: r.query,
  authorize: (ctx, input) => input.scope === 'mine' || ctx.actor.role === 'structure_manager',
  run: async (ctx, input) => {
    const t = ctx.actor.territoryId;
    const today = parisToday(ctx.now);
    const soon = addDays(today, 30);
    const after = decodeCursor(input.after, 2, ([d, id]) => isDay(d) && isUuidValue(id));
    const scope =
      input.scope === 'mine'
        ? sql`f.account_id = ${ctx.actor.accountId}`
        : sql`f.organisation_id = ${ctx.actor.organisationId}`;
    const base = sql`
      from follow_ups f
      join persons p on p.territory_id = f.territory_id and p.id = f.person_id and p.merged_into_id is null
      left join accounts a on a.id = f.account_id
      left join engagement_contracts c on c.territory_id = f.territory_id and c.person_id = f.person_id
        and c.kind = 'engagement' and c.status in ('brouillon', 'propose', 'signe', 'actif', 'en_revision')
      left join orientations o on o.territory_id = f.territory_id and o.person_id = f.person_id
        and o.status in ('notifiee', 'referent_designe')
      where f.territory_id = ${t} and f.role = 'referent' and f.status = 'active' and ${scope}`;
    const toSign = sql`(c.status in ('brouillon', 'propose') or (c.id is null and o.id is not null))`;
    const toReview = sql`((c.status = 'actif' and c.review_due_on <= ${soon}::date) or c.status = 'en_revision')`;
    const listCond = input.list === 'a_signer' ? toSign : toReview;
    const due = input.list === 'a_signer' ? sql`o.contract_deadline` : sql`c.review_due_on`;
    const keyset = after
      ? sql`and (coalesce(${due}, ${FAR}::date), p.id) > (${after[0]}::date, ${after[1]}::uuid)`
      : sql``;
    const [page, counts] = await Promise.all([
      sql<Row>`
        select p.id as person_id, p.first_names, p.birth_name, p.usage_name,
          f.account_id as referent_id, a.first_name || ' ' || a.last_name as referent_name,
          c.id as contract_id, c.status, ${due}::text as due_on,
          coalesce(${due}, ${FAR}::date)::text as sort_due,
          (select max(l.created_at) from signature_links l
            where l.territory_id = c.territory_id and l.contract_id = c.id) as last_link_at
        ${base} and ${listCond} ${keyset}
        order by coalesce(${due}, ${FAR}::date), p.id
        limit ${input.limit + 1}`.execute(ctx.trx),
      sql<{ a_signer: number; a_reviser: number; overdue: number }>`
        select
          count(*) filter (where ${toSign})::int as a_signer,
          count(*) filter (where ${toReview})::int as a_reviser,
          count(*) filter (where (${toSign} and o.contract_deadline < ${today}::date)
            or (c.status = 'actif' and c.review_due_on < ${today}::date))::int as overdue
        ${base}`.execute(ctx.trx),
    ]);
    // The référent's name for the organisation scope; nothing else about the professional.
    const rows = page.rows.slice(0, input.limit);
    const last = rows.at(-1);
    const items: WorklistItem[] = rows.map((row) => ({
      personId: row.person_id,
      displayName: displayName(row),
      contractId: row.contract_id,
      status: (row.status as ContractStatus | null) ?? null,
      referent:
        row.referent_id && row.referent_name ? { accountId: row.referent_id, name: row.referent_name } : null,
      dueOn: row.due_on,
      daysLeft: row.due_on ? daysBetween(today, row.due_on) : null,
      lastLinkSentAt: row.last_link_at ? new Date(row.last_link_at).toISOString() : null,
    }));
    const c = counts.rows[0] ?? { a_signer: 0, a_reviser: 0, overdue: 0 };
    return {
      items,
      next: page.rows.length > input.limit && last ? encodeCursor([last.sort_due, last.person_id]) : null,
      counts: { a_signer: Number(c.a_signer), a_reviser: Number(c.a_reviser), overdue: Number(c.overdue) },
    };
  },
});
