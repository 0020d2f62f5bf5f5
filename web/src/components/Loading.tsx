/** A polite, announced loading message (no spinner only: people must be told in words). */
export function Loading({ label = 'Chargement en cours…' }: { label?: string }) {
  return (
    <p role="status" className="fr-text--sm fr-my-4w">
      {label}
    </p>
  );
}
