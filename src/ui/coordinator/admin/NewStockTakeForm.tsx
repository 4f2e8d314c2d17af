import { useId, useState } from 'preact/hooks';
import type { DeviceSummary, UserAccount } from '../../../domain/auth/api.ts';
import type { SiteWithLocations } from '../../../domain/overview/master-data-api.ts';
import type { StockTake, StockTakeMode } from '../../../domain/reference-data.ts';
import { stockTakeSchema } from '../../../domain/reference-data.ts';
import { useApp } from '../../app-context.ts';
import { ErrorMessage } from '../../components/ErrorMessage.tsx';
import { formatNumber, useLang } from '../../i18n.ts';
import { useAdminStrings } from '../admin-strings.ts';
import { apiErrorText } from './api-error-text.ts';
import {
  type DraftErrors,
  type DraftField,
  draftToRequest,
  emptyDraft,
  type StockTakeDraft,
  toggle,
} from './stock-take-draft.ts';

interface NewStockTakeFormProps {
  sites: readonly SiteWithLocations[];
  /** Enrolled, not revoked. */
  devices: readonly DeviceSummary[];
  /** Not revoked. */
  users: readonly UserAccount[];
  onCreated: (stockTake: StockTake) => void;
  onCancel: () => void;
}

const MODES: readonly StockTakeMode[] = ['blind', 'guided'];

/** "New stock-take": site, name, blind or guided, which locations, who counts. */
export function NewStockTakeForm({ sites, devices, users, onCreated, onCancel }: NewStockTakeFormProps) {
  const t = useAdminStrings();
  const lang = useLang();
  const { api } = useApp();
  const id = useId();
  const [draft, setDraft] = useState<StockTakeDraft>(emptyDraft);
  const [errors, setErrors] = useState<DraftErrors>({});
  const [serverError, setServerError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const site = sites.find((s) => s.code === draft.siteCode);
  const fieldId = (field: DraftField) => `${id}-${field}`;

  function update(patch: Partial<StockTakeDraft>) {
    setDraft((d) => ({ ...d, ...patch }));
    setErrors((e) => {
      const rest = { ...e };
      for (const key of Object.keys(patch)) delete rest[key as DraftField];
      if ('scope' in patch) delete rest.locationCodes;
      return rest;
    });
  }

  async function submit(event: Event) {
    event.preventDefault();
    const checked = draftToRequest(draft, sites);
    if (!checked.ok) {
      setErrors(checked.errors);
      // Take the keyboard to the first thing to fix.
      const first = (['siteCode', 'name', 'locationCodes'] as const).find((f) => checked.errors[f]);
      if (first) document.getElementById(fieldId(first))?.focus();
      return;
    }
    setBusy(true);
    setServerError(null);
    try {
      onCreated(await api.send('POST', '/stock-takes', checked.request, stockTakeSchema));
    } catch (error) {
      setServerError(apiErrorText(t, error));
      setBusy(false);
    }
  }

  const errorText = (field: DraftField) => {
    const error = errors[field];
    return error ? (
      <span id={`${fieldId(field)}-error`} class="admin-field-error">
        {t.newStockTake.errors[error]}
      </span>
    ) : null;
  };
  const invalid = (field: DraftField) => ({
    'aria-invalid': errors[field] !== undefined,
    'aria-describedby': errors[field] ? `${fieldId(field)}-error` : undefined,
  });

  return (
    <form class="co-panel admin-form" onSubmit={(e) => void submit(e)} noValidate aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`} class="co-panel__title">
        {t.newStockTake.title}
      </h2>
      <div class="admin-form__columns">
        <div class="admin-form__column">
          <div class="co-field">
            <label class="co-field__label" for={fieldId('siteCode')}>
              {t.newStockTake.site}
            </label>
            <select
              id={fieldId('siteCode')}
              class="co-input"
              value={draft.siteCode}
              onChange={(e) => update({ siteCode: e.currentTarget.value, locationCodes: [] })}
              {...invalid('siteCode')}
            >
              <option value="">{t.newStockTake.chooseSite}</option>
              {sites.map((s) => (
                <option key={s.code} value={s.code}>
                  {s.name} ({s.code})
                </option>
              ))}
            </select>
            {errorText('siteCode')}
          </div>
          <div class="co-field">
            <label class="co-field__label" for={fieldId('name')}>
              {t.newStockTake.name}
            </label>
            <input
              id={fieldId('name')}
              class="co-input"
              value={draft.name}
              maxLength={240}
              onInput={(e) => update({ name: e.currentTarget.value })}
              {...invalid('name')}
            />
            <span class="co-field__hint">{t.newStockTake.nameHint}</span>
            {errorText('name')}
          </div>
          <fieldset class="admin-fieldset">
            <legend class="co-field__label">{t.newStockTake.mode}</legend>
            {MODES.map((mode) => (
              <label key={mode} class="admin-choice">
                <input
                  type="radio"
                  name={`${id}-mode`}
                  value={mode}
                  checked={draft.mode === mode}
                  onChange={() => update({ mode })}
                />
                <span>
                  <strong>{t.mode[mode]}</strong>
                  <span class="admin-choice__hint">{t.modeExplained[mode]}</span>
                </span>
              </label>
            ))}
          </fieldset>
        </div>
        <fieldset class="admin-fieldset admin-form__column">
          <legend class="co-field__label">{t.newStockTake.scope}</legend>
          {!site ? (
            <p class="co-muted">{t.newStockTake.chooseSiteFirst}</p>
          ) : (
            <>
              <label class="admin-choice">
                <input
                  type="radio"
                  name={`${id}-scope`}
                  checked={draft.scope === 'all'}
                  onChange={() => update({ scope: 'all' })}
                />
                <span>{t.newStockTake.scopeAll(formatNumber(lang, site.locations.length))}</span>
              </label>
              <label class="admin-choice">
                <input
                  id={fieldId('locationCodes')}
                  type="radio"
                  name={`${id}-scope`}
                  checked={draft.scope === 'chosen'}
                  onChange={() => update({ scope: 'chosen' })}
                  {...invalid('locationCodes')}
                />
                <span>{t.newStockTake.scopeChosen}</span>
              </label>
              {draft.scope === 'chosen' && (
                <>
                  <p class="message message--info admin-small">{t.newStockTake.partialWarning}</p>
                  <ul class="admin-checklist">
                    {site.locations.map((location) => (
                      <li key={location.code}>
                        <label class="admin-choice">
                          <input
                            type="checkbox"
                            checked={draft.locationCodes.includes(location.code)}
                            onChange={(e) =>
                              update({
                                locationCodes: toggle(draft.locationCodes, location.code, e.currentTarget.checked),
                              })
                            }
                          />
                          <span>
                            {location.name} <span class="co-mono co-muted">{location.code}</span>
                          </span>
                        </label>
                      </li>
                    ))}
                  </ul>
                </>
              )}
              {errorText('locationCodes')}
            </>
          )}
        </fieldset>
        <Assignees
          legend={t.newStockTake.devices}
          hint={t.newStockTake.devicesHint}
          empty={t.newStockTake.noDevices}
          options={devices.map((d) => ({ value: d.deviceId, label: d.label }))}
          chosen={draft.deviceIds}
          onChange={(deviceIds) => update({ deviceIds })}
        />
        <Assignees
          legend={t.newStockTake.users}
          hint={t.newStockTake.usersHint}
          empty={t.common.none}
          options={users.map((u) => ({ value: u.id, label: `${u.name} (${t.roles[u.role].toLowerCase()})` }))}
          chosen={draft.userIds}
          onChange={(userIds) => update({ userIds })}
        />
      </div>
      {Object.keys(errors).length > 0 && (
        <p class="message message--error" role="alert">
          {t.newStockTake.fixErrors}
        </p>
      )}
      <ErrorMessage>{serverError}</ErrorMessage>
      <div class="admin-form__actions">
        <button type="submit" class="button button--primary" disabled={busy}>
          {busy ? t.newStockTake.creating : t.newStockTake.create}
        </button>
        <button type="button" class="button" onClick={onCancel}>
          {t.common.cancel}
        </button>
      </div>
    </form>
  );
}

interface AssigneesProps {
  legend: string;
  hint: string;
  empty: string;
  options: ReadonlyArray<{ value: string; label: string }>;
  chosen: readonly string[];
  onChange: (chosen: string[]) => void;
}

/** Checkboxes for who may count: devices or users. */
function Assignees({ legend, hint, empty, options, chosen, onChange }: AssigneesProps) {
  return (
    <fieldset class="admin-fieldset admin-form__column">
      <legend class="co-field__label">{legend}</legend>
      <span class="co-field__hint">{hint}</span>
      {options.length === 0 ? (
        <p class="co-muted">{empty}</p>
      ) : (
        <ul class="admin-checklist">
          {options.map((option) => (
            <li key={option.value}>
              <label class="admin-choice">
                <input
                  type="checkbox"
                  checked={chosen.includes(option.value)}
                  onChange={(e) => onChange(toggle(chosen, option.value, e.currentTarget.checked))}
                />
                <span>{option.label}</span>
              </label>
            </li>
          ))}
        </ul>
      )}
    </fieldset>
  );
}
