import { Button } from '@codegouvfr/react-dsfr/Button';

/** "Voir plus" for keyset pagination; hidden once the last page is loaded. */
export function LoadMoreButton({
  hasMore,
  loading,
  onClick,
}: {
  hasMore: boolean;
  loading: boolean;
  onClick: () => void;
}) {
  if (!hasMore) return null;
  return (
    <Button priority="secondary" onClick={onClick} disabled={loading}>
      {loading ? 'Chargement…' : 'Voir plus'}
    </Button>
  );
}
