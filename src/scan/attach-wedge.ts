// DOM adapter for the keyboard-wedge detector: listens on a root (the counting screen or the document)
// in the capture phase, so a scan's keys are claimed before the app's own handlers and before the
// browser's default action (Enter submitting a form, Tab moving focus).
import { type KeyRecord, WedgeDetector, type WedgeOptions, type WedgeScan } from './wedge.ts';

export interface AttachedScan extends WedgeScan {
  /** The element that had focus when the burst began. */
  target: EventTarget | null;
  /** True when the adapter put the text field back as it was before the burst. */
  fieldRestored: boolean;
}

export interface AttachWedgeOptions {
  onScan(scan: AttachedScan): void;
  /** Where to listen; the whole document by default. */
  root?: Document | HTMLElement;
  detector?: Partial<WedgeOptions>;
  /** Put a text field back to its value from before a burst typed into it. Default true. */
  restoreField?: boolean;
}

type TextField = HTMLInputElement | HTMLTextAreaElement;

const TEXT_INPUT_TYPES = new Set(['text', 'search', 'tel', 'url', 'email', 'password', 'number', '']);

function asTextField(target: EventTarget | null): TextField | null {
  if (typeof HTMLTextAreaElement !== 'undefined' && target instanceof HTMLTextAreaElement) return target;
  if (
    typeof HTMLInputElement !== 'undefined' &&
    target instanceof HTMLInputElement &&
    TEXT_INPUT_TYPES.has(target.type)
  ) {
    return target;
  }
  return null;
}

export function isEditableTarget(target: EventTarget | null): boolean {
  if (asTextField(target)) return true;
  return typeof HTMLElement !== 'undefined' && target instanceof HTMLElement && target.isContentEditable;
}

function toRecord(event: KeyboardEvent): KeyRecord {
  return {
    key: event.key,
    code: event.code,
    ctrlKey: event.ctrlKey,
    altKey: event.altKey,
    metaKey: event.metaKey,
    timeStamp: event.timeStamp,
    targetIsEditable: isEditableTarget(event.target),
    type: event.type === 'keyup' ? 'keyup' : 'keydown',
    repeat: event.repeat,
  };
}

/** Starts listening; returns a function that stops. */
export function attachWedge(options: AttachWedgeOptions): () => void {
  const root = options.root ?? document;
  const detector = new WedgeDetector(options.detector);
  const restoreField = options.restoreField ?? true;
  let burstTarget: EventTarget | null = null;
  let snapshot: { field: TextField; value: string; selectionStart: number | null; selectionEnd: number | null } | null =
    null;

  const onKey = (event: Event) => {
    if (!(event instanceof KeyboardEvent) || event.isComposing) return;
    const before = detector.pendingSince;
    const step = detector.feed(toRecord(event));
    if (detector.pendingSince !== null && detector.pendingSince !== before) {
      // A possible burst begins: remember the field as it was, in case the burst is a scan.
      burstTarget = event.target;
      const field = asTextField(event.target);
      snapshot = field
        ? { field, value: field.value, selectionStart: field.selectionStart, selectionEnd: field.selectionEnd }
        : null;
    }
    if (step.action === 'suppress') {
      event.preventDefault();
      event.stopPropagation();
    }
    if (!step.scan) return;
    let fieldRestored = false;
    if (step.scan.inEditable && restoreField && snapshot) {
      const { field, value, selectionStart, selectionEnd } = snapshot;
      field.value = value;
      if (selectionStart !== null && selectionEnd !== null) field.setSelectionRange(selectionStart, selectionEnd);
      // Controlled inputs (Preact) learn of the restored value through a normal input event.
      field.dispatchEvent(new Event('input', { bubbles: true }));
      fieldRestored = true;
    }
    const scan: AttachedScan = { ...step.scan, target: burstTarget, fieldRestored };
    snapshot = null;
    burstTarget = null;
    options.onScan(scan);
  };

  root.addEventListener('keydown', onKey, { capture: true });
  root.addEventListener('keyup', onKey, { capture: true });
  return () => {
    root.removeEventListener('keydown', onKey, { capture: true });
    root.removeEventListener('keyup', onKey, { capture: true });
    detector.reset();
  };
}
