export * from './pooling-layers';
