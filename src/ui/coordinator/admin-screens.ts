/**
 * The coordinators' admin screens (issues 7 and 8), one lazily loaded chunk: a counting tablet never
 * loads them. App.tsx imports this module when one of their routes is opened.
 */
import './admin.css';

export { AuditScreen } from './admin/AuditScreen.tsx';
export { DevicesScreen } from './admin/DevicesScreen.tsx';
export { StockTakeScreen } from './admin/StockTakeScreen.tsx';
export { StockTakesScreen } from './admin/StockTakesScreen.tsx';
export { UsersScreen } from './admin/UsersScreen.tsx';
