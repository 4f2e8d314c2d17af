import { useEffect, useState } from 'preact/hooks';
import type { SyncEngine, SyncStatus } from '../../sync/sync-engine.ts';

export function useSyncStatus(engine: SyncEngine): SyncStatus {
  const [status, setStatus] = useState<SyncStatus>(engine.getStatus());
  useEffect(() => engine.subscribe(setStatus), [engine]);
  return status;
}
