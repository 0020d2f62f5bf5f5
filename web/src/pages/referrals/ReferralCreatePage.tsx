import { PageHeading } from '../../components/PageHeading';

/** Placeholder replaced by the referral pages (issue 7). */
export function ReferralCreatePage() {
  return <PageHeading title="ReferralCreatePage" />;
}
