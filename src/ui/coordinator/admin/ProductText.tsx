import { useApp } from '../../app-context.ts';
import { productLabel } from '../../components/ProductName.tsx';
import { useLiveQuery } from '../../hooks/use-live-query.ts';
import { useLang } from '../../i18n.ts';

/**
 * A product by name, with its GTIN underneath: the name from this browser's catalog when it is also
 * a device that pulled reference data, else the name the screen found elsewhere (`name`); the GTIN
 * alone when neither knows it — a coordinator can always look it up.
 */
export function ProductText({ gtin, name }: { gtin: string; name: string | null }) {
  const { db } = useApp();
  const lang = useLang();
  const product = useLiveQuery(() => db.products.get(gtin), [db, gtin], undefined);
  const label = product ? productLabel(product, lang, gtin) : name;
  if (!label) return <span class="co-mono">{gtin}</span>;
  return (
    <span>
      {label}
      <span class="co-table__sub co-mono">{gtin}</span>
    </span>
  );
}
