// Participation screens (delegations, registrations, statistics, the civil-society registry),
// loaded as one chunk by the router: readers of the meeting pages never download them.
export { DelegationsPage } from './DelegationsPage.js';
export { DelegationPage } from './DelegationPage.js';
export { RegistrationsPage } from './RegistrationsPage.js';
export { StatisticsPage } from './StatisticsPage.js';
export { CivilSocietyPage } from './CivilSocietyPage.js';
