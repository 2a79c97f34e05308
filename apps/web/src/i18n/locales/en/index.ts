import { account } from './account';
import { apply } from './apply';
import { auth } from './auth';
import { common } from './common';
import { directory } from './directory';
import { errors } from './errors';
import { home } from './home';
import { profile } from './profile';
import { practitionerForm, reference } from './reference';

/** The English catalog: the reference every other language must match key for key (plurals aside). */
export const en = {
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
