import type { App } from '../../http/types.js';
import { adminRoutes } from './routes-admin.js';
import { linkRoutes } from './routes-links.js';
import { tokenRoutes } from './routes-tokens.js';

/** Routes for users, role assignments, invitations, password reset, access tokens, outbox. */
export function userRoutes(app: App): void {
  adminRoutes(app);
  linkRoutes(app);
  tokenRoutes(app);
}
