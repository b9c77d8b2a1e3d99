// The playground's HTTP face: pages, JSON endpoints that turn clicks into core events, and a Server-Sent Events
// stream per room. The core is reached only through `arena.handle(event)`; its output arrives through the web
// ChatPort (port.ts) and the HandleResult notice returned here to the one person who acted.
// Each job lives in its own module under routes/, sharing one typed context (routes/context.ts).
import { fileURLToPath } from 'node:url';
import { Hono } from 'hono';
import { apiRoutes } from './routes/api';
import { boardApiRoute, boardPageRoute } from './routes/boards';
import { createWebContext, type Env, type WebAppOptions } from './routes/context';
import { downloadRoute } from './routes/downloads';
import { eventRoute } from './routes/events';
import { roomPageRoute, roomReadRoutes } from './routes/rooms';
import { sessionRoutes } from './routes/session';
import { homeRoute, languageRoute, siteFrame, staticRoutes } from './routes/site';

export type { WebAppOptions } from './routes/context';
export { toWebAnswer, toWebNotice, visibleText, type WebAnswer, type WebNotice } from './routes/answers';
export { formatFrame } from './routes/events';

/** The playground's own strings. */
export const WEB_LOCALES = fileURLToPath(new URL('./locales', import.meta.url));

export function createWebApp(options: WebAppOptions) {
  options.i18n.extend(WEB_LOCALES);
  const web = createWebContext(options);
  const app = new Hono<Env>();

  // Hono runs handlers in the order they were registered: the headers come first, and the API's guard (in
  // sessionRoutes) must precede every state-changing route after it.
  siteFrame(app, web);
  homeRoute(app);
  roomPageRoute(app, web);
  languageRoute(app, web);
  boardPageRoute(app, web);
  staticRoutes(app);
  boardApiRoute(app, web);
  sessionRoutes(app, web);
  apiRoutes(app, web);
  downloadRoute(app, web);
  roomReadRoutes(app, web);
  eventRoute(app, web);
  return app;
}
