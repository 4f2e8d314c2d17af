import { useEffect, useState } from 'preact/hooks';
import type { SiteWithLocations } from '../../domain/overview/master-data-api.ts';
import { useLang } from '../i18n.ts';
import { NO_FILTERS, normaliseAtc, type OverviewFilters } from './overview-filters.ts';
import { overviewStrings } from './overview-strings.ts';

interface OverviewFilterBarProps {
  filters: OverviewFilters;
  /** null while the sites are loading (the lists then hold only the current choice). */
  sites: readonly SiteWithLocations[] | null;
  onChange: (filters: OverviewFilters) => void;
}

/**
 * Region, site and ATC group. A choice in a list applies at once; the ATC prefix applies with Enter
 * or the button (it is typed). Choosing a region narrows the sites to that region.
 */
export function OverviewFilterBar({ filters, sites, onChange }: OverviewFilterBarProps) {
  const t = overviewStrings[useLang()].overview;
  const [atcText, setAtcText] = useState(filters.atc ?? '');
  const [atcInvalid, setAtcInvalid] = useState(false);
  // The address bar (back button, a shared link) may change the filters under us.
  useEffect(() => setAtcText(filters.atc ?? ''), [filters.atc]);

  const regions = [...new Set((sites ?? []).map((s) => s.region))].sort((a, b) => a.localeCompare(b, 'sv'));
  if (filters.region && !regions.includes(filters.region)) regions.unshift(filters.region);
  const siteOptions = (sites ?? []).filter((s) => !filters.region || s.region === filters.region);
  const siteCodes = siteOptions.map((s) => s.code);

  function apply(event: Event) {
    event.preventDefault();
    const atc = atcText.trim() === '' ? null : normaliseAtc(atcText);
    if (atcText.trim() !== '' && atc === null) {
      setAtcInvalid(true);
      return;
    }
    setAtcInvalid(false);
    onChange({ ...filters, atc, page: 1 });
  }

  return (
    <form class="co-filters" onSubmit={apply} aria-label={t.filters}>
      <div class="co-field">
        <label class="co-field__label" for="overview-region">
          {t.region}
        </label>
        <select
          id="overview-region"
          class="co-input"
          name="region"
          value={filters.region ?? ''}
          onChange={(event) => {
            const region = event.currentTarget.value || null;
            const siteStays =
              filters.site && sites?.some((s) => s.code === filters.site && (!region || s.region === region));
            onChange({ ...filters, region, site: siteStays ? filters.site : null, page: 1 });
          }}
        >
          <option value="">{t.all}</option>
          {regions.map((region) => (
            <option key={region} value={region}>
              {region}
            </option>
          ))}
        </select>
      </div>
      <div class="co-field">
        <label class="co-field__label" for="overview-site">
          {t.site}
        </label>
        <select
          id="overview-site"
          class="co-input co-input--wide"
          name="site"
          value={filters.site ?? ''}
          onChange={(event) => onChange({ ...filters, site: event.currentTarget.value || null, page: 1 })}
        >
          <option value="">{t.all}</option>
          {filters.site && !siteCodes.includes(filters.site) && <option value={filters.site}>{filters.site}</option>}
          {siteOptions.map((site) => (
            <option key={site.code} value={site.code}>
              {site.code} — {site.name}
            </option>
          ))}
        </select>
      </div>
      <div class="co-field">
        <label class="co-field__label" for="overview-atc">
          {t.atc}
        </label>
        <input
          id="overview-atc"
          class="co-input co-input--narrow"
          name="atc"
          value={atcText}
          maxLength={7}
          autoComplete="off"
          spellcheck={false}
          aria-invalid={atcInvalid ? 'true' : undefined}
          aria-describedby="overview-atc-hint"
          onInput={(event) => setAtcText(event.currentTarget.value)}
        />
        <span id="overview-atc-hint" class={atcInvalid ? 'target-editor__error' : 'co-field__hint'}>
          {atcInvalid ? t.atcInvalid : t.atcHint}
        </span>
      </div>
      <div class="co-filters__actions">
        <button type="submit" class="button">
          {t.apply}
        </button>
        <button
          type="button"
          class="button button--quiet"
          disabled={!filters.site && !filters.region && !filters.atc}
          onClick={() => {
            setAtcText('');
            setAtcInvalid(false);
            onChange(NO_FILTERS);
          }}
        >
          {t.clear}
        </button>
      </div>
    </form>
  );
}
