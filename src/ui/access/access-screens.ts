// The access screens (issue 7) in one chunk, loaded after the first paint like the counting screens:
// a device in daily use shows the user picker or the lock only now and then.
export { ChoosePinScreen } from './ChoosePinScreen.tsx';
export { LockScreen } from './LockScreen.tsx';
export { ReauthPanel } from './ReauthPanel.tsx';
export { RevokedScreen } from './RevokedScreen.tsx';
export { SetupScreen } from './SetupScreen.tsx';
export { UserPickerScreen } from './UserPickerScreen.tsx';
export { WelcomeScreen } from './WelcomeScreen.tsx';

import './access.css';
