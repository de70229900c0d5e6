// The register's pages, one chunk: readers of the meeting and agenda pages never download the forms.
export { DocumentsPage } from './DocumentsPage.js';
export { DocumentPage } from './DocumentPage.js';
