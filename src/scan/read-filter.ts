// Drops repeat sightings of the same code: the camera sees a pack in many consecutive frames, and a
// person may pull the trigger twice. Another pack with the same GTIN has a different serial, hence a
// different raw code, and passes. Each sighting extends the window, so a pack held in view is counted
// once however long it stays there; taken away for longer than the window, it reads again.

export interface ReadFilterOptions {
  windowMs: number;
  /** Clock in milliseconds (injected for tests). */
  now: () => number;
}

export const DEFAULT_READ_FILTER_OPTIONS: Readonly<ReadFilterOptions> = {
  windowMs: 1500,
  now: () => performance.now(),
};

export class ReadFilter {
  private readonly options: ReadFilterOptions;
  private readonly lastSeen = new Map<string, number>();

  constructor(options: Partial<ReadFilterOptions> = {}) {
    this.options = { ...DEFAULT_READ_FILTER_OPTIONS, ...options };
  }

  /** True when `raw` is a new read; false when the same code was seen within the window. */
  accept(raw: string): boolean {
    const now = this.options.now();
    this.forgetOlderThan(now - this.options.windowMs);
    const seen = this.lastSeen.has(raw);
    this.lastSeen.set(raw, now);
    return !seen;
  }

  /** Forget everything, e.g. when the user moves to another location. */
  clear(): void {
    this.lastSeen.clear();
  }

  private forgetOlderThan(cutoff: number): void {
    for (const [raw, at] of this.lastSeen) {
      if (at < cutoff) this.lastSeen.delete(raw);
    }
  }
}
