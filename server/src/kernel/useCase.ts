import { fieldErrorsFromZod } from '@spie/contract';
import type { Transaction } from 'kysely';
import type { z } from 'zod';
import type { DB } from '../db/schema';
import type { Actor } from './actor';
import { type AuditEntry, appendAudit } from './audit';
import type { Deps } from './deps';
import { DomainError, forbidden, unauthenticated } from './errors';
import { type DomainEvent, writeEvents } from './outbox';

export interface UseCaseContext<A extends Actor = Actor> {
  trx: Transaction<DB>;
  actor: A;
  now: Date;
  requestId: string | null;
  deps: Deps;
  /** Adds an audit row in this transaction (besides the automatic one for commands). */
  audit(entry: AuditEntry): Promise<void>;
  /** Queues a domain event in the outbox, committed with the use case. */
  emit(event: DomainEvent): void;
}

export interface UseCaseDefinition<I extends z.ZodType, O, K extends Actor['kind']> {
  /** `module.verbNoun`, also the audit action. */
  name: string;
  input: I;
  /** Which actors may even try; others get 401 (anonymous) or 403. Default: members. */
  actors?: K[];
  /** Commands are audited automatically; queries are audited only when they read a person. */
  kind: 'command' | 'query';
  /** 'manual': the use case writes its own audit rows (e.g. login, where the actor changes). */
  audit?: 'auto' | 'manual';
  /** Default deny: return true only when the rule allows. May read the database. */
  authorize: (
    ctx: UseCaseContext<Extract<Actor, { kind: K }>>,
    input: z.output<I>,
  ) => boolean | Promise<boolean>;
  run: (ctx: UseCaseContext<Extract<Actor, { kind: K }>>, input: z.output<I>) => Promise<O>;
  /** What the automatic audit row says about the subject. */
  auditSubject?: (input: z.output<I>, output: O) => Omit<AuditEntry, 'action' | 'outcome'>;
}

export interface UseCase<
  I extends z.ZodType = z.ZodType,
  O = unknown,
  K extends Actor['kind'] = Actor['kind'],
> extends UseCaseDefinition<I, O, K> {
  readonly __useCase: true;
}

export function defineUseCase<I extends z.ZodType, O, K extends Actor['kind'] = 'member'>(
  def: UseCaseDefinition<I, O, K>,
): UseCase<I, O, K> {
  return { ...def, __useCase: true };
}

export interface ExecuteOptions {
  requestId?: string | null;
}

/**
 * Runs a use case: parse input, check who may try, then in one transaction authorize, run,
 * write audit rows and outbox events. A refusal is audited in its own small transaction,
 * since the use case's transaction rolls back.
 */
export async function execute<I extends z.ZodType, O, K extends Actor['kind']>(
  deps: Deps,
  useCase: UseCase<I, O, K>,
  rawInput: unknown,
  actor: Actor,
  options: ExecuteOptions = {},
): Promise<O> {
  const requestId = options.requestId ?? null;
  const allowed = (useCase.actors ?? ['member']) as Actor['kind'][];
  if (!allowed.includes(actor.kind)) {
    if (actor.kind === 'anonymous') throw unauthenticated();
    if (actor.kind === 'account' && allowed.includes('member')) {
      throw new DomainError(
        'forbidden',
        'auth.membership_required',
        'Choisissez d’abord la structure avec laquelle vous agissez.',
      );
    }
    throw forbidden();
  }
  const parsed = useCase.input.safeParse(rawInput);
  if (!parsed.success) {
    throw new DomainError(
      'validation',
      `${useCase.name}.invalid_input`,
      'Certaines informations sont à corriger.',
      fieldErrorsFromZod(parsed.error),
    );
  }
  const input = parsed.data as z.output<I>;
  const now = deps.clock.now();
  try {
    return await deps.database.db.transaction().execute(async (trx) => {
      const events: DomainEvent[] = [];
      const ctx: UseCaseContext = {
        trx,
        actor,
        now,
        requestId,
        deps,
        audit: (entry) => appendAudit(trx, actor, entry, { at: now, requestId }),
        emit: (event) => {
          events.push(event);
        },
      };
      const ok = await useCase.authorize(ctx as never, input);
      if (!ok) throw forbidden(`${useCase.name}.forbidden`);
      const output = await useCase.run(ctx as never, input);
      if (useCase.kind === 'command' && useCase.audit !== 'manual') {
        await ctx.audit({ action: useCase.name, ...(useCase.auditSubject?.(input, output) ?? {}) });
      }
      await writeEvents(trx, events, now);
      return output;
    });
  } catch (error) {
    if (error instanceof DomainError && error.kind === 'forbidden') {
      await auditRefusal(deps, actor, useCase.name, requestId, now);
    }
    throw error;
  }
}

async function auditRefusal(deps: Deps, actor: Actor, action: string, requestId: string | null, at: Date) {
  try {
    await deps.database.db
      .transaction()
      .execute((trx) => appendAudit(trx, actor, { action, outcome: 'denied' }, { at, requestId }));
  } catch (error) {
    deps.logger.error({ err: error, action }, 'could not audit a refusal');
  }
}
