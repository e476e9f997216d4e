import type { ProjectionRunner } from './projection-runner';

/**
 * What a server asks of the runner of its read models, wherever the projecting happens: a
 * ProjectionRunner on the request thread or following another process's, or the API's projector
 * on a thread of its own (ThreadedProjector).
 */
export type ReadModelRunner = Pick<ProjectionRunner, 'db' | 'projections' | 'checkpoint' | 'checkedHead' | 'status' | 'waitFor' | 'start' | 'follow' | 'stop' | 'close' | 'catchUp' | 'rebuild'>;
