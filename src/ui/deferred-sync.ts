import { INITIAL_SYNC_STATUS, type SyncStatus } from '../sync/status.ts';
import type { SyncEngine } from '../sync/sync-engine.ts';

/** What the screens use of the sync engine. */
export type SyncHandle = Pick<SyncEngine, 'noteSaved' | 'syncNow' | 'subscribe' | 'getStatus'>;

/**
 * The sync engine, loaded after the first paint: it carries the protocol's schemas and the pull
 * logic, which the start screen does not need to appear. Until it is there, listeners get the
 * initial status, and calls wait for it; nothing is lost, since every count is already in IndexedDB.
 */
export class DeferredSync implements SyncHandle {
  private engine: SyncEngine | null = null;
  private readonly loading: Promise<SyncEngine>;
  private readonly waiting = new Map<(status: SyncStatus) => void, () => void>();

  constructor(load: () => Promise<SyncEngine>) {
    this.loading = load().then((engine) => {
      this.engine = engine;
      // Hand every early listener over to the engine, keeping their unsubscribe working.
      for (const listener of this.waiting.keys()) this.waiting.set(listener, engine.subscribe(listener));
      return engine;
    });
  }

  /** Resolves with the engine once its code has loaded. */
  ready(): Promise<SyncEngine> {
    return this.loading;
  }

  getStatus(): SyncStatus {
    return this.engine?.getStatus() ?? INITIAL_SYNC_STATUS;
  }

  subscribe(listener: (status: SyncStatus) => void): () => void {
    if (this.engine) return this.engine.subscribe(listener);
    this.waiting.set(listener, () => {});
    listener(INITIAL_SYNC_STATUS);
    return () => {
      this.waiting.get(listener)?.();
      this.waiting.delete(listener);
    };
  }

  async noteSaved(): Promise<void> {
    return (await this.loading).noteSaved();
  }

  async syncNow(options?: Parameters<SyncEngine['syncNow']>[0]): Promise<void> {
    return (await this.loading).syncNow(options);
  }
}
