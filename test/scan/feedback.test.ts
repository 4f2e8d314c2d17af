import { describe, expect, it } from 'vitest';
import {
  DEFAULT_FEEDBACK_SETTINGS,
  FEEDBACK_PATTERNS,
  type FeedbackKind,
  loadFeedbackSettings,
  saveFeedbackSettings,
} from '../../src/scan/feedback.ts';

function memoryStorage() {
  const items = new Map<string, string>();
  return {
    getItem: (key: string) => items.get(key) ?? null,
    setItem: (key: string, value: string) => void items.set(key, value),
  };
}

describe('feedback patterns', () => {
  const kinds = Object.keys(FEEDBACK_PATTERNS) as FeedbackKind[];

  it('sound and vibrate differently for every outcome', () => {
    const sounds = kinds.map((kind) =>
      JSON.stringify(FEEDBACK_PATTERNS[kind].tones.map((tone) => [tone.frequencyHz, tone.startMs, tone.durationMs])),
    );
    const vibrations = kinds.map((kind) => JSON.stringify(FEEDBACK_PATTERNS[kind].vibration));
    expect(new Set(sounds).size).toBe(kinds.length);
    expect(new Set(vibrations).size).toBe(kinds.length);
  });

  it('keep a good read short and make an error long and low', () => {
    const good = FEEDBACK_PATTERNS.good.tones;
    const error = FEEDBACK_PATTERNS.error.tones;
    expect(Math.max(...good.map((tone) => tone.startMs + tone.durationMs))).toBeLessThanOrEqual(120);
    expect(Math.max(...error.map((tone) => tone.durationMs))).toBeGreaterThan(300);
    expect(Math.max(...error.map((tone) => tone.frequencyHz))).toBeLessThan(
      Math.min(...good.map((tone) => tone.frequencyHz)),
    );
  });
});

describe('feedback settings', () => {
  it('round-trip through storage, so muting is remembered', () => {
    const storage = memoryStorage();
    saveFeedbackSettings({ sound: false, vibration: true, volume: 0.3 }, storage);
    expect(loadFeedbackSettings(storage)).toEqual({ sound: false, vibration: true, volume: 0.3 });
  });

  it('fall back to defaults for missing or broken values', () => {
    const storage = memoryStorage();
    expect(loadFeedbackSettings(storage)).toEqual(DEFAULT_FEEDBACK_SETTINGS);
    storage.setItem('lagerkoll.scanFeedback', '{"sound":"no","volume":7}');
    expect(loadFeedbackSettings(storage)).toEqual(DEFAULT_FEEDBACK_SETTINGS);
    storage.setItem('lagerkoll.scanFeedback', 'not json');
    expect(loadFeedbackSettings(storage)).toEqual(DEFAULT_FEEDBACK_SETTINGS);
  });
});
