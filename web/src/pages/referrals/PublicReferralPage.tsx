import { PageHeading } from '../../components/PageHeading';

/** Placeholder replaced by the referral pages (issue 7). */
export function PublicReferralPage() {
  return <PageHeading title="PublicReferralPage" />;
}
