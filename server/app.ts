import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import fastifyStatic from '@fastify/static';
import fastifySwagger from '@fastify/swagger';
import fastifySwaggerUi from '@fastify/swagger-ui';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import Fastify, { type FastifyReply, type FastifyServerOptions } from 'fastify';
import type { Kysely } from 'kysely';
import { randomUUID } from 'node:crypto';
import { Type } from 'typebox';
import type { Config } from './config.js';
import type { Database, Engine } from './db/database.js';
import type { DB } from './db/schema.js';
import { isLang } from '../shared/lang.js';
import { negotiateLang } from './http/lang.js';
import { registerAuth } from './auth/plugin.js';
import { requestSerializer } from './http/log.js';
import { rejectNulBytes } from './http/nul-bytes.js';
import { registerProblemHandlers, sendProblem } from './http/problem.js';
import type { App } from './http/types.js';
import { agendaRoutes } from './modules/agenda/routes.js';
import { auditRoutes } from './modules/audit/routes.js';
import { authRoutes } from './modules/auth/routes.js';
import { editingRoutes } from './modules/editing/routes.js';
import { participationRoutes } from './modules/participation/routes.js';
import { participantListRoutes } from './modules/participant-list/routes.js';
import { checkInRoutes } from './modules/check-in/routes.js';
import { userRoutes } from './modules/users/routes.js';
import { meetingRoutes } from './modules/meeting/routes.js';
import { referenceRoutes } from './modules/reference/routes.js';
import { treatyRoutes } from './modules/treaties/routes.js';
import { statisticsRoutes } from './modules/statistics/routes.js';
import { documentRoutes } from './modules/documents/routes.js';
import { practiceRoutes } from './modules/practices/routes.js';
import { openFileStore, type FileStore } from './files/store.js';

declare module 'fastify' {
  interface FastifyInstance {
    db: Kysely<DB>;
    engine: Engine;
    config: Config;
    /** Uploaded and generated files (DATA_DIR/files or an S3-compatible bucket). */
    files: FileStore;
  }
}

const CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

export const WEB_ROOT = fileURLToPath(new URL('../dist/web/', import.meta.url));

export interface BuildOptions {
  config: Config;
  database: Database;
  logger?: FastifyServerOptions['logger'];
  /** Called before any route registers (tests collect the route table with an onRoute hook). */
  beforeRoutes?: (app: App) => void;
}

export async function buildApp({ config, database, logger, beforeRoutes }: BuildOptions): Promise<App> {
  const app = Fastify({
    logger: logger ?? {
      level: config.logLevel,
      // Credentials and personal data never reach the log.
      redact: ['req.headers.authorization', 'req.headers.cookie', 'res.headers["set-cookie"]'],
      serializers: { req: requestSerializer },
    },
    genReqId: (req) => {
      const given = req.headers['x-request-id'];
      return typeof given === 'string' && /^[\w-]{8,64}$/.test(given) ? given : randomUUID();
    },
    bodyLimit: 1024 * 1024,
    onProtoPoisoning: 'error',
    onConstructorPoisoning: 'error',
    // X-Forwarded-* are believed only from configured proxies; otherwise the socket address counts.
    trustProxy: config.trustProxy.length ? config.trustProxy : false,
    ajv: { customOptions: { removeAdditional: false, coerceTypes: 'array', useDefaults: true, allErrors: true } },
    routerOptions: { maxParamLength: 200 },
    // Malformed URLs and the like, caught before routing, answer problem+json like everything else.
    frameworkErrors: (error, request, reply) => {
      void sendProblem(reply, request, 'bad_request', error.message);
    },
  }).withTypeProvider<TypeBoxTypeProvider>();

  app.decorate('db', database.db);
  app.decorate('engine', database.engine);
  app.decorate('config', config);
  app.decorate('files', openFileStore(config));
  app.addHook('onSend', async (request, reply) => {
    reply.header('x-request-id', request.id);
    securityHeaders(reply, config);
  });

  registerProblemHandlers(app);
  rejectNulBytes(app);
  await registerAuth(app, config);
  beforeRoutes?.(app);

  await app.register(fastifySwagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Continental API',
        version: '0.1.0',
        description:
          'OAS/IOM Continental Meeting on Trafficking in Persons. Errors are RFC 9457 problem+json with a stable `code`.',
      },
      servers: [{ url: config.publicUrl }],
      tags: [
        { name: 'meetings', description: 'Meetings and their concept notes' },
        { name: 'agenda', description: 'Published agenda versions, calendar and PDF' },
        { name: 'reference', description: 'Member states and organisations' },
        { name: 'auth', description: 'Sign-in, sessions, second factor, profile' },
        { name: 'users', description: 'Users, roles, invitations, password reset, access tokens, outbox' },
        { name: 'editing', description: 'Editing meetings, concept notes and the agenda draft' },
        { name: 'audit', description: 'The audit trail' },
        { name: 'participation', description: 'Participation rules, delegations, registrations, accreditation' },
        { name: 'treaties', description: 'Instruments, treaty actions, status as of a date, member-state profiles' },
        { name: 'documents', description: 'The meeting’s official register: documents, language versions, revisions' },
        {
          name: 'statistics',
          description: 'Indicators, state reports and their review, published statistics with suppression',
        },
        { name: 'system', description: 'Health' },
      ],
    },
  });
  await app.register(fastifySwaggerUi, {
    routePrefix: '/api/docs',
    // Swagger UI sets inline styles; its pages alone get 'unsafe-inline' for styles (never scripts).
    // Its default CSP adds upgrade-insecure-requests, which breaks the spec fetch over plain http.
    staticCSP: CSP.replace("style-src 'self'", "style-src 'self' 'unsafe-inline'"),
  });

  app.get('/api/openapi.json', { schema: { hide: true } }, async () => app.swagger());
  app.get(
    '/api/health',
    {
      schema: {
        tags: ['system'],
        summary: 'Liveness and database reachability',
        response: { 200: Type.Object({ status: Type.Literal('ok') }) },
      },
    },
    async () => {
      await database.db.selectFrom('meeting').select('id').limit(1).execute();
      return { status: 'ok' as const };
    },
  );

  meetingRoutes(app);
  agendaRoutes(app);
  referenceRoutes(app);
  authRoutes(app);
  userRoutes(app);
  editingRoutes(app);
  auditRoutes(app);
  participationRoutes(app);
  participantListRoutes(app);
  checkInRoutes(app);
  treatyRoutes(app);
  documentRoutes(app);
  practiceRoutes(app);
  statisticsRoutes(app);

  registerWeb(app, config);
  return app;
}

/** Defaults for every response; a route that needs another CSP (the API docs) sets its own first. */
function securityHeaders(reply: FastifyReply, config: Config): void {
  if (!reply.hasHeader('content-security-policy')) reply.header('content-security-policy', CSP);
  reply.header('x-content-type-options', 'nosniff');
  reply.header('referrer-policy', 'strict-origin-when-cross-origin');
  reply.header('x-frame-options', 'DENY');
  reply.header('cross-origin-opener-policy', 'same-origin');
  if (config.publicUrl.startsWith('https:')) {
    reply.header('strict-transport-security', 'max-age=31536000; includeSubDomains');
  }
}

function registerWeb(app: App, config: Config): void {
  const hasBuild = config.serveWeb && existsSync(`${WEB_ROOT}index.html`);
  if (hasBuild) {
    // Vite names assets by content hash, so they may be cached for good; index.html never is.
    void app.register(fastifyStatic, {
      root: WEB_ROOT,
      wildcard: false,
      index: false,
      cacheControl: false,
      setHeaders: (res, path) => {
        res.header('cache-control', /[\\/]assets[\\/]/.test(path) ? 'public, max-age=31536000, immutable' : 'no-cache');
      },
    });
  }
  // The first visit lands in the browser's language; the URL then carries it.
  app.get('/', { schema: { hide: true } }, async (request, reply) => {
    const lang = negotiateLang(request.headers['accept-language']);
    return reply.header('vary', 'Accept-Language').redirect(`/${lang}`, 302);
  });
  app.setNotFoundHandler((request, reply) => {
    const path = request.url.split('?')[0] ?? '';
    // A missing file (anything with an extension) is a plain 404, not the app's HTML.
    const wantsPage =
      request.method === 'GET' && !path.startsWith('/api/') && path !== '/api' && !/\.[a-z0-9]+$/i.test(path);
    if (wantsPage && hasBuild) {
      // Client-side routes: the SPA decides what exists and shows its own translated 404; a path
      // outside the four languages is known missing here already, so it says so in its status too.
      const first = path.split('/')[1] ?? '';
      return reply.code(isLang(first) ? 200 : 404).sendFile('index.html');
    }
    return sendProblem(reply, request, 'not_found', `No route ${request.method} ${path}.`);
  });
}
