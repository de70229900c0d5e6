// The secretariat's screens, loaded as one chunk by the router.
export { UsersPage } from './UsersPage.js';
export { OutboxPage } from './OutboxPage.js';
export { AuditPage } from './AuditPage.js';
export { MeetingsAdminPage } from '../editing/MeetingsAdminPage.js';
export { MeetingEditPage } from '../editing/MeetingEditPage.js';
export { AgendaDraftPage } from '../editing/AgendaDraftPage.js';
