import {
  contractsRoutes,
  type PublicSignatureState,
  type SignatureChannel,
  type SignatureLinkState,
} from '@spie/contract/contracts';
import type { Selectable, Transaction } from 'kysely';
import type { Db } from '../../db/database';
import type { DB, SignatureLinks } from '../../db/schema';
import type { SystemActor } from '../../kernel/actor';
import { DomainError } from '../../kernel/errors';
import { defineUseCase, type UseCaseContext } from '../../kernel/useCase';
import { hashToken, masked } from './signature.tokens';

/**
 * The pages the person opens from a signature link: no account, the token is the key. The
 * binding finds the link's territory from the token's hash, then runs the use cases with the
 * system actor `contracts.remoteSignature` of that territory, so that audit rows land in its
 * chain; they say the person acted (details `via: 'lien_de_signature'`).
 */
export const REMOTE_SIGNATURE_ACTOR = 'contracts.remoteSignature';
export const VIA_LINK = 'lien_de_signature';

export type SignatureLinkRow = Selectable<SignatureLinks>;

export const LINK_NOT_FOUND_MESSAGE =
  'Ce lien de signature n’existe pas. Vérifiez l’adresse ou demandez un nouveau lien à votre référent·e.';
export const linkNotFound = () =>
  new DomainError('not_found', 'signature.link_not_found', LINK_NOT_FOUND_MESSAGE);

/** The territory of the link, from the hash of its token (404 if unknown). */
export async function linkTerritory(db: Db, token: string): Promise<string> {
  const row = await db
    .selectFrom('signature_links')
    .select('territory_id')
    .where('token_hash', '=', hashToken(token))
    .executeTakeFirst();
  if (!row) throw linkNotFound();
  return row.territory_id;
}

export const mayActByLink = (ctx: UseCaseContext<SystemActor>) =>
  ctx.actor.name === REMOTE_SIGNATURE_ACTOR && ctx.actor.territoryId !== null;

export async function loadLink(
  ctx: UseCaseContext<SystemActor>,
  token: string,
  forUpdate = false,
): Promise<SignatureLinkRow> {
  let q = ctx.trx
    .selectFrom('signature_links')
    .selectAll()
    .where('territory_id', '=', ctx.actor.territoryId as string)
    .where('token_hash', '=', hashToken(token));
  if (forUpdate) q = q.forUpdate();
  const row = await q.executeTakeFirst();
  if (!row) throw linkNotFound();
  return row;
}

/** Used, replaced (a newer link, or the contract is no longer proposed), expired, or valid. */
export function linkState(link: SignatureLinkRow, contractStatus: string, now: Date): SignatureLinkState {
  if (link.used_at) return 'utilise';
  if (link.replaced_at || contractStatus !== 'propose') return 'remplace';
  if (new Date(link.expires_at).getTime() <= now.getTime()) return 'expire';
  return 'valide';
}

/** Who the person can call, and what they may read of the link before proving who they are. */
export async function linkContext(trx: Transaction<DB>, link: SignatureLinkRow) {
  const row = await trx
    .selectFrom('engagement_contracts as c')
    .innerJoin('persons as p', (j) =>
      j.onRef('p.territory_id', '=', 'c.territory_id').onRef('p.id', '=', 'c.person_id'),
    )
    .leftJoin('organisations as o', (j) =>
      j.onRef('o.territory_id', '=', 'c.territory_id').onRef('o.id', '=', 'c.organisation_id'),
    )
    .leftJoin('accounts as r', 'r.id', 'c.referent_account_id')
    .select([
      'c.status',
      'c.organisation_name',
      'o.name as organisation',
      'o.phone as organisation_phone',
      'o.email as organisation_email',
      'r.first_name as referent_first_name',
      'r.last_name as referent_last_name',
      'p.first_names',
      'p.email',
      'p.phone_mobile',
    ])
    .where('c.territory_id', '=', link.territory_id)
    .where('c.id', '=', link.contract_id)
    .executeTakeFirstOrThrow();
  const organisationName = row.organisation ?? row.organisation_name ?? 'Votre structure d’accompagnement';
  const referentName = row.referent_first_name
    ? `${row.referent_first_name} ${row.referent_last_name}`
    : null;
  const channels: { channel: SignatureChannel; recipient: string }[] = [];
  if (row.phone_mobile) channels.push({ channel: 'sms', recipient: row.phone_mobile });
  if (row.email) channels.push({ channel: 'email', recipient: row.email });
  return {
    status: row.status,
    firstName: row.first_names[0] ?? '',
    organisationName,
    contact: { referentName, phone: row.organisation_phone, email: row.organisation_email },
    channels,
  };
}
export type LinkContext = Awaited<ReturnType<typeof linkContext>>;

/** « Appelez Thomas Girard, Agence… (01 23 45 67 89) » — who to ask for a new link. */
export function whoToAsk(c: LinkContext): string {
  const who = c.contact.referentName
    ? `votre référent·e, ${c.contact.referentName} (${c.organisationName})`
    : `votre référent·e (${c.organisationName})`;
  const reach = [c.contact.phone && `au ${c.contact.phone}`, c.contact.email && `à ${c.contact.email}`]
    .filter(Boolean)
    .join(' ou ');
  return reach ? `${who}, ${reach}` : who;
}

/** The refusal of any action on a link that is not valid; nothing is recorded. */
export function linkRefusal(state: Exclude<SignatureLinkState, 'valide'>, c: LinkContext): DomainError {
  const ask = whoToAsk(c);
  switch (state) {
    case 'expire':
      return new DomainError(
        'conflict',
        'signature.link_expired',
        `Ce lien de signature a expiré. Rien n’a été signé. Demandez un nouveau lien à ${ask}.`,
        undefined,
        { state },
      );
    case 'utilise':
      return new DomainError(
        'conflict',
        'signature.link_used',
        `Ce lien a déjà servi : le contrat a été signé. Vous n’avez rien d’autre à faire. Pour une question, contactez ${ask}.`,
        undefined,
        { state },
      );
    default:
      return new DomainError(
        'conflict',
        'signature.link_replaced',
        `Ce lien ne marche plus : un nouveau lien vous a été envoyé, ou le contrat a changé. Utilisez le dernier lien reçu, ou demandez-en un à ${ask}.`,
        undefined,
        { state },
      );
  }
}

/** Loads the link (locked), refuses unless it is valid. */
export async function requireValidLink(ctx: UseCaseContext<SystemActor>, token: string) {
  const link = await loadLink(ctx, token, true);
  const context = await linkContext(ctx.trx, link);
  const state = linkState(link, context.status, ctx.now);
  if (state !== 'valide') throw linkRefusal(state, context);
  return { link, context };
}

export const linkAudit = (link: SignatureLinkRow, extra: Record<string, unknown> = {}) => ({
  subjectType: 'contract',
  subjectId: link.contract_id,
  personId: link.person_id,
  section: 'journey',
  details: { via: VIA_LINK, linkId: link.id, ...extra },
});

/** State of the link: the first name and the organisation only; code channels while valid. */
export const publicSignature = defineUseCase({
  name: 'contracts.publicSignature',
  kind: 'query',
  actors: ['system'],
  input: contractsRoutes.publicSignature.params,
  authorize: mayActByLink,
  run: async (ctx, input): Promise<PublicSignatureState> => {
    const link = await loadLink(ctx, input.token);
    const c = await linkContext(ctx.trx, link);
    const state = linkState(link, c.status, ctx.now);
    await ctx.audit({ action: 'contracts.publicSignature', ...linkAudit(link, { state }) });
    const valid = state === 'valide';
    return {
      state,
      firstName: valid ? c.firstName : null,
      organisationName: c.organisationName,
      contact: c.contact,
      expiresAt: new Date(link.expires_at).toISOString(),
      usedAt: link.used_at ? new Date(link.used_at).toISOString() : null,
      codeChannels: valid
        ? c.channels.map((ch) => ({ channel: ch.channel, masked: masked(ch.channel, ch.recipient) }))
        : [],
    };
  },
});
