export * from './port';
export * from './read-all';
export * from './hash-chain';
export * from './verify';
export * from './ndjson';
export * from './memory/memory-event-store';
export * from './sqlite/sqlite-event-store';
export * from './esdb/esdb-event-store';
