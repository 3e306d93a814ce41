/**
 * The demo page: picks the backend (and shows why), loads the data index, mounts the panels.
 * Everything runs in the page's main thread; training yields to the page every few steps.
 */
import * as dn from 'dendrite';
import { element } from './app-state';
import { loadDataIndex } from './demo-data';
import { mountModelPanel } from './model-panel';
import { mountPredictPanel } from './predict-panel';
import { mountSaveLoadPanel } from './save-load-panel';
import { mountTrainPanel } from './train-panel';
import './style.css';

async function start(): Promise<void> {
  const backend = element('#backend');
  const info = await dn.selectBackend();
  backend.textContent = `Backend: ${info.name}${info.simd ? ' with SIMD' : ''}${info.threads > 1 ? `, ${info.threads} threads` : ''} — ${info.reason}`;
  backend.dataset.backend = info.name;
  backend.dataset.simd = String(info.simd);
  const index = await loadDataIndex();
  mountTrainPanel(element('#train'), index);
  mountPredictPanel(element('#predict'));
  mountModelPanel(element('#model'));
  mountSaveLoadPanel(element('#save-load'));
  for (const tab of document.querySelectorAll<HTMLButtonElement>('nav button')) {
    tab.addEventListener('click', () => {
      for (const other of document.querySelectorAll('nav button')) other.classList.toggle('active', other === tab);
      for (const panel of document.querySelectorAll<HTMLElement>('main > section')) panel.hidden = panel.id !== tab.dataset.panel;
    });
  }
  document.body.dataset.ready = 'true';
}

start().catch((error: unknown) => {
  element('#backend').textContent = `The demo could not start: ${(error as Error).message}`;
  document.body.dataset.ready = 'error';
});
