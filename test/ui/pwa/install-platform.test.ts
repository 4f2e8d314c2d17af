import { describe, expect, it } from 'vitest';
import { detectInstallPlatform } from '../../../src/ui/pwa/install-platform.ts';

const UA = {
  iphoneSafari:
    'Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1',
  iphoneChrome:
    'Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) CriOS/126.0.6478.54 Mobile/15E148 Safari/604.1',
  // iPadOS Safari asks for desktop sites by default and then says "Macintosh".
  ipadDesktopMode:
    'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Safari/605.1.15',
  androidChrome:
    'Mozilla/5.0 (Linux; Android 14; SM-T505) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0.0.0 Safari/537.36',
  windowsEdge:
    'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0.0.0 Safari/537.36 Edg/126.0.0.0',
};

describe('detectInstallPlatform: which install instructions to show', () => {
  it('iPhone, in Safari or another browser, gets the iOS steps (Share → Add to Home Screen)', () => {
    expect(detectInstallPlatform(UA.iphoneSafari, 5)).toBe('ios');
    expect(detectInstallPlatform(UA.iphoneChrome, 5)).toBe('ios');
  });

  it('an iPad that presents itself as a Mac is told apart from a Mac by its touch points', () => {
    expect(detectInstallPlatform(UA.ipadDesktopMode, 5)).toBe('ios');
    expect(detectInstallPlatform(UA.ipadDesktopMode, 0)).toBe('desktop');
  });

  it('Android phones and tablets get the Android steps; Windows gets the desktop steps', () => {
    expect(detectInstallPlatform(UA.androidChrome, 10)).toBe('android');
    expect(detectInstallPlatform(UA.windowsEdge, 0)).toBe('desktop');
  });
});
