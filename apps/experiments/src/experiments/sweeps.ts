import type { Experiment, ExperimentContext, ExperimentResult } from './experiment';
import { runMnistMlp } from './mnist-mlp';

/** Runs the MNIST MLP once per setting and reports each setting's test accuracy. */
function sweep<T>(name: string, description: string, settings: T[], label: (setting: T) => string, configure: (setting: T) => Parameters<typeof runMnistMlp>[1]): Experiment {
  return {
    name,
    description: `Seed 000: ${description}`,
    async run(context: ExperimentContext): Promise<ExperimentResult> {
      const test: Record<string, number> = {};
      const history: Record<string, number[]> = {};
      let seconds = 0;
      for (const setting of settings) {
        const result = await runMnistMlp({ ...context, verbose: context.verbose === 1 ? 2 : context.verbose }, configure(setting));
        test[`accuracy_${label(setting)}`] = result.test.accuracy;
        for (const [key, values] of Object.entries(result.history)) history[`${label(setting)}_${key}`] = values;
        seconds += result.secondsPerEpoch;
        if (context.verbose > 0) console.log(`${name} ${label(setting)}: test accuracy ${(result.test.accuracy * 100).toFixed(2)}%`);
      }
      return { test, history, secondsPerEpoch: seconds / settings.length };
    },
  };
}

const base = { hidden: [128, 128], dropoutRate: 0.3, optimizer: 'adam', epochs: 10, batchSize: 128 };

export const SWEEPS: Experiment[] = [
  sweep('optimizer-compare', 'SGD, RMSprop and Adam on the MNIST MLP, 10 epochs each', ['sgd', 'rmsprop', 'adam'], (o) => o, (optimizer) => ({ ...base, optimizer })),
  sweep('dropout-sweep', 'dropout rates 0.1–0.5 on the MNIST MLP', [0.1, 0.2, 0.3, 0.4, 0.5], (r) => String(r), (dropoutRate) => ({ ...base, dropoutRate })),
  sweep('batch-size-sweep', 'batch sizes 64–512 on the MNIST MLP', [64, 128, 256, 512], (b) => String(b), (batchSize) => ({ ...base, batchSize })),
  sweep('lr-sweep', 'SGD learning rates 0.1–0.0001 on the MNIST MLP (the seed finds 0.1 best)', [0.1, 0.01, 0.001, 0.0001], (l) => String(l), (learningRate) => ({ ...base, optimizer: 'SGD', learningRate })),
  sweep('hidden-size-sweep', 'hidden sizes 32–512 on the MNIST MLP', [32, 64, 128, 256, 512], (h) => String(h), (units) => ({ ...base, hidden: [units, units] })),
];
