import { Breadcrumb } from '@codegouvfr/react-dsfr/Breadcrumb';

/** Breadcrumb for inner pages; the home link is added by DSFR. */
export function PageBreadcrumb({
  current,
  parents = [],
}: {
  current: string;
  parents?: { label: string; to: string }[];
}) {
  return (
    <Breadcrumb
      currentPageLabel={current}
      homeLinkProps={{ to: '/' }}
      segments={parents.map((parent) => ({ label: parent.label, linkProps: { to: parent.to } }))}
    />
  );
}
