export * from './client.ts';
export * from './dispatch.ts';
export * from './endpoints.ts';
export * from './errors.ts';
export * from './events.ts';
export * from './inProcess.ts';
export * from './schemas.ts';
export * from './bridge.ts';
