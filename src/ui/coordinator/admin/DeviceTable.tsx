import type { DeviceSummary } from '../../../domain/auth/api.ts';
import { formatDateTime, formatNumber, useLang } from '../../i18n.ts';
import { useAdminStrings } from '../admin-strings.ts';
import { devicesByUrgency } from './device-rules.ts';
import { relativeTime, unsentLevel } from './time.ts';
import { useNow } from './use-now.ts';

interface DeviceTableProps {
  devices: readonly DeviceSummary[];
  userName: (id: string) => string;
  /** Null: the user may not revoke devices. */
  onRevoke: ((device: DeviceSummary) => void) | null;
}

/**
 * Every enrolled device: when and by whom, its last contact, app version, the age of its oldest
 * count not yet on the server (as the device last reported it), who signed in on it, and whether it
 * is revoked. Active devices first, the ones with the oldest unsent counts at the top.
 */
export function DeviceTable({ devices, userName, onRevoke }: DeviceTableProps) {
  const t = useAdminStrings();
  const lang = useLang();
  const now = useNow(30_000);
  const revoked = devices.filter((d) => d.revokedAt !== null).length;
  const sorted = devicesByUrgency(devices);
  return (
    <div class="co-table-scroll">
      <table class="co-table" data-testid="device-list">
        <caption>
          {t.devices.listTitle} —{' '}
          {t.devices.listCaption(formatNumber(lang, devices.length - revoked), formatNumber(lang, revoked))}
        </caption>
        <thead>
          <tr>
            <th scope="col">{t.devices.device}</th>
            <th scope="col">{t.devices.enrolled}</th>
            <th scope="col">{t.devices.lastContact}</th>
            <th scope="col">{t.devices.appVersion}</th>
            <th scope="col">{t.devices.oldestUnsent}</th>
            <th scope="col">{t.devices.users}</th>
            <th scope="col">{t.devices.status}</th>
          </tr>
        </thead>
        <tbody>
          {sorted.map((device) => (
            <tr key={device.deviceId} data-testid="device" data-revoked={device.revokedAt !== null}>
              <th scope="row">
                {device.label}
                <span class="co-table__sub co-mono admin-device-id">{device.deviceId}</span>
              </th>
              <td>
                <span class="co-mono">{formatDateTime(lang, device.enrolledAt)}</span>
                <span class="co-table__sub">{t.common.by(userName(device.enrolledBy))}</span>
              </td>
              <td>
                {device.lastContactAt ? (
                  <>
                    {relativeTime(lang, device.lastContactAt, now)}
                    <span class="co-table__sub co-mono">{formatDateTime(lang, device.lastContactAt)}</span>
                  </>
                ) : (
                  <span class="co-muted">{t.common.never}</span>
                )}
              </td>
              <td class="co-mono">{device.appVersion ?? t.common.none}</td>
              <td>
                <UnsentAge oldestUnsentAt={device.oldestUnsentAt} known={device.lastContactAt !== null} now={now} />
              </td>
              <td>
                {device.users.length === 0
                  ? t.common.none
                  : device.users.map((u) => (
                      <span key={u.userId} class="admin-device-user">
                        {u.name}
                        <span class="co-table__sub co-mono">{formatDateTime(lang, u.lastSignInAt)}</span>
                      </span>
                    ))}
              </td>
              <td>
                <DeviceStatus device={device} userName={userName} onRevoke={onRevoke} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** "3 days ago" with a warning over a day and a stronger one over three days, like the device's own header. */
function UnsentAge({ oldestUnsentAt, known, now }: { oldestUnsentAt: string | null; known: boolean; now: Date }) {
  const t = useAdminStrings();
  const lang = useLang();
  if (!known) return <span class="co-muted">{t.devices.unsentUnknown}</span>;
  if (!oldestUnsentAt) return <span class="co-muted">{t.devices.unsentNone}</span>;
  const level = unsentLevel(oldestUnsentAt, now);
  return (
    <span data-testid="unsent-age" data-level={level}>
      {relativeTime(lang, oldestUnsentAt, now)}
      {level !== 'none' && (
        <>
          {' '}
          <span class="co-badge" data-tone={level === 'three-days' ? 'error' : 'warn'}>
            {level === 'three-days' ? `⚠ ${t.devices.unsentThreeDays}` : `! ${t.devices.unsentDay}`}
          </span>
        </>
      )}
      <span class="co-table__sub co-mono">{formatDateTime(lang, oldestUnsentAt)}</span>
    </span>
  );
}

function DeviceStatus({
  device,
  userName,
  onRevoke,
}: {
  device: DeviceSummary;
  userName: (id: string) => string;
  onRevoke: ((device: DeviceSummary) => void) | null;
}) {
  const t = useAdminStrings();
  const lang = useLang();
  if (device.revokedAt !== null) {
    return (
      <span>
        <span class="co-badge" data-tone="error">
          {t.devices.revoked}
        </span>
        <span class="co-table__sub admin-revoked-info">
          {t.devices.revokedInfo(
            device.revokedBy ? userName(device.revokedBy) : t.common.none,
            formatDateTime(lang, device.revokedAt),
            device.revokedReason ?? t.common.none,
          )}
        </span>
      </span>
    );
  }
  return (
    <span class="admin-status-cell">
      <span class="co-badge" data-tone="ok">
        {t.devices.active}
      </span>
      {onRevoke && (
        <button
          type="button"
          class="button button--small"
          aria-label={t.devices.revokeLabel(device.label)}
          onClick={() => onRevoke(device)}
        >
          {t.devices.revoke}
        </button>
      )}
    </span>
  );
}
