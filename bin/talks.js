#!/usr/bin/env node
// `talks` command: runs the TypeScript entry through tsx's ESM loader, so it works right after
// `npm install` with no build step. https://tsx.is/dev-api/register-esm
import { register } from 'tsx/esm/api';

register();
await import('../adapters/cli/talks.ts');
