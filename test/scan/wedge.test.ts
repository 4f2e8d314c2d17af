import { describe, expect, it } from 'vitest';
import { GS, type KeyRecord, WedgeDetector, type WedgeOptions, type WedgeStep } from '../../src/scan/wedge.ts';

// Keystroke timings (ms between keydowns) of the kinds the detector must tell apart. The scanner
// figures are typical of USB HID scanners (a few ms a key) and Bluetooth HID ring scanners (10–30 ms,
// jittery); the human figures are typical of an average and of a fast typist, both well above 35 ms.
const USB_SCANNER_GAPS = [
  3, 2, 4, 2, 3, 5, 2, 3, 2, 4, 3, 2, 6, 2, 3, 2, 3, 4, 2, 3, 2, 5, 3, 2, 4, 3, 2, 3, 2, 4, 3, 2, 3, 5, 2, 3, 2, 4, 3,
  2,
];
const BLUETOOTH_SCANNER_GAPS = [
  14, 22, 9, 31, 12, 18, 26, 11, 16, 29, 13, 20, 24, 10, 17, 33, 12, 19, 15, 27, 21, 11, 18, 25, 14, 30, 12, 16, 22, 13,
];
const AVERAGE_TYPIST_GAPS = [182, 143, 211, 167, 120, 198, 156, 230, 174, 139, 205, 161];
const FAST_TYPIST_GAPS = [62, 48, 71, 39, 55, 44, 80, 51, 37, 66, 58, 45];

interface KeyInput {
  key: string;
  code?: string;
  ctrlKey?: boolean;
  altKey?: boolean;
  type?: 'keydown' | 'keyup';
  repeat?: boolean;
}

function codeFor(key: string): string {
  if (/^[0-9]$/.test(key)) return `Digit${key}`;
  if (/^[a-z]$/i.test(key)) return `Key${key.toUpperCase()}`;
  return key.length === 1 ? 'Unidentified' : key;
}

/** Key records for `keys`, spaced by `gaps` (cycled), starting at `start`. */
function timed(
  keys: readonly (string | KeyInput)[],
  gaps: readonly number[],
  targetIsEditable = false,
  start = 1000,
): KeyRecord[] {
  let time = start;
  return keys.map((entry, index) => {
    const input = typeof entry === 'string' ? { key: entry } : entry;
    if (index > 0) time += gaps[(index - 1) % gaps.length] ?? 0;
    return {
      key: input.key,
      code: input.code ?? codeFor(input.key),
      ctrlKey: input.ctrlKey ?? false,
      altKey: input.altKey ?? false,
      timeStamp: time,
      targetIsEditable,
      type: input.type ?? 'keydown',
      repeat: input.repeat ?? false,
    };
  });
}

function chars(text: string): string[] {
  return [...text];
}

function run(records: readonly KeyRecord[], options: Partial<WedgeOptions> = {}) {
  const detector = new WedgeDetector(options);
  const steps: WedgeStep[] = records.map((record) => detector.feed(record));
  return { steps, scans: steps.flatMap((step) => (step.scan ? [step.scan] : [])) };
}

const CTRL_BRACKET: KeyInput = { key: ']', code: 'BracketRight', ctrlKey: true };
const GS1_WITH_AIM = `]d2010704626123456617290630${GS}10AB12${GS}21XYZ123`;

describe('WedgeDetector: bursts versus typing', () => {
  it('recognises a USB scanner burst ending in Enter', () => {
    const { scans, steps } = run(timed([...chars('0704626123456'), 'Enter'], USB_SCANNER_GAPS));
    expect(scans).toHaveLength(1);
    expect(scans[0]?.raw).toBe('0704626123456');
    expect(scans[0]?.terminator).toBe('Enter');
    expect(steps.at(-1)?.action).toBe('suppress');
  });

  it('recognises a jittery Bluetooth scanner burst ending in Tab', () => {
    const { scans } = run(timed([...chars('+A123BJC5D6E71G'), 'Tab'], BLUETOOTH_SCANNER_GAPS));
    expect(scans.map((scan) => scan.raw)).toEqual(['+A123BJC5D6E71G']);
    expect(scans[0]?.terminator).toBe('Tab');
  });

  it('never takes an average typist’s input, Enter included', () => {
    const { scans, steps } = run(timed([...chars('12345678901'), 'Enter'], AVERAGE_TYPIST_GAPS, true));
    expect(scans).toEqual([]);
    expect(steps.every((step) => step.action === 'pass')).toBe(true);
  });

  it('never takes a fast typist’s input', () => {
    const { scans, steps } = run(timed([...chars('paracetamol'), 'Enter'], FAST_TYPIST_GAPS, true));
    expect(scans).toEqual([]);
    expect(steps.every((step) => step.action === 'pass')).toBe(true);
  });

  it('reports a burst that landed in a text field, letting only its first keys through', () => {
    const { scans, steps } = run(timed([...chars('07046261234566'), 'Enter'], USB_SCANNER_GAPS, true), {
      minLength: 4,
    });
    expect(scans).toHaveLength(1);
    expect(scans[0]?.inEditable).toBe(true);
    // The first keys cannot be told from typing yet; from the 4th on the burst is unmistakable.
    expect(steps.slice(0, 3).map((step) => step.action)).toEqual(['pass', 'pass', 'pass']);
    expect(steps.slice(3).every((step) => step.action === 'suppress')).toBe(true);
  });

  it('does not swallow a field’s typing that happens to precede a scan', () => {
    const typing = timed(chars('ab'), AVERAGE_TYPIST_GAPS, true, 1000);
    const burst = timed([...chars('5701234567892'), 'Enter'], USB_SCANNER_GAPS, true, 3000);
    const { scans, steps } = run([...typing, ...burst]);
    expect(scans.map((scan) => scan.raw)).toEqual(['5701234567892']);
    expect(steps.slice(0, 2).every((step) => step.action === 'pass')).toBe(true);
  });

  it('ignores bursts shorter than the minimum length', () => {
    const { scans } = run(timed([...chars('123'), 'Enter'], USB_SCANNER_GAPS), { minLength: 4 });
    expect(scans).toEqual([]);
  });

  it('needs the terminator to follow the burst at once', () => {
    const records = timed([...chars('07046261234566'), 'Enter'], [...Array(13).fill(3), 400]);
    expect(run(records).scans).toEqual([]);
  });

  it('keeps a burst through one hiccup of the link (a 90 ms gap)', () => {
    const records = timed([...chars('5701234567892'), 'Enter'], [3, 3, 3, 3, 90, ...Array(9).fill(3)]);
    expect(run(records).scans.map((scan) => scan.raw)).toEqual(['5701234567892']);
  });

  it('starts over after a pause longer than the gap limit', () => {
    const records = timed([...chars('99'), ...chars('5701234567892'), 'Enter'], [3, 900, ...Array(13).fill(3)]);
    expect(run(records).scans.map((scan) => scan.raw)).toEqual(['5701234567892']);
  });

  it('treats auto-repeat of a held key as a person', () => {
    const held = Array.from({ length: 12 }, () => ({ key: '0', repeat: true }));
    const { scans } = run(timed([{ key: '0' }, ...held, { key: 'Enter' }], [30]));
    expect(scans).toEqual([]);
  });

  it('ignores Shift keydowns between a scanner’s characters', () => {
    const keys: KeyInput[] = [];
    for (const char of 'ABC123') {
      if (/[A-Z]/.test(char)) keys.push({ key: 'Shift', code: 'ShiftLeft' });
      keys.push({ key: char });
    }
    const { scans } = run(timed([...keys, { key: 'Enter' }], USB_SCANNER_GAPS));
    expect(scans.map((scan) => scan.raw)).toEqual(['ABC123']);
  });

  it('drops a burst interrupted by a navigation key', () => {
    const { scans } = run(timed([...chars('070462'), 'ArrowLeft', ...chars('61'), 'Enter'], USB_SCANNER_GAPS));
    expect(scans).toEqual([]);
  });
});

describe('WedgeDetector: GS separators and AIM prefixes', () => {
  const burst = (separator: readonly (string | KeyInput)[]) => [
    ...chars(']d2010704626123456617290630'),
    ...separator,
    ...chars('10AB12'),
    ...separator,
    ...chars('21XYZ123'),
    'Enter',
  ];

  it('accepts the 0x1D character itself', () => {
    expect(run(timed(burst([GS]), USB_SCANNER_GAPS)).scans[0]?.raw).toBe(GS1_WITH_AIM);
  });

  it('accepts Ctrl+]', () => {
    expect(run(timed(burst([CTRL_BRACKET]), USB_SCANNER_GAPS)).scans[0]?.raw).toBe(GS1_WITH_AIM);
  });

  it('accepts Ctrl+] from a US-layout scanner on a Nordic keyboard layout (the key reads ¨)', () => {
    const nordic: KeyInput = { key: '¨', code: 'BracketRight', ctrlKey: true };
    expect(run(timed(burst([nordic]), USB_SCANNER_GAPS)).scans[0]?.raw).toBe(GS1_WITH_AIM);
  });

  it('accepts F8', () => {
    expect(run(timed(burst([{ key: 'F8', code: 'F8' }]), USB_SCANNER_GAPS)).scans[0]?.raw).toBe(GS1_WITH_AIM);
  });

  it('accepts Alt+0029 on the numeric keypad', () => {
    const altCode: KeyInput[] = [
      { key: 'Alt', code: 'AltLeft', altKey: true },
      { key: '0', code: 'Numpad0', altKey: true },
      { key: '0', code: 'Numpad0', altKey: true },
      { key: '2', code: 'Numpad2', altKey: true },
      { key: '9', code: 'Numpad9', altKey: true },
      { key: 'Alt', code: 'AltLeft', type: 'keyup' },
    ];
    expect(run(timed(burst(altCode), USB_SCANNER_GAPS)).scans[0]?.raw).toBe(GS1_WITH_AIM);
  });

  it('accepts Alt codes with NumLock off (keys read Insert, End, …) because it reads the physical key', () => {
    const altCode: KeyInput[] = [
      { key: 'Alt', code: 'AltLeft', altKey: true },
      { key: 'Insert', code: 'Numpad0', altKey: true },
      { key: 'Insert', code: 'Numpad0', altKey: true },
      { key: 'ArrowDown', code: 'Numpad2', altKey: true },
      { key: 'PageUp', code: 'Numpad9', altKey: true },
      { key: 'Alt', code: 'AltLeft', type: 'keyup' },
    ];
    expect(run(timed(burst(altCode), USB_SCANNER_GAPS)).scans[0]?.raw).toBe(GS1_WITH_AIM);
  });

  it('decodes scanners that send every character as an Alt code', () => {
    const altChar = (char: string): KeyInput[] => [
      { key: 'Alt', code: 'AltLeft', altKey: true },
      ...[...String(char.charCodeAt(0)).padStart(4, '0')].map((digit) => ({
        key: digit,
        code: `Numpad${digit}`,
        altKey: true,
      })),
      { key: 'Alt', code: 'AltLeft', type: 'keyup' },
    ];
    const keys = [...'01070462612345661729063010AB12'].flatMap(altChar);
    const records = timed([...keys, { key: 'Enter' }], USB_SCANNER_GAPS);
    expect(run(records).scans.map((scan) => scan.raw)).toEqual(['01070462612345661729063010AB12']);
  });

  it('accepts a configured substitute character, and only when configured', () => {
    const keys = burst(['|']);
    expect(run(timed(keys, USB_SCANNER_GAPS), { gsSubstitute: '|' }).scans[0]?.raw).toBe(GS1_WITH_AIM);
    expect(run(timed(keys, USB_SCANNER_GAPS)).scans[0]?.raw).toBe(GS1_WITH_AIM.replaceAll(GS, '|'));
  });

  it('keeps an AIM prefix typed with AltGr on a Swedish layout (AltGr reports Ctrl+Alt): ] is not GS there', () => {
    const altGrBracket: KeyInput = { key: ']', code: 'Digit9', ctrlKey: true, altKey: true };
    const keys = [
      altGrBracket,
      ...chars('C1'),
      ...chars('0107046261234566'),
      CTRL_BRACKET,
      ...chars('10AB12'),
      'Enter',
    ];
    expect(run(timed(keys, USB_SCANNER_GAPS)).scans[0]?.raw).toBe(`]C10107046261234566${GS}10AB12`);
  });

  it('passes AIM prefixes of every symbology through untouched', () => {
    for (const prefix of [']d2', ']C1', ']E0', ']Q3', ']A0', ']e0']) {
      const { scans } = run(timed([...chars(`${prefix}5701234567892`), 'Enter'], USB_SCANNER_GAPS));
      expect(scans[0]?.raw).toBe(`${prefix}5701234567892`);
    }
  });

  it('does not read an ordinary Ctrl shortcut as data', () => {
    const keys = [...chars('0704626'), { key: 'v', code: 'KeyV', ctrlKey: true }, ...chars('123456'), 'Enter'];
    expect(run(timed(keys, USB_SCANNER_GAPS)).scans.map((scan) => scan.raw)).toEqual(['123456']);
  });
});
