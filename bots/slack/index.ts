// Slack app: see README.md in this folder for creating the app from its manifest and running it.
export { createSlackApp, SLACK_LOCALES, type SlackApp, type SlackAppParts } from './adapter';
export { startSlackApp, type RunningSlackApp, type StartSlackAppOptions } from './run';
export { createSlackPort, SLACK_LIMITS, type SlackPort } from './port';
export { buildManifest, manifestYaml, BOT_SCOPES, BOT_EVENTS } from './manifest';
