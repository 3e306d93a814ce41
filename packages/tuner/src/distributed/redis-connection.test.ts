import { describe, expect, it } from 'vitest';
import { queueName, redisConnection } from './redis-connection';

describe('redisConnection', () => {
  it('reads host, port, credentials and db from a redis:// URL, for BullMQ workers', () => {
    expect(redisConnection('redis://10.0.0.5:6390')).toEqual({ host: '10.0.0.5', port: 6390, maxRetriesPerRequest: null });
    expect(redisConnection('redis://user:p%40ss@cache:6379/2')).toEqual({ host: 'cache', port: 6379, username: 'user', password: 'p@ss', db: 2, maxRetriesPerRequest: null });
    expect(redisConnection('rediss://cache')).toMatchObject({ port: 6379, tls: {} });
  });

  it('refuses other URLs and queue-breaking project names', () => {
    expect(() => redisConnection('http://cache:6379')).toThrow('Expected a Redis URL such as redis://127.0.0.1:6379, received "http://cache:6379"');
    expect(() => redisConnection('cache:6379x')).toThrow(TypeError);
    expect(queueName('housing-v2')).toBe('dendrite-tuner-housing-v2');
    expect(() => queueName('a:b')).toThrow('Expected a project name of letters, digits, "_", "-" and ".", received "a:b"');
  });
});
