// Discord's error answers: HTTP status plus a JSON body `{ message, code }` (and `errors` for 50035).
import { permissionName } from './permissions';
import type { DiscordErrorBody } from './validation';

export type { DiscordErrorBody };

export class DiscordError extends Error {
  constructor(
    readonly status: number,
    readonly body: DiscordErrorBody,
    readonly missing?: string,
  ) {
    super(body.message);
  }
}

export const err = (status: number, code: number, message: string) => new DiscordError(status, { message, code });
export const unknownChannel = () => err(404, 10003, 'Unknown Channel');
export const unknownMessage = () => err(404, 10008, 'Unknown Message');
export const unknownInteraction = () => err(404, 10062, 'Unknown interaction');
export const unknownWebhook = () => err(404, 10015, 'Unknown Webhook');
export const missingAccess = () => err(403, 50001, 'Missing Access');
export const missingPermissions = (bit: bigint) => new DiscordError(403, { message: 'Missing Permissions', code: 50013 }, permissionName(bit));
export const emptyMessage = () => err(400, 50006, 'Cannot send an empty message');
