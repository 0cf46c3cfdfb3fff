#!/usr/bin/env node
// Entry point of the `sarhad` command. The packages ship TypeScript sources; tsx compiles them on load (cached),
// so `npx sarhad` works straight after `npm install` with no build step.
import { register } from 'tsx/esm/api';

register();
const { main } = await import('../src/index.ts');
await main(process.argv);
