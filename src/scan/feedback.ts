// Sound and vibration for scan results, generated with Web Audio (no sound files to fetch or cache).
// Each outcome has its own rhythm and pitch so it can be told apart without looking: one short high
// beep = counted; two quick beeps = already counted; falling two-tone = counted with a warning
// (expired); a low long buzz = not usable.

export type FeedbackKind = 'good' | 'duplicate' | 'warning' | 'error';

export interface Tone {
  frequencyHz: number;
  /** Start, relative to the pattern start. */
  startMs: number;
  durationMs: number;
  wave: OscillatorType;
  /** Peak gain 0–1 before the volume setting. */
  gain: number;
}

export interface FeedbackPattern {
  tones: readonly Tone[];
  /** navigator.vibrate pattern: on, off, on, … in ms. */
  vibration: readonly number[];
}

export const FEEDBACK_PATTERNS: Readonly<Record<FeedbackKind, FeedbackPattern>> = {
  good: {
    tones: [{ frequencyHz: 1760, startMs: 0, durationMs: 90, wave: 'square', gain: 0.25 }],
    vibration: [40],
  },
  duplicate: {
    tones: [
      { frequencyHz: 988, startMs: 0, durationMs: 70, wave: 'square', gain: 0.25 },
      { frequencyHz: 988, startMs: 130, durationMs: 70, wave: 'square', gain: 0.25 },
    ],
    vibration: [40, 70, 40],
  },
  warning: {
    tones: [
      { frequencyHz: 1319, startMs: 0, durationMs: 160, wave: 'triangle', gain: 0.45 },
      { frequencyHz: 784, startMs: 180, durationMs: 220, wave: 'triangle', gain: 0.45 },
    ],
    vibration: [120, 80, 200],
  },
  error: {
    tones: [{ frequencyHz: 196, startMs: 0, durationMs: 420, wave: 'sawtooth', gain: 0.3 }],
    vibration: [350],
  },
};

export interface FeedbackSettings {
  sound: boolean;
  vibration: boolean;
  /** 0–1. */
  volume: number;
}

export const DEFAULT_FEEDBACK_SETTINGS: Readonly<FeedbackSettings> = { sound: true, vibration: true, volume: 0.8 };

const SETTINGS_KEY = 'lagerkoll.scanFeedback';

export function loadFeedbackSettings(
  storage: Pick<Storage, 'getItem'> | undefined = globalThis.localStorage,
): FeedbackSettings {
  try {
    const stored = storage?.getItem(SETTINGS_KEY);
    if (!stored) return { ...DEFAULT_FEEDBACK_SETTINGS };
    const parsed = JSON.parse(stored) as Partial<FeedbackSettings>;
    return {
      sound: typeof parsed.sound === 'boolean' ? parsed.sound : DEFAULT_FEEDBACK_SETTINGS.sound,
      vibration: typeof parsed.vibration === 'boolean' ? parsed.vibration : DEFAULT_FEEDBACK_SETTINGS.vibration,
      volume:
        typeof parsed.volume === 'number' && parsed.volume >= 0 && parsed.volume <= 1
          ? parsed.volume
          : DEFAULT_FEEDBACK_SETTINGS.volume,
    };
  } catch {
    return { ...DEFAULT_FEEDBACK_SETTINGS };
  }
}

export function saveFeedbackSettings(
  settings: FeedbackSettings,
  storage: Pick<Storage, 'setItem'> | undefined = globalThis.localStorage,
): void {
  try {
    storage?.setItem(SETTINGS_KEY, JSON.stringify(settings));
  } catch {
    // Private mode or full storage: the setting lasts for this session only.
  }
}

type AudioContextConstructor = new () => AudioContext;

function audioContextConstructor(): AudioContextConstructor | undefined {
  const scope = globalThis as typeof globalThis & { webkitAudioContext?: AudioContextConstructor };
  return scope.AudioContext ?? scope.webkitAudioContext;
}

// Short attack and release keep the tones from clicking.
const RAMP_S = 0.005;

export class ScanFeedback {
  private context: AudioContext | null = null;
  private settings: FeedbackSettings;

  constructor(settings: FeedbackSettings = loadFeedbackSettings()) {
    this.settings = { ...settings };
  }

  get current(): FeedbackSettings {
    return { ...this.settings };
  }

  update(settings: Partial<FeedbackSettings>): void {
    this.settings = { ...this.settings, ...settings };
    saveFeedbackSettings(this.settings);
  }

  /**
   * Browsers (iOS Safari above all) start audio only from a user gesture: call this from the tap that
   * starts scanning, so the first beep is not lost.
   */
  unlock(): void {
    const context = this.audio();
    if (context?.state === 'suspended') void context.resume();
  }

  play(kind: FeedbackKind): void {
    const pattern = FEEDBACK_PATTERNS[kind];
    if (this.settings.vibration && typeof navigator !== 'undefined' && 'vibrate' in navigator) {
      navigator.vibrate([...pattern.vibration]);
    }
    if (!this.settings.sound || this.settings.volume <= 0) return;
    const context = this.audio();
    if (!context) return;
    if (context.state === 'suspended') void context.resume();
    const start = context.currentTime + 0.01;
    for (const tone of pattern.tones) this.scheduleTone(context, tone, start);
  }

  dispose(): void {
    void this.context?.close();
    this.context = null;
  }

  private audio(): AudioContext | null {
    if (this.context) return this.context;
    const Constructor = audioContextConstructor();
    this.context = Constructor ? new Constructor() : null;
    return this.context;
  }

  private scheduleTone(context: AudioContext, tone: Tone, patternStart: number): void {
    const oscillator = context.createOscillator();
    const envelope = context.createGain();
    const begin = patternStart + tone.startMs / 1000;
    const end = begin + tone.durationMs / 1000;
    const peak = tone.gain * this.settings.volume;
    oscillator.type = tone.wave;
    oscillator.frequency.setValueAtTime(tone.frequencyHz, begin);
    envelope.gain.setValueAtTime(0, begin);
    envelope.gain.linearRampToValueAtTime(peak, begin + RAMP_S);
    envelope.gain.setValueAtTime(peak, end - RAMP_S);
    envelope.gain.linearRampToValueAtTime(0, end);
    oscillator.connect(envelope).connect(context.destination);
    oscillator.start(begin);
    oscillator.stop(end + 0.01);
  }
}
