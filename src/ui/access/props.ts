import type { LagerkollDb } from '../../store/db.ts';
import type { Lang } from '../i18n.ts';

/** What every access screen gets from the gate. */
export interface AccessScreenProps {
  db: LagerkollDb;
  lang: Lang;
  onLangChange: (lang: Lang) => void;
  /** The device's identity state changed (enrolled, signed in, PIN chosen…): the gate decides again. */
  onChanged: () => Promise<void>;
}
