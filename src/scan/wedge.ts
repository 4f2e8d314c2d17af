// Keyboard-wedge scanner detection: pure logic, fed one keystroke at a time (the DOM adapter is
// attach-wedge.ts). A scanner "types" a whole code in a burst far faster than any person, then a
// suffix (Enter or Tab). People typing are never interrupted: keys pass through until the burst is
// unmistakable, and a burst that landed in a text field is reported as such so the field can be restored.

export const GS = '\x1d';

export interface KeyRecord {
  /** KeyboardEvent.key (layout-dependent: the character as the OS keyboard layout produced it). */
  key: string;
  /** KeyboardEvent.code (the physical key). */
  code: string;
  ctrlKey: boolean;
  altKey: boolean;
  metaKey?: boolean;
  /** Milliseconds (KeyboardEvent.timeStamp). */
  timeStamp: number;
  /** The focused element takes text (input, textarea, contenteditable). */
  targetIsEditable: boolean;
  /** Key releases matter only for Alt, which ends an Alt+numpad sequence. Default keydown. */
  type?: 'keydown' | 'keyup';
  /** KeyboardEvent.repeat: a key held down. Scanners never hold keys; auto-repeat is a person. */
  repeat?: boolean;
}

export interface WedgeOptions {
  /** The longest pause between two keys of one burst. */
  maxGapMs: number;
  /** The median pause of a burst must not exceed this (fast typists reach 50–80 ms, scanners 1–30 ms). */
  maxMedianGapMs: number;
  /** The fewest characters (GS and AIM prefix included) a burst needs to count as a scan. */
  minLength: number;
  /** Keys that end a scan. */
  terminators: readonly ('Enter' | 'Tab')[];
  /** A character the scanner sends in place of GS (e.g. `|`); null when none is configured. */
  gsSubstitute: string | null;
}

export const DEFAULT_WEDGE_OPTIONS: Readonly<WedgeOptions> = {
  // One hiccup of up to 120 ms (a Bluetooth link, a busy device) does not break a burst; the median
  // gap is what tells a scanner from a person.
  maxGapMs: 120,
  maxMedianGapMs: 30,
  minLength: 4,
  terminators: ['Enter', 'Tab'],
  gsSubstitute: null,
};

export interface WedgeScan {
  /** The scanned data, GS as 0x1D, any AIM prefix (`]d2`, `]C1`, …) kept as typed. */
  raw: string;
  startedAt: number;
  endedAt: number;
  /** The burst began while a text field had focus: its first keys were typed into the field. */
  inEditable: boolean;
  terminator: 'Enter' | 'Tab';
}

export interface WedgeStep {
  /** `suppress`: the adapter should preventDefault (the key belongs to a scan); `pass`: leave it alone. */
  action: 'pass' | 'suppress';
  scan?: WedgeScan;
}

const MODIFIER_KEYS = new Set(['Shift', 'Control', 'Alt', 'AltGraph', 'Meta', 'OS', 'CapsLock', 'NumLock', 'Fn']);
const NUMPAD_DIGIT = /^Numpad([0-9])$/;
const PASS: WedgeStep = { action: 'pass' };
const SUPPRESS: WedgeStep = { action: 'suppress' };

function median(values: readonly number[]): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? (sorted[middle] ?? 0) : ((sorted[middle - 1] ?? 0) + (sorted[middle] ?? 0)) / 2;
}

export class WedgeDetector {
  private readonly options: WedgeOptions;
  private chars: string[] = [];
  private gaps: number[] = [];
  private startedAt = 0;
  private lastAt: number | null = null;
  private inEditable = false;
  /** Digits typed on the numeric keypad while Alt is held (Windows Alt codes, e.g. Alt+0029 = GS). */
  private altDigits: string | null = null;

  constructor(options: Partial<WedgeOptions> = {}) {
    this.options = { ...DEFAULT_WEDGE_OPTIONS, ...options };
  }

  /** Characters collected so far in the current (possible) burst. */
  get pendingLength(): number {
    return this.chars.length;
  }

  /** When the current (possible) burst began, or null when nothing is pending. */
  get pendingSince(): number | null {
    return this.lastAt === null ? null : this.startedAt;
  }

  reset(): void {
    this.chars = [];
    this.gaps = [];
    this.lastAt = null;
    this.altDigits = null;
  }

  feed(record: KeyRecord): WedgeStep {
    if (record.type === 'keyup') {
      if (record.key === 'Alt') return this.finishAltCode(record);
      return PASS;
    }
    if (record.repeat) {
      this.reset();
      return PASS;
    }
    if (this.altDigits !== null && !record.altKey) this.finishAltCode(record);

    if (MODIFIER_KEYS.has(record.key)) {
      if (record.key === 'Alt' && this.altDigits === null) this.altDigits = '';
      return PASS;
    }

    const numpadDigit = NUMPAD_DIGIT.exec(record.code)?.[1];
    if (record.altKey && !record.ctrlKey && numpadDigit !== undefined) {
      this.altDigits = (this.altDigits ?? '') + numpadDigit;
      // Timing counts the digits themselves: Alt+0029 arrives as fast as the rest of the burst.
      this.touch(record);
      return this.burstInProgress() ? SUPPRESS : PASS;
    }

    if (this.isTerminator(record)) return this.finishScan(record);

    const char = this.characterOf(record);
    if (char === null) {
      // Arrows, Backspace, shortcuts…: whatever was pending was not a scan.
      this.reset();
      return PASS;
    }
    this.append(char, record);
    return this.burstInProgress() ? SUPPRESS : PASS;
  }

  private isTerminator(record: KeyRecord): boolean {
    return (
      !record.ctrlKey &&
      !record.altKey &&
      !record.metaKey &&
      (this.options.terminators as readonly string[]).includes(record.key)
    );
  }

  /** The character a key contributes, GS for every GS form, or null for keys that end a burst. */
  private characterOf(record: KeyRecord): string | null {
    if (record.metaKey) return null;
    if (record.key === GS) return GS;
    if (record.key === 'F8') return GS;
    // Ctrl+] is ASCII 29 on a terminal. The physical key is matched too: on Nordic layouts it is `¨`.
    // AltGr reports Ctrl+Alt on Windows, and AltGr+9 is `]` on a Swedish layout: that is a plain `]`.
    if (record.ctrlKey && !record.altKey && (record.key === ']' || record.code === 'BracketRight')) return GS;
    if (record.key.length !== 1) return null;
    if (record.ctrlKey && !record.altKey) return null;
    if (this.options.gsSubstitute !== null && record.key === this.options.gsSubstitute) return GS;
    return record.key;
  }

  private touch(record: KeyRecord): void {
    if (this.lastAt !== null) {
      const gap = record.timeStamp - this.lastAt;
      if (gap > this.options.maxGapMs) {
        // Too slow to belong to the same burst: start over from this key.
        this.chars = [];
        this.gaps = [];
        this.lastAt = null;
      } else {
        this.gaps.push(gap);
      }
    }
    if (this.lastAt === null) {
      this.startedAt = record.timeStamp;
      this.inEditable = record.targetIsEditable;
    }
    this.lastAt = record.timeStamp;
  }

  private append(char: string, record: KeyRecord): void {
    this.touch(record);
    this.chars.push(char);
  }

  private finishAltCode(record: KeyRecord): WedgeStep {
    const digits = this.altDigits;
    this.altDigits = null;
    if (!digits) return PASS;
    const value = Number.parseInt(digits, 10);
    // Alt codes 1–255; above 127 the code page matters (leading 0 = Windows-1252, close to Latin-1).
    if (value >= 1 && value <= 255) this.chars.push(String.fromCharCode(value));
    else this.reset();
    return this.burstInProgress() && record.type === 'keyup' ? SUPPRESS : PASS;
  }

  private qualifies(): boolean {
    return this.chars.length >= this.options.minLength && median(this.gaps) <= this.options.maxMedianGapMs;
  }

  private burstInProgress(): boolean {
    return this.lastAt !== null && this.qualifies();
  }

  private finishScan(record: KeyRecord): WedgeStep {
    const inTime = this.lastAt !== null && record.timeStamp - this.lastAt <= this.options.maxGapMs;
    if (!inTime || !this.qualifies()) {
      this.reset();
      return PASS;
    }
    const scan: WedgeScan = {
      raw: this.chars.join(''),
      startedAt: this.startedAt,
      endedAt: record.timeStamp,
      inEditable: this.inEditable,
      terminator: record.key as 'Enter' | 'Tab',
    };
    this.reset();
    return { action: 'suppress', scan };
  }
}
