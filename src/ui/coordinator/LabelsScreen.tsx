import { useEffect, useState } from 'preact/hooks';
import { can } from '../../domain/auth/roles.ts';
import { type SiteWithLocations, siteListSchema } from '../../domain/overview/master-data-api.ts';
import { useApp } from '../app-context.ts';
import { formatNumber, useLang } from '../i18n.ts';
import type { Symbology } from './barcode-svg.ts';
import { CoordinatorShell } from './CoordinatorShell.tsx';
import { LabelSheets } from './LabelSheets.tsx';
import { LoadError } from './LoadError.tsx';
import { LocationForm } from './LocationForm.tsx';
import { LABEL_LAYOUTS, type LabelLayoutId, paginate } from './label-layout.ts';
import { overviewStrings } from './overview-strings.ts';
import { useApiData } from './use-api-data.ts';
import './labels.css';

type Render = (code: string, symbology: Symbology) => string;

/** bwip-js is large: it loads when the label screen first needs it. */
function useBarcodeRenderer(): { render: Render | null; error: unknown } {
  const [state, setState] = useState<{ render: Render | null; error: unknown }>({ render: null, error: null });
  useEffect(() => {
    let current = true;
    import('./barcode-svg.ts').then(
      (module) => current && setState({ render: module.barcodeSvg, error: null }),
      (error: unknown) => current && setState({ render: null, error }),
    );
    return () => {
      current = false;
    };
  }, []);
  return state;
}

/**
 * Printable labels for a site's locations: choose the site, all or some locations, the paper (an
 * A4 sheet or a label printer's roll) and the barcode, check the preview, print.
 */
export function LabelsScreen({ siteCode }: { siteCode: string | null }) {
  const { api, navigate, user } = useApp();
  const lang = useLang();
  const t = overviewStrings[lang].labels;
  const [sites, reloadSites] = useApiData('sites', () => api.get('/sites', siteListSchema));
  const [layoutId, setLayoutId] = useState<LabelLayoutId>('a4-3x8');
  const [symbology, setSymbology] = useState<Symbology>('code128');
  const [onlyChosen, setOnlyChosen] = useState(false);
  const [chosen, setChosen] = useState<ReadonlySet<string>>(new Set());
  const barcodes = useBarcodeRenderer();
  const canManage = user !== null && can(user.role, 'master-data:manage');

  const site: SiteWithLocations | null = sites.data?.sites.find((s) => s.code === siteCode) ?? null;
  const locations = site ? (onlyChosen ? site.locations.filter((l) => chosen.has(l.code)) : site.locations) : [];
  const layout = LABEL_LAYOUTS[layoutId];
  const pages = paginate(locations, layout).length;

  // Another site: start again from "all of its locations".
  useEffect(() => {
    setOnlyChosen(false);
    setChosen(new Set());
  }, [siteCode]);

  return (
    <CoordinatorShell section="labels" title={t.title}>
      <div class="labels-controls co-panel no-print">
        {sites.state === 'error' && <LoadError error={sites.error} onRetry={reloadSites} />}
        <div class="co-field">
          <label class="co-field__label" for="labels-site">
            {t.site}
          </label>
          <select
            id="labels-site"
            class="co-input"
            value={siteCode ?? ''}
            onChange={(event) => navigate({ name: 'labels', siteCode: event.currentTarget.value || null }, true)}
          >
            <option value="">{t.chooseSite}</option>
            {sites.data?.sites.map((s) => (
              <option key={s.code} value={s.code}>
                {s.code} — {s.name}
              </option>
            ))}
          </select>
        </div>
        {sites.data?.sites.length === 0 && <p class="co-muted">{t.noSites}</p>}
        <Choice
          legend={t.layout}
          name="label-layout"
          value={layoutId}
          options={(Object.keys(LABEL_LAYOUTS) as LabelLayoutId[]).map((id) => ({
            value: id,
            label: t.layouts[id] ?? id,
          }))}
          onChange={setLayoutId}
        />
        <Choice
          legend={t.symbology}
          name="label-symbology"
          value={symbology}
          options={[
            { value: 'code128', label: t.code128 },
            { value: 'datamatrix', label: t.datamatrix },
          ]}
          onChange={setSymbology}
        />
        {site && (
          <LocationChooser
            site={site}
            onlyChosen={onlyChosen}
            chosen={chosen}
            onOnlyChosen={setOnlyChosen}
            onChosen={setChosen}
          />
        )}
        {site && (
          <div class="labels-controls__print">
            <button
              type="button"
              class="button button--primary"
              disabled={locations.length === 0 || !barcodes.render}
              onClick={() => print()}
            >
              {t.print}
            </button>
            <p class="co-field__hint">{t.printHint}</p>
          </div>
        )}
      </div>
      {site && canManage && (
        <LocationForm
          key={site.code}
          site={site}
          onSaved={(location) => {
            // The new or renamed location joins the list, and the labels to print if some are chosen.
            if (onlyChosen) setChosen((previous) => new Set(previous).add(location.code));
            reloadSites();
          }}
        />
      )}
      {site && (
        <section class="labels-preview" aria-labelledby="labels-preview-title">
          <h2 class="co-panel__title no-print" id="labels-preview-title">
            {t.preview} ·{' '}
            {locations.length === 0
              ? t.noneChosen
              : t.count(formatNumber(lang, locations.length), formatNumber(lang, pages), pages)}
          </h2>
          {barcodes.error ? (
            <p class="message message--error" role="alert">
              {t.renderFailed(barcodes.error instanceof Error ? barcodes.error.message : String(barcodes.error))}
            </p>
          ) : barcodes.render ? (
            <LabelSheets locations={locations} layout={layout} symbology={symbology} render={barcodes.render} />
          ) : (
            <p class="co-muted no-print">{t.rendering}</p>
          )}
        </section>
      )}
    </CoordinatorShell>
  );
}

function Choice<T extends string>({
  legend,
  name,
  value,
  options,
  onChange,
}: {
  legend: string;
  name: string;
  value: T;
  options: { value: T; label: string }[];
  onChange: (value: T) => void;
}) {
  return (
    <fieldset class="labels-choice">
      <legend class="co-field__label">{legend}</legend>
      {options.map((option) => (
        <label key={option.value} class="labels-choice__option">
          <input
            type="radio"
            name={name}
            value={option.value}
            checked={value === option.value}
            onChange={() => onChange(option.value)}
          />
          {option.label}
        </label>
      ))}
    </fieldset>
  );
}

function LocationChooser({
  site,
  onlyChosen,
  chosen,
  onOnlyChosen,
  onChosen,
}: {
  site: SiteWithLocations;
  onlyChosen: boolean;
  chosen: ReadonlySet<string>;
  onOnlyChosen: (only: boolean) => void;
  onChosen: (chosen: ReadonlySet<string>) => void;
}) {
  const lang = useLang();
  const t = overviewStrings[lang].labels;
  const toggle = (code: string, on: boolean) => {
    const next = new Set(chosen);
    if (on) next.add(code);
    else next.delete(code);
    onChosen(next);
  };
  return (
    <fieldset class="labels-choice labels-locations">
      <legend class="co-field__label">{t.which}</legend>
      <label class="labels-choice__option">
        <input type="radio" name="label-which" checked={!onlyChosen} onChange={() => onOnlyChosen(false)} />
        {t.allLocations(formatNumber(lang, site.locations.length))}
      </label>
      <label class="labels-choice__option">
        <input type="radio" name="label-which" checked={onlyChosen} onChange={() => onOnlyChosen(true)} />
        {t.chosenLocations}
      </label>
      {onlyChosen && (
        <>
          <div class="labels-locations__bulk">
            <button
              type="button"
              class="button button--small"
              onClick={() => onChosen(new Set(site.locations.map((l) => l.code)))}
            >
              {t.selectAll}
            </button>
            <button type="button" class="button button--small" onClick={() => onChosen(new Set())}>
              {t.selectNone}
            </button>
          </div>
          <ul class="labels-locations__list">
            {site.locations.map((location) => (
              <li key={location.code}>
                <label class="labels-choice__option">
                  <input
                    type="checkbox"
                    checked={chosen.has(location.code)}
                    onChange={(event) => toggle(location.code, event.currentTarget.checked)}
                  />
                  <span class="co-mono">{location.code}</span> {location.name}
                </label>
              </li>
            ))}
          </ul>
        </>
      )}
    </fieldset>
  );
}
