import type { Lang } from '../../../shared/lang.js';
import type { AgendaItemKind } from '../../../shared/schemas/agenda.js';
import type { AgendaPeriod } from '../../../shared/schemas/meeting.js';
import type { MultiText } from '../../../shared/text.js';

/** Presenters are stored with their names as they were when the version was written. */
export type StoredPresenter =
  | { type: 'organization'; id: string; name: Record<Lang, string | null>; acronym: Record<Lang, string | null> }
  | { type: 'person'; name: string };

export interface TreeItem {
  key: string;
  number: number;
  kind: AgendaItemKind;
  title: MultiText;
  description: MultiText | null;
  presenters: StoredPresenter[];
  alternatives: MultiText[];
  startTime: string | null;
  endTime: string | null;
}

export interface TreeBlock {
  period: AgendaPeriod;
  theme: MultiText | null;
  startTime: string | null;
  endTime: string | null;
  items: TreeItem[];
}

export interface TreeDay {
  date: string;
  blocks: TreeBlock[];
}

export interface Position {
  date: string;
  period: AgendaPeriod;
  number: number;
}

export interface StoredChange {
  type: 'added' | 'removed' | 'moved' | 'retitled';
  key: string;
  title: MultiText;
  previousTitle: MultiText | null;
  from: Position | null;
  to: Position | null;
}
