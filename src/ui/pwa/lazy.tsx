import { lazyComponent } from '../lazy.tsx';

// The PWA's components load after first paint (src/ui/lazy.tsx); each renders nothing until then.
export const UpdatePromptLazy = lazyComponent(() => import('./UpdatePrompt.tsx').then((m) => m.UpdatePrompt), {
  quiet: true,
});
export const InstallGuideLazy = lazyComponent(() => import('./InstallGuide.tsx').then((m) => m.InstallGuide), {
  quiet: true,
});
export const InstallHelpLazy = lazyComponent(() => import('./InstallGuide.tsx').then((m) => m.InstallHelp), {
  quiet: true,
});
export const StorageStatusLazy = lazyComponent(() => import('./StorageStatus.tsx').then((m) => m.StorageStatus), {
  quiet: true,
});
export const AppVersionLazy = lazyComponent(() => import('./AppVersion.tsx').then((m) => m.AppVersion), {
  quiet: true,
});
