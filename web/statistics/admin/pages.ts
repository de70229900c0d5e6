// The secretariat's statistics administration, one chunk: the indicator framework and GLOTIP uploads.
export { StatisticsAdminPage } from './StatisticsAdminPage.js';
