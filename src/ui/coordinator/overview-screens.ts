/**
 * The coordinators' overview screens (issue 8), one lazily loaded chunk (src/ui/App.tsx): the
 * overview, its drill-down, master-data import, location labels.
 */
export { DrillScreen } from './DrillScreen.tsx';
export { ImportScreen } from './ImportScreen.tsx';
export { LabelsScreen } from './LabelsScreen.tsx';
export { OverviewScreen } from './OverviewScreen.tsx';
