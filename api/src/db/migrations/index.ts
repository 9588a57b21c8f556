import type { Migration } from 'kysely';
import * as m0001 from './0001_core.js';
import * as m0002 from './0002_catalogue.js';
import * as m0003 from './0003_quotes.js';
import * as m0004 from './0004_chat.js';
import * as m0005 from './0005_chat_quote_announcements.js';
import * as m0006 from './0006_user_versions.js';
import * as m0007 from './0007_jobs.js';
import * as m0008 from './0008_data_hygiene.js';
import * as m0009 from './0009_schema_qualified_functions.js';
import * as m0010 from './0010_documents.js';
import * as m0011 from './0011_catalogue_search_words.js';
import * as m0012 from './0012_catalogue_word_postings.js';
import * as m0013 from './0013_catalogue_sku_prefix.js';

/**
 * Every migration, by version. Static imports (not a directory scan) so that
 * the same list runs under tsx, vitest and compiled code. Append new versions.
 */
export const migrations: Record<string, Migration> = {
  '0001_core': m0001,
  '0002_catalogue': m0002,
  '0003_quotes': m0003,
  '0004_chat': m0004,
  '0005_chat_quote_announcements': m0005,
  '0006_user_versions': m0006,
  '0007_jobs': m0007,
  '0008_data_hygiene': m0008,
  '0009_schema_qualified_functions': m0009,
  '0010_documents': m0010,
  '0011_catalogue_search_words': m0011,
  '0012_catalogue_word_postings': m0012,
  '0013_catalogue_sku_prefix': m0013,
};
