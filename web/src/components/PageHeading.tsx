import { useEffect } from 'react';

/**
 * The page's single h1. It also names the browser tab ("<Page> — SPIE") and can receive focus
 * (tabIndex -1), which the layout uses to announce a new page after a navigation.
 */
export function PageHeading({ title, children }: { title: string; children?: React.ReactNode }) {
  useDocumentTitle(title);
  return (
    <h1 tabIndex={-1} className="spie-page-heading">
      {children ?? title}
    </h1>
  );
}

export function useDocumentTitle(title: string) {
  useEffect(() => {
    document.title = `${title} — SPIE`;
  }, [title]);
}
