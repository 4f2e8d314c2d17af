import { useEffect } from 'preact/hooks';
import type { Location } from '../../domain/reference-data.ts';
import { useLang } from '../i18n.ts';
import type { Symbology } from './barcode-svg.ts';
import { type LabelLayout, labelAreas, labelPosition, pageCss, paginate } from './label-layout.ts';
import { overviewStrings } from './overview-strings.ts';

interface LabelSheetsProps {
  locations: readonly Location[];
  layout: LabelLayout;
  symbology: Symbology;
  render: (code: string, symbology: Symbology) => string;
}

/**
 * The labels as they will print, at their real size in millimetres: one element per page of the
 * layout, the labels placed on it where the sheet's (or the roll's) labels are. The @page rule
 * makes the printed page exactly that size with no margin.
 * Sizes and places are set through `style` properties, which Preact writes through the CSSOM: the
 * Content-Security-Policy allows that, unlike style attributes in markup.
 */
export function LabelSheets({ locations, layout, symbology, render }: LabelSheetsProps) {
  const t = overviewStrings[useLang()].labels;
  const pages = paginate(locations, layout);
  const areas = labelAreas(layout);
  usePageRule(pageCss(layout));
  return (
    <div class="label-sheets" data-layout={layout.id}>
      {pages.map((page, p) => (
        <section
          key={`${layout.id}-${p}`}
          class="label-page"
          aria-label={t.page(String(p + 1))}
          style={{ width: `${layout.page.width}mm`, height: `${layout.page.height - 0.2}mm` }}
        >
          {page.map((location, i) => {
            const at = labelPosition(i, layout);
            return (
              <div
                key={location.code}
                class="label"
                data-testid="location-label"
                style={{
                  top: `${at.top}mm`,
                  left: `${at.left}mm`,
                  width: `${layout.label.width}mm`,
                  height: `${layout.label.height}mm`,
                  padding: `${layout.padding}mm`,
                  gridTemplateRows: `${areas.barcode.height}mm ${areas.textLine}mm ${areas.textLine}mm`,
                  fontSize: `${areas.textLine * 0.72}mm`,
                }}
              >
                <Barcode code={location.code} symbology={symbology} render={render} />
                <span class="label__code">{location.code}</span>
                <span class="label__name">{location.name}</span>
              </div>
            );
          })}
        </section>
      ))}
    </div>
  );
}

/**
 * Puts an @page rule in the document while the labels are shown. Through the CSSOM (a constructed
 * style sheet), because the app's Content-Security-Policy (style-src 'self') refuses <style> elements.
 */
function usePageRule(css: string) {
  useEffect(() => {
    const sheet = new CSSStyleSheet();
    sheet.replaceSync(css);
    document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
    return () => {
      document.adoptedStyleSheets = document.adoptedStyleSheets.filter((s) => s !== sheet);
    };
  }, [css]);
}

function Barcode({
  code,
  symbology,
  render,
}: {
  code: string;
  symbology: Symbology;
  render: LabelSheetsProps['render'];
}) {
  let svg: string;
  try {
    svg = render(code, symbology);
  } catch (error) {
    // bwip-js refuses text the symbology cannot carry (Code 128 has no å): say so on the label.
    return (
      <span class="label__barcode label__barcode--failed" role="alert">
        {error instanceof Error ? error.message : String(error)}
      </span>
    );
  }
  return (
    <span
      class="label__barcode"
      role="img"
      aria-label={code}
      data-code={code}
      data-symbology={symbology}
      // bwip-js output: paths only, no text from the code (no human-readable line is asked for).
      dangerouslySetInnerHTML={{ __html: svg }}
    />
  );
}
