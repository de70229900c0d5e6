// The library's pages, one chunk: the forms and the workflow load only with them.
export { LibraryPage } from './LibraryPage.js';
export { PracticePage } from './PracticePage.js';
export { CreatePracticePage, EditPracticePage } from './FormPages.js';
export { WorkPage } from './WorkPage.js';
