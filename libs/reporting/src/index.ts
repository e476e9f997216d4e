export * from './filters';
export * from './figures';
export * from './valid-projects';
export * from './activity';
export * from './timeseries';
export * from './register';
export * from './units';
