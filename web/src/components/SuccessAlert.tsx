import { Alert } from '@codegouvfr/react-dsfr/Alert';
import { useEffect, useRef } from 'react';

/** A success message that takes the focus, so screen reader and keyboard users hear it at once. */
export function SuccessAlert({ title, description }: { title: string; description?: string }) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    ref.current?.focus();
  }, []);
  return (
    <div ref={ref} tabIndex={-1} className="fr-mb-3w">
      <Alert severity="success" title={title} role="status" {...(description ? { description } : {})} />
    </div>
  );
}
