import { sql, type Transaction } from 'kysely';
import type { Db } from '../db/database';
import type { DB } from '../db/schema';
import type { Actor } from './actor';
import { canonicalJson } from './canonicalJson';
import { sha256 } from './crypto';

export type AuditOutcome = 'success' | 'denied' | 'failure';

export interface AuditEntry {
  action: string;
  subjectType?: string | null;
  subjectId?: string | null;
  personId?: string | null;
  section?: string | null;
  outcome?: AuditOutcome;
  /** Never personal data: ids, field names, counts. */
  details?: Record<string, unknown> | null;
}

const GENESIS = '0'.repeat(64);

interface HashedFields {
  seq: number;
  chain: string;
  territory_id: string | null;
  at: Date;
  account_id: string | null;
  membership_id: string | null;
  organisation_id: string | null;
  role: string | null;
  action: string;
  subject_type: string | null;
  subject_id: string | null;
  person_id: string | null;
  section: string | null;
  outcome: string;
  request_id: string | null;
  details: unknown;
}

/**
 * Hashes exactly the chained fields: callers may pass a whole stored row (with `prev_hash`,
 * `hash` or any column added later), which must not change the content that was hashed.
 */
export function auditRowHash(prevHash: string, row: HashedFields): string {
  const fields: HashedFields = {
    seq: row.seq,
    chain: row.chain,
    territory_id: row.territory_id,
    at: row.at,
    account_id: row.account_id,
    membership_id: row.membership_id,
    organisation_id: row.organisation_id,
    role: row.role,
    action: row.action,
    subject_type: row.subject_type,
    subject_id: row.subject_id,
    person_id: row.person_id,
    section: row.section,
    outcome: row.outcome,
    request_id: row.request_id,
    details: row.details,
  };
  const content = canonicalJson({ ...fields, at: row.at.toISOString(), seq: String(row.seq) });
  return sha256(`${prevHash}\n${content}`);
}

function actorColumns(actor: Actor) {
  switch (actor.kind) {
    case 'member':
      return {
        territory_id: actor.territoryId,
        account_id: actor.accountId,
        membership_id: actor.membershipId,
        organisation_id: actor.organisationId,
        role: actor.role,
      };
    case 'account':
      return {
        territory_id: null,
        account_id: actor.accountId,
        membership_id: null,
        organisation_id: null,
        role: null,
      };
    case 'system':
      return {
        territory_id: actor.territoryId,
        account_id: null,
        membership_id: null,
        organisation_id: null,
        role: `system:${actor.name}`,
      };
    default:
      return { territory_id: null, account_id: null, membership_id: null, organisation_id: null, role: null };
  }
}

/**
 * Appends one row to the actor's chain inside the caller's transaction. Locking the chain head
 * serialises appends of one territory; the row commits or rolls back with the use case.
 */
export async function appendAudit(
  trx: Transaction<DB>,
  actor: Actor,
  entry: AuditEntry,
  meta: { at: Date; requestId: string | null; territoryId?: string | null },
): Promise<void> {
  const who = actorColumns(actor);
  const territoryId = meta.territoryId !== undefined ? meta.territoryId : who.territory_id;
  const chain = territoryId ?? 'platform';
  // One round trip: create the chain head if needed and lock it (DO UPDATE takes the row lock,
  // like SELECT … FOR UPDATE), read it, and draw this row's sequence number.
  const head = await sql<{ hash: string; seq: number }>`
    insert into audit_heads (chain, seq, hash) values (${chain}, 0, ${GENESIS})
    on conflict (chain) do update set chain = excluded.chain
    returning hash, nextval('audit_log_seq_seq')::int8 as seq`
    .execute(trx)
    .then((r) => r.rows[0] as { hash: string; seq: number });
  const seq = head.seq;
  const row: HashedFields = {
    seq,
    chain,
    ...who,
    territory_id: territoryId,
    at: meta.at,
    action: entry.action,
    subject_type: entry.subjectType ?? null,
    subject_id: entry.subjectId ?? null,
    person_id: entry.personId ?? null,
    section: entry.section ?? null,
    outcome: entry.outcome ?? 'success',
    request_id: meta.requestId,
    details: entry.details ?? null,
  };
  const hash = auditRowHash(head.hash, row);
  // A second round trip writes the row and moves the head together.
  await trx
    .with('appended', (db) =>
      db
        .insertInto('audit_log')
        .values({
          ...row,
          details: row.details === null ? null : JSON.stringify(row.details),
          prev_hash: head.hash,
          hash,
        })
        .returning('seq'),
    )
    .updateTable('audit_heads')
    .set({ seq, hash })
    .where('chain', '=', chain)
    .execute();
}

/**
 * Appends several rows to the actor's chain at once (a bulk decision audits each person): one
 * lock of the chain head, one draw of sequence numbers, the hashes chained in memory, the rows
 * written in a few multi-row inserts and the head moved once. Same rows, same chain as that many
 * appendAudit calls, in a handful of round trips instead of two per row.
 */
export async function appendAuditBatch(
  trx: Transaction<DB>,
  actor: Actor,
  entries: AuditEntry[],
  meta: { at: Date; requestId: string | null; territoryId?: string | null },
): Promise<void> {
  if (entries.length === 0) return;
  const who = actorColumns(actor);
  const territoryId = meta.territoryId !== undefined ? meta.territoryId : who.territory_id;
  const chain = territoryId ?? 'platform';
  const head = await sql<{ hash: string }>`
    insert into audit_heads (chain, seq, hash) values (${chain}, 0, ${GENESIS})
    on conflict (chain) do update set chain = excluded.chain
    returning hash`
    .execute(trx)
    .then((r) => r.rows[0] as { hash: string });
  // Drawn while the head is locked: no other row of this chain can come between them.
  const seqs = await sql<{ seq: number }>`
    select nextval('audit_log_seq_seq')::int8 as seq from generate_series(1, ${entries.length})`
    .execute(trx)
    .then((r) => r.rows.map((x) => Number(x.seq)).sort((a, b) => a - b));
  let prevHash = head.hash;
  const rows = entries.map((entry, i) => {
    const row: HashedFields = {
      seq: seqs[i] as number,
      chain,
      ...who,
      territory_id: territoryId,
      at: meta.at,
      action: entry.action,
      subject_type: entry.subjectType ?? null,
      subject_id: entry.subjectId ?? null,
      person_id: entry.personId ?? null,
      section: entry.section ?? null,
      outcome: entry.outcome ?? 'success',
      request_id: meta.requestId,
      details: entry.details ?? null,
    };
    const hash = auditRowHash(prevHash, row);
    const stored = {
      ...row,
      details: row.details === null ? null : JSON.stringify(row.details),
      prev_hash: prevHash,
      hash,
    };
    prevHash = hash;
    return stored;
  });
  for (let i = 0; i < rows.length; i += 1000) {
    await trx
      .insertInto('audit_log')
      .values(rows.slice(i, i + 1000))
      .execute();
  }
  const last = rows[rows.length - 1] as (typeof rows)[number];
  await trx
    .updateTable('audit_heads')
    .set({ seq: last.seq, hash: last.hash })
    .where('chain', '=', chain)
    .execute();
}

export interface AuditProblem {
  chain: string;
  seq: number | null;
  problem: 'content_modified' | 'chain_broken' | 'head_mismatch';
  message: string;
}

/** Walks every chain in order and reports each row whose content or link does not match. */
export async function verifyAuditLog(
  db: Db,
  batchSize = 5000,
): Promise<{ rows: number; chains: number; problems: AuditProblem[] }> {
  const heads = await db.selectFrom('audit_heads').selectAll().orderBy('chain').execute();
  const problems: AuditProblem[] = [];
  let rows = 0;
  for (const head of heads) {
    let prevHash = GENESIS;
    let lastSeq = 0;
    let afterSeq = -1;
    for (;;) {
      const batch = await db
        .selectFrom('audit_log')
        .selectAll()
        .where('chain', '=', head.chain)
        .where('seq', '>', afterSeq)
        .orderBy('seq')
        .limit(batchSize)
        .execute();
      if (batch.length === 0) break;
      for (const r of batch) {
        rows++;
        if (r.prev_hash !== prevHash) {
          problems.push({
            chain: head.chain,
            seq: r.seq,
            problem: 'chain_broken',
            message: `row ${r.seq}: previous-hash link broken (a row before it was deleted or altered)`,
          });
        }
        const expected = auditRowHash(r.prev_hash, { ...r, details: r.details });
        if (expected !== r.hash) {
          problems.push({
            chain: head.chain,
            seq: r.seq,
            problem: 'content_modified',
            message: `row ${r.seq}: content does not match its hash (modified)`,
          });
        }
        prevHash = r.hash;
        lastSeq = r.seq;
      }
      afterSeq = lastSeq;
    }
    if (head.seq !== lastSeq || head.hash !== prevHash) {
      problems.push({
        chain: head.chain,
        seq: head.seq,
        problem: 'head_mismatch',
        message: `chain ${head.chain}: last row is ${lastSeq}, head says ${head.seq} (rows removed at the end?)`,
      });
    }
  }
  return { rows, chains: heads.length, problems };
}
