import type { IncomingMessage } from 'node:http';

export { CLIENT_ADDRESS_FLAG, CLIENT_ADDRESS_HEADER } from './client-address-header.mjs';
export type Trust = (address: string, hop: number) => boolean;
export function trustFromEnv(env?: Record<string, string | undefined>): { describe: string; trust: Trust };
export function clientAddress(req: Pick<IncomingMessage, 'headers' | 'socket'>, trust: Trust): string;
