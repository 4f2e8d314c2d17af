import { useEffect, useState } from 'preact/hooks';
import type { SyncStatus } from '../../sync/status.ts';
import type { SyncHandle } from '../deferred-sync.ts';

export function useSyncStatus(engine: SyncHandle): SyncStatus {
  const [status, setStatus] = useState<SyncStatus>(engine.getStatus());
  useEffect(() => engine.subscribe(setStatus), [engine]);
  return status;
}
