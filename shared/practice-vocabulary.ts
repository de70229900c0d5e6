/**
 * The library's closed lists, without TypeBox, so the web app can import them without pulling
 * the schema library into its bundle; shared/schemas/practices.ts builds its schemas from them.
 */
export const THEMES = [
  'prevention',
  'protection',
  'demand',
  'prosecution',
  'capacity_building',
  'cooperation',
  'civil_society',
] as const;
export const TARGET_GROUPS = ['women', 'adolescents', 'children', 'migrants', 'men', 'others'] as const;
export const EXPLOITATION_FORMS = [
  'sexual',
  'labour',
  'domestic_servitude',
  'forced_begging',
  'organ_removal',
  'other',
] as const;
export const SUBREGIONS = ['caribbean', 'central_america', 'north_america', 'south_america'] as const;
/** Who wrote a language version: the submitter, the secretariat, or an unofficial translation. */
export const TEXT_SOURCES = ['submitter', 'secretariat', 'unofficial'] as const;
export const TEXT_FIELDS = ['title', 'summary', 'description', 'results', 'lessons'] as const;
