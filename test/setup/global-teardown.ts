import { dropTemplateDatabase, TEMPLATE_ENV } from '../utils/template-database';

export default async function globalTeardown(): Promise<void> {
  const template = process.env[TEMPLATE_ENV];
  if (template) {
    delete process.env[TEMPLATE_ENV];
    await dropTemplateDatabase(template);
  }
}
