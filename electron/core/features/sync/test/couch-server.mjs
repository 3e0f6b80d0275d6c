// A CouchDB-protocol server for the team library's tests: express-pouchdb over PouchDB's
// LevelDB adapter in a folder (so a killed server restarts with its data), on loopback.
// Usage: node couch-server.mjs <folder> <port|0> <admin password> <database>…
// Prints `PORT <n>` once it listens. (express-pouchdb cannot create a database over HTTP
// with its security plugin on, so the databases are created here, as on a desk's server
// an admin creates them.)
import PouchDB from 'pouchdb-node';
import expressPouchDB from 'express-pouchdb';

const [folder, port, adminPassword, ...databases] = process.argv.slice(2);
const Pouch = PouchDB.defaults({ prefix: `${folder}/` });
const app = expressPouchDB(Pouch, { mode: 'fullCouchDB', inMemoryConfig: true, logPath: `${folder}/log.txt` });
app.couchConfig.set('admins', 'admin', adminPassword, () => {});
for (const name of databases) await new Pouch(name).info();
const server = app.listen(Number(port), '127.0.0.1', () => {
  process.stdout.write(`PORT ${server.address().port}\n`);
});
