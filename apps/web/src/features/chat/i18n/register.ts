import { addFeatureNamespace } from '@web/i18n/feature-catalog';
import { chatEn } from './en';
import { chatRu } from './ru';

/** The `chat` namespace joins the catalogs when the chat loads (its screens import this first). */
addFeatureNamespace('chat', chatEn, chatRu);
