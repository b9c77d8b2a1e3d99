// The Slack app's environment variables. Tokens and the signing secret are secrets: validation messages never echo
// them (core/config/load.ts reports the variable and the rule, never the value).
import { z } from 'zod';
import { parseEnvWith } from '../../core/config/load';

export const SlackEnvSchema = z
  .object({
    /** The bot token (OAuth & Permissions → Bot User OAuth Token). Set → the Slack app runs. */
    SLACK_BOT_TOKEN: z.string().regex(/^xoxb-/, { message: 'must be a bot token starting with xoxb-' }).optional(),
    /** Basic Information → Signing Secret: HTTP mode verifies every request with it. */
    SLACK_SIGNING_SECRET: z.string().min(1).optional(),
    /** Basic Information → App-Level Tokens (connections:write). Set → Socket Mode, no public URL. */
    SLACK_APP_TOKEN: z.string().regex(/^xapp-/, { message: 'must be an app-level token starting with xapp-' }).optional(),
    /** HTTP mode: where Bolt's receiver listens (events, commands and interactivity at /slack/events). */
    SLACK_PORT: z.coerce.number().int().min(0).max(65535).default(3001),
    /** Web API base URL (tests, proxies); Slack's by default. */
    SLACK_API_URL: z
      .string()
      .url()
      .transform((url) => (url.endsWith('/') ? url : `${url}/`))
      .optional(),
  })
  .superRefine((env, ctx) => {
    if (env.SLACK_BOT_TOKEN && !env.SLACK_APP_TOKEN && !env.SLACK_SIGNING_SECRET) {
      ctx.addIssue({ code: 'custom', path: ['SLACK_SIGNING_SECRET'], message: 'is required in HTTP mode (or set SLACK_APP_TOKEN for Socket Mode)' });
    }
    if (!env.SLACK_BOT_TOKEN && (env.SLACK_APP_TOKEN || env.SLACK_SIGNING_SECRET)) {
      ctx.addIssue({ code: 'custom', path: ['SLACK_BOT_TOKEN'], message: 'is required when other SLACK_ variables are set' });
    }
  });
export type SlackEnv = z.infer<typeof SlackEnvSchema>;

export const parseSlackEnv = (env: NodeJS.ProcessEnv): SlackEnv => parseEnvWith(SlackEnvSchema, env);
