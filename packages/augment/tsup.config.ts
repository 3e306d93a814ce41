import { defineConfig } from 'tsup';
import { definePackageConfig } from '@dendrite/tsup-config';

export default defineConfig(definePackageConfig());
