'use strict';
// grpc-js server for bench.Echo/Echo: `node server.js --port N` (0 = any free port) on 127.0.0.1, h2c.
// Prints `listening on 127.0.0.1:<port>` once bound.
const path = require('path');
const grpc = require('@grpc/grpc-js');
const protoLoader = require('@grpc/proto-loader');

const portFlag = process.argv.indexOf('--port');
const port = portFlag >= 0 ? Number(process.argv[portFlag + 1]) : 0;

const definition = protoLoader.loadSync('bench.proto', { includeDirs: [path.resolve(__dirname, '..', 'Protos')] });
const bench = grpc.loadPackageDefinition(definition).bench;

const server = new grpc.Server();
server.addService(bench.Echo.service, {
  Echo(call, callback) {
    callback(null, { payload: call.request.payload });
  },
});

server.bindAsync(`127.0.0.1:${port}`, grpc.ServerCredentials.createInsecure(), (error, boundPort) => {
  if (error) {
    console.error(`failed to bind 127.0.0.1:${port}: ${error.message}`);
    process.exit(1);
  }
  console.log(`listening on 127.0.0.1:${boundPort}`);
});

for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => {
    server.forceShutdown();
    process.exit(0);
  });
}
