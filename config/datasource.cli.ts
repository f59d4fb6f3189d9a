/** DataSource for the TypeORM CLI (migration:generate/run/revert/check), built from the same env config. */
import { DataSource } from 'typeorm';
import { loadConfig } from './app.config.js';
import { dataSourceOptions } from './data-source.js';

export default new DataSource(dataSourceOptions(loadConfig()));
