import type { App } from '../../http/types.js';

/** Routes for sign-in, sessions, second factor, password and profile. */
export function authRoutes(_app: App): void {}
