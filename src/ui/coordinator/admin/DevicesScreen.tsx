import { useState } from 'preact/hooks';
import { type DeviceSummary, deviceListSchema, deviceSummarySchema } from '../../../domain/auth/api.ts';
import { can } from '../../../domain/auth/roles.ts';
import { useApp } from '../../app-context.ts';
import { useAdminStrings } from '../admin-strings.ts';
import { CoordinatorShell } from '../CoordinatorShell.tsx';
import { DeviceTable } from './DeviceTable.tsx';
import { EnrollPanel } from './EnrollPanel.tsx';
import { LoadError } from './LoadError.tsx';
import { Notice, type NoticeMessage } from './Notice.tsx';
import { ReasonDialog } from './ReasonDialog.tsx';
import { useDirectory } from './use-directory.ts';
import { useRefresh } from './use-refresh.ts';
import { useResource } from './use-resource.ts';

/** A new device shows up here shortly after it enrolled with a code shown on this screen. */
const REFRESH_MS = 10_000;

/** Enroll a device (a QR code), the devices with their last contact and unsent counts, revoke one. */
export function DevicesScreen() {
  const t = useAdminStrings();
  const { api, user } = useApp();
  const devices = useResource(async () => (await api.get('/devices', deviceListSchema)).devices, [api]);
  const directory = useDirectory();
  const [revoking, setRevoking] = useState<DeviceSummary | null>(null);
  const [notice, setNotice] = useState<NoticeMessage | null>(null);
  useRefresh(devices.reload, REFRESH_MS);
  const mayEnroll = user !== null && can(user.role, 'devices:enroll');
  const mayRevoke = user !== null && can(user.role, 'devices:revoke');

  async function revoke(device: DeviceSummary, reason: string) {
    await api.send('POST', `/devices/${encodeURIComponent(device.deviceId)}/revoke`, { reason }, deviceSummarySchema);
    setRevoking(null);
    setNotice({ tone: 'ok', text: t.devices.revokedDone(device.label) });
    devices.reload();
  }

  return (
    <CoordinatorShell section="devices" title={t.devices.title}>
      <div class="admin-devices">
        {mayEnroll && <EnrollPanel onCodeCreated={() => setNotice(null)} />}
        <div class="admin-devices__list">
          <Notice notice={notice} />
          {devices.error !== null && <LoadError error={devices.error} onRetry={devices.reload} />}
          {devices.data === null ? (
            devices.error === null && <p class="co-muted">{t.common.loading}</p>
          ) : devices.data.length === 0 ? (
            <p class="co-panel co-muted">{t.devices.none}</p>
          ) : (
            <DeviceTable
              devices={devices.data}
              userName={directory.userName}
              onRevoke={mayRevoke ? setRevoking : null}
            />
          )}
        </div>
      </div>
      {revoking && (
        <ReasonDialog
          title={t.devices.revokeTitle(revoking.label)}
          text={t.devices.revokeText}
          confirmLabel={t.devices.revokeConfirm}
          onConfirm={(reason) => revoke(revoking, reason)}
          onClose={() => setRevoking(null)}
        />
      )}
    </CoordinatorShell>
  );
}
