import type { AgendaItemKind } from '../../shared/schemas/agenda.js';
import type { AgendaPeriod, MeetingStatus } from '../../shared/schemas/meeting.js';

// Copies, not imports: the schema modules would bring TypeBox into the browser bundle. The
// `satisfies` keeps each list within the shared type; the locale check covers the labels.
export const MEETING_STATUSES = [
  'draft',
  'announced',
  'registration_open',
  'registration_closed',
  'in_session',
  'concluded',
] as const satisfies readonly MeetingStatus[];

export const ITEM_KINDS = [
  'opening',
  'regional_report',
  'presentation',
  'screening',
  'discussion',
  'panel',
  'closing',
] as const satisfies readonly AgendaItemKind[];

export const PERIODS = ['morning', 'afternoon', 'evening'] as const satisfies readonly AgendaPeriod[];
