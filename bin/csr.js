#!/usr/bin/env node
import {main} from '../dist/main.js';
import {productionContext} from '../dist/production.js';

process.exitCode = await main(process.argv.slice(2), productionContext());
