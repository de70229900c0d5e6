import type { App } from '../../http/types.js';

/** Routes for users, role assignments, invitations, password reset, access tokens, outbox. */
export function userRoutes(_app: App): void {}
