import { queueNotification } from '../notifications';
import { notifyAccountsBy } from '../people';
import type { ReferralRow, Trx } from './referrals.store';

export interface NotifyBy {
  territoryId: string;
  byAccountId: string | null;
  now: Date;
}

/**
 * The sender and the person's référent / co-référents, by e-mail (and in their inbox): never the
 * person's name nor the service (an e-mail may be read by anyone with the mailbox).
 */
export async function notifySenderSide(
  trx: Trx,
  by: NotifyBy,
  row: ReferralRow,
  subject: string,
  lines: string[],
): Promise<void> {
  const leads = await trx
    .selectFrom('follow_ups')
    .select('account_id')
    .where('territory_id', '=', row.territory_id)
    .where('person_id', '=', row.person_id)
    .where('status', '=', 'active')
    .where('role', 'in', ['referent', 'co_referent'])
    .where('account_id', 'is not', null)
    .execute();
  await notifyAccountsBy(
    trx,
    by,
    row.person_id,
    [row.sender_account_id, ...leads.map((l) => l.account_id)],
    subject,
    lines,
  );
}

/** Every active member of the receiving organisation (steering viewers aside), with a link to the referral. */
export async function notifyReceivingMembers(
  trx: Trx,
  by: NotifyBy,
  row: ReferralRow,
  subject: string,
  lines: string[],
): Promise<number> {
  if (!row.receiving_organisation_id) return 0;
  const members = await trx
    .selectFrom('memberships as m')
    .innerJoin('accounts as a', 'a.id', 'm.account_id')
    .select(['a.id', 'a.email', 'a.first_name'])
    .where('m.territory_id', '=', row.territory_id)
    .where('m.organisation_id', '=', row.receiving_organisation_id)
    .where('m.ended_at', 'is', null)
    .where('m.role', '<>', 'steering_viewer')
    .where('a.active', '=', true)
    .distinct()
    .execute();
  for (const a of members) {
    if (a.id === by.byAccountId) continue;
    await queueNotification(
      trx,
      {
        territoryId: row.territory_id,
        channel: 'email',
        recipient: a.email,
        recipientAccountId: a.id,
        personId: row.person_id,
        createdByAccountId: by.byAccountId,
        subject,
        body: [
          `Bonjour ${a.first_name},`,
          '',
          ...lines,
          '',
          `Pour lire la prescription et répondre : /prescriptions/${row.id}`,
          '',
          'L’équipe SPIE',
        ].join('\n'),
      },
      by.now,
    );
  }
  return members.length;
}
