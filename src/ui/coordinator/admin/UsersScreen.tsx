import { useState } from 'preact/hooks';
import { type SessionUser, type UserAccount, userAccountSchema, userListSchema } from '../../../domain/auth/api.ts';
import { can } from '../../../domain/auth/roles.ts';
import { useApp } from '../../app-context.ts';
import { formatDateTime, formatNumber, useLang } from '../../i18n.ts';
import { useAdminStrings } from '../admin-strings.ts';
import { CoordinatorShell } from '../CoordinatorShell.tsx';
import { CreateUserForm } from './CreateUserForm.tsx';
import { EditUserDialog } from './EditUserDialog.tsx';
import { LoadError } from './LoadError.tsx';
import { Notice, type NoticeMessage } from './Notice.tsx';
import { ReasonDialog } from './ReasonDialog.tsx';
import { useResource } from './use-resource.ts';
import { grantableRoles, revokeUserBlock } from './user-rules.ts';

/** The users and their roles; administrators create and change them, supervisors revoke. */
export function UsersScreen() {
  const t = useAdminStrings();
  const { api, user } = useApp();
  const users = useResource(async () => (await api.get('/users', userListSchema)).users, [api]);
  const [creating, setCreating] = useState(false);
  const [editing, setEditing] = useState<UserAccount | null>(null);
  const [revoking, setRevoking] = useState<UserAccount | null>(null);
  const [notice, setNotice] = useState<NoticeMessage | null>(null);
  const mayManage = user !== null && can(user.role, 'users:manage');
  const roles = user ? grantableRoles(user.role) : [];

  function done(message: string) {
    setNotice({ tone: 'ok', text: message });
    users.reload();
  }

  async function revoke(target: UserAccount, reason: string) {
    await api.send('POST', `/users/${encodeURIComponent(target.id)}/revoke`, { reason }, userAccountSchema);
    setRevoking(null);
    done(t.users.revokedDone(target.name));
  }

  return (
    <CoordinatorShell
      section="users"
      title={t.users.title}
      actions={
        mayManage &&
        !creating && (
          <button type="button" class="button button--primary" onClick={() => setCreating(true)}>
            {t.users.createTitle}
          </button>
        )
      }
    >
      {creating && (
        <CreateUserForm
          roles={roles}
          onCreated={(created) => {
            setCreating(false);
            done(t.users.created(created.name));
          }}
          onCancel={() => setCreating(false)}
        />
      )}
      <Notice notice={notice} />
      {users.error !== null && <LoadError error={users.error} onRetry={users.reload} />}
      {users.data === null
        ? users.error === null && <p class="co-muted">{t.common.loading}</p>
        : user && (
            <UserTable users={users.data} me={user} onEdit={mayManage ? setEditing : null} onRevoke={setRevoking} />
          )}
      {editing && (
        <EditUserDialog
          user={editing}
          onSaved={(message) => {
            setEditing(null);
            done(message);
          }}
          onClose={() => setEditing(null)}
        />
      )}
      {revoking && (
        <ReasonDialog
          title={t.users.revokeTitle(revoking.name)}
          text={t.users.revokeText}
          confirmLabel={t.users.revokeConfirm}
          onConfirm={(reason) => revoke(revoking, reason)}
          onClose={() => setRevoking(null)}
        />
      )}
    </CoordinatorShell>
  );
}

function UserTable({
  users,
  me,
  onEdit,
  onRevoke,
}: {
  users: readonly UserAccount[];
  me: SessionUser;
  onEdit: ((user: UserAccount) => void) | null;
  onRevoke: (user: UserAccount) => void;
}) {
  const t = useAdminStrings();
  const lang = useLang();
  // Active users first, then by name.
  const sorted = [...users].sort(
    (a, b) => Number(a.revokedAt !== null) - Number(b.revokedAt !== null) || a.name.localeCompare(b.name),
  );
  return (
    <div class="co-table-scroll">
      <table class="co-table" data-testid="user-list">
        <caption>{t.users.listCaption(formatNumber(lang, users.length))}</caption>
        <thead>
          <tr>
            <th scope="col">{t.users.name}</th>
            <th scope="col">{t.users.username}</th>
            <th scope="col">{t.users.role}</th>
            <th scope="col">{t.users.password}</th>
            <th scope="col">{t.users.status}</th>
            <th scope="col">{t.users.actions}</th>
          </tr>
        </thead>
        <tbody>
          {sorted.map((account) => {
            const block = revokeUserBlock(me, account);
            return (
              <tr key={account.id} data-testid="user" data-revoked={account.revokedAt !== null}>
                <th scope="row">
                  {account.name} {account.id === me.id && <span class="co-muted">{t.users.you}</span>}
                </th>
                <td class="co-mono">{account.username}</td>
                <td>{t.roles[account.role]}</td>
                <td>
                  {account.hasPassword ? t.users.hasPassword : <span class="co-muted">{t.users.noPassword}</span>}
                </td>
                <td>
                  {account.revokedAt ? (
                    <>
                      <span class="co-badge" data-tone="error">
                        {t.users.revoked}
                      </span>
                      <span class="co-table__sub admin-revoked-info">
                        {t.users.revokedInfo(
                          formatDateTime(lang, account.revokedAt),
                          account.revokedReason ?? t.common.none,
                        )}
                      </span>
                    </>
                  ) : (
                    <span class="co-badge" data-tone="ok">
                      {t.users.active}
                    </span>
                  )}
                </td>
                <td>
                  <span class="admin-row-actions">
                    {onEdit && account.revokedAt === null && (
                      <button
                        type="button"
                        class="button button--small"
                        aria-label={t.users.changeLabel(account.name)}
                        onClick={() => onEdit(account)}
                      >
                        {t.users.change}
                      </button>
                    )}
                    {block === null ? (
                      <button
                        type="button"
                        class="button button--small"
                        aria-label={t.users.revokeLabel(account.name)}
                        onClick={() => onRevoke(account)}
                      >
                        {t.users.revoke}
                      </button>
                    ) : (
                      (block === 'self' || block === 'administrator') && (
                        <span class="co-muted admin-small">{t.users.revokeBlocked[block]}</span>
                      )
                    )}
                  </span>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
