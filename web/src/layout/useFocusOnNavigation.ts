import { useEffect, useRef } from 'react';
import { useLocation } from 'react-router';

/**
 * After a navigation inside the app, move the focus to the new page's h1 so screen readers announce
 * it and keyboard users start from the top of the content (a full page load does this natively).
 */
export function useFocusOnNavigation() {
  const { pathname } = useLocation();
  const previousPathname = useRef(pathname);
  useEffect(() => {
    if (previousPathname.current === pathname) return;
    previousPathname.current = pathname;
    // The new page renders in the same commit; wait one frame for its h1 to be in the DOM.
    const frame = requestAnimationFrame(() => {
      const heading = document.querySelector<HTMLElement>('main h1');
      heading?.focus();
    });
    return () => cancelAnimationFrame(frame);
  }, [pathname]);
}
