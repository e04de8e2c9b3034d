/**
 * Opens monitor.db: WAL so the dashboard reads while checks write and a CLI (`monitor deploy`)
 * can write beside the service; synchronous=NORMAL, which in WAL mode loses nothing committed when
 * the process is killed (only an OS crash may lose the last transactions); then the migrations.
 */
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import { UsageError } from '../../core/errors.js';
import { MIGRATIONS } from './migrations.js';

export type Db = Database.Database;

export function openDatabase(file: string): Db {
  if (file !== ':memory:') mkdirSync(dirname(file), { recursive: true });
  let db: Db;
  try {
    db = new Database(file);
  } catch (err) {
    throw new UsageError('LR_MONITOR_DB', `cannot open the monitor database ${file}: ${(err as Error).message}`);
  }
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  db.pragma('busy_timeout = 5000');
  migrate(db, file);
  return db;
}

function migrate(db: Db, file: string): void {
  const version = db.pragma('user_version', { simple: true }) as number;
  if (version > MIGRATIONS.length) {
    db.close();
    throw new UsageError('LR_MONITOR_DB_NEWER', `${file} was written by a newer launch-ready (schema ${version}, this one knows ${MIGRATIONS.length}); upgrade launch-ready or use another --data folder.`);
  }
  for (let v = version; v < MIGRATIONS.length; v++) {
    db.transaction(() => {
      db.exec(MIGRATIONS[v]);
      db.pragma(`user_version = ${v + 1}`);
    })();
  }
}
