import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { activeCounts } from '../../domain/stock-take/corrections.ts';
import { localDate } from '../../domain/stock-take/expiry.ts';
import { type FeedbackKind, ScanFeedback } from '../../scan/feedback.ts';
import { replaceCount, voidCount } from '../../store/corrections.ts';
import type { StoredEvent } from '../../store/db.ts';
import { recentEvents } from '../../store/events.ts';
import { catalogMap, locationsInScope, recentEventsAtLocation } from '../../store/stock-takes.ts';
import { noteActivity } from '../access/activity.ts';
import { useApp } from '../app-context.ts';
import { CountedList, type CountedRow } from '../components/CountedList.tsx';
import { LastScanCard } from '../components/LastScanCard.tsx';
import { ManualEntry } from '../components/ManualEntry.tsx';
import { productLabel } from '../components/ProductName.tsx';
import { QuantityKeypad } from '../components/QuantityKeypad.tsx';
import { ScanField } from '../components/ScanField.tsx';
import { recordScan, type ScanOutcome } from '../counting/record-scan.ts';
import { useLiveQuery } from '../hooks/use-live-query.ts';
import { useScannerBursts } from '../hooks/use-scanner-bursts.ts';
import { useLang, useStrings } from '../i18n.ts';
import { type SaveFailureTexts, saveFailureText } from '../save-failure.ts';
import { CameraScanner } from '../scanner/CameraScanner.tsx';

/**
 * Counting at one location of a stock-take (or a quick count outside any stock-take when both ids are
 * null). Phone: scan field, last scan card, list below. Tablet landscape: the list on the right.
 */
export function CountScreen({
  stockTakeId,
  locationCode,
}: {
  stockTakeId: string | null;
  locationCode: string | null;
}) {
  const t = useStrings();
  const lang = useLang();
  const { db, sync, settings, navigate, setBusy, user } = useApp();
  // Every count and correction names who made it (the server accepts it only from a user who has
  // signed in online on this device).
  const userId = user?.id ?? null;
  const [outcome, setOutcome] = useState<ScanOutcome | null>(null);
  const [cardEvent, setCardEvent] = useState<StoredEvent | null>(null);
  const [keypadOpen, setKeypadOpen] = useState(false);
  const [notice, setNotice] = useState<{ text: string; error: boolean } | null>(null);
  const [cameraOn, setCameraOn] = useState(() => localStorage.getItem(CAMERA_ON_KEY) === '1');
  const [flash, setFlash] = useState<{ id: number; kind: FeedbackKind } | null>(null);
  const feedback = useMemo(
    () => new ScanFeedback({ sound: settings.sounds, vibration: settings.sounds, volume: 0.8 }),
    [settings.sounds],
  );
  useEffect(() => () => feedback.dispose(), [feedback]);

  const context = useLiveQuery(
    async () => {
      const stockTake = stockTakeId ? await db.stockTakes.get(stockTakeId) : undefined;
      const locations = stockTake ? await locationsInScope(db, stockTake) : [];
      return { stockTake, locations, catalog: await catalogMap(db) };
    },
    [db, stockTakeId],
    null,
  );
  const events = useLiveQuery(
    () =>
      stockTakeId && locationCode
        ? recentEventsAtLocation(db, stockTakeId, locationCode, RECENT_WINDOW)
        : recentEvents(db, RECENT_WINDOW).then((all) => all.filter((e) => e.stockTakeId === null)),
    [db, stockTakeId, locationCode],
    [] as StoredEvent[],
  );

  useEffect(() => {
    // Counting a location is never interrupted by an app update.
    setBusy(true);
    return () => setBusy(false);
  }, [setBusy]);

  useEffect(() => {
    setOutcome(null);
    setCardEvent(null);
    setKeypadOpen(false);
  }, [locationCode]);

  // Bound to the latest onScan below; hooks must run before the early return.
  const onScanRef = useRef<(raw: string) => Promise<void>>(async () => {});
  useScannerBursts((raw) => onScanRef.current(raw), settings.gsSubstitute);

  // The running list shows the newest standing counts (the location summary shows everything). It is
  // built only when the events change, so a scan's card appears without re-rendering the list first.
  const catalogOrNull = context?.catalog ?? null;
  const standing = useMemo(
    () =>
      activeCounts(events)
        .sort((a, b) => b.seq - a.seq)
        .slice(0, LIST_LENGTH),
    [events],
  );
  const list = useMemo(() => {
    const rows: CountedRow[] = standing.map((event) => ({
      event,
      name: productLabel(event.gtin ? catalogOrNull?.get(event.gtin) : undefined, lang, t.count.unknownProduct),
    }));
    return <CountedList title={stockTakeId ? t.count.listTitle : t.counted} empty={t.count.empty} rows={rows} />;
  }, [standing, catalogOrNull, lang, t, stockTakeId]);

  if (!context) return null;
  const { stockTake, locations, catalog } = context;
  const location = locations.find((l) => l.code === locationCode);
  const locationName = (code: string | null) => locations.find((l) => l.code === code)?.name ?? code ?? '';

  async function onScan(raw: string) {
    setNotice(null);
    setKeypadOpen(false);
    // A camera scan touches nothing: tell the inactivity lock someone is at work.
    noteActivity();
    try {
      const result = await recordScan(
        {
          db,
          stockTakeId,
          locationCode,
          locations,
          catalog,
          today: localDate(new Date()),
          nearExpiryDays: settings.nearExpiryDays,
          userId,
        },
        raw,
      );
      setOutcome(result);
      setCardEvent(result.kind === 'counted' ? result.event : null);
      const kind = feedbackFor(result);
      feedback.play(kind);
      setFlash({ id: Date.now(), kind });
      if (result.kind === 'counted') void sync.noteSaved();
      if (result.kind === 'location' && stockTakeId) {
        navigate({ name: 'count', stockTakeId, locationCode: result.location.code });
      }
    } catch (error) {
      // Nothing already stored is touched. The previous card goes, so it cannot pass for this scan,
      // and the error sound says so to someone who is not looking at the screen.
      setOutcome(null);
      setCardEvent(null);
      failed(t.notCounted, error);
    }
  }

  /** A write that failed: the error sound and flash, and what happened and what to do, in words. */
  function failed(texts: SaveFailureTexts, error: unknown) {
    feedback.play('error');
    setFlash({ id: Date.now(), kind: 'error' });
    setNotice({ text: saveFailureText(error, texts), error: true });
  }

  async function applyQuantity(quantity: number) {
    setKeypadOpen(false);
    setNotice(null);
    if (!cardEvent || quantity === cardEvent.quantity) return;
    try {
      const replacement = await replaceCount(db, cardEvent, quantity, userId);
      setCardEvent(replacement);
      void sync.noteSaved();
    } catch (error) {
      // The card keeps the quantity that is stored.
      failed(t.notChanged, error);
    }
  }

  async function undoLast() {
    setNotice(null);
    // A device holds only its own events, so the highest sequence number is this device's newest count.
    const newest = standing[0];
    if (!newest) {
      setNotice({ text: t.count.nothingToUndo, error: false });
      return;
    }
    try {
      await voidCount(db, newest, userId);
    } catch (error) {
      failed(t.notChanged, error);
      return;
    }
    void sync.noteSaved();
    setOutcome(null);
    setCardEvent(null);
    setNotice({ text: t.count.undone, error: false });
  }

  onScanRef.current = onScan;

  function toggleCamera() {
    const next = !cameraOn;
    if (next) feedback.unlock(); // browsers start audio only from a tap
    localStorage.setItem(CAMERA_ON_KEY, next ? '1' : '0');
    setCameraOn(next);
  }

  const title = location?.name ?? (stockTakeId ? (locationCode ?? '') : t.start.quickCount);

  return (
    <section class="screen count-screen" aria-labelledby="count-title">
      <div class="count-screen__scan">
        {stockTake && <p class="screen__eyebrow">{stockTake.name}</p>}
        <h2 id="count-title" class="screen__title">
          {title}
        </h2>
        <button type="button" class="button" aria-pressed={cameraOn} onClick={toggleCamera}>
          {cameraOn ? t.count.cameraOff : t.count.cameraOn}
        </button>
        {cameraOn && (
          <CameraScanner
            lang={lang}
            active={cameraOn}
            outcome={flash}
            onRead={(read) =>
              void onScan(read.text.startsWith(']') ? read.text : `${read.symbologyIdentifier}${read.text}`)
            }
          />
        )}
        <ScanField label={t.scanLabel} placeholder={t.count.scanHere} onScan={onScan} />
        {outcome && (
          <LastScanCard
            outcome={outcome}
            event={cardEvent}
            locationName={locationName}
            onChangeQuantity={() => setKeypadOpen(true)}
          />
        )}
        {keypadOpen && cardEvent && (
          <QuantityKeypad
            initial={cardEvent.quantity}
            label={t.count.quantityFor(
              productLabel(cardEvent.gtin ? catalog.get(cardEvent.gtin) : undefined, lang, t.count.unknownProduct),
            )}
            onApply={(q) => void applyQuantity(q)}
            onCancel={() => setKeypadOpen(false)}
          />
        )}
        {notice && (
          <p
            class={`message ${notice.error ? 'message--error' : 'message--info'}`}
            role={notice.error ? 'alert' : 'status'}
          >
            {notice.text}
          </p>
        )}
        <div class="count-screen__actions">
          <button type="button" class="button" onClick={() => void undoLast()}>
            ↶ {t.count.undo}
          </button>
          {stockTakeId && locationCode && (
            <button
              type="button"
              class="button button--primary"
              onClick={() => navigate({ name: 'summary', stockTakeId, locationCode })}
            >
              {t.count.done}
            </button>
          )}
        </div>
        <ManualEntry onSubmit={onScan} />
      </div>
      {list}
    </section>
  );
}

const CAMERA_ON_KEY = 'lagerkoll.cameraOn';
/** Events read for the running list on every change, and how many standing counts it shows. */
const RECENT_WINDOW = 120;
const LIST_LENGTH = 50;

/** Sound first: a good read, a double count, an expiry warning and an unusable code each sound different. */
function feedbackFor(outcome: ScanOutcome): FeedbackKind {
  switch (outcome.kind) {
    case 'counted':
      return outcome.expiry === 'expired' || outcome.expiry === 'near' ? 'warning' : 'good';
    case 'already-counted':
      return 'duplicate';
    case 'location':
      return 'good';
    case 'unreadable':
      return 'error';
  }
}
