// Treaties and country profiles, one chunk (with the map's geometry): other pages never load it.
export { TreatiesPage } from './TreatiesPage.js';
export { CountryProfilePage } from './CountryProfilePage.js';
export { CountriesPage } from './CountriesPage.js';
