/** A bad environment value: start-up stops with one line naming it. */
export class ConfigError extends Error {}
