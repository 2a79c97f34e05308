import { Logger } from '@nestjs/common';
import { createTemplateDatabase, TEMPLATE_ENV } from '../utils/template-database';

/** Migrates the template database once per run; workers inherit its location through the environment. */
export default async function globalSetup(): Promise<void> {
  if (!process.env[TEMPLATE_ENV]) {
    Logger.overrideLogger(['error']);
    process.env[TEMPLATE_ENV] = await createTemplateDatabase();
  }
}
