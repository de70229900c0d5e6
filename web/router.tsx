import { createBrowserRouter } from 'react-router';
import { LangLayout } from './routes/LangLayout.js';
import { RootRedirect } from './routes/RootRedirect.js';
import { MeetingsPage } from './routes/MeetingsPage.js';
import { MeetingPage } from './routes/MeetingPage.js';
import { AgendaPage } from './routes/AgendaPage.js';
import { NotFoundPage } from './routes/NotFoundPage.js';
import { RouteError } from './routes/RouteError.js';

// The language is the first path segment of every page; LangLayout rejects unknown ones.
export const router = createBrowserRouter([
  { path: '/', element: <RootRedirect /> },
  {
    path: '/:lang',
    element: <LangLayout />,
    errorElement: <RouteError />,
    children: [
      { index: true, element: <MeetingsPage /> },
      { path: 'meetings/:slug', element: <MeetingPage /> },
      { path: 'meetings/:slug/agenda', element: <AgendaPage /> },
      { path: '*', element: <NotFoundPage /> },
    ],
  },
]);
