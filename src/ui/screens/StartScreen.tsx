import { useState } from 'preact/hooks';
import { can } from '../../domain/auth/roles.ts';
import type { StockTake } from '../../domain/reference-data.ts';
import { isAssignedTo } from '../../domain/stock-take/assignment.ts';
import { readDeviceId } from '../../store/device.ts';
import { stockTakeProgress, stockTakesOnDevice } from '../../store/stock-takes.ts';
import { useApp } from '../app-context.ts';
import { useLiveQuery } from '../hooks/use-live-query.ts';
import { useSyncStatus } from '../hooks/use-sync-status.ts';
import { formatDateTime, formatNumber, useLang, useStrings } from '../i18n.ts';
import { InstallGuideLazy } from '../pwa/lazy.tsx';

export function StartScreen() {
  const t = useStrings();
  const lang = useLang();
  const { db, sync, navigate, user } = useApp();
  const status = useSyncStatus(sync);
  const [showAll, setShowAll] = useState(false);
  const userId = user?.id ?? null;
  // Stock-takes a supervisor assigned to other devices or people are out of the way, one tap away.
  const lists = useLiveQuery(
    async () => {
      // Read-only: a live query may not write (getDeviceId would make the id on a fresh device).
      const [all, deviceId] = await Promise.all([stockTakesOnDevice(db), readDeviceId(db)]);
      const mine = all.filter((st) => isAssignedTo(st, { deviceId: deviceId ?? '', userId }));
      return { mine, others: all.filter((st) => !mine.includes(st)) };
    },
    [db, userId],
    null,
  );
  const stockTakes = lists && (showAll ? [...lists.mine, ...lists.others] : lists.mine);

  return (
    <section class="screen" aria-labelledby="start-title">
      {/* Shown once, here and never while counting; afterwards in the settings. */}
      <InstallGuideLazy lang={lang} />
      <h2 id="start-title" class="screen__title">
        {t.start.title}
      </h2>
      <p class="screen__meta">
        {status.lastContact ? t.start.lastContact(formatDateTime(lang, status.lastContact)) : t.start.neverContacted}
      </p>
      {stockTakes === null ? null : stockTakes.length === 0 && lists?.others.length === 0 ? (
        <NoStockTakes />
      ) : stockTakes.length === 0 ? (
        <p class="screen__meta">{t.start.noneMine}</p>
      ) : (
        <ul class="card-list">
          {stockTakes.map((st) => (
            <li key={st.id}>
              <StockTakeCard stockTake={st} onOpen={() => navigate({ name: 'locations', stockTakeId: st.id })} />
            </li>
          ))}
        </ul>
      )}
      {lists && lists.others.length > 0 && (
        <button type="button" class="button button--quiet button--wide" onClick={() => setShowAll(!showAll)}>
          {showAll ? t.start.hideOthers : t.start.showOthers(formatNumber(lang, lists.others.length))}
        </button>
      )}
      <button type="button" class="button button--wide" onClick={() => navigate({ name: 'quick' })}>
        {t.start.quickCount}
      </button>
    </section>
  );
}

function StockTakeCard({ stockTake, onOpen }: { stockTake: StockTake; onOpen: () => void }) {
  const t = useStrings();
  const lang = useLang();
  const { db } = useApp();
  const site = useLiveQuery(() => db.sites.get(stockTake.siteCode), [db, stockTake.siteCode], undefined);
  const progress = useLiveQuery(() => stockTakeProgress(db, stockTake), [db, stockTake], null);
  const n = (x: number) => formatNumber(lang, x);
  return (
    <button type="button" class="card card--button" onClick={onOpen} data-testid="stock-take">
      <span class="card__title">{stockTake.name}</span>
      <span class="card__line">{site?.name ?? stockTake.siteCode}</span>
      <span class="card__line">
        {t.start.mode[stockTake.mode]} · {t.start.status[stockTake.status]}
      </span>
      {progress && (
        <span class="card__line card__progress">
          <progress max={Math.max(progress.locationsTotal, 1)} value={progress.locationsCounted} aria-hidden="true" />
          {t.start.progress(n(progress.locationsCounted), n(progress.locationsTotal))} ·{' '}
          {t.start.packs(n(progress.packs))}
        </span>
      )}
    </button>
  );
}

/**
 * An empty device never shows a blank screen: it says why and, to an administrator (the server
 * allows only them, with their online session), offers the demo data for an empty server.
 */
function NoStockTakes() {
  const t = useStrings();
  const { sync, api, user } = useApp();
  const [state, setState] = useState<{ loading: boolean; error: string | null }>({ loading: false, error: null });
  const mayLoadDemo = user !== null && can(user.role, 'master-data:manage');

  async function loadDemo() {
    setState({ loading: true, error: null });
    try {
      // The protocol's schemas load with the call, not with the start screen.
      const { demoLoadedSchema } = await import('../../domain/sync-protocol.ts');
      await api.send('POST', '/demo', {}, demoLoadedSchema).catch((error: { code?: unknown }) => {
        // Already loaded (or real data there): what the server has arrives with the sync below.
        if (error.code !== 'already_has_data') throw error;
      });
      await sync.syncNow();
      setState({ loading: false, error: null });
    } catch (error) {
      setState({ loading: false, error: error instanceof Error ? error.message : String(error) });
    }
  }

  return (
    <div class="empty-state">
      <p class="empty-state__title">{t.start.none}</p>
      <p>{t.start.noneHint}</p>
      {mayLoadDemo ? (
        <button type="button" class="button button--primary button--wide" onClick={loadDemo} disabled={state.loading}>
          {state.loading ? t.start.demoLoading : t.start.demo}
        </button>
      ) : (
        <p>{t.start.demoNeedsAdmin}</p>
      )}
      {state.error && (
        <p class="message message--error" role="alert">
          {t.start.demoFailed(state.error)}
        </p>
      )}
    </div>
  );
}
