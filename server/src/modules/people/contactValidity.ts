import { sql } from 'kysely';
import type { Db } from '../../db/database';

/**
 * A delivery report said the phone number or e-mail address does not exist: the record shows it
 * « à vérifier » (identity view `contactToCheck`) until someone changes it (updateIdentity clears
 * the flag). With `recipient`, only flags the data if it is still the one the message went to, so
 * a number corrected in the meantime is not flagged by a late report. The first report's date
 * is kept. Returns whether the record was flagged now.
 */
export async function markContactInvalid(
  db: Db,
  territoryId: string,
  personId: string,
  channel: 'sms' | 'email',
  at: Date,
  recipient?: string,
): Promise<boolean> {
  const column = channel === 'sms' ? 'phone_invalid_at' : 'email_invalid_at';
  const contact = channel === 'sms' ? 'phone_mobile' : 'email';
  const result = await db
    .updateTable('persons')
    .set({ [column]: at })
    .where('territory_id', '=', territoryId)
    .where('id', '=', personId)
    .where(column, 'is', null)
    .$if(recipient !== undefined, (q) =>
      q.where(
        contact === 'phone_mobile'
          ? sql<boolean>`regexp_replace(phone_mobile, '[^0-9+]', '', 'g') = regexp_replace(${recipient}, '[^0-9+]', '', 'g')`
          : sql<boolean>`lower(btrim(email)) = lower(btrim(${recipient}))`,
      ),
    )
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}
