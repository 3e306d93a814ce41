import * as dn from 'dendrite';
import { element, setCurrentModel, yieldToPage } from './app-state';
import { buildCourseModel, COURSE_MODELS, type CourseModelName, OPTIMIZERS } from './course-models';
import { DATA_SLICE, type DataIndex } from './data-index';
import { CLASS_NAMES, imageTensor, labelTensor, loadDataset } from './demo-data';
import { LineChart } from './line-chart';

/** Images at the end of the shipped training slice held out for validation. */
const VALIDATION_IMAGES = 1000;
/** Training steps between two yields to the page. */
const STEPS_PER_YIELD = 4;

type RunState = 'idle' | 'running' | 'paused';

/**
 * The Train panel: model, optimizer and hyperparameters; start, pause, stop; live loss and
 * accuracy charts per batch and per epoch (training against validation); seconds per epoch.
 */
export function mountTrainPanel(root: HTMLElement, index: DataIndex): void {
  const form = element<HTMLFormElement>('#train-form', root);
  const modelSelect = element<HTMLSelectElement>('#model-choice', root);
  const optimizerSelect = element<HTMLSelectElement>('#optimizer', root);
  const input = (id: string) => element<HTMLInputElement>(`#${id}`, root);
  const [startButton, pauseButton, stopButton] = ['#start', '#pause', '#stop'].map((id) => element<HTMLButtonElement>(id, root));
  const status = element('#train-status', root);
  const epochRows = element<HTMLTableSectionElement>('#epoch-table tbody', root);
  const lossChart = new LineChart('loss');
  const accuracyChart = new LineChart('accuracy');
  for (const [chart, metric] of [[lossChart, 'loss'], [accuracyChart, 'accuracy']] as const) {
    chart.setSeries({ name: `batch_${metric}`, color: '#9ab', dots: false, points: [] });
    chart.setSeries({ name: metric, color: '#1f6fd1', dots: true, points: [] });
    chart.setSeries({ name: `val_${metric}`, color: '#e0651b', dots: true, points: [] });
    chart.draw();
    element('#charts', root).append(chart.element);
  }

  for (const choice of Object.values(COURSE_MODELS)) {
    const missing = !(index.datasets[choice.dataset]?.available ?? false);
    modelSelect.add(new Option(missing ? `${choice.title} — data missing` : choice.title, choice.name));
  }
  for (const name of OPTIMIZERS) optimizerSelect.add(new Option(name, name));
  input('train-images').max = String(DATA_SLICE.train - VALIDATION_IMAGES);

  const applyDefaults = () => {
    const choice = COURSE_MODELS[modelSelect.value as CourseModelName];
    optimizerSelect.value = choice.defaults.optimizer;
    input('learning-rate').value = String(choice.defaults.learningRate);
    input('batch-size').value = String(choice.defaults.batchSize);
    input('epochs').value = String(choice.defaults.epochs);
    input('dropout').value = String(choice.defaults.dropout);
    const entry = index.datasets[choice.dataset];
    const available = entry?.available ?? false;
    status.textContent = available ? `Ready: ${choice.title}, data from ${entry!.source}.` : `${choice.title} cannot train: ${entry?.source ?? 'its dataset was not built'}.`;
    startButton.disabled = !available;
  };
  modelSelect.addEventListener('change', applyDefaults);
  applyDefaults();

  let state: RunState = 'idle';
  let resume: (() => void) | undefined;
  let training: dn.Model | undefined;
  const setState = (next: RunState) => {
    state = next;
    root.dataset.trainState = next;
    startButton.disabled = next !== 'idle';
    pauseButton.disabled = next === 'idle';
    stopButton.disabled = next === 'idle';
    pauseButton.textContent = next === 'paused' ? 'Resume' : 'Pause';
  };
  setState('idle');

  pauseButton.addEventListener('click', () => {
    if (state === 'running') setState('paused');
    else if (state === 'paused') {
      setState('running');
      resume?.();
    }
  });
  stopButton.addEventListener('click', () => {
    if (training !== undefined) training.stopTraining = true;
    if (state === 'paused') resume?.();
    setState('running');
    status.textContent = 'Stopping after this batch…';
  });

  form.addEventListener('submit', (event) => {
    event.preventDefault();
    void train().catch((error: unknown) => {
      status.textContent = `Training failed: ${(error as Error).message}`;
      setState('idle');
    });
  });

  async function train(): Promise<void> {
    const choice = COURSE_MODELS[modelSelect.value as CourseModelName];
    const settings = {
      optimizer: optimizerSelect.value,
      learningRate: Number(input('learning-rate').value),
      batchSize: Number(input('batch-size').value),
      epochs: Number(input('epochs').value),
      dropout: Number(input('dropout').value),
      images: Math.min(Number(input('train-images').value), DATA_SLICE.train - VALIDATION_IMAGES),
    };
    setState('running');
    root.dataset.trainDone = 'false';
    lossChart.clear();
    accuracyChart.clear();
    epochRows.textContent = '';
    status.textContent = `Loading ${choice.dataset} data…`;
    const data = await loadDataset(choice.dataset);
    const x = imageTensor(data.train, 0, settings.images, choice.imageShape);
    const y = labelTensor(data.train, 0, settings.images, choice.sparseLabels);
    const validationStart = DATA_SLICE.train - VALIDATION_IMAGES;
    const xValidation = imageTensor(data.train, validationStart, VALIDATION_IMAGES, choice.imageShape);
    const yValidation = labelTensor(data.train, validationStart, VALIDATION_IMAGES, choice.sparseLabels);
    const model = buildCourseModel(choice, settings);
    training = model;
    const stepsPerEpoch = Math.ceil(settings.images / settings.batchSize);
    let epochStart = 0;
    let currentEpoch = 0;
    const progress = dn.callbacks.lambdaCallback({
      onEpochBegin: (epoch) => {
        currentEpoch = epoch;
        epochStart = performance.now();
      },
      onBatchEnd: async (batch, logs) => {
        const x = currentEpoch + (batch + 1) / stepsPerEpoch;
        lossChart.add('batch_loss', x, Number(logs?.loss));
        accuracyChart.add('batch_accuracy', x, Number(logs?.accuracy));
        if (batch % STEPS_PER_YIELD === 0) {
          lossChart.draw();
          accuracyChart.draw();
          status.textContent = `Epoch ${currentEpoch + 1}/${settings.epochs}, batch ${batch + 1}/${stepsPerEpoch}: loss ${Number(logs?.loss).toFixed(4)}`;
          await yieldToPage();
        }
        while (state === 'paused') {
          status.textContent = `Paused at epoch ${currentEpoch + 1}, batch ${batch + 1}.`;
          await new Promise<void>((resolve) => (resume = resolve));
        }
      },
      onEpochEnd: async (epoch, logs = {}) => {
        const seconds = (performance.now() - epochStart) / 1000;
        for (const [chart, metric] of [[lossChart, 'loss'], [accuracyChart, 'accuracy']] as const) {
          chart.add(metric, epoch + 1, Number(logs[metric]));
          chart.add(`val_${metric}`, epoch + 1, Number(logs[`val_${metric}`]));
          chart.draw();
        }
        const row = epochRows.insertRow();
        row.dataset.epoch = String(epoch + 1);
        for (const cell of [String(epoch + 1), seconds.toFixed(2), ...['loss', 'accuracy', 'val_loss', 'val_accuracy'].map((name) => Number(logs[name]).toFixed(4))]) {
          row.insertCell().textContent = cell;
        }
        await yieldToPage();
      },
    });
    try {
      status.textContent = `Training ${choice.title} on ${settings.images} images…`;
      const history = await model.fit(x, y, {
        epochs: settings.epochs,
        batchSize: settings.batchSize,
        validationData: [xValidation, yValidation],
        shuffle: true,
        verbose: 0,
        callbacks: [progress],
      });
      const validation = history.history.val_accuracy as number[] | undefined;
      const last = validation?.at(-1);
      status.textContent = `Done: ${validation?.length ?? 0} epochs, validation accuracy ${last === undefined ? '?' : (last * 100).toFixed(1)} %.`;
      await setCurrentModel({ model, origin: `trained here: ${choice.title}`, classNames: CLASS_NAMES[choice.dataset], dataset: choice.dataset });
    } catch (error) {
      model.dispose();
      throw error;
    } finally {
      dn.tf.dispose([x, y, xValidation, yValidation]);
      training = undefined;
      setState('idle');
      root.dataset.trainDone = 'true';
    }
  }
}
