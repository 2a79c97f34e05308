import type { Catalog } from '../../catalog';
import { account } from './account';
import { apply } from './apply';
import { auth } from './auth';
import { common } from './common';
import { directory } from './directory';
import { errors } from './errors';
import { home } from './home';
import { profile } from './profile';
import { practitionerForm, reference } from './reference';

/** Русский каталог: те же ключи, что в английском (проверяется типом и тестом). */
export const ru: Catalog = {
  ...common,
  errors,
  auth,
  account,
  apply,
  home,
  directory,
  profile,
  reference,
  practitionerForm,
};
