// Regenerates test/fixtures/schema.sql after a new migration: npx tsx scripts/schema-snapshot.ts
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { openDatabase } from '../src/store/open.ts';
import { dumpSchema } from '../test/support/schemaDump.ts';

const db = openDatabase(':memory:');
writeFileSync(join(import.meta.dirname, '../test/fixtures/schema.sql'), dumpSchema(db));
db.close();
console.log('wrote test/fixtures/schema.sql');
