/**
 * @dendrite/tuner/distributed: trials spread over workers through BullMQ on Redis (Node only).
 * The chief keeps the oracle ({@link runChief}); workers run `dendrite-tuner worker` or
 * {@link runWorker}.
 *
 * @packageDocumentation
 */
export { runChief, type ChiefOptions } from './chief';
export { runWorker, type SearchModule, type WorkerOptions } from './worker';
export { redisConnection, queueName } from './redis-connection';
export { encodeResult, decodeResult, trialJobId, type TrialJob, type TrialJobResult, type JsonFitOptions } from './trial-job';
