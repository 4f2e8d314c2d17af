// The screens of a stock-take, loaded together after the first paint (see App.tsx).
export { CountScreen } from './CountScreen.tsx';
export { LocationsScreen } from './LocationsScreen.tsx';
export { ReviewScreen } from './ReviewScreen.tsx';
export { SummaryScreen } from './SummaryScreen.tsx';
