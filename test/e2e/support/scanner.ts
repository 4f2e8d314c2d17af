import type { Page } from 'playwright-core';

const GS = '\u001d';
const CTRL = 2; // CDP's modifier bit for Control

interface KeyParams {
  key: string;
  code: string;
  windowsVirtualKeyCode: number;
  text?: string;
  modifiers?: number;
}

/** The physical key a character is typed with on a US layout, as a hand scanner in US mode types it. */
function keyOf(char: string): KeyParams {
  if (/^[0-9]$/.test(char))
    return { key: char, code: `Digit${char}`, windowsVirtualKeyCode: char.charCodeAt(0), text: char };
  if (/^[a-zA-Z]$/.test(char)) {
    const upper = char.toUpperCase();
    return { key: char, code: `Key${upper}`, windowsVirtualKeyCode: upper.charCodeAt(0), text: char };
  }
  const named: Record<string, [string, number]> = {
    ']': ['BracketRight', 221],
    '-': ['Minus', 189],
    '/': ['Slash', 191],
  };
  const [code, vk] = named[char] ?? ['', 0];
  return { key: char, code, windowsVirtualKeyCode: vk, text: char };
}

/**
 * A hand scanner: the whole code as real key presses (trusted events, through the browser's input
 * pipeline), GS as Ctrl+], ended with Enter. Every press is handed to Chromium at once, in order,
 * rather than one round trip per key: on a loaded 2-core machine a pause between two round trips
 * could exceed the wedge detector's 120 ms and split the burst, which a real scanner never does.
 */
export async function scannerBurst(page: Page, raw: string): Promise<void> {
  const cdp = await page.context().newCDPSession(page);
  const sends: Promise<unknown>[] = [];
  const press = ({ text, ...key }: KeyParams) => {
    sends.push(cdp.send('Input.dispatchKeyEvent', { type: text ? 'keyDown' : 'rawKeyDown', text, ...key }));
    sends.push(cdp.send('Input.dispatchKeyEvent', { type: 'keyUp', ...key }));
  };
  const control = { key: 'Control', code: 'ControlLeft', windowsVirtualKeyCode: 17 };
  try {
    for (const char of raw) {
      if (char !== GS) {
        press(keyOf(char));
        continue;
      }
      sends.push(cdp.send('Input.dispatchKeyEvent', { type: 'rawKeyDown', ...control, modifiers: CTRL }));
      press({ key: ']', code: 'BracketRight', windowsVirtualKeyCode: 221, modifiers: CTRL });
      sends.push(cdp.send('Input.dispatchKeyEvent', { type: 'keyUp', ...control }));
    }
    press({ key: 'Enter', code: 'Enter', windowsVirtualKeyCode: 13, text: '\r' });
    await Promise.all(sends);
  } finally {
    await cdp.detach();
  }
}
