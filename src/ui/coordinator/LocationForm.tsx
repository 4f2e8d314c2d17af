import { useId, useState } from 'preact/hooks';
import { MAX_LOCATION_NAME } from '../../domain/overview/location-check.ts';
import { type SiteWithLocations, setLocationSchema } from '../../domain/overview/master-data-api.ts';
import type { Location } from '../../domain/reference-data.ts';
import { useApp } from '../app-context.ts';
import { ErrorMessage } from '../components/ErrorMessage.tsx';
import { formatNumber, useLang } from '../i18n.ts';
import { apiErrorText } from './admin/api-error-text.ts';
import { TextField } from './admin/TextField.tsx';
import { useAdminStrings } from './admin-strings.ts';
import {
  emptyLocationDraft,
  existingLocation,
  firstLocationError,
  type LocationDraft,
  type LocationErrors,
  type LocationField,
  type LocationFieldError,
  locationRequest,
} from './location-form.ts';
import { overviewStrings } from './overview-strings.ts';
import './location-form.css';

/**
 * "Add or rename a location" on the labels screen (administrators): one location of the chosen site,
 * by code and name, so that a new shelf's label can be printed at once. Checked before sending; the
 * server's refusal (a code of another site's location, say) is shown under the fields.
 */
export function LocationForm({
  site,
  onSaved,
}: {
  site: SiteWithLocations;
  /** After the server stored it: the location as stored. */
  onSaved: (location: Location) => void;
}) {
  const { api } = useApp();
  const lang = useLang();
  const t = overviewStrings[lang].location;
  const admin = useAdminStrings();
  const id = useId();
  const [draft, setDraft] = useState<LocationDraft>(emptyLocationDraft);
  const [errors, setErrors] = useState<LocationErrors>({});
  const [serverError, setServerError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const fieldId = (field: LocationField) => `${id}-${field}`;
  const max = formatNumber(lang, MAX_LOCATION_NAME);

  function update(field: LocationField, value: string) {
    setDraft((d) => ({ ...d, [field]: value }));
    setErrors((e) => ({ ...e, [field]: undefined }));
  }

  function errorText(error: LocationFieldError | undefined, field: LocationField): string | null {
    if (!error) return null;
    if (error.kind === 'code') return t.errorCode;
    if (error.kind === 'too-long') return t.errorTooLong(formatNumber(lang, error.max));
    return field === 'code' ? t.errorCodeRequired : t.errorNameRequired;
  }

  async function save(event: Event) {
    event.preventDefault();
    if (busy) return;
    setNotice(null);
    const checked = locationRequest(site.code, draft);
    if (!checked.ok) {
      setErrors(checked.errors);
      setServerError(null);
      const first = firstLocationError(checked.errors);
      if (first) document.getElementById(fieldId(first))?.focus();
      return;
    }
    setBusy(true);
    setServerError(null);
    try {
      const { location } = checked;
      const stored = await api.send(
        'PUT',
        `/locations/${encodeURIComponent(location.code)}`,
        location,
        setLocationSchema,
      );
      setDraft(emptyLocationDraft);
      setErrors({});
      setNotice(t.saved(stored.code));
      onSaved(stored);
    } catch (failure) {
      setServerError(t.failed(apiErrorText(admin, failure)));
    } finally {
      setBusy(false);
    }
  }

  const renamed = existingLocation(site.locations, draft.code);
  return (
    <section class="co-panel location-form no-print" aria-labelledby={`${id}-title`} data-testid="location-form">
      <h2 id={`${id}-title`} class="co-panel__title">
        {t.title}
      </h2>
      <form class="location-form__form" onSubmit={(e) => void save(e)} noValidate aria-busy={busy ? 'true' : undefined}>
        <div class="location-form__fields">
          <div class="location-form__code">
            <TextField
              id={fieldId('code')}
              label={t.code}
              value={draft.code}
              hint={renamed ? `${t.codeHint} ${t.renames(renamed.name)}` : t.codeHint}
              error={errorText(errors.code, 'code')}
              autoComplete="off"
              onInput={(value) => update('code', value)}
            />
          </div>
          <div class="location-form__name">
            <TextField
              id={fieldId('name')}
              label={t.name}
              value={draft.name}
              hint={t.nameHint(max)}
              error={errorText(errors.name, 'name')}
              autoComplete="off"
              onInput={(value) => update('name', value)}
            />
          </div>
          <div class="location-form__actions">
            <button type="submit" class="button button--primary" disabled={busy}>
              {busy ? t.saving : t.save}
            </button>
          </div>
        </div>
        <ErrorMessage>{serverError}</ErrorMessage>
      </form>
      {/* Always there, so that screen readers hear the notice when it is put in. */}
      <div role="status" class="location-form__status">
        {notice && <p class="message admin-notice--ok">{notice}</p>}
      </div>
    </section>
  );
}
