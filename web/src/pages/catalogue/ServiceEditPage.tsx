import { PageHeading } from '../../components/PageHeading';

/** Placeholder replaced by the catalogue pages (issue 7). */
export function ServiceEditPage() {
  return <PageHeading title="ServiceEditPage" />;
}
