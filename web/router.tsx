import { createBrowserRouter, Navigate } from 'react-router';
import { LangLayout } from './routes/LangLayout.js';
import { RootRedirect } from './routes/RootRedirect.js';
import { MeetingsPage } from './routes/MeetingsPage.js';
import { MeetingPage } from './routes/MeetingPage.js';
import { AgendaPage } from './routes/AgendaPage.js';
import { NotFoundPage } from './routes/NotFoundPage.js';
import { RouteError } from './routes/RouteError.js';
import { SignInPage } from './account/SignInPage.js';
import { InvitationPage } from './account/InvitationPage.js';
import { ResetPage, ResetRequestPage } from './account/ResetPages.js';
import { ProfilePage } from './account/ProfilePage.js';
import { SecurityPage } from './account/SecurityPage.js';
import { TokensPage } from './account/TokensPage.js';
import { ContactsPage } from './account/ContactsPage.js';

// Secretariat screens are a separate chunk: the public never downloads them.
const admin = () => import('./admin/pages.js');
// Participation: focal points and the secretariat (and the public registry of organisations).
const participation = () => import('./participation/pages.js');
// The registration desk brings the QR-code reader: its own chunk.
const checkIn = () => import('./check-in/CheckInPage.js');
// Treaties and country profiles bring the map of the Americas: their own chunk.
const treaties = () => import('./treaties/pages.js');
// The meeting's document register and its forms.
const documents = () => import('./documents/pages.js');
// The best-practice library: search, practice pages, forms and the review queue.
const practices = () => import('./practices/pages.js');
// Statistical reporting: focal points' report grids and the secretariat's review queue.
const reporting = () => import('./statistics/reporting/pages.js');
// The public statistics dashboards (Observable Plot loads from this chunk, on the first chart).
const statsDashboard = () => import('./statistics/dashboard/pages.js');
// The secretariat's statistics administration: the indicator framework and GLOTIP uploads.
const statsAdmin = () => import('./statistics/admin/pages.js');

// The language is the first path segment of every page; LangLayout rejects unknown ones.
export const router = createBrowserRouter([
  { path: '/', element: <RootRedirect /> },
  {
    path: '/:lang',
    element: <LangLayout />,
    errorElement: <RouteError />,
    // A first visit straight to a secretariat page waits for its chunk: show nothing meanwhile.
    HydrateFallback: () => null,
    children: [
      { index: true, element: <MeetingsPage /> },
      { path: 'meetings/:slug', element: <MeetingPage /> },
      { path: 'meetings/:slug/agenda', element: <AgendaPage /> },
      {
        path: 'meetings/:slug/delegations',
        lazy: () => participation().then((m) => ({ Component: m.DelegationsPage })),
      },
      {
        path: 'meetings/:slug/delegations/:code',
        lazy: () => participation().then((m) => ({ Component: m.DelegationPage })),
      },
      {
        path: 'meetings/:slug/registrations',
        lazy: () => participation().then((m) => ({ Component: m.RegistrationsPage })),
      },
      {
        path: 'meetings/:slug/participation-statistics',
        lazy: () => participation().then((m) => ({ Component: m.StatisticsPage })),
      },
      {
        path: 'meetings/:slug/documents',
        lazy: () => documents().then((m) => ({ Component: m.DocumentsPage })),
      },
      { path: 'documents/:id', lazy: () => documents().then((m) => ({ Component: m.DocumentPage })) },
      { path: 'meetings/:slug/check-in', lazy: () => checkIn().then((m) => ({ Component: m.CheckInPage })) },
      { path: 'civil-society', lazy: () => participation().then((m) => ({ Component: m.CivilSocietyPage })) },
      { path: 'treaties', lazy: () => treaties().then((m) => ({ Component: m.TreatiesPage })) },
      { path: 'countries', lazy: () => treaties().then((m) => ({ Component: m.CountriesPage })) },
      { path: 'countries/:iso3', lazy: () => treaties().then((m) => ({ Component: m.CountryProfilePage })) },
      { path: 'practices', lazy: () => practices().then((m) => ({ Component: m.LibraryPage })) },
      { path: 'practices/work', lazy: () => practices().then((m) => ({ Component: m.WorkPage })) },
      { path: 'practices/new', lazy: () => practices().then((m) => ({ Component: m.CreatePracticePage })) },
      { path: 'practices/:id', lazy: () => practices().then((m) => ({ Component: m.PracticePage })) },
      { path: 'practices/:id/edit', lazy: () => practices().then((m) => ({ Component: m.EditPracticePage })) },
      { path: 'statistics/reports', lazy: () => reporting().then((m) => ({ Component: m.ReportsPage })) },
      {
        path: 'statistics/reports/:iso3/:year',
        lazy: () => reporting().then((m) => ({ Component: m.ReportPage })),
      },
      { path: 'statistics/admin', lazy: () => statsAdmin().then((m) => ({ Component: m.StatisticsAdminPage })) },
      { path: 'statistics', lazy: () => statsDashboard().then((m) => ({ Component: m.StatisticsIndexPage })) },
      {
        path: 'statistics/indicators/:code',
        lazy: () => statsDashboard().then((m) => ({ Component: m.IndicatorPage })),
      },
      { path: 'statistics/states/:iso3', lazy: () => statsDashboard().then((m) => ({ Component: m.StatePage })) },
      {
        path: 'statistics/methodology',
        lazy: () => statsDashboard().then((m) => ({ Component: m.MethodologyPage })),
      },
      { path: 'sign-in', element: <SignInPage /> },
      { path: 'invitation/:token', element: <InvitationPage /> },
      { path: 'reset', element: <ResetRequestPage /> },
      { path: 'reset/:token', element: <ResetPage /> },
      { path: 'account', element: <Navigate replace to="profile" /> },
      { path: 'account/profile', element: <ProfilePage /> },
      { path: 'account/security', element: <SecurityPage /> },
      { path: 'account/tokens', element: <TokensPage /> },
      { path: 'account/contacts', element: <ContactsPage /> },
      { path: 'admin/users', lazy: () => admin().then((m) => ({ Component: m.UsersPage })) },
      { path: 'admin/outbox', lazy: () => admin().then((m) => ({ Component: m.OutboxPage })) },
      { path: 'admin/audit', lazy: () => admin().then((m) => ({ Component: m.AuditPage })) },
      { path: 'admin/meetings', lazy: () => admin().then((m) => ({ Component: m.MeetingsAdminPage })) },
      { path: 'admin/meetings/:slug', lazy: () => admin().then((m) => ({ Component: m.MeetingEditPage })) },
      { path: 'admin/meetings/:slug/agenda', lazy: () => admin().then((m) => ({ Component: m.AgendaDraftPage })) },
      { path: '*', element: <NotFoundPage /> },
    ],
  },
]);
