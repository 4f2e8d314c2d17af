import { useEffect, useRef } from 'preact/hooks';
import { attachWedge } from '../../scan/attach-wedge.ts';

/**
 * A hand scanner types anywhere on the screen: its bursts become scans even when no text field has
 * the focus (and a burst into a field is taken out of the field again). The latest `onScan` is always
 * the one called.
 */
export function useScannerBursts(onScan: (raw: string) => unknown, gsSubstitute: string): void {
  const latest = useRef(onScan);
  latest.current = onScan;
  useEffect(
    () =>
      attachWedge({
        onScan: (scan) => void latest.current(scan.raw),
        detector: { gsSubstitute: gsSubstitute || null },
      }),
    [gsSubstitute],
  );
}
