// The reporting side of statistics, one chunk: focal points' grids and the secretariat's queue.
export { ReportsPage } from './ReportsPage.js';
export { ReportPage } from './ReportPage.js';
