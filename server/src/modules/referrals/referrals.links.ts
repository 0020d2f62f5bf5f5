import { createHash, randomBytes } from 'node:crypto';
import type { Selectable } from 'kysely';
import type { Db } from '../../db/database';
import type { ReferralLinks } from '../../db/schema';
import type { SystemActor } from '../../kernel/actor';
import { DomainError } from '../../kernel/errors';
import type { UseCaseContext } from '../../kernel/useCase';
import { queueNotification } from '../notifications';
import { addDays, frenchDate, parisToday } from '../people';
import { loadTerritory } from '../territories';
import { contactAddress, type ReferralRow, type ServiceFacts, type Trx } from './referrals.store';

/**
 * The link of an organisation without an account in SPIE: 32 random bytes (base64url) in the
 * e-mail, only their SHA-256 stored; valid `referralLinkDays`; a new link replaces the previous one.
 * Public pages find the link's territory from the hash, then run as the system actor
 * `referrals.link` of that territory, acting as `receiver` (audit details `via: lien_de_prescription`).
 */
export const REFERRAL_LINK_ACTOR = 'referrals.link';
export const VIA_LINK = 'lien_de_prescription';
export const LINK_LABEL = 'Structure (lien de prescription)';
export const RENEW_MINUTES = 10;

export type ReferralLinkRow = Selectable<ReferralLinks>;

export const newToken = () => randomBytes(32).toString('base64url');
export const hashToken = (token: string) => createHash('sha256').update(token).digest();

/** `a•••@example.org`. */
export function maskEmail(email: string): string {
  const [local = '', domain = ''] = email.split('@');
  return `${local.slice(0, 1)}•••@${domain}`;
}

export const referralLinkPath = (token: string, publicUrl: string | null) =>
  `${publicUrl ?? ''}/prescription/${token}`;

export const linkUnknown = () =>
  new DomainError(
    'not_found',
    'referral_link.unknown',
    'Ce lien de prescription n’existe pas. Vérifiez que l’adresse est complète (copiez-la depuis l’e-mail reçu), ou demandez un nouveau lien au professionnel qui a envoyé la prescription.',
  );

/** The territory of the link, from the hash of its token (404 if unknown). */
export async function linkTerritory(db: Db, token: string): Promise<string> {
  const row = await db
    .selectFrom('referral_links')
    .select('territory_id')
    .where('token_hash', '=', hashToken(token))
    .executeTakeFirst();
  if (!row) throw linkUnknown();
  return row.territory_id;
}

export const mayActByLink = (ctx: UseCaseContext<SystemActor>) =>
  ctx.actor.name === REFERRAL_LINK_ACTOR && ctx.actor.territoryId !== null;

export async function loadLink(ctx: UseCaseContext<SystemActor>, token: string): Promise<ReferralLinkRow> {
  const row = await ctx.trx
    .selectFrom('referral_links')
    .selectAll()
    .where('territory_id', '=', ctx.actor.territoryId as string)
    .where('token_hash', '=', hashToken(token))
    .executeTakeFirst();
  if (!row) throw linkUnknown();
  return row;
}

/** Refuses a replaced or expired link, saying what to do. */
export function checkLinkValid(link: ReferralLinkRow, now: Date): void {
  if (link.replaced_at)
    throw new DomainError(
      'conflict',
      'referral_link.replaced',
      'Ce lien ne marche plus : un lien plus récent a été envoyé à votre structure. Utilisez le dernier e-mail reçu, ou demandez un nouveau lien avec le bouton « Recevoir un nouveau lien ».',
      undefined,
      { state: 'remplace' },
    );
  if (new Date(link.expires_at).getTime() <= now.getTime())
    throw new DomainError(
      'conflict',
      'referral_link.expired',
      `Ce lien a expiré le ${frenchDate(parisToday(new Date(link.expires_at)))}. Rien n’est perdu : demandez un nouveau lien avec le bouton « Recevoir un nouveau lien », il sera envoyé à l’adresse de votre structure.`,
      undefined,
      { state: 'expire' },
    );
}

export const linkAudit = (link: ReferralLinkRow, personId: string, extra: Record<string, unknown> = {}) => ({
  subjectType: 'referral',
  subjectId: link.referral_id,
  personId,
  section: 'journey',
  details: { via: VIA_LINK, linkId: link.id, ...extra },
});

/**
 * Issues a new link for the referral (the previous ones stop working) and queues its e-mail to
 * the service's referral contact. No detail about the person in the e-mail.
 */
export async function issueLinkCore(
  trx: Trx,
  by: { now: Date; accountId: string | null; publicUrl: string | null },
  row: ReferralRow,
  service: ServiceFacts,
  subject = 'Une prescription attend votre réponse',
): Promise<{ expiresAt: Date; sentTo: string; token: string } | null> {
  const recipient = contactAddress(service);
  if (!recipient) return null;
  const t = row.territory_id;
  const { settings } = await loadTerritory(trx, t);
  const days = settings.referralLinkDays;
  const expiresAt = new Date(by.now.getTime() + days * 86_400_000);
  await trx
    .updateTable('referral_links')
    .set({ replaced_at: by.now })
    .where('territory_id', '=', t)
    .where('referral_id', '=', row.id)
    .where('replaced_at', 'is', null)
    .execute();
  const token = newToken();
  await trx
    .insertInto('referral_links')
    .values({
      territory_id: t,
      referral_id: row.id,
      token_hash: hashToken(token),
      sent_to: recipient,
      expires_at: expiresAt,
      created_by_account_id: by.accountId,
      created_at: by.now,
    })
    .execute();
  await queueNotification(
    trx,
    {
      territoryId: t,
      channel: 'email',
      recipient,
      personId: row.person_id,
      // The sender sees it in the demo inbox.
      createdByAccountId: by.accountId ?? row.sender_account_id,
      subject,
      body: [
        'Bonjour,',
        '',
        `Une personne vous est orientée vers votre offre « ${service.nom} » (${service.structure_nom}).`,
        'Pour lire la demande et répondre (accepter, refuser, mettre en liste d’attente), ouvrez ce lien :',
        referralLinkPath(token, by.publicUrl),
        '',
        `Ce lien marche jusqu’au ${frenchDate(addDays(parisToday(by.now), days))}. Ne le transférez pas : il donne accès à la demande.`,
        '',
        'L’équipe SPIE',
      ].join('\n'),
    },
    by.now,
  );
  return { expiresAt, sentTo: maskEmail(recipient), token };
}
