// What a signed-in person sees around the screens (who is signed in, the coordinator gate): loaded
// just after the first paint, like the access screens.
export { CoordinatorGate } from './CoordinatorGate.tsx';
export { UserMenu } from './UserMenu.tsx';
export { InactivityLockGuard } from './use-inactivity-lock.ts';
