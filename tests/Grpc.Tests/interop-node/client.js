'use strict';
// grpc-js interop client:
//   node client.js --server_port N --test_case NAME[,NAME...] [--server_host H]
// Runs each case against a TestService at H:N (h2c), prints `PASS name` or `FAIL name: reason`
// per case, and exits 0 only if every case passed. --test_case all runs every case.
const { grpc, testing } = require('./lib/protos');
const { parseArgs } = require('./lib/args');
const { cases } = require('./lib/cases');

const CASE_TIMEOUT_MS = 30000;

function withTimeout(promise, name) {
  let timer;
  const timeout = new Promise((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${name} did not finish within ${CASE_TIMEOUT_MS} ms`)), CASE_TIMEOUT_MS);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

async function main() {
  const args = parseArgs(process.argv.slice(2));
  const host = args.server_host ?? '127.0.0.1';
  const port = Number(args.server_port);
  if (!port || !args.test_case) {
    console.error('usage: node client.js --server_port N --test_case NAME[,NAME...] [--server_host H]');
    return 2;
  }
  const names = args.test_case === 'all' ? Object.keys(cases) : args.test_case.split(',');
  const unknown = names.filter(name => !cases[name]);
  if (unknown.length > 0) {
    console.error(`unknown test case(s): ${unknown.join(', ')}`);
    return 2;
  }

  const address = `${host}:${port}`;
  const credentials = grpc.credentials.createInsecure();
  const ctx = {
    host,
    port,
    plain: new testing.TestService(address, credentials),
    gzip: new testing.TestService(address, credentials, { 'grpc.default_compression_algorithm': grpc.compressionAlgorithms.gzip }),
    unimplemented: new testing.UnimplementedService(address, credentials),
  };

  let failed = 0;
  for (const name of names) {
    try {
      await withTimeout(cases[name](ctx), name);
      console.log(`PASS ${name}`);
    } catch (error) {
      failed++;
      console.log(`FAIL ${name}: ${error.message ?? error}`);
    }
  }
  for (const client of [ctx.plain, ctx.gzip, ctx.unimplemented]) {
    client.close();
  }
  return failed === 0 ? 0 : 1;
}

// Exits explicitly: a cancelled call can leave grpc-js's closed session draining for a while,
// and the result is known once every case has finished.
main().then(code => process.exit(code), error => {
  console.error(error);
  process.exit(1);
});
