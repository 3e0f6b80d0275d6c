export { createClient, toServiceError, type Client } from './client';
export { httpTransport, type HttpTransportOptions } from './http-transport';
export { preloadTransport } from './preload-transport';
export { pickTransport, clientFor } from './pick';
export { takeToken, TOKEN_KEY } from './token';
export type { Transport, TransportKind, PreloadApi } from './transport';
export { ServiceError } from '../../../shared/contract/envelope';
