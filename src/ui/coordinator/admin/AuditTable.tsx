import type { AuditEntry } from '../../../domain/auth/api.ts';
import { formatDateTime, useLang } from '../../i18n.ts';
import { useAdminStrings } from '../admin-strings.ts';
import { conflictIdText, detailLines, isIsoInstant } from './audit-rules.ts';
import type { Directory } from './use-directory.ts';

/** Audit lines, newest first: when, what, who, from which device, about what, and the details. */
export function AuditTable({
  entries,
  directory,
  caption,
}: {
  entries: readonly AuditEntry[];
  directory: Pick<Directory, 'userName' | 'deviceLabel'>;
  caption: string;
}) {
  const t = useAdminStrings();
  const lang = useLang();
  // A subject is a device, a user, a stock-take or a file: name the first two when they are known.
  const subjectText = (subject: string) => {
    const device = directory.deviceLabel(subject);
    return device !== subject ? device : directory.userName(subject);
  };
  return (
    <div class="co-table-scroll">
      <table class="co-table admin-audit" data-testid="audit-table">
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t.audit.when}</th>
            <th scope="col">{t.audit.action}</th>
            <th scope="col">{t.audit.who}</th>
            <th scope="col">{t.audit.device}</th>
            <th scope="col">{t.audit.subject}</th>
            <th scope="col">{t.audit.details}</th>
          </tr>
        </thead>
        <tbody>
          {entries.map((entry) => (
            <tr key={entry.id} data-testid="audit-entry" data-action={entry.action}>
              <td class="co-mono">{formatDateTime(lang, entry.at)}</td>
              <td>{t.audit.actions[entry.action]}</td>
              <td>{entry.userId ? directory.userName(entry.userId) : <span class="co-muted">{t.common.none}</span>}</td>
              <td>{entry.deviceId ? directory.deviceLabel(entry.deviceId) : t.common.none}</td>
              <td class="admin-audit__subject">{entry.subject ? subjectText(entry.subject) : t.common.none}</td>
              <td>
                <Details details={entry.details} directory={directory} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** Details that name a device or a user by id: shown by label or name when known. */
const NAMED_BY_ID: Record<string, 'device' | 'user'> = {
  deviceId: 'device',
  userId: 'user',
  decidedBy: 'user',
  authorizedBy: 'user',
};

function Details({
  details,
  directory,
}: {
  details: Record<string, unknown>;
  directory: Pick<Directory, 'userName' | 'deviceLabel'>;
}) {
  const t = useAdminStrings();
  const lang = useLang();
  // Values the server writes as codes, ids or instants, in the person's words.
  const word = (key: string, value: string): string => {
    const named = NAMED_BY_ID[key];
    if (named) return named === 'device' ? directory.deviceLabel(value) : directory.userName(value);
    if (key === 'kind' && isKey(t.resolutionKinds, value)) return t.resolutionKinds[value];
    if (key === 'mode' && isKey(t.mode, value)) return t.mode[value];
    if (key === 'role' && isKey(t.roles, value)) return t.roles[value];
    if (key === 'conflictId') return conflictIdText(value);
    if (isIsoInstant(value)) return formatDateTime(lang, value);
    return value;
  };
  const lines = detailLines(details, { yes: t.common.yes, no: t.common.no, word });
  if (lines.length === 0) return <span class="co-muted">{t.common.none}</span>;
  return (
    <dl class="admin-details">
      {lines.map((line) => (
        <div key={line.key}>
          <dt>{t.audit.detailKeys[line.key] ?? line.key}</dt>
          <dd>{line.value}</dd>
        </div>
      ))}
    </dl>
  );
}

function isKey<T extends object>(table: T, key: string): key is Extract<keyof T, string> {
  return Object.hasOwn(table, key);
}
