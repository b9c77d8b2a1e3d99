// The Slack app as `npm start` finds it (bots/registry.ts): SLACK_BOT_TOKEN set → it runs, in Socket Mode when
// SLACK_APP_TOKEN is set too, else in HTTP mode on SLACK_PORT with SLACK_SIGNING_SECRET.
import type { AdapterModule } from '../registry';
import { parseSlackEnv, type SlackEnv } from './env';

export const adapter: AdapterModule<SlackEnv> = {
  name: 'slack',
  env: parseSlackEnv,
  wanted: (env) => Boolean(env.SLACK_BOT_TOKEN),
  async start(app, env) {
    const { startSlackApp } = await import('./run');
    const running = await startSlackApp({
      app,
      botToken: env.SLACK_BOT_TOKEN!,
      ...(env.SLACK_APP_TOKEN ? { appToken: env.SLACK_APP_TOKEN } : { signingSecret: env.SLACK_SIGNING_SECRET!, port: env.SLACK_PORT }),
      ...(env.SLACK_API_URL ? { apiUrl: env.SLACK_API_URL } : {}),
    });
    app.log.info({ mode: running.mode }, 'Slack app running');
    return { stop: () => running.stop(), ready: () => running.ready() };
  },
};
