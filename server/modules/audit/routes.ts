import type { App } from '../../http/types.js';

/** Routes for the audit trail, read by the secretariat. */
export function auditRoutes(_app: App): void {}
