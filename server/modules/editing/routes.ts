import type { App } from '../../http/types.js';

/** Routes for secretariat editing of meetings, concept notes and the agenda draft; contact details. */
export function editingRoutes(_app: App): void {}
