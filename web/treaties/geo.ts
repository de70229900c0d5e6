/**
 * ISO 3166-1 numeric codes of the member states (world-atlas names countries by them), and a
 * point for the small island states that the 1:110m Natural Earth map has no outline for.
 */
export const NUMERIC: Record<string, string> = {
  ATG: '028',
  ARG: '032',
  BHS: '044',
  BRB: '052',
  BLZ: '084',
  BOL: '068',
  BRA: '076',
  CAN: '124',
  CHL: '152',
  COL: '170',
  CRI: '188',
  CUB: '192',
  DMA: '212',
  DOM: '214',
  ECU: '218',
  SLV: '222',
  GRD: '308',
  GTM: '320',
  GUY: '328',
  HTI: '332',
  HND: '340',
  JAM: '388',
  MEX: '484',
  NIC: '558',
  PAN: '591',
  PRY: '600',
  PER: '604',
  KNA: '659',
  LCA: '662',
  VCT: '670',
  SUR: '740',
  TTO: '780',
  USA: '840',
  URY: '858',
  VEN: '862',
};

/** [longitude, latitude] of each small island state's capital. */
export const ISLAND_POINTS: Record<string, [number, number]> = {
  ATG: [-61.85, 17.12],
  BRB: [-59.6, 13.1],
  DMA: [-61.39, 15.3],
  GRD: [-61.75, 12.05],
  KNA: [-62.72, 17.3],
  LCA: [-60.98, 14.01],
  VCT: [-61.22, 13.16],
};
