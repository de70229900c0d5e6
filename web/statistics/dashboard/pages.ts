// The public statistics dashboards, one chunk; Observable Plot loads from it on the first chart.
export { StatisticsIndexPage } from './StatisticsIndexPage.js';
export { IndicatorPage } from './IndicatorPage.js';
export { StatePage } from './StatePage.js';
export { MethodologyPage } from './MethodologyPage.js';
