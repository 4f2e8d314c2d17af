import { useEffect, useRef, useState } from 'preact/hooks';
import type { ExpiryMonth } from '../../domain/overview/model.ts';
import { formatNumber, type Lang, useLang } from '../i18n.ts';
import { type ExpiryBar, expiryBars, niceScale, type Scale } from './expiry-chart-model.ts';
import { type OverviewStrings, overviewStrings } from './overview-strings.ts';

/**
 * Packs per month of expiry, counted and provisional stacked: an SVG drawn here (no chart library,
 * docs/decisions.md), each bar reachable with the keyboard (arrow keys move between bars) and named
 * with its numbers, plus the same numbers as a table at the press of a button.
 */
export function ExpiryChart({ months, today }: { months: readonly ExpiryMonth[]; today: Date }) {
  const lang = useLang();
  const t = overviewStrings[lang];
  const [asTable, setAsTable] = useState(false);
  const bars = expiryBars(months, today);
  return (
    <section class="co-panel expiry-chart" aria-labelledby="expiry-chart-title">
      <div class="expiry-chart__head">
        <h2 class="co-panel__title" id="expiry-chart-title">
          {t.chart.title}
        </h2>
        <button type="button" class="button button--small" aria-pressed={asTable} onClick={() => setAsTable(!asTable)}>
          {t.chart.showTable}
        </button>
      </div>
      <p class="co-muted expiry-chart__description">{t.chart.description}</p>
      {bars.length === 0 ? (
        <p class="co-muted">{t.chart.empty}</p>
      ) : asTable ? (
        <ExpiryTable bars={bars} lang={lang} t={t} />
      ) : (
        <ExpiryBars bars={bars} lang={lang} t={t} />
      )}
    </section>
  );
}

function barName(bar: ExpiryBar, t: OverviewStrings): string {
  if (bar.kind === 'undated') return t.chart.undated;
  if (bar.kind === 'later') return t.chart.later(bar.month ?? '');
  return bar.month ?? '';
}

function axisName(bar: ExpiryBar, t: OverviewStrings): string {
  if (bar.kind === 'undated') return t.chart.undated;
  if (bar.kind === 'later') return `${bar.month}+`;
  return bar.month ?? '';
}

function statusName(bar: ExpiryBar, t: OverviewStrings): string {
  if (bar.status === 'expired') return t.chart.statusExpired;
  if (bar.status === 'near') return t.chart.statusNear;
  return '';
}

function barLabel(bar: ExpiryBar, lang: Lang, t: OverviewStrings): string {
  return t.chart.barLabel(
    barName(bar, t),
    formatNumber(lang, bar.countedPacks),
    formatNumber(lang, bar.provisionalPacks),
    statusName(bar, t),
  );
}

/** The chart's width follows its box, so text stays at its real size at any screen width. */
function useWidth(fallback: number) {
  const ref = useRef<HTMLDivElement>(null);
  const [width, setWidth] = useState(fallback);
  useEffect(() => {
    const element = ref.current;
    if (!element) return;
    const observer = new ResizeObserver(([entry]) => {
      if (entry) setWidth(Math.max(280, Math.floor(entry.contentRect.width)));
    });
    observer.observe(element);
    return () => observer.disconnect();
  }, []);
  return [ref, width] as const;
}

const HEIGHT = 260;
const MARGIN = { top: 12, right: 8, bottom: 64, left: 52 };

function ExpiryBars({ bars, lang, t }: { bars: ExpiryBar[]; lang: Lang; t: OverviewStrings }) {
  const [box, width] = useWidth(640);
  const [active, setActive] = useState(0);
  const [shown, setShown] = useState<number | null>(null);
  const barRefs = useRef<(SVGGElement | null)[]>([]);
  const current = Math.min(active, bars.length - 1);
  const scale = niceScale(Math.max(...bars.map((b) => b.countedPacks + b.provisionalPacks)));
  const plot = { width: width - MARGIN.left - MARGIN.right, height: HEIGHT - MARGIN.top - MARGIN.bottom };
  const slot = plot.width / bars.length;
  const barWidth = Math.max(2, Math.min(40, slot * 0.72));
  const y = (value: number) => MARGIN.top + plot.height - (value / scale.max) * plot.height;
  // Rotated month names need about 18 px each; with narrower slots only every n-th is written.
  const labelEvery = Math.max(1, Math.ceil(18 / slot));

  function move(event: KeyboardEvent, index: number) {
    const next =
      event.key === 'ArrowRight' || event.key === 'ArrowDown'
        ? Math.min(bars.length - 1, index + 1)
        : event.key === 'ArrowLeft' || event.key === 'ArrowUp'
          ? Math.max(0, index - 1)
          : event.key === 'Home'
            ? 0
            : event.key === 'End'
              ? bars.length - 1
              : null;
    if (next === null) return;
    event.preventDefault();
    setActive(next);
    barRefs.current[next]?.focus();
  }

  const readout = shown === null ? null : bars[shown];
  return (
    <div class="expiry-chart__figure" ref={box}>
      <ul class="expiry-chart__legend">
        <li>
          <span class="expiry-chart__swatch expiry-chart__swatch--counted" /> {t.chart.counted}
        </li>
        <li>
          <span class="expiry-chart__swatch expiry-chart__swatch--provisional" /> {t.chart.provisional}
        </li>
        <li>
          <span class="expiry-chart__swatch expiry-chart__swatch--expired" /> {t.chart.statusExpired}
        </li>
        <li>
          <span class="expiry-chart__swatch expiry-chart__swatch--near" /> {t.chart.statusNear}
        </li>
      </ul>
      <svg class="expiry-chart__svg" width={width} height={HEIGHT} viewBox={`0 0 ${width} ${HEIGHT}`}>
        <title>{t.chart.title}</title>
        <defs>
          <pattern
            id="expiry-provisional"
            width="6"
            height="6"
            patternUnits="userSpaceOnUse"
            patternTransform="rotate(45)"
          >
            <rect width="6" height="6" class="expiry-chart__provisional-bg" />
            <line x1="0" y1="0" x2="0" y2="6" class="expiry-chart__provisional-line" />
          </pattern>
        </defs>
        <ChartBackdrop bars={bars} scale={scale} slot={slot} width={width} plotHeight={plot.height} y={y} lang={lang} />
        {bars.map((bar, i) => {
          const x = MARGIN.left + i * slot + (slot - barWidth) / 2;
          // A few packs against a tall axis would vanish: a bar with any packs is at least 2 px tall.
          const countedTop = Math.min(y(bar.countedPacks), bar.countedPacks > 0 ? y(0) - 2 : y(0));
          const provisionalTop = Math.min(
            y(bar.countedPacks + bar.provisionalPacks),
            bar.provisionalPacks > 0 ? countedTop - 2 : countedTop,
          );
          const label = barLabel(bar, lang, t);
          return (
            // A chart's mark is an image with a name; it is focusable only to be read (roving focus, arrow keys).
            // biome-ignore lint/a11y/noInteractiveElementToNoninteractiveRole: see above.
            <g
              key={`${bar.kind}-${bar.month}`}
              ref={(el) => {
                barRefs.current[i] = el;
              }}
              class="expiry-chart__bar"
              data-status={bar.status}
              tabIndex={i === current ? 0 : -1}
              role="img"
              aria-label={label}
              onKeyDown={(event) => move(event, i)}
              onFocus={() => {
                setActive(i);
                setShown(i);
              }}
              onBlur={() => setShown(null)}
              onMouseEnter={() => setShown(i)}
              onMouseLeave={() => setShown(null)}
            >
              <title>{label}</title>
              {/* The whole slot answers the pointer, also over an empty month. */}
              <rect
                class="expiry-chart__hit"
                x={MARGIN.left + i * slot}
                y={MARGIN.top}
                width={slot}
                height={plot.height}
              />
              <rect
                class="expiry-chart__counted"
                x={x}
                y={countedTop}
                width={barWidth}
                height={MARGIN.top + plot.height - countedTop}
              />
              <rect
                class="expiry-chart__provisional"
                x={x}
                y={provisionalTop}
                width={barWidth}
                height={countedTop - provisionalTop}
                fill="url(#expiry-provisional)"
              />
              <rect
                class="expiry-chart__focus"
                x={MARGIN.left + i * slot + 1}
                y={MARGIN.top + 1}
                width={Math.max(1, slot - 2)}
                height={plot.height + 2}
              />
              {i % labelEvery === 0 || bar.kind !== 'month' ? (
                <text
                  class="expiry-chart__month"
                  data-status={bar.status}
                  transform={`translate(${MARGIN.left + i * slot + slot / 2}, ${MARGIN.top + plot.height + 8}) rotate(-50)`}
                  text-anchor="end"
                  dy="0.32em"
                >
                  {axisName(bar, t)}
                </text>
              ) : null}
            </g>
          );
        })}
      </svg>
      <p class="expiry-chart__readout" aria-hidden="true">
        {readout ? barLabel(readout, lang, t) : '\u00a0'}
      </p>
    </div>
  );
}

/** Expired and near bands, gridlines and the axis's numbers: drawing only, the bars carry the numbers for assistive technology. */
function ChartBackdrop({
  bars,
  scale,
  slot,
  width,
  plotHeight,
  y,
  lang,
}: {
  bars: ExpiryBar[];
  scale: Scale;
  slot: number;
  width: number;
  plotHeight: number;
  y: (value: number) => number;
  lang: Lang;
}) {
  return (
    // biome-ignore lint/a11y/noAriaHiddenOnFocusable: an SVG group without tabindex is not focusable.
    <g aria-hidden="true">
      {bars.map((bar, i) =>
        bar.status === 'expired' || bar.status === 'near' ? (
          <rect
            key={`band-${bar.month}`}
            class={`expiry-chart__band expiry-chart__band--${bar.status}`}
            x={MARGIN.left + i * slot}
            y={MARGIN.top}
            width={slot}
            height={plotHeight}
          />
        ) : null,
      )}
      {scale.ticks.map((tick) => (
        <g key={tick}>
          <line class="expiry-chart__grid" x1={MARGIN.left} x2={width - MARGIN.right} y1={y(tick)} y2={y(tick)} />
          <text class="expiry-chart__tick" x={MARGIN.left - 6} y={y(tick)} dy="0.32em" text-anchor="end">
            {formatNumber(lang, tick)}
          </text>
        </g>
      ))}
      <line
        class="expiry-chart__axis"
        x1={MARGIN.left}
        x2={width - MARGIN.right}
        y1={MARGIN.top + plotHeight}
        y2={MARGIN.top + plotHeight}
      />
    </g>
  );
}

function ExpiryTable({ bars, lang, t }: { bars: ExpiryBar[]; lang: Lang; t: OverviewStrings }) {
  return (
    <div class="co-table-scroll expiry-chart__table">
      <table class="co-table">
        <caption class="visually-hidden">{t.chart.title}</caption>
        <thead>
          <tr>
            <th scope="col">{t.chart.month}</th>
            <th scope="col" class="num">
              {t.chart.counted}
            </th>
            <th scope="col" class="num">
              {t.chart.provisional}
            </th>
            <th scope="col" class="num">
              {t.chart.total}
            </th>
          </tr>
        </thead>
        <tbody>
          {bars.map((bar) => (
            <tr key={`${bar.kind}-${bar.month}`} data-status={bar.status}>
              <th scope="row">
                {barName(bar, t)}
                {statusName(bar, t) && (
                  <span class="co-badge" data-tone={bar.status === 'expired' ? 'error' : 'warn'}>
                    {statusName(bar, t)}
                  </span>
                )}
              </th>
              <td class="num">{formatNumber(lang, bar.countedPacks)}</td>
              <td class="num">{formatNumber(lang, bar.provisionalPacks)}</td>
              <td class="num">{formatNumber(lang, bar.countedPacks + bar.provisionalPacks)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
