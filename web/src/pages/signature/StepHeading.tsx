import { useEffect, useRef } from 'react';
import { useDocumentTitle } from '../../components/PageHeading';

/**
 * The h1 of one screen of the signature page. When the screen replaces another one (`focus`), the
 * focus moves to it so screen readers announce the new step and keyboard users start from the top.
 */
export function StepHeading({ title, focus }: { title: string; focus: boolean }) {
  const ref = useRef<HTMLHeadingElement>(null);
  useDocumentTitle(title);
  useEffect(() => {
    if (focus) ref.current?.focus();
  }, [focus]);
  return (
    <h1 ref={ref} tabIndex={-1} className="spie-page-heading">
      {title}
    </h1>
  );
}
