import { useId, useState } from 'preact/hooks';
import { setProductSchema } from '../../domain/overview/master-data-api.ts';
import type { Product } from '../../domain/reference-data.ts';
import { useApp } from '../app-context.ts';
import { ErrorMessage } from '../components/ErrorMessage.tsx';
import { formatNumber, useLang } from '../i18n.ts';
import { apiErrorText } from './admin/api-error-text.ts';
import { Dialog } from './admin/Dialog.tsx';
import { TextField } from './admin/TextField.tsx';
import { useAdminStrings } from './admin-strings.ts';
import {
  CATALOG_CATEGORIES,
  type CatalogErrors,
  type CatalogField,
  type CatalogFieldError,
  type CatalogProductDraft,
  catalogProduct,
  emptyCatalogDraft,
  firstCatalogError,
} from './catalog-product.ts';
import { overviewStrings } from './overview-strings.ts';
import './catalog-dialog.css';

interface CatalogProductDialogProps {
  /** The GTIN-14 counted on the devices, not yet in the catalog. */
  gtin: string;
  /** After the server stored it: the product as stored. */
  onSaved: (product: Product) => void;
  onClose: () => void;
}

/**
 * "Add to catalog" on the overview (administrators): names a product that devices counted although
 * the catalog did not know its GTIN. Checked before sending; the server's refusal stays in the
 * dialog, which stays open.
 */
export function CatalogProductDialog({ gtin, onSaved, onClose }: CatalogProductDialogProps) {
  const { api } = useApp();
  const lang = useLang();
  const t = overviewStrings[lang].catalog;
  const admin = useAdminStrings();
  const id = useId();
  const [draft, setDraft] = useState<CatalogProductDraft>(emptyCatalogDraft);
  const [errors, setErrors] = useState<CatalogErrors>({});
  const [serverError, setServerError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const fieldId = (field: CatalogField | 'gtin' | 'category') => `${id}-${field}`;

  function update(field: CatalogField, value: string) {
    setDraft((d) => ({ ...d, [field]: value }));
    setErrors((e) => ({ ...e, [field]: undefined }));
  }

  function errorText(error: CatalogFieldError | undefined): string | null {
    if (!error) return null;
    if (error.kind === 'required') return t.errorRequired;
    if (error.kind === 'units-per-pack') return t.errorUnitsPerPack;
    return t.errorTooLong(formatNumber(lang, error.max));
  }

  async function save(event: Event) {
    event.preventDefault();
    if (busy) return;
    const checked = catalogProduct(gtin, draft);
    if (!checked.ok) {
      setErrors(checked.errors);
      const first = firstCatalogError(checked.errors);
      if (first) document.getElementById(fieldId(first))?.focus();
      return;
    }
    setBusy(true);
    setServerError(null);
    try {
      const stored = await api.send('PUT', `/catalog/${encodeURIComponent(gtin)}`, checked.product, setProductSchema);
      onSaved(stored);
    } catch (failure) {
      setServerError(t.failed(apiErrorText(admin, failure)));
      setBusy(false);
    }
  }

  const field = (
    name: CatalogField,
    label: string,
    options: { hint?: string; required?: boolean; numeric?: boolean; autofocus?: boolean; upper?: boolean } = {},
  ) => (
    <TextField
      id={fieldId(name)}
      autoComplete="off"
      label={options.required ? `${label} (${t.required})` : label}
      value={draft[name]}
      hint={options.hint}
      error={errorText(errors[name])}
      numeric={options.numeric}
      autofocus={options.autofocus}
      upper={options.upper}
      onInput={(value) => update(name, value)}
    />
  );

  return (
    <Dialog title={t.title(gtin)} onClose={onClose}>
      <form
        class="admin-dialog__body catalog-form"
        onSubmit={(e) => void save(e)}
        noValidate
        aria-busy={busy ? 'true' : undefined}
        data-testid="catalog-form"
      >
        <p class="catalog-form__intro">{t.intro}</p>
        <div class="catalog-form__grid">
          <div class="co-field">
            <label class="co-field__label" for={fieldId('gtin')}>
              {t.gtin}
            </label>
            <input id={fieldId('gtin')} class="co-input co-mono catalog-form__gtin" value={gtin} readOnly />
          </div>
          <div class="co-field">
            <label class="co-field__label" for={fieldId('category')}>
              {t.category}
            </label>
            <select
              id={fieldId('category')}
              class="co-input"
              value={draft.category}
              onChange={(e) => {
                const category = CATALOG_CATEGORIES.find((c) => c === e.currentTarget.value);
                if (category) setDraft((d) => ({ ...d, category }));
              }}
            >
              {CATALOG_CATEGORIES.map((category) => (
                <option key={category} value={category}>
                  {t.categories[category]}
                </option>
              ))}
            </select>
          </div>
          {field('nameSv', t.nameSv, { required: true, autofocus: true })}
          {field('nameEn', t.nameEn, { hint: t.nameEnHint })}
          {field('strength', t.strength, { hint: t.strengthHint })}
          {field('form', t.form, { hint: t.formHint })}
          {field('packSize', t.packSize, { hint: t.packSizeHint })}
          {field('unitsPerPack', t.unitsPerPack, { hint: t.unitsPerPackHint, numeric: true })}
          {field('atc', t.atc, { hint: t.atcHint, upper: true })}
        </div>
        <ErrorMessage>{serverError}</ErrorMessage>
        <div class="admin-dialog__actions">
          <button type="button" class="button" onClick={onClose}>
            {t.cancel}
          </button>
          <button type="submit" class="button button--primary" disabled={busy}>
            {busy ? t.saving : t.save}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
